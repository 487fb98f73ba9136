"""The editors' side of contributions in the Wagtail admin at /admin/bijdragen/: the private
attachment download, the one screen per contribution (everything it holds, status and notes,
"Maak conceptpagina" for each section type with themes), the read-only view for those who may
only look, the list with filters and search, the menu item and the dashboard panel."""

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Page

from contributions.drafts import INTRO_MAX_LENGTH, intro_and_rest
from contributions.models import Contribution
from dossier.models import Person, Theme
from news.models import NewsIndexPage, NewsPage
from opinion.models import BlogPage, OpinionIndexPage
from projects.models import ProjectIndexPage, ProjectPage
from publications.models import PublicationIndexPage, PublicationPage
from sources.models import SourceIndexPage, SourcePage
from tests.helpers import find_all, parse, texts

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"
TEXT = (
    "Eerste alinea over <script>alert(1)</script> en slimme lantaarnpalen.\n"
    "\n"
    "Tweede alinea\n"
    "met een tweede regel."
)
ESCAPED_FIRST_PARAGRAPH = (
    "<p>Eerste alinea over &lt;script&gt;alert(1)&lt;/script&gt; en slimme lantaarnpalen.</p>"
)
LINK = "https://example.org/lantaarnpalen"


# --- fixtures ---------------------------------------------------------------------------


@pytest.fixture
def client(client):
    """pytest-django's client, on the host of the demo site."""
    client.defaults["HTTP_HOST"] = "localhost"
    return client


def _permissions(*codenames):
    return Permission.objects.filter(
        content_type__app_label="contributions", codename__in=codenames
    )


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser(
        "beheerder", "beheerder@example.org", "wachtwoord"
    )


@pytest.fixture
def plain_user(django_user_model):
    """Logged in, but no admin access at all."""
    return django_user_model.objects.create_user("lezer", "lezer@example.org", "wachtwoord")


def _user_in(django_user_model, username, group, **names):
    user = django_user_model.objects.create_user(
        username, f"{username}@example.org", "wachtwoord", **names
    )
    user.groups.add(group)
    return user


@pytest.fixture
def editor(django_user_model):
    """A member of Wagtail's default "Editors" group, with only what that group has."""
    group = Group.objects.get(name="Editors")
    return _user_in(django_user_model, "redacteur", group, first_name="Rita", last_name="Dakteur")


@pytest.fixture
def admin_user_without_contributions(django_user_model):
    """Admin access, but no permission on contributions."""
    group = Group.objects.create(name="Alleen beheer")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    return _user_in(django_user_model, "buitenstaander", group)


@pytest.fixture
def viewer(django_user_model):
    """Admin access and the right to look at contributions, not to change them."""
    group = Group.objects.create(name="Bijdragen bekijken")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *_permissions("view_contribution"),
    )
    return _user_in(django_user_model, "kijker", group)


@pytest.fixture
def make_contribution():
    """Create a submission as the public form would store it; private files are removed
    afterwards, since the database rollback does not touch the disk."""
    stored = []

    def make(*, attachment=None, **fields):
        values = {
            "name": "Anouk Inzender",
            "organisation": "Gemeente Zwolle & Partners",
            "email": "anouk@example.org",
            "kind": Contribution.Kind.NEWS,
            "title": "Slimme lantaarnpalen in Zwolle",
            "text": TEXT,
            "link": LINK,
            "consent_at": timezone.now(),
            **fields,
        }
        contribution = Contribution.objects.create(**values)
        if attachment is not None:
            contribution.attachment_name = fields.get("attachment_name", 'Rapport "juni".pdf')
            contribution.attachment_type = "application/pdf"
            contribution.attachment_size = len(attachment)
            contribution.attachment.save("upload.pdf", ContentFile(attachment), save=True)
            stored.append((contribution.attachment.storage, contribution.attachment.name))
        return contribution

    yield make
    for storage, name in stored:
        if storage.exists(name):
            storage.delete(name)


def body_of(response) -> bytes:
    if response.streaming:
        content = b"".join(response.streaming_content)
        response.close()
        return content
    return response.content


def edit_url(contribution):
    return reverse("contributions:edit", args=[contribution.pk])


def post_draft(client, contribution, target, themes=(), **kwargs):
    """Press "Maak conceptpagina" on the contribution's screen, as the browser sends it."""
    return client.post(
        edit_url(contribution),
        {
            "status": contribution.status,
            "editor_notes": contribution.editor_notes,
            "target": target,
            "themes": [theme.pk for theme in themes],
            "action-draft": "1",
        },
        **kwargs,
    )


def error_texts(html) -> list[str]:
    """The texts of the form's error messages (Wagtail's error_message blocks and the
    validation error banner)."""
    elements = parse(html)
    return [
        text
        for element, text in zip(elements, texts(elements), strict=True)
        if text and {"error-message", "error"} & set(element.attrs.get("class", "").split())
    ]


def messages_in(html) -> list[str]:
    """The texts of the admin's flash messages."""
    elements = parse(html)
    return [
        text
        for element, text in zip(elements, texts(elements), strict=True)
        if text
        and element.tag == "li"
        and {"success", "error", "warning"} & set(element.attrs.get("class", "").split())
    ]


def row_texts(response):
    return texts(find_all(response.content, "tr"))


# --- permissions ------------------------------------------------------------------------


@pytest.mark.parametrize("group", ["Editors", "Moderators"])
def test_editorial_groups_may_view_and_change_contributions(group):
    codenames = set(
        Group.objects.get(name=group)
        .permissions.filter(
            content_type__app_label="contributions", codename__contains="contribution"
        )
        .values_list("codename", flat=True)
    )
    assert codenames == {"view_contribution", "change_contribution"}


# --- the private attachment -------------------------------------------------------------


def test_attachment_needs_a_login(client, make_contribution):
    contribution = make_contribution(attachment=PDF)
    url = reverse("contributions:attachment", args=[contribution.pk])

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert PDF not in body_of(response)


def test_attachment_refused_without_admin_access(client, plain_user, make_contribution):
    contribution = make_contribution(attachment=PDF)
    client.force_login(plain_user)

    response = client.get(reverse("contributions:attachment", args=[contribution.pk]))

    assert response.status_code in {302, 403}
    if response.status_code == 302:
        assert response["Location"].startswith("/admin/login/")
    assert PDF not in body_of(response)


def test_attachment_refused_without_contribution_permission(
    client, admin_user_without_contributions, make_contribution
):
    """Admin access alone is not enough: the user also needs view_contribution."""
    contribution = make_contribution(attachment=PDF)
    client.force_login(admin_user_without_contributions)

    response = client.get(reverse("contributions:attachment", args=[contribution.pk]))

    assert response.status_code in {302, 403}
    assert not response.streaming
    assert PDF not in body_of(response)


def test_editor_downloads_the_attachment_as_a_safe_file(client, editor, make_contribution):
    contribution = make_contribution(attachment=PDF, attachment_name='../../etc/Rapport "juni".pdf')
    client.force_login(editor)

    response = client.get(reverse("contributions:attachment", args=[contribution.pk]))

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="Rapport juni.pdf"'
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert body_of(response) == PDF


def test_attachment_of_a_contribution_without_one_is_404(client, editor, make_contribution):
    contribution = make_contribution()
    client.force_login(editor)

    response = client.get(reverse("contributions:attachment", args=[contribution.pk]))

    assert response.status_code == 404


def test_attachment_whose_file_is_gone_is_404(client, editor, make_contribution):
    contribution = make_contribution(attachment=PDF)
    contribution.attachment.storage.delete(contribution.attachment.name)
    client.force_login(editor)

    response = client.get(reverse("contributions:attachment", args=[contribution.pk]))

    assert response.status_code == 404


def test_attachment_has_no_public_url(client, make_contribution):
    contribution = make_contribution(attachment=PDF)
    name = contribution.attachment.name
    path = Path(contribution.attachment.path).resolve()

    assert path.read_bytes() == PDF
    assert path.is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT).resolve())
    assert not path.is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    assert not (Path(settings.MEDIA_ROOT) / name).exists()
    assert "juni" not in name, "the stored name is random, not the contributor's"
    with pytest.raises(ValueError):
        contribution.attachment.url  # noqa: B018

    response = client.get(settings.MEDIA_URL + name)

    assert response.status_code == 404
    assert PDF not in body_of(response)


# --- "Maak conceptpagina" ---------------------------------------------------------------


DRAFT_CASES = [
    ("nieuwstip", NewsPage, NewsIndexPage),
    ("blog", BlogPage, OpinionIndexPage),
    ("project", ProjectPage, ProjectIndexPage),
    ("publicatie", PublicationPage, PublicationIndexPage),
    ("bron", SourcePage, SourceIndexPage),
]


@pytest.mark.parametrize(("kind", "page_model", "index_model"), DRAFT_CASES)
def test_draft_page_for_each_kind(
    client,
    editor,
    make_contribution,
    django_capture_on_commit_callbacks,
    kind,
    page_model,
    index_model,
):
    contribution = make_contribution(
        kind=kind, title=f"Slimme lantaarnpalen ({kind})", attachment=PDF
    )
    private_storage, private_name = contribution.attachment.storage, contribution.attachment.name
    client.force_login(editor)

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = post_draft(client, contribution, kind)

    contribution.refresh_from_db()
    if contribution.page_id is None:
        shown = client.get(response["Location"]).content
        pytest.fail(f"no page was made; the admin says: {messages_in(shown)}")
    page = Page.objects.get(pk=contribution.page_id).specific
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{page.pk}/edit/"

    # The right type in the right place, as a draft
    assert type(page) is page_model
    assert type(page.get_parent().specific) is index_model
    assert not page.live
    assert page.owner == editor
    assert page.title == contribution.title
    assert page.intro == "Eerste alinea over <script>alert(1)</script> en slimme lantaarnpalen."

    # The body: the escaped text after the intro (which is not repeated), then the credit line
    blocks = page.body.raw_data
    paragraphs = [block["value"] for block in blocks if block["type"] == "paragraph"]
    assert paragraphs[0] == "<p>Tweede alinea<br/>met een tweede regel.</p>"
    assert ESCAPED_FIRST_PARAGRAPH not in paragraphs
    assert "Eerste alinea" not in "".join(paragraphs)
    assert "<script>" not in "".join(paragraphs)
    assert paragraphs[-1] == (
        "<p><i>Ingezonden bijdrage van Anouk Inzender (Gemeente Zwolle &amp; Partners).</i></p>"
    )

    # The fields of each type, and where the attachment went
    documents = [block["value"]["document"] for block in blocks if block["type"] == "document"]
    if page_model is PublicationPage:
        assert documents == []
        assert page.document is not None
        document = page.document
        assert page.external_url == LINK
    else:
        assert len(documents) == 1
        document = get_document_model().objects.get(pk=documents[0])
    if page_model is NewsPage:
        assert page.source_url == LINK
        assert page.source_name == "Gemeente Zwolle & Partners"
    elif page_model is BlogPage:
        assert [author.person.name for author in page.page_authors.all()] == ["Anouk Inzender"]
        assert Person.objects.filter(name="Anouk Inzender").count() == 1
    elif page_model is ProjectPage:
        assert page.status == ProjectPage.Status.RUNNING
    elif page_model is SourcePage:
        assert page.link_url == LINK
    if page_model in {BlogPage, ProjectPage}:
        assert any(LINK in html and "Meer informatie" in html for html in paragraphs)
    with document.file.open("rb") as handle:
        assert handle.read() == PDF
    assert document.title == contribution.title
    assert document.file_size == len(PDF)
    assert '"' not in document.file.name

    # The contribution is done with, and its private file is gone after the commit
    assert contribution.status == Contribution.Status.ACCEPTED
    assert "conceptpagina" in contribution.editor_notes
    assert "Rita Dakteur" in contribution.editor_notes
    assert not contribution.attachment
    assert callbacks, "the private file is removed on commit"
    assert not private_storage.exists(private_name)

    # In moderation, and the editor can carry on in the page editor
    workflow_state = page.current_workflow_state
    assert workflow_state is not None
    assert workflow_state.status == workflow_state.STATUS_IN_PROGRESS
    assert workflow_state.workflow.name == "Goedkeuring redactie"
    assert page.latest_revision.user == editor

    edit = client.get(response["Location"])
    assert edit.status_code == 200
    assert b"<script>alert(1)</script>" not in edit.content


def test_attachment_stays_private_until_the_page_is_published(
    client, editor, make_contribution, django_capture_on_commit_callbacks
):
    """Until the draft is published, the moved attachment sits in a collection that only
    logged-in users can download from; publishing the page makes it public."""
    contribution = make_contribution(kind="publicatie", attachment=PDF)
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        post_draft(client, contribution, "publicatie")
    contribution.refresh_from_db()
    document = contribution.document
    assert document is not None
    assert document.collection.name == "Bijdragen (niet openbaar)"
    assert document.collection.get_view_restrictions().exists()

    reader = Client(HTTP_HOST="localhost")
    download = reader.get(document.url)
    assert download.status_code == 302
    assert "/login" in download["Location"]
    assert client.get(document.url).status_code == 200  # the editor may

    contribution.page.specific.get_latest_revision().publish()
    document.refresh_from_db()
    assert document.collection.is_root()
    public = reader.get(document.url)
    assert public.status_code == 200
    assert b"".join(public.streaming_content) == PDF


def test_blog_reuses_an_existing_person(client, editor, make_contribution):
    person = Person.objects.create(name="Anouk Inzender")
    contribution = make_contribution(kind="blog", title="Een blog van een bekende")
    client.force_login(editor)

    post_draft(client, contribution, "blog")

    contribution.refresh_from_db()
    page = contribution.page.specific
    assert [author.person for author in page.page_authors.all()] == [person]
    assert Person.objects.filter(name="Anouk Inzender").count() == 1


def test_two_drafts_with_the_same_title_get_different_slugs(client, editor, make_contribution):
    first = make_contribution(title="Dezelfde titel")
    second = make_contribution(title="Dezelfde titel")
    client.force_login(editor)

    post_draft(client, first, "nieuwstip")
    post_draft(client, second, "nieuwstip")

    first.refresh_from_db()
    second.refresh_from_db()
    assert first.page.slug == "dezelfde-titel"
    assert second.page.slug == "dezelfde-titel-1"  # Wagtail's find_available_slug counts from 1


@pytest.mark.parametrize(("kind", "suggested"), [("anders", "nieuwstip"), ("bron", "bron")])
def test_inspect_view_suggests_a_section(client, editor, make_contribution, kind, suggested):
    contribution = make_contribution(kind=kind)
    client.force_login(editor)

    response = client.get(edit_url(contribution))

    assert response.status_code == 200
    options = find_all(response.content, "input", name="target")
    assert {option.attrs["value"] for option in options} == {
        "nieuwstip",
        "blog",
        "project",
        "publicatie",
        "bron",
    }
    assert [option.attrs["value"] for option in options if "checked" in option.attrs] == [suggested]


def test_other_becomes_news_by_default(client, editor, make_contribution):
    contribution = make_contribution(kind="anders", title="Iets heel anders")
    client.force_login(editor)

    post_draft(client, contribution, "nieuwstip")

    contribution.refresh_from_db()
    assert type(contribution.page.specific) is NewsPage


def test_source_without_link_is_refused(client, editor, make_contribution):
    contribution = make_contribution(
        kind="bron", title="Een bron zonder adres", link="", attachment=PDF
    )
    client.force_login(editor)
    documents_before = get_document_model().objects.count()

    response = post_draft(client, contribution, "bron")

    assert response.status_code == 200
    assert any("Een bron heeft een link nodig" in text for text in messages_in(response.content))
    contribution.refresh_from_db()
    assert contribution.page is None
    assert contribution.status == Contribution.Status.NEW
    assert not SourcePage.objects.filter(title="Een bron zonder adres").exists()
    assert get_document_model().objects.count() == documents_before
    assert contribution.attachment.storage.exists(contribution.attachment.name)


@pytest.mark.parametrize(
    ("target", "error"),
    [
        ("anders", "Selecteer een geldige keuze"),
        ("iets", "Selecteer een geldige keuze"),
        ("", "Kies een rubriek voor de conceptpagina."),
    ],
)
def test_unknown_target_is_refused(client, editor, make_contribution, target, error):
    contribution = make_contribution(title="Zonder rubriek")
    client.force_login(editor)

    response = post_draft(client, contribution, target)

    assert response.status_code == 200
    assert any(text.startswith(error) for text in error_texts(response.content)), error_texts(
        response.content
    )
    contribution.refresh_from_db()
    assert contribution.page is None
    assert not Page.objects.filter(title="Zonder rubriek").exists()


def test_second_draft_of_the_same_contribution_is_refused(client, editor, make_contribution):
    contribution = make_contribution(title="Maar één keer")
    client.force_login(editor)
    post_draft(client, contribution, "nieuwstip")
    contribution.refresh_from_db()
    first_page = contribution.page

    response = post_draft(client, contribution, "blog")

    assert any("al een pagina gemaakt" in text for text in messages_in(response.content))
    assert Page.objects.filter(title="Maar één keer").count() == 1
    contribution.refresh_from_db()
    assert contribution.page == first_page
    screen = client.get(edit_url(contribution))
    assert f'href="/admin/pages/{first_page.pk}/edit/"' in screen.content.decode()
    assert not find_all(screen.content, "input", name="target")
    assert not find_all(screen.content, "button", name="action-draft")


def test_failed_draft_leaves_no_public_copy_of_the_attachment(
    client, editor, make_contribution, monkeypatch
):
    """When the page cannot be made after the attachment was copied into the documents, the
    whole step is undone: no page, no document, and no copy of the file in the public media."""
    contribution = make_contribution(title="Mislukt concept", attachment=PDF)
    private_storage, private_name = contribution.attachment.storage, contribution.attachment.name

    def broken_save_revision(*args, **kwargs):
        raise ValidationError("De pagina kon niet worden opgeslagen.")

    monkeypatch.setattr(Page, "save_revision", broken_save_revision)
    media = Path(settings.MEDIA_ROOT)
    before = {path for path in media.rglob("*") if path.is_file()}
    client.force_login(editor)

    response = post_draft(client, contribution, "nieuwstip")

    assert response.status_code == 200  # the same screen, with what went wrong
    shown = messages_in(response.content)
    assert len(shown) == 1
    assert shown[0].startswith("De conceptpagina is niet gemaakt.")
    assert "De pagina kon niet worden opgeslagen." in shown[0]
    download = reverse("contributions:attachment", args=[contribution.pk])
    assert find_all(response.content, "a", href=download), "the attachment is still there"
    contribution.refresh_from_db()
    assert contribution.page is None
    assert contribution.status == Contribution.Status.NEW
    assert contribution.attachment.name == private_name
    assert private_storage.exists(private_name)
    assert not Page.objects.filter(title="Mislukt concept").exists()
    assert not get_document_model().objects.filter(title="Mislukt concept").exists()
    new_files = {path for path in media.rglob("*") if path.is_file()} - before
    leaked = [str(path) for path in new_files if path.read_bytes() == PDF]
    assert leaked == [], "a public copy of the private attachment stays in MEDIA_ROOT"


def test_saving_without_the_draft_button_makes_no_draft(client, editor, make_contribution):
    contribution = make_contribution(title="Alleen opgeslagen")
    client.force_login(editor)

    response = client.post(
        edit_url(contribution),
        {"status": "in_behandeling", "editor_notes": "Eerst navragen.", "target": "nieuwstip"},
    )

    assert response.status_code == 302
    contribution.refresh_from_db()
    assert contribution.page is None
    assert contribution.status == Contribution.Status.IN_PROGRESS
    assert not Page.objects.filter(title="Alleen opgeslagen").exists()


def test_draft_needs_the_change_permission(client, viewer, make_contribution):
    contribution = make_contribution(title="Alleen bekeken")
    client.force_login(viewer)

    inspect = client.get(reverse("contributions:inspect", args=[contribution.pk]))
    screen = client.get(edit_url(contribution))
    response = post_draft(client, contribution, "nieuwstip")

    assert inspect.status_code == 200
    assert not find_all(inspect.content, "input", name="target")
    assert screen.status_code in {302, 403}
    if screen.status_code == 302:
        assert screen["Location"] != edit_url(contribution)
    assert response.status_code in {302, 403}
    contribution.refresh_from_db()
    assert contribution.page is None
    assert not Page.objects.filter(title="Alleen bekeken").exists()


def test_draft_refused_to_anonymous(client, make_contribution):
    contribution = make_contribution(title="Anoniem geprobeerd")

    response = post_draft(client, contribution, "nieuwstip")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert not Page.objects.filter(title="Anoniem geprobeerd").exists()


# --- list, detail and edit --------------------------------------------------------------


@pytest.fixture
def three_contributions(make_contribution):
    return {
        "deventer": make_contribution(
            title="Wijkbudget in Deventer",
            kind="blog",
            status="nieuw",
            text="Over bewonersinitiatieven.",
        ),
        "brink": make_contribution(
            title="Sensoren op de Brink",
            kind="nieuwstip",
            status="afgewezen",
            text="Meetpunten voor fijnstof.",
        ),
        "utrecht": make_contribution(
            title="Parkeerdata Utrecht",
            kind="project",
            status="in_behandeling",
            text="Een dataset met parkeerplaatsen en een kwispelende hond.",
        ),
    }


def listed(client, query=""):
    response = client.get(reverse("contributions:index") + query)
    assert response.status_code == 200
    rows = row_texts(response)
    return {
        title
        for title in ("Wijkbudget in Deventer", "Sensoren op de Brink", "Parkeerdata Utrecht")
        if any(title in row for row in rows)
    }


def test_index_lists_submissions_with_their_status(client, editor, three_contributions):
    client.force_login(editor)

    response = client.get(reverse("contributions:index"))

    assert response.status_code == 200
    rows = row_texts(response)
    row = next(row for row in rows if "Sensoren op de Brink" in row)
    assert "Afgewezen" in row
    assert "Nieuwstip" in row
    assert "Anouk Inzender" in row
    row = next(row for row in rows if "Wijkbudget in Deventer" in row)
    assert "Nieuw" in row
    assert "Blog of opinie" in row


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", {"Wijkbudget in Deventer", "Sensoren op de Brink", "Parkeerdata Utrecht"}),
        ("?status=nieuw", {"Wijkbudget in Deventer"}),
        ("?status=afgewezen", {"Sensoren op de Brink"}),
        ("?kind=nieuwstip", {"Sensoren op de Brink"}),
        ("?kind=project", {"Parkeerdata Utrecht"}),
        ("?kind=publicatie", set()),
        ("?q=Deventer", {"Wijkbudget in Deventer"}),
        ("?q=Sensoren", {"Sensoren op de Brink"}),
        ("?q=kwispelende", {"Parkeerdata Utrecht"}),
    ],
)
def test_index_filters_and_searches(client, editor, three_contributions, query, expected):
    client.force_login(editor)

    assert listed(client, query) == expected


#: 10:05 UTC on a summer day is 12:05 in Amsterdam.
RECEIVED = datetime(2026, 7, 1, 10, 5, tzinfo=UTC)


def test_one_screen_shows_everything_the_contribution_holds(client, editor, make_contribution):
    contribution = make_contribution(
        attachment=PDF, created_at=RECEIVED, consent_at=RECEIVED + timedelta(minutes=1)
    )
    client.force_login(editor)

    response = client.get(edit_url(contribution))

    assert response.status_code == 200
    html = response.content.decode()
    for value in (
        "Slimme lantaarnpalen in Zwolle",
        "Anouk Inzender",
        'href="mailto:anouk@example.org"',
        "Gemeente Zwolle &amp; Partners",
        f'href="{LINK}"',
        "Nieuwstip",
        "Rapport &quot;juni&quot;.pdf",
        "Eerste alinea over &lt;script&gt;alert(1)&lt;/script&gt; en slimme lantaarnpalen.",
        "Tweede alinea<br>met een tweede regel.",
    ):
        assert value in html, value
    assert "<script>alert(1)</script>" not in html
    # Received and consent in local time (Europe/Amsterdam), not UTC
    assert "1 juli 2026, 12:05" in html
    assert "1 juli 2026, 12:06" in html
    assert "10:05" not in html
    # The download, status and notes, and "Maak conceptpagina" on the same screen
    download = reverse("contributions:attachment", args=[contribution.pk])
    buttons = find_all(response.content, "a", href=download)
    assert len(buttons) == 1
    assert 'Download Rapport "juni".pdf' in texts(buttons)[0]
    assert "button--icon" in buttons[0].attrs["class"].split()
    assert find_all(response.content, "select", name="status")
    assert find_all(response.content, "textarea", name="editor_notes")
    draft_buttons = find_all(response.content, "button", name="action-draft")
    assert texts(draft_buttons) == ["Maak conceptpagina"]
    assert "button--icon" in draft_buttons[0].attrs["class"].split()
    themes = find_all(response.content, "input", name="themes")
    assert {theme.attrs["value"] for theme in themes} == {
        str(pk) for pk in Theme.objects.values_list("pk", flat=True)
    }
    assert len(themes) == 7, "the demo's seven themes"
    # Wagtail's icons inside our buttons carry its size classes
    for svg in find_all(response.content, "svg"):
        assert "icon" in svg.attrs.get("class", "").split(), svg


def test_the_list_links_to_the_one_screen(client, editor, make_contribution):
    contribution = make_contribution(title="Naar het ene scherm")
    client.force_login(editor)

    response = client.get(reverse("contributions:index"))

    links = find_all(response.content, "a", href=edit_url(contribution))
    assert texts(links)[0] == "Naar het ene scherm"
    inspect = reverse("contributions:inspect", args=[contribution.pk])
    assert not find_all(response.content, "a", href=inspect), "no second detail view"
    redirected = client.get(inspect)
    assert redirected.status_code == 302
    assert redirected["Location"] == edit_url(contribution)


def test_screen_without_attachment_has_no_download(client, editor, make_contribution):
    contribution = make_contribution()
    client.force_login(editor)

    response = client.get(edit_url(contribution))

    assert response.status_code == 200
    assert "Geen bijlage." in response.content.decode()
    assert "/admin/bijdragen/attachment/" not in response.content.decode()


def test_viewer_sees_the_contribution_read_only(client, viewer, make_contribution):
    contribution = make_contribution(attachment=PDF, created_at=RECEIVED)
    client.force_login(viewer)

    index = client.get(reverse("contributions:index"))
    inspect = reverse("contributions:inspect", args=[contribution.pk])
    response = client.get(inspect)

    assert find_all(index.content, "a", href=inspect), "the list links to the read-only view"
    assert response.status_code == 200
    html = response.content.decode()
    for value in ("Anouk Inzender", "anouk@example.org", LINK, "1 juli 2026, 12:05"):
        assert value in html, value
    download = reverse("contributions:attachment", args=[contribution.pk])
    assert "Download bijlage" in texts(find_all(response.content, "a", href=download))[0]
    assert not find_all(response.content, "button", name="action-draft")
    assert not find_all(response.content, "select", name="status")


@pytest.mark.parametrize("view", ["edit", "inspect", "attachment"])
def test_unknown_contribution_is_404(client, editor, view):
    client.force_login(editor)

    response = client.get(reverse(f"contributions:{view}", args=[987654]))

    assert response.status_code == 404


def test_unknown_contribution_draft_is_404(client, editor):
    client.force_login(editor)

    response = client.post(
        reverse("contributions:edit", args=[987654]),
        {"status": "nieuw", "target": "nieuwstip", "action-draft": "1"},
    )

    assert response.status_code == 404


def test_draft_with_themes(client, editor, make_contribution):
    contribution = make_contribution(kind="project", title="Een project met thema's")
    chosen = list(Theme.objects.filter(slug__in=["mobiliteit", "zorg"]))
    assert len(chosen) == 2
    client.force_login(editor)

    response = post_draft(client, contribution, "project", themes=chosen)

    assert response.status_code == 302
    contribution.refresh_from_db()
    page = contribution.page.specific
    assert type(page) is ProjectPage
    assert {theme.slug for theme in page.themes} == {"mobiliteit", "zorg"}
    latest = page.get_latest_revision_as_object()
    assert {theme.slug for theme in latest.themes} == {"mobiliteit", "zorg"}
    editor_form = client.get(response["Location"]).content
    checked = {
        element.attrs["value"]
        for element in find_all(editor_form, "input", name="themes")
        if "checked" in element.attrs
    }
    assert checked == {str(theme.pk) for theme in chosen}


def test_draft_without_themes_has_none(client, editor, make_contribution):
    contribution = make_contribution(title="Zonder thema's")
    client.force_login(editor)

    post_draft(client, contribution, "nieuwstip")

    contribution.refresh_from_db()
    assert contribution.page.specific.themes == []


def test_draft_with_an_unknown_theme_is_a_form_error(client, editor, make_contribution):
    contribution = make_contribution(title="Onbekend thema")
    client.force_login(editor)

    response = client.post(
        edit_url(contribution),
        {"status": "nieuw", "target": "nieuwstip", "themes": ["987654"], "action-draft": "1"},
    )

    assert response.status_code == 200
    assert error_texts(response.content)
    assert not Page.objects.filter(title="Onbekend thema").exists()


def test_draft_keeps_the_notes_typed_with_it(client, editor, make_contribution):
    contribution = make_contribution(title="Met notitie")
    client.force_login(editor)

    client.post(
        edit_url(contribution),
        {
            "status": "in_behandeling",
            "editor_notes": "Gebeld met Anouk.",
            "target": "nieuwstip",
            "action-draft": "1",
        },
    )

    contribution.refresh_from_db()
    assert contribution.page is not None
    assert contribution.status == Contribution.Status.ACCEPTED
    assert contribution.editor_notes.startswith("Gebeld met Anouk.\n")
    assert "conceptpagina 'Met notitie' gemaakt" in contribution.editor_notes


def test_the_intro_of_a_single_paragraph_is_not_in_the_body(client, editor, make_contribution):
    contribution = make_contribution(title="Eén alinea", text="Alles in één alinea.", link="")
    client.force_login(editor)

    post_draft(client, contribution, "nieuwstip")

    contribution.refresh_from_db()
    page = contribution.page.specific
    assert page.intro == "Alles in één alinea."
    body = "".join(str(block.value) for block in page.body)
    assert "Alles in één alinea" not in body
    assert "Ingezonden bijdrage van Anouk Inzender" in body


def test_a_long_first_paragraph_is_split_between_intro_and_body():
    sentence = "Deze zin telt precies zestig tekens, met de punt aan het eind."
    first = " ".join([sentence] * 12)  # 12 sentences, more than the intro holds
    intro, rest = intro_and_rest(first + "\n\nTweede alinea.")

    assert len(intro) <= INTRO_MAX_LENGTH
    assert intro.endswith(".")
    assert rest[1] == "Tweede alinea."
    assert f"{intro} {rest[0]}" == first, "every sentence once, in order"


def test_a_first_sentence_too_long_for_the_intro_stays_whole_in_the_body():
    first = "woord " * 200
    intro, rest = intro_and_rest(first)

    assert len(intro) == INTRO_MAX_LENGTH
    assert intro.endswith("…")
    assert rest == [first.strip()]


def test_edit_view_only_edits_status_and_notes(client, editor, make_contribution):
    contribution = make_contribution(title="Oorspronkelijke titel")
    client.force_login(editor)
    url = reverse("contributions:edit", args=[contribution.pk])

    form = client.get(url)
    assert form.status_code == 200
    assert find_all(form.content, "select", name="status")
    assert find_all(form.content, "textarea", name="editor_notes")
    for field in ("title", "text", "name", "email", "link", "attachment", "page"):
        assert not find_all(form.content, "input", name=field), field
        assert not find_all(form.content, "textarea", name=field), field

    response = client.post(
        url,
        {
            "status": "in_behandeling",
            "editor_notes": "Gebeld met de inzender.",
            "title": "Gewijzigde titel",
            "email": "ander@example.org",
        },
    )

    assert response.status_code == 302
    contribution.refresh_from_db()
    assert contribution.status == Contribution.Status.IN_PROGRESS
    assert contribution.editor_notes == "Gebeld met de inzender."
    assert contribution.title == "Oorspronkelijke titel"
    assert contribution.email == "anouk@example.org"


def test_edit_view_refuses_an_unknown_status(client, editor, make_contribution):
    contribution = make_contribution()
    client.force_login(editor)

    response = client.post(
        reverse("contributions:edit", args=[contribution.pk]), {"status": "gepubliceerd"}
    )

    assert response.status_code == 200  # the form again, with an error at the status
    assert any(
        text.startswith("Selecteer een geldige keuze") for text in error_texts(response.content)
    )
    contribution.refresh_from_db()
    assert contribution.status == Contribution.Status.NEW


def test_nobody_adds_a_submission_in_the_admin(client, superuser, make_contribution):
    make_contribution()
    client.force_login(superuser)
    count = Contribution.objects.count()

    form = client.get("/admin/bijdragen/new/")
    posted = client.post(
        "/admin/bijdragen/new/",
        {
            "status": "nieuw",
            "editor_notes": "Zelf toegevoegd",
        },
    )
    index = client.get(reverse("contributions:index"))

    assert form.status_code != 200
    assert posted.status_code != 200
    assert Contribution.objects.count() == count
    assert index.status_code == 200
    assert "/admin/bijdragen/new/" not in index.content.decode()


def menu_items(html) -> dict[str, str]:
    """Label -> URL of every link in the admin's sidebar menu (its telepath JSON)."""
    script = next(
        element
        for element in parse(html)
        if element.tag == "script" and element.attrs.get("id") == "wagtail-sidebar-props"
    )
    found = {}

    def walk(node):
        if isinstance(node, dict):
            if isinstance(node.get("label"), str) and isinstance(node.get("url"), str):
                found[node["label"]] = node["url"]
            nodes = node.values()
        else:
            nodes = node if isinstance(node, list) else []
        for child in nodes:
            walk(child)

    walk(json.loads(script.text))
    return found


def test_menu_item_for_editors_only(client, editor, admin_user_without_contributions):
    client.force_login(editor)
    with_permission = menu_items(client.get("/admin/").content)
    client.force_login(admin_user_without_contributions)
    without_permission = menu_items(client.get("/admin/").content)

    assert with_permission["Bijdragen"] == "/admin/bijdragen/"
    assert "Account" in without_permission, "the menu itself was found"
    assert "Bijdragen" not in without_permission
    assert "/admin/bijdragen/" not in without_permission.values()


# --- dashboard --------------------------------------------------------------------------


def test_dashboard_counts_new_submissions(client, editor, make_contribution):
    assert not Contribution.objects.exists(), "the demo has no submissions"
    for number in range(3):
        make_contribution(title=f"Nieuw {number}")
    make_contribution(title="Afgewezen", status="afgewezen")
    make_contribution(title="In behandeling", status="in_behandeling")
    client.force_login(editor)

    response = client.get("/admin/")

    assert response.status_code == 200
    panel = find_all(response.content, "section", id="new-contributions-section")
    assert panel, "the dashboard has the contributions panel"
    text = texts(panel)[0]
    assert "3 nieuwe bijdragen wachten op een eerste blik" in text
    links = find_all(response.content, "a", href="/admin/bijdragen/?status=nieuw")
    assert texts(links) == ["3 nieuwe bijdragen"]


def test_dashboard_with_one_and_with_no_new_submission(client, editor, make_contribution):
    client.force_login(editor)
    assert "Er zijn geen nieuwe bijdragen." in client.get("/admin/").content.decode()

    make_contribution()
    html = " ".join(client.get("/admin/").content.decode().split())

    assert "1 nieuwe bijdrage</a> wacht op een eerste blik" in html


def test_dashboard_panel_hidden_without_permission(
    client, admin_user_without_contributions, make_contribution
):
    make_contribution()
    client.force_login(admin_user_without_contributions)

    response = client.get("/admin/")

    assert response.status_code == 200
    assert "nieuwe bijdrage" not in response.content.decode()


def test_the_screen_is_refused_without_contribution_permission(
    client, admin_user_without_contributions, make_contribution
):
    contribution = make_contribution(title="Niet voor jou")
    client.force_login(admin_user_without_contributions)

    screen = client.get(edit_url(contribution))
    inspect = client.get(reverse("contributions:inspect", args=[contribution.pk]))
    posted = post_draft(client, contribution, "nieuwstip")

    for response in (screen, inspect, posted):
        assert response.status_code in {302, 403}
        assert "Niet voor jou" not in response.content.decode()
    contribution.refresh_from_db()
    assert contribution.page is None
    assert not Page.objects.filter(title="Niet voor jou").exists()
