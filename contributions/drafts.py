"""Turn a contribution into a draft page of a dossier section, in one step."""

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import Truncator, slugify
from wagtail.coreutils import find_available_slug
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Page

from dossier.models import PageAuthor, Person
from news.models import NewsIndexPage, NewsPage
from opinion.models import BlogPage, OpinionIndexPage
from projects.models import ProjectIndexPage, ProjectPage
from publications.models import PublicationIndexPage, PublicationPage
from sources.models import SourceIndexPage, SourcePage

from .models import Contribution


@dataclass(frozen=True)
class Target:
    label: str
    index_model: type[Page]
    page_model: type[Page]


# What a contribution can become; the key is the kind of contribution that suggests it.
TARGETS = {
    Contribution.Kind.NEWS: Target("Nieuwsbericht", NewsIndexPage, NewsPage),
    Contribution.Kind.BLOG: Target("Blog (opinie)", OpinionIndexPage, BlogPage),
    Contribution.Kind.PROJECT: Target("Project", ProjectIndexPage, ProjectPage),
    Contribution.Kind.PUBLICATION: Target("Publicatie", PublicationIndexPage, PublicationPage),
    Contribution.Kind.SOURCE: Target("Bron", SourceIndexPage, SourcePage),
}
TARGET_CHOICES = [(kind.value, target.label) for kind, target in TARGETS.items()]


def suggested_target(contribution: Contribution) -> str:
    return contribution.kind if contribution.kind in TARGETS else Contribution.Kind.NEWS.value


def text_blocks(text: str) -> list[str]:
    """The contributor's plain text split into its paragraphs (blank lines separate them)."""
    blocks = re.split(r"\n\s*\n", text.replace("\r\n", "\n"))
    return [block.strip() for block in blocks if block.strip()]


#: The length of a page's intro (``BasePage.intro``).
INTRO_MAX_LENGTH = 600


def summary(text: str) -> str:
    """The first paragraph on one line, at most 600 characters."""
    first = next(iter(text_blocks(text)), "")
    return Truncator(" ".join(first.split())).chars(INTRO_MAX_LENGTH, truncate="…")


def intro_and_rest(text: str) -> tuple[str, list[str]]:
    """The draft's intro and the text blocks left for its body, so that nothing is in both.

    The first paragraph becomes the intro when it fits; of a longer one, the leading
    sentences that fit, and the rest of it opens the body. When not even its first sentence
    fits, the intro is that paragraph shortened and the body keeps the whole text.
    """
    blocks = text_blocks(text)
    if not blocks:
        return "", []
    first = " ".join(blocks[0].split())
    if len(first) <= INTRO_MAX_LENGTH:
        return first, blocks[1:]
    sentences = re.split(r"(?<=[.!?])\s+", first)
    taken = 0
    while taken < len(sentences) and len(" ".join(sentences[: taken + 1])) <= INTRO_MAX_LENGTH:
        taken += 1
    if taken == 0:
        return summary(text), blocks
    return " ".join(sentences[:taken]), [" ".join(sentences[taken:]), *blocks[1:]]


def paragraph_html(block: str) -> str:
    """A text block as an escaped HTML paragraph, its line breaks kept."""
    return "<p>" + escape(block).replace("\n", "<br/>") + "</p>"


def credit(contribution: Contribution) -> str:
    who = escape(contribution.name)
    if contribution.organisation:
        who += f" ({escape(contribution.organisation)})"
    return f"<p><i>Ingezonden bijdrage van {who}.</i></p>"


def make_draft_page(contribution: Contribution, target_key: str, user, themes=()) -> Page:
    """Create a draft page of the chosen type under its section index, with ``themes``, and
    start moderation.

    Raises ValidationError with a message for the editor when it cannot be done.
    """
    if contribution.page_id:
        raise ValidationError("Van deze bijdrage is al een pagina gemaakt.")
    target = TARGETS.get(target_key)
    if target is None:
        raise ValidationError("Kies een rubriek.")
    parent = target.index_model.objects.first()
    if parent is None:
        raise ValidationError(f"Er is nog geen overzichtspagina voor: {target.label}.")
    if not parent.permissions_for_user(user).can_add_subpage():
        raise ValidationError(f"Je mag geen pagina's toevoegen onder '{parent.title}'.")
    if target.page_model is SourcePage and not contribution.link:
        raise ValidationError("Een bron heeft een link nodig, en deze bijdrage heeft er geen.")

    document = None
    try:
        with transaction.atomic():
            document = _move_attachment(contribution, user)
            intro, rest = intro_and_rest(contribution.text)
            page = target.page_model(
                title=contribution.title,
                slug=find_available_slug(
                    parent, slugify(contribution.title)[:70].strip("-") or "bijdrage"
                ),
                intro=intro or contribution.title,
                date=timezone.localdate(),
                live=False,
                owner=user,
            )
            page.themes = list(themes)
            body = [("paragraph", paragraph_html(block)) for block in rest]
            _fill_type_fields(page, contribution, document, body)
            body.append(("paragraph", credit(contribution)))
            page.body = body
            parent.add_child(instance=page)
            page.save_revision(user=user, log_action=True)
            workflow = page.get_workflow()
            if workflow is not None:
                workflow.start(page, user)

            contribution.page = page
            contribution.document = document
            contribution.status = Contribution.Status.ACCEPTED
            note = (
                f"{timezone.localtime():%d-%m-%Y %H:%M}: conceptpagina '{page.title}' gemaakt door "
                f"{user.get_full_name() or user.get_username()}."
            )
            contribution.editor_notes = "\n".join(filter(None, [contribution.editor_notes, note]))
            contribution.save()
    except Exception:
        # The database rolled back; the document's file, written outside it, goes too.
        if document is not None:
            document.file.delete(save=False)
        raise
    return page


def _fill_type_fields(page, contribution, document, body):
    """The fields that differ per page type; the link goes where each type keeps it."""
    link = contribution.link
    if isinstance(page, NewsPage):
        page.kind = "nieuws"
        page.source_name = (contribution.organisation or contribution.name) if link else ""
        page.source_url = link
    elif isinstance(page, BlogPage):
        person = Person.objects.filter(name=contribution.name).first() or Person.objects.create(
            name=contribution.name, role=contribution.organisation[:160]
        )
        page.page_authors = [PageAuthor(person=person, sort_order=0)]
    elif isinstance(page, ProjectPage):
        page.status = "lopend"
    elif isinstance(page, PublicationPage):
        page.kind = "rapport"
        page.document = document
        page.external_url = link
        document = None  # the publication's own file, not a link in the text
    elif isinstance(page, SourcePage):
        page.kind = "website"
        page.link_url = link
        page.why_read = summary(contribution.text)
    if link and isinstance(page, BlogPage | ProjectPage):
        anchor = f'<a href="{escape(link)}">{escape(link)}</a>'
        body.append(("paragraph", f"<p>Meer informatie: {anchor}</p>"))
    if document is not None:
        body.append(("document", {"document": document, "label": ""}))


PRIVATE_COLLECTION = "Bijdragen (niet openbaar)"


def private_collection() -> Collection:
    """The collection for attachments of pages not yet published: only logged-in users can
    download its documents. Publishing the page moves them to the root collection."""
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=PRIVATE_COLLECTION).first()
    if collection is None:
        collection = root.add_child(name=PRIVATE_COLLECTION)
    CollectionViewRestriction.objects.get_or_create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    return collection


def release_documents(page) -> int:
    """Move the documents of contributions turned into ``page`` to the public root collection."""
    collection = Collection.get_first_root_node()
    documents = get_document_model().objects.filter(
        pk__in=Contribution.objects.filter(page=page, document__isnull=False).values("document"),
        collection__name=PRIVATE_COLLECTION,
    )
    return documents.update(collection=collection)


def _move_attachment(contribution, user):
    """Put the private attachment into the documents library (in the collection only
    logged-in users can download from) and remove the private copy."""
    if not contribution.attachment:
        return None
    document_model = get_document_model()
    with contribution.attachment.open("rb") as private_file:
        document = document_model(
            title=contribution.title,
            collection=private_collection(),
            uploaded_by_user=user,
        )
        document.file.save(contribution.attachment_name, File(private_file), save=False)
        document.file_size = contribution.attachment_size
        document.save()
    # The private copy goes once the page and the document are committed.
    stored_name = contribution.attachment.name
    storage = contribution.attachment.storage
    transaction.on_commit(lambda: storage.delete(stored_name))
    contribution.attachment = ""
    return document
