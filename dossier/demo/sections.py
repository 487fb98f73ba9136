"""The pages of the demo's sections: news, blogs, projects, events, publications and sources.

``SectionPages`` is a part of ``loader.DemoLoader`` (whose ``upsert_page`` and ``set_themes``
it uses); ``related`` and ``related_publication`` are linked once every page exists.
"""

from datetime import datetime, time

from django.apps import apps
from django.utils import timezone

from dossier.models import ChangeNote, PageAuthor, RelatedPageLink, finder_rows

from .media import demo_document

# The sections' pages are created in this order, as before the demo was data, so that their
# ids come out in the same order: ids break ties between pages of the same date in listings
# and feeds. Others follow.
CREATION_ORDER = ("publicaties", "nieuws", "opinie", "projecten", "bronnen")


def _creation_rank(section):
    slug = section.slug
    return CREATION_ORDER.index(slug) if slug in CREATION_ORDER else len(CREATION_ORDER)


def body_blocks(spec):
    """A page's body as the (block type, value) pairs a StreamField takes."""
    return [(block["type"], block["value"]) for block in spec.get("body", [])]


def _aware(value):
    return value if timezone.is_aware(value) else timezone.make_aware(value)


def _relation(current, wanted, apply):
    """A relation of a page (tags, authors, ...) as a function that brings it up to date.

    It returns whether it changed anything; a page not saved yet is always given ``wanted``.
    """

    def sync(page):
        if page.pk is not None and current(page) == wanted:
            return False
        apply(page)
        return True

    return sync


class SectionPages:
    """Creates or updates the pages of every section, then links them to each other."""

    def load_section_pages(self):
        self.pages = {}  # "section/slug" -> page
        builders = {
            "news.NewsPage": self.news,
            "opinion.BlogPage": self.blog,
            "projects.ProjectPage": self.project,
            "projects.EventPage": self.event,
            "publications.PublicationPage": self.publication,
            "sources.SourcePage": self.source,
        }
        for section in sorted(self.content.sections, key=_creation_rank):
            self.heading(f"Section {section.slug}")
            for spec in section.pages:
                page = self.save(self.indexes[section.slug], section.slug, spec, builders)
                for part in spec.get("parts", []):
                    self.save(page, section.slug, part, builders)
        self.heading("Related pages")
        self.link_related()

    def save(self, parent, section, spec, builders):
        model = apps.get_model(spec["type"])
        fields, relations = builders[spec["type"]](spec)
        page = self.upsert_page(
            parent,
            model,
            spec["slug"],
            {**self.base_fields(spec), **fields},
            relations=[*self.base_relations(spec), *relations],
        )
        self.pages[f"{section}/{spec['slug']}"] = page
        self.add_changes(page, spec.get("changes", []))
        return page

    def add_changes(self, page, changes):
        """The page's important change notes, published on their dates (at noon); a note is
        found again by its text, so a second load adds none."""
        added = False
        for change in changes:
            at = _aware(datetime.combine(change["date"], time(12)))
            _, created = ChangeNote.objects.get_or_create(
                page=page,
                text=change["text"],
                defaults={"important": True, "published_at": at},
            )
            self.report("created" if created else "unchanged", f"change note on /{page.slug}/")
            added = added or created
        if added:
            finder_rows.refresh([page.pk])

    def base_fields(self, spec):
        fields = {"title": spec["title"], "intro": spec.get("intro", ""), "body": body_blocks(spec)}
        if spec.get("date"):
            fields["date"] = spec["date"]
        # No image where an editor chose none: the demo has no photographs of its own, and
        # a generated placeholder would only push the text down. A refresh removes the
        # placeholders that earlier versions of the demo attached.
        fields["image"] = None
        fields["image_alt"] = ""
        return fields

    def base_relations(self, spec):
        themes = [self.themes[slug] for slug in spec.get("themes", [])]
        tags = sorted(spec.get("tags", []))
        relations = [
            lambda page: self.set_themes(page, themes),
            _relation(
                lambda page: sorted(page.tags.names()),
                tags,
                lambda page: page.tags.set(tags, clear=True),
            ),
        ]
        if "authors" in spec:
            people = [self.people[name] for name in spec["authors"]]
            relations.append(
                _relation(
                    lambda page: [a.person_id for a in page.page_authors.all()],
                    [p.pk for p in people],
                    lambda page: setattr(
                        page,
                        "page_authors",
                        [PageAuthor(person=p, sort_order=i) for i, p in enumerate(people)],
                    ),
                )
            )
        return relations

    def news(self, spec):
        fields = {key: spec.get(key, "") for key in ("source_name", "source_url")}
        return {"kind": spec["kind"], **fields}, []

    def blog(self, spec):
        fields = {key: spec.get(key, "") for key in ("first_published_in", "first_published_url")}
        return fields, []

    def project(self, spec):
        update_model = apps.get_model("projects", "ProjectUpdate")
        updates = [(u["date"], u["title"], u.get("text", "")) for u in spec.get("updates", [])]
        fields = {
            "status": spec["status"],
            "period_start": spec.get("period_start"),
            "period_end": spec.get("period_end"),
            "results": spec.get("results", ""),
            "contact_person": self.people.get(spec.get("contact", "")),
            "take_part_title": spec.get("take_part_title", "Doe mee"),
            "take_part_text": spec.get("take_part_text", ""),
            "take_part_url": spec.get("take_part_url", ""),
        }
        return fields, [
            _relation(
                lambda page: [(u.date, u.title, u.text) for u in page.updates.all()],
                updates,
                lambda page: setattr(
                    page,
                    "updates",
                    [
                        update_model(date=d, title=t, text=x, sort_order=i)
                        for i, (d, t, x) in enumerate(updates)
                    ],
                ),
            )
        ]

    def event(self, spec):
        item_model = apps.get_model("projects", "ProgrammeItem")
        start = _aware(spec["start"])
        past = start < timezone.now()
        programme = [
            (
                item.get("time"),
                item["title"],
                self.people[item["speaker"]].pk if item.get("speaker") else None,
                # A past event keeps the slides of its talks, as its report.
                demo_document(
                    f"Presentatie: {item['title']}", [item.get("speaker", ""), spec["title"]]
                ).pk
                if past
                else None,
            )
            for item in spec.get("programme", [])
        ]
        fields = {
            "date": start.date(),
            "start": start,
            "end": _aware(spec["end"]),
            "contact_person": self.people.get(spec.get("contact", "")),
            "show_contact_email": spec.get("show_contact_email", True),
            "show_contact_phone": spec.get("show_contact_phone", False),
            "organiser": self.organisations.get(spec.get("organiser", "")),
        }
        for key in ("location_name", "location_address", "online_url", "audience"):
            fields[key] = spec.get(key, "")
        fields["registration_url"] = spec.get("registration_url", "")
        return fields, [
            _relation(
                lambda page: [
                    (i.time, i.title, i.speaker_id, i.slides_id) for i in page.programme.all()
                ],
                programme,
                lambda page: setattr(
                    page,
                    "programme",
                    [
                        item_model(time=t, title=x, speaker_id=s, slides_id=d, sort_order=i)
                        for i, (t, x, s, d) in enumerate(programme)
                    ],
                ),
            )
        ]

    def publication(self, spec):
        fields = {
            "kind": spec["kind"],
            "publisher": self.organisations.get(spec.get("publisher", "")),
            "commissioner": self.organisations.get(spec.get("commissioner", "")),
            "external_url": spec.get("external_url", ""),
            "part_number": spec.get("part_number"),
        }
        if spec.get("with_file"):
            fields["document"] = demo_document(
                spec["title"], [spec.get("publisher", ""), *_wrap(spec.get("intro", ""), 80)]
            )
        return fields, []

    def source(self, spec):
        fields = {
            "kind": spec["kind"],
            "link_url": spec["url"],
            "owner_organisation": self.organisations.get(spec.get("owner", "")),
            "why_read": spec["why_read"],
            "is_featured": spec.get("is_featured", False),
        }
        return fields, []

    # --- links between pages ----------------------------------------------------------

    def link_related(self):
        """Related pages, and an event's publication: once every page exists.

        The parts of a series have their related pages too (before the demo was data, the
        loader skipped theirs).
        """
        for section, spec in self.content.section_pages():
            key = f"{section}/{spec['slug']}"
            page = self.pages[key]
            targets = [self.pages[ref].pk for ref in spec.get("related", [])]
            current = [link.target_id for link in page.related_page_links.all()]
            changed = current != targets
            if changed:
                page.related_page_links = [
                    RelatedPageLink(target_id=pk, sort_order=i) for i, pk in enumerate(targets)
                ]
            if spec["type"] == "projects.EventPage":
                ref = spec.get("related_publication")
                publication = self.pages[ref] if ref else None
                if page.related_publication_id != (publication.pk if publication else None):
                    page.related_publication = publication
                    changed = True
            if changed:
                page.save_revision().publish()
                self.report("updated", f"links van /{key}/")


def _wrap(text, width):
    lines, line = [], ""
    for word in text.split():
        if len(line) + len(word) + 1 > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*lines, line] if line else lines
