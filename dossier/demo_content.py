"""Loads the sections of the demo dossier (``demo_sections``) into pages, idempotently.

Section models are looked up through the app registry: ``dossier`` does not import the
section apps.
"""

from datetime import date, datetime, time

from django.apps import apps
from django.utils import timezone

from . import demo_sections as data
from .demo_media import demo_document, demo_image
from .models import Organisation, PageAuthor, Person, RelatedPageLink, Theme

SECTION_SLUGS = {
    "nieuws": "news",
    "opinie": "opinion",
    "projecten": "projects",
    "publicaties": "publications",
    "bronnen": "sources",
}


def _date(value):
    return date.fromisoformat(value) if value else None


def _datetime(value):
    return timezone.make_aware(datetime.fromisoformat(value))


class SectionContent:
    def __init__(self, command, home):
        self.command = command
        self.home = home
        self.indexes = {slug: home.get_children().get(slug=slug).specific for slug in SECTION_SLUGS}
        self.themes = {theme.slug: theme for theme in Theme.objects.all()}
        self.pages = {}  # "section/slug" -> page

    def model(self, app_label, name):
        return apps.get_model(app_label, name)

    # --- shared -----------------------------------------------------------------------

    def load(self):
        self.command.heading("Extra organisations and people")
        for name, kind, website, is_own in data.EXTRA_ORGANISATIONS:
            self.command.upsert(
                Organisation,
                {"name": name},
                {"kind": kind, "website": website, "is_own": is_own},
                f"organisatie {name}",
            )
        organisations = {o.name: o for o in Organisation.objects.all()}
        for name, role, organisation, email in data.EXTRA_PEOPLE:
            self.command.upsert(
                Person,
                {"name": name},
                {"role": role, "organisation": organisations[organisation], "email": email},
                f"persoon {name}",
            )
        self.people = {p.name: p for p in Person.objects.all()}
        self.organisations = organisations

        self.command.heading("Publications")
        for spec in data.PUBLICATIONS:
            series = self.publication(self.indexes["publicaties"], spec)
            for part in spec.get("parts", []):
                self.publication(series, part)
        self.command.heading("News")
        for spec in data.NEWS:
            self.news(spec)
        self.command.heading("Opinion")
        for spec in data.BLOGS:
            self.blog(spec)
        self.command.heading("Projects and events")
        for spec in data.PROJECTS:
            self.project(spec)
        for spec in data.EVENTS:
            self.event(spec)
        self.command.heading("Sources")
        for spec in data.SOURCES:
            self.source(spec)
        self.command.heading("Related pages")
        self.link_related()

    def base_fields(self, spec):
        fields = {
            "title": spec["title"],
            "intro": spec["intro"],
            "body": spec["body"],
        }
        if spec.get("date"):
            fields["date"] = _date(spec["date"])
        if spec.get("image_alt"):
            fields["image"] = demo_image(f"Illustratie bij {spec['title']}")
            fields["image_alt"] = spec["image_alt"]
        return fields

    def base_relations(self, spec):
        themes = [self.themes[slug] for slug in spec["themes"]]
        tags = sorted(spec.get("tags", []))
        relations = [
            (
                lambda page: sorted(t.slug for t in page.themes),
                sorted(t.slug for t in themes),
                lambda page: setattr(page, "themes", themes),
            ),
            (
                lambda page: sorted(page.tags.names()),
                tags,
                lambda page: page.tags.set(tags, clear=True),
            ),
        ]
        if "authors" in spec:
            people = [self.people[name] for name in spec["authors"]]
            relations.append(
                (
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

    def save(self, parent, model, spec, extra_fields, extra_relations=()):
        page = self.command.upsert_page(
            parent,
            model,
            spec["slug"],
            {**self.base_fields(spec), **extra_fields},
            relations=[*self.base_relations(spec), *extra_relations],
        )
        section = next(s for s, index in self.indexes.items() if page.path.startswith(index.path))
        self.pages[f"{section}/{spec['slug']}"] = page
        return page

    # --- types ------------------------------------------------------------------------

    def news(self, spec):
        return self.save(
            self.indexes["nieuws"],
            self.model("news", "NewsPage"),
            spec,
            {
                "kind": spec["kind"],
                "source_name": spec.get("source_name", ""),
                "source_url": spec.get("source_url", ""),
            },
        )

    def blog(self, spec):
        return self.save(self.indexes["opinie"], self.model("opinion", "BlogPage"), spec, {})

    def project(self, spec):
        update_model = self.model("projects", "ProjectUpdate")
        updates = [(_date(u["date"]), u["title"], u["text"]) for u in spec.get("updates", [])]
        return self.save(
            self.indexes["projecten"],
            self.model("projects", "ProjectPage"),
            spec,
            {
                "status": spec["status"],
                "period_start": _date(spec.get("period_start")),
                "period_end": _date(spec.get("period_end")),
                "results": spec.get("results", ""),
                "contact_person": self.people.get(spec.get("contact", "")),
                "take_part_title": spec.get("take_part_title", "Doe mee"),
                "take_part_text": spec.get("take_part_text", ""),
                "take_part_url": spec.get("take_part_url", ""),
            },
            [
                (
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
            ],
        )

    def event(self, spec):
        item_model = self.model("projects", "ProgrammeItem")
        start = _datetime(spec["start"])
        past = start < timezone.now()
        programme = [
            (
                time.fromisoformat(item["time"]) if item.get("time") else None,
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
        return self.save(
            self.indexes["projecten"],
            self.model("projects", "EventPage"),
            {**spec, "date": start.date().isoformat()},
            {
                "start": start,
                "end": _datetime(spec["end"]),
                "location_name": spec.get("location_name", ""),
                "location_address": spec.get("location_address", ""),
                "online_url": spec.get("online_url", ""),
                "audience": spec.get("audience", ""),
                "registration_url": spec.get("registration_url", ""),
                "contact_person": self.people.get(spec.get("contact", "")),
                "show_contact_email": spec.get("show_contact_email", True),
                "show_contact_phone": spec.get("show_contact_phone", False),
            },
            [
                (
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
            ],
        )

    def publication(self, parent, spec):
        fields = {
            "kind": spec["kind"],
            "publisher": self.organisations.get(spec.get("publisher", "")),
            "external_url": spec.get("external_url", ""),
            "part_number": spec.get("part_number"),
        }
        if spec.get("with_file"):
            fields["document"] = demo_document(
                spec["title"],
                [spec.get("publisher", ""), *_wrap(spec["intro"], 80)],
            )
        return self.save(parent, self.model("publications", "PublicationPage"), spec, fields)

    def source(self, spec):
        return self.save(
            self.indexes["bronnen"],
            self.model("sources", "SourcePage"),
            spec,
            {
                "kind": spec["kind"],
                "link_url": spec["url"],
                "owner_organisation": self.organisations.get(spec.get("owner", "")),
                "why_read": spec["why_read"],
                "is_featured": spec.get("is_featured", False),
            },
        )

    # --- links between pages ----------------------------------------------------------

    def link_related(self):
        event_specs = {f"projecten/{spec['slug']}": spec for spec in data.EVENTS}
        for spec_list, section in (
            (data.NEWS, "nieuws"),
            (data.BLOGS, "opinie"),
            (data.PROJECTS, "projecten"),
            (data.EVENTS, "projecten"),
            (data.SOURCES, "bronnen"),
            (data.PUBLICATIONS, "publicaties"),
        ):
            for spec in spec_list:
                key = f"{section}/{spec['slug']}"
                page = self.pages[key]
                targets = [self.pages[ref].pk for ref in spec.get("related", [])]
                current = [link.target_id for link in page.related_page_links.all()]
                publication_ref = event_specs.get(key, {}).get("related_publication")
                publication = self.pages[publication_ref] if publication_ref else None
                changed = current != targets
                if changed:
                    page.related_page_links = [
                        RelatedPageLink(target_id=pk, sort_order=i) for i, pk in enumerate(targets)
                    ]
                if publication_ref is not None and page.related_publication_id != (
                    publication.pk if publication else None
                ):
                    page.related_publication = publication
                    changed = True
                if changed:
                    page.save_revision().publish()
                    self.command.report("updated", f"links van /{key}/")


def _wrap(text, width):
    lines, line = [], ""
    for word in text.split():
        if len(line) + len(word) + 1 > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*lines, line] if line else lines
