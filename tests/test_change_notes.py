"""Change notes: editors say what changed when they publish; an important change shows
"Bijgewerkt op" with the page's history, reaches the API and the finder's "latest" order,
and a project's dated update counts as an update of the project."""

import json
from datetime import date, datetime, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.formats import date_format
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from dossier.models import ChangeNote, FinderEntry
from dossier.models.changes import last_updated_dates
from projects.models import ProjectUpdate
from tests import pages
from tests.helpers import find_all, texts

pytestmark = pytest.mark.django_db

NOTE = "De cijfers over laadpalen zijn bijgewerkt met de telling van 2026."


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_superuser("redacteur", "r@example.nl", "x" * 16)
    client.force_login(user)
    client.user = user
    return client


def edit_data(page, action="action-publish", **extra):
    """The edit form of a news page as an editor sends it, with ``extra`` fields."""
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "date": page.date.isoformat(),
            "intro": page.intro,
            "body": streamfield([("paragraph", rich_text("<p>Een nieuwe alinea.</p>"))]),
            "tags": "",
            "related_page_links": inline_formset([]),
            "kind": page.kind,
            "source_name": "",
            "source_url": "",
            **extra,
        }
    )
    if action:
        data[action] = "1"
    return data


def post_edit(editor, page, action="action-publish", **extra):
    return editor.post(f"/admin/pages/{page.pk}/edit/", edit_data(page, action, **extra))


def dutch(day):
    return date_format(day, "j F Y")


def header(html):
    return " ".join(texts(find_all(html, "header", **{"class": "detail__header"})))


def test_the_note_fields_show_only_when_editing_a_live_page(editor):
    page = pages.news(title="Bericht met notitie")
    edit = editor.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "Wat is er veranderd?" in edit
    assert "Belangrijke wijziging" in edit
    add = editor.get(f"/admin/pages/add/news/newspage/{page.get_parent().pk}/").content.decode()
    assert "Wat is er veranderd?" not in add
    draft = pages.news(title="Nooit gepubliceerd", live=False)
    assert (
        "Wat is er veranderd?" not in editor.get(f"/admin/pages/{draft.pk}/edit/").content.decode()
    )


def test_an_important_change_shows_bijgewerkt_op_and_its_history(editor):
    page = pages.news(title="Laadpalen geteld", when=date(2024, 5, 1))
    response = post_edit(editor, page, change_note=NOTE, change_important="on")
    assert response.status_code == 302, response.context["form"].errors

    note = ChangeNote.objects.get(page=page)
    assert note.important and note.published_at is not None
    today = timezone.localdate()
    html = editor.get(page.url).content.decode()
    assert f"Bijgewerkt op {dutch(today)}" in header(html)
    assert find_all(html, "time", datetime=today.isoformat())
    (history,) = find_all(html, "details", **{"class": "change-history"})
    assert "Alle wijzigingen" in texts(find_all(html, "summary"))[0]
    assert NOTE in history.text and dutch(today) in history.text
    # The finder orders by the change.
    entry = FinderEntry.objects.get(page=page)
    assert (entry.date, entry.updated, entry.latest) == (date(2024, 5, 1), today, today)


def test_a_minor_change_keeps_its_note_out_of_sight(editor):
    page = pages.news(title="Kleine correctie")
    response = post_edit(editor, page, change_note="Een typefout hersteld.")
    assert response.status_code == 302, response.context["form"].errors
    note = ChangeNote.objects.get(page=page)
    assert not note.important and note.published_at is not None
    html = editor.get(page.url).content.decode()
    assert "Bijgewerkt op" not in html
    assert not find_all(html, "details", **{"class": "change-history"})
    assert FinderEntry.objects.get(page=page).updated is None


def test_a_change_without_a_note_or_tick_keeps_nothing(editor):
    page = pages.news(title="Niets te melden")
    assert post_edit(editor, page).status_code == 302
    assert not ChangeNote.objects.filter(page=page).exists()


def test_history_lists_the_important_changes_newest_first(editor):
    page = pages.news(title="Vaak bijgewerkt", when=date(2023, 1, 10))
    post_edit(editor, page, change_note="Eerste wijziging.", change_important="on")
    post_edit(editor, page, change_note="Alleen een kleinigheid.")
    post_edit(editor, page, change_note="Tweede wijziging.", change_important="on")
    first = ChangeNote.objects.filter(page=page).order_by("pk").first()
    ChangeNote.objects.filter(pk=first.pk).update(published_at=timezone.now() - timedelta(days=40))
    html = editor.get(page.url).content.decode()
    items = texts(find_all(html, "li", **{"class": "change-history__item"}))
    assert [item.split(" ", 3)[-1] for item in items] == ["Tweede wijziging.", "Eerste wijziging."]
    assert items[1].startswith(dutch(timezone.localdate() - timedelta(days=40)))


def test_a_note_submitted_for_moderation_is_published_at_the_approval(editor):
    page = pages.news(title="Ter moderatie", when=date(2024, 2, 2))
    response = post_edit(
        editor, page, action="action-submit", change_note=NOTE, change_important="on"
    )
    assert response.status_code == 302, response.context["form"].errors
    note = ChangeNote.objects.get(page=page)
    assert note.published_at is None
    assert "Bijgewerkt op" not in editor.get(page.url).content.decode()
    assert FinderEntry.objects.get(page=page).updated is None

    # The moderator approves in the edit view, without a note of their own.
    page.refresh_from_db()
    assert page.current_workflow_task is not None
    response = post_edit(
        editor,
        page,
        action="action-workflow-action",
        **{"workflow-action-name": "approve"},
    )
    assert response.status_code == 302
    note.refresh_from_db()
    assert note.published_at is not None
    assert ChangeNote.objects.filter(page=page).count() == 1
    html = editor.get(page.url).content.decode()
    assert f"Bijgewerkt op {dutch(timezone.localdate())}" in header(html)
    assert FinderEntry.objects.get(page=page).updated == timezone.localdate()


def test_publishing_the_same_revision_twice_keeps_one_note(editor):
    page = pages.news(title="Twee keer gepubliceerd")
    post_edit(editor, page, change_note=NOTE, change_important="on")
    page.refresh_from_db()
    note = ChangeNote.objects.get(page=page)
    assert note.revision_id == page.live_revision_id
    page.live_revision.publish()
    page.live_revision.publish()
    assert ChangeNote.objects.filter(page=page).count() == 1
    assert ChangeNote.objects.get(page=page).published_at == note.published_at


def test_a_draft_note_shows_only_once_the_page_is_published(editor):
    page = pages.news(title="Concept met notitie", when=date(2024, 3, 3))
    response = post_edit(editor, page, action=None, change_note=NOTE, change_important="on")
    assert response.status_code == 302, response.context["form"].errors
    assert ChangeNote.objects.get(page=page).published_at is None
    assert "Bijgewerkt op" not in editor.get(page.url).content.decode()
    api = json.loads(editor.get(f"/api/v2/pages/{page.pk}/").content)
    assert api["change_notes"] == []

    # Published later without a note of its own: the draft's note goes public with it.
    post_edit(editor, page)
    assert ChangeNote.objects.get(page=page).published_at is not None
    assert "Bijgewerkt op" in header(editor.get(page.url).content.decode())


def test_the_api_gives_the_published_notes(editor):
    page = pages.news(title="In de API")
    post_edit(editor, page, change_note="Een typefout hersteld.")
    post_edit(editor, page, change_note=NOTE, change_important="on")
    post_edit(editor, page, action=None, change_note="Nog niet gepubliceerd.")
    data = json.loads(editor.get(f"/api/v2/pages/{page.pk}/").content)
    today = timezone.localdate().isoformat()
    assert data["change_notes"] == [
        {"date": today, "text": NOTE, "important": True},
        {"date": today, "text": "Een typefout hersteld.", "important": False},
    ]


def test_an_important_change_needs_a_text(editor):
    page = pages.news(title="Zonder tekst")
    response = post_edit(editor, page, change_note="  ", change_important="on")
    assert response.status_code == 200
    assert "Beschrijf wat er veranderd is." in response.content.decode()
    assert not ChangeNote.objects.filter(page=page).exists()


def test_a_long_note_is_a_form_error(editor):
    page = pages.news(title="Te lange notitie")
    response = post_edit(editor, page, change_note="x" * 5000, change_important="on")
    assert response.status_code == 200
    assert "hoogstens 1000 tekens (je hebt er 5000)" in response.content.decode()
    assert not ChangeNote.objects.filter(page=page).exists()


def test_a_dated_project_update_counts_as_an_update(editor):
    page = pages.project(title="Project met updates", when=date(2024, 1, 15))
    today = timezone.localdate()
    page.updates = [
        ProjectUpdate(date=today - timedelta(days=3), title="Tweede meetronde"),
        ProjectUpdate(date=date(2024, 6, 1), title="Eerste meetronde"),
        ProjectUpdate(date=today + timedelta(days=30), title="Slotbijeenkomst (gepland)"),
    ]
    page.save_revision().publish()  # the finder's row follows the publication

    entry = FinderEntry.objects.get(page=page)
    assert (entry.updated, entry.latest) == (today - timedelta(days=3),) * 2
    html = editor.get(page.url).content.decode()
    assert f"Bijgewerkt op {dutch(today - timedelta(days=3))}" in header(html)
    # An important note later than the update wins.
    ChangeNote.objects.create(page=page, text=NOTE, important=True, published_at=timezone.now())
    assert last_updated_dates([page.pk]) == {page.pk: today}


def test_last_updated_dates_costs_two_queries_for_any_number_of_pages():
    few = [pages.news(title=f"Bericht {n}").pk for n in range(2)]
    many = few + [pages.project(title=f"Project {n}").pk for n in range(6)]
    for page_id in many:
        ChangeNote.objects.create(
            page_id=page_id, text=NOTE, important=True, published_at=timezone.now()
        )
    for ids in (few, many):
        with CaptureQueriesContext(connection) as captured:
            dates = last_updated_dates(ids)
        assert len(captured) == 2
        assert dates == dict.fromkeys(ids, timezone.localdate())


def test_the_page_data_say_when_it_changed(editor):
    page = pages.news(title="Gewijzigd voor zoekmachines", when=date(2024, 5, 1))
    ChangeNote.objects.create(
        page=page,
        text=NOTE,
        important=True,
        published_at=timezone.make_aware(datetime(2026, 6, 3, 12)),
    )
    html = editor.get(page.url).content.decode()
    assert '"dateModified":"2026-06-03"' in html
    assert '"datePublished":"2024-05-01"' in html
    assert "Bijgewerkt op 3 juni 2026" in header(html)


def queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_page_queries_do_not_grow_with_its_notes(client):
    page = pages.news(title="Veel wijzigingen")
    project = pages.project(title="Veel updates")
    counts = {}
    for count in (1, 8):
        ChangeNote.objects.bulk_create(
            ChangeNote(page=p, text=f"Wijziging {n}", important=True, published_at=timezone.now())
            for p in (page, project)
            for n in range(count)
        )
        project.updates = [
            ProjectUpdate(date=date(2024, 1, 1) + timedelta(days=n), title=f"Stap {n}")
            for n in range(count)
        ]
        project.save_revision().publish()
        counts[count] = (queries(client, page.url), queries(client, project.url))
    assert counts[1] == counts[8]


def test_the_demo_has_a_publication_with_its_history(client):
    html = client.get("/publicaties/handreiking-data-in-de-wijk/").content.decode()
    assert "Bijgewerkt op 3 juni 2026" in header(html)
    items = texts(find_all(html, "li", **{"class": "change-history__item"}))
    assert [item[:15] for item in items] == ["3 juni 2026 Het", "15 september 20"]


def test_a_waiting_note_shows_again_in_the_form_and_is_published_once(editor):
    page = pages.news(title="Concept en daarna publiceren", when=date(2024, 3, 3))
    # An autosave (or "Bewaar concept") keeps the note with a draft revision...
    post_edit(editor, page, action=None, change_note="Eerste versie.", change_important="on")
    waiting = ChangeNote.objects.get(page=page)
    form = editor.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "Eerste versie." in form
    assert find_all(form, "input", name="change_note_id", value=str(waiting.pk))
    # ...and the form that publishes sends it again, corrected: one note, the new text.
    post_edit(editor, page, change_note=NOTE, change_important="on", change_note_id=str(waiting.pk))
    (note,) = ChangeNote.objects.filter(page=page)
    assert (note.text, note.important) == (NOTE, True)
    assert note.published_at is not None
    # The same text sent twice without the form seeing the draft (autosave, then publish).
    post_edit(editor, page, action=None, change_note="Tweede.", change_important="on")
    post_edit(editor, page, change_note="Tweede.", change_important="on")
    assert ChangeNote.objects.filter(page=page, text="Tweede.").count() == 1


def test_clearing_a_waiting_note_removes_it(editor):
    page = pages.news(title="Notitie ingetrokken")
    post_edit(editor, page, action=None, change_note="Toch niet.", change_important="on")
    waiting = ChangeNote.objects.get(page=page)
    post_edit(editor, page, change_note="", change_note_id=str(waiting.pk))
    assert not ChangeNote.objects.filter(page=page).exists()


def test_approving_in_the_edit_view_with_the_note_shown_keeps_one_note(editor):
    page = pages.news(title="Goedgekeurd met notitie", when=date(2024, 2, 2))
    post_edit(editor, page, action="action-submit", change_note=NOTE, change_important="on")
    waiting = ChangeNote.objects.get(page=page)
    page.refresh_from_db()
    response = post_edit(
        editor,
        page,
        action="action-workflow-action",
        change_note=NOTE,
        change_important="on",
        change_note_id=str(waiting.pk),
        **{"workflow-action-name": "approve"},
    )
    assert response.status_code == 302
    (note,) = ChangeNote.objects.filter(page=page)
    assert note.published_at is not None and note.text == NOTE


def test_a_note_id_of_another_page_changes_nothing_there(editor):
    other = pages.news(title="Andere pagina")
    post_edit(editor, other, change_note="Van de andere pagina.", change_important="on")
    foreign = ChangeNote.objects.get(page=other)
    page = pages.news(title="Eigen pagina")
    post_edit(
        editor,
        page,
        change_note="Eigen notitie.",
        change_important="on",
        change_note_id=str(foreign.pk),
    )
    foreign.refresh_from_db()
    assert foreign.text == "Van de andere pagina."
    assert ChangeNote.objects.get(page=page).text == "Eigen notitie."
