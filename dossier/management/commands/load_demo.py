"""Load or refresh the demo dossier, idempotently.

Running it again changes nothing that is already as the demo describes it: pages are only
given a new revision when their content differs, snippets are matched by name or slug.
"""

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.fields import StreamField
from wagtail.models import Page, Site

from dossier import demo
from dossier.demo_content import SectionContent
from dossier.models import (
    DossierHomePage,
    DossierSettings,
    Organisation,
    Person,
    StandardPage,
    Theme,
)

HOME_SLUG = "home"


def _strip_ids(value):
    """StreamField data without the random block ids, for comparing content."""
    if isinstance(value, list):
        return [_strip_ids(item) for item in value]
    if isinstance(value, dict):
        return {key: _strip_ids(item) for key, item in value.items() if key != "id"}
    return value


def _field_value(page, name):
    field = page._meta.get_field(name)
    value = getattr(page, name)
    if isinstance(field, StreamField):
        return _strip_ids(field.stream_block.get_prep_value(value))
    return value


def _stream_data(field, value):
    """What a StreamField stores for ``value``, given as (type, value) pairs."""
    return _strip_ids(field.stream_block.get_prep_value(field.to_python(value)))


class Command(BaseCommand):
    help = "Load or refresh the demo dossier: themes, people, organisations and pages."

    def handle(self, *args, **options):
        self.verbosity = options["verbosity"]
        self.counts = {"created": 0, "updated": 0, "unchanged": 0}
        with transaction.atomic():
            self.load_snippets()
            home = self.load_home()
            self.load_sections(home)
            pages = self.load_standard_pages(home)
            self.load_settings(home, pages)
            SectionContent(self, home).load()
        self.stdout.write(
            self.style.SUCCESS(
                "Demo dossier ready: {created} created, {updated} updated, "
                "{unchanged} unchanged.".format(**self.counts)
            )
        )

    def heading(self, text):
        if self.verbosity >= 1:
            self.stdout.write(text)

    def report(self, state, label):
        self.counts[state] += 1
        if self.verbosity >= 1:
            marker = {"created": "+", "updated": "~", "unchanged": "="}[state]
            self.stdout.write(f"  {marker} {label}")

    # --- snippets ---------------------------------------------------------------------

    def upsert(self, model, lookup, values, label):
        obj, created = model.objects.get_or_create(**lookup, defaults=values)
        if created:
            self.report("created", label)
            return obj
        changed = [name for name, value in values.items() if getattr(obj, name) != value]
        if changed:
            for name in changed:
                setattr(obj, name, values[name])
            obj.save(update_fields=changed)
        self.report("updated" if changed else "unchanged", label)
        return obj

    def load_snippets(self):
        self.heading("Themes, organisations and people")
        for name, slug, description in demo.THEMES:
            self.upsert(
                Theme, {"slug": slug}, {"name": name, "description": description}, f"thema {name}"
            )
        organisations = {}
        for name, kind, website, is_own in demo.ORGANISATIONS:
            organisations[name] = self.upsert(
                Organisation,
                {"name": name},
                {"kind": kind, "website": website, "is_own": is_own},
                f"organisatie {name}",
            )
        for name, role, organisation, email in demo.PEOPLE:
            self.upsert(
                Person,
                {"name": name},
                {"role": role, "organisation": organisations[organisation], "email": email},
                f"persoon {name}",
            )

    # --- pages ------------------------------------------------------------------------

    def upsert_page(self, parent, model, slug, fields, relations=(), **attributes):
        """Create the page under ``parent`` or bring it up to date; publish only on change.

        ``relations`` are (current, wanted, apply): ``current(page)`` must equal ``wanted``,
        else ``apply(page)`` sets it (themes, tags, authors, updates, programme, links).
        """
        existing = parent.get_children().filter(slug=slug).first()
        label = f"{model._meta.verbose_name} /{slug}/"
        if existing is not None and not isinstance(existing.specific, model):
            self.report(
                "unchanged", f"{label} (kept: it is now a {existing.specific_class.__name__})"
            )
            return existing.specific
        if existing is None:
            page = model(slug=slug, **fields, **attributes)
            for _current, _wanted, apply in relations:
                apply(page)
            parent.add_child(instance=page)
            page.save_revision().publish()
            self.report("created", label)
            return page
        page = existing.specific
        changed = False
        for name, value in {**fields, **attributes}.items():
            field = page._meta.get_field(name)
            wanted = _stream_data(field, value) if isinstance(field, StreamField) else value
            if _field_value(page, name) != wanted:
                setattr(page, name, value)
                changed = True
        for current, wanted, apply in relations:
            if current(page) != wanted:
                apply(page)
                changed = True
        if changed or not page.live:
            page.save_revision().publish()
            self.report("updated", label)
        else:
            self.report("unchanged", label)
        return page

    def load_home(self):
        self.heading("Home page")
        root = Page.get_first_root_node()
        # Wagtail's migrations leave a plain "Welcome" page where the home page belongs.
        for placeholder in root.get_children().filter(
            slug=HOME_SLUG, content_type__model="page", content_type__app_label="wagtailcore"
        ):
            placeholder.delete()
            self.heading("  - removed Wagtail's welcome page")
        home = self.upsert_page(root, DossierHomePage, HOME_SLUG, dict(demo.HOME))
        site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
        site_values = {
            "hostname": site.hostname or "localhost",
            "port": site.port or 80,
            "root_page_id": home.pk,
            "site_name": "Kennisdossier Smart Society",
        }
        if any(getattr(site, key) != value for key, value in site_values.items()):
            for key, value in site_values.items():
                setattr(site, key, value)
            site.save()
            self.report("updated", "site")
        return home

    def load_sections(self, home):
        self.heading("Section index pages")
        for app_label, model_name, title, slug, intro in demo.SECTIONS:
            model = apps.get_model(app_label, model_name)
            self.upsert_page(
                home, model, slug, {"title": title, "intro": intro}, show_in_menus=True
            )

    def load_standard_pages(self, home):
        self.heading("Standard pages")
        pages = {}
        for spec in demo.STANDARD_PAGES:
            fields = {key: value for key, value in spec.items() if key != "slug"}
            pages[spec["slug"]] = self.upsert_page(home, StandardPage, spec["slug"], fields)
        spec = dict(demo.CONTRIBUTION_PAGE)
        slug = spec.pop("slug")
        privacy = pages[spec.pop("privacy_slug")]
        # Earlier demo versions made /bijdragen/ a standard page; the form page replaces it.
        for old in home.get_children().filter(slug=slug).type(StandardPage):
            old.delete()
            self.report("updated", f"standaardpagina /{slug}/ (replaced by the form)")
        pages[slug] = self.upsert_page(
            home,
            apps.get_model("contributions", "ContributionFormPage"),
            slug,
            spec,
            privacy_page_id=privacy.pk,
        )
        return pages

    def load_settings(self, home, pages):
        self.heading("Site settings")
        site = Site.objects.get(root_page=home)
        dossier_settings = DossierSettings.for_site(site)
        spec = demo.SETTINGS
        dossier_settings.organisation_name = spec["organisation_name"]
        dossier_settings.contact_name = spec["contact_name"]
        dossier_settings.contact_email = spec["contact_email"]
        dossier_settings.contribution_recipients = spec["contribution_recipients"]
        dossier_settings.footer_text = spec["footer_text"]
        dossier_settings.contribution_page = pages[spec["contribution_slug"]]
        dossier_settings.footer_links = [
            ("link", {"page": pages[slug], "external_url": "", "label": ""})
            for slug in spec["footer_link_slugs"]
        ]
        dossier_settings.save()
        if self.verbosity >= 1:
            self.stdout.write("  ~ instellingen van het dossier (opgeslagen)")
