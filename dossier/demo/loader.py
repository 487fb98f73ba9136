"""Loads the demo dossier (the files of ``content/``, read by ``data``) into the database.

Idempotent: running it again changes nothing that is already as the files describe it. Pages
get a new revision only when their content differs, snippets are matched by name or slug.
Section models are looked up through the app registry: ``dossier`` does not import the section
apps.
"""

from django.apps import apps
from django.db import transaction
from wagtail.fields import StreamField
from wagtail.models import Page, Site

from dossier.models import (
    DossierHomePage,
    DossierSettings,
    Organisation,
    Person,
    StandardPage,
    Theme,
)
from dossier.site_address import AddressTaken, align_site, default_site

from .data import Content, problems, read_content
from .sections import SectionPages, body_blocks

HOME_SLUG = "home"


class DemoContentError(ValueError):
    """The content files do not fit together; the message lists every problem."""


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
    """What a StreamField stores for ``value``, a list of ``{"type", "value"}`` blocks."""
    return _strip_ids(field.stream_block.get_prep_value(field.to_python(value)))


class DemoLoader(SectionPages):
    """Loads the content files: snippets, home, section indexes, standard pages, settings.

    The pages of the sections come from ``SectionPages``.
    """

    def __init__(self, stdout, verbosity=1, content: Content | None = None):
        self.stdout = stdout
        self.verbosity = verbosity
        self.content = content
        self.counts = {"created": 0, "updated": 0, "unchanged": 0}

    def load(self):
        """Load every file; the counts of created, updated and unchanged objects."""
        content = self.content = self.content or read_content()
        found = problems(content)
        if found:
            raise DemoContentError("The demo content does not fit together:\n" + "\n".join(found))
        with transaction.atomic():
            self.load_snippets()
            home = self.load_home()
            self.load_sections(home)
            pages = self.load_pages(home)
            self.load_settings(home, pages)
            self.load_section_pages()
        return self.counts

    @staticmethod
    def set_themes(page, themes):
        """Give ``page`` exactly ``themes`` (in the order of its file); True when that changed it.

        The one place that knows how a page's themes are stored: ``PageTheme`` rows, set
        through ``BasePage.themes``.
        """
        if page.pk is not None and {t.pk for t in page.themes} == {t.pk for t in themes}:
            return False
        page.themes = themes
        return True

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
        for theme in self.content.themes:
            self.upsert(
                Theme,
                {"slug": theme["slug"]},
                {"name": theme["name"], "description": theme.get("description", "")},
                f"thema {theme['name']}",
            )
        self.organisations = {}
        for organisation in self.content.organisations:
            name = organisation["name"]
            self.organisations[name] = self.upsert(
                Organisation,
                {"name": name},
                {
                    "kind": organisation["kind"],
                    "website": organisation.get("website", ""),
                    "is_own": organisation.get("is_own", False),
                },
                f"organisatie {name}",
            )
        self.people = {}
        for person in self.content.people:
            name = person["name"]
            self.people[name] = self.upsert(
                Person,
                {"name": name},
                {
                    "role": person.get("role", ""),
                    "organisation": self.organisations.get(person.get("organisation", "")),
                    "email": person.get("email", ""),
                    "phone": person.get("phone", ""),
                },
                f"persoon {name}",
            )
        self.themes = {theme.slug: theme for theme in Theme.objects.all()}

    # --- pages ------------------------------------------------------------------------

    def upsert_page(self, parent, model, slug, fields, relations=(), **attributes):
        """Create the page under ``parent`` or bring it up to date; publish only on change.

        ``relations`` are functions that bring one relation of the page up to date (themes,
        tags, authors, updates, programme) and return whether they changed it.
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
            for sync in relations:
                sync(page)
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
        for sync in relations:
            changed = sync(page) or changed
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
        spec = self.content.home
        fields = {key: spec.get(key, "") for key in ("title", "seo_title", "intro")}
        fields |= {key: spec.get(key, "") for key in ("definition", "definition_source")}
        home = self.upsert_page(
            root, DossierHomePage, HOME_SLUG, {**fields, "body": body_blocks(spec)}
        )
        site = default_site() or Site(is_default_site=True)
        # The default site serves the home page at PUBLIC_BASE_URL's host and port, so that
        # absolute URLs point where the site runs (make run sets it to its own address).
        try:
            changed = align_site(site)
        except AddressTaken as error:
            raise DemoContentError(str(error)) from error
        site_values = {
            "root_page_id": home.pk,
            "site_name": self.content.settings.get("site_name", ""),
        }
        if changed or any(getattr(site, key) != value for key, value in site_values.items()):
            for key, value in site_values.items():
                setattr(site, key, value)
            site.save()
            self.report("updated", "site")
        return home

    def load_sections(self, home):
        self.heading("Section index pages")
        self.indexes = {}
        for section in self.content.sections:
            spec = section.index
            self.indexes[section.slug] = self.upsert_page(
                home,
                apps.get_model(spec["type"]),
                section.slug,
                {"title": spec["title"], "intro": spec.get("intro", "")},
                show_in_menus=True,
            )

    def load_pages(self, home):
        """The standard pages, then the contribution form (which links the privacy page)."""
        self.heading("Standard pages")
        pages = {}
        for spec in self.content.pages:
            if spec["type"] == "dossier.StandardPage":
                fields = {"title": spec["title"], "intro": spec.get("intro", "")}
                pages[spec["slug"]] = self.upsert_page(
                    home, StandardPage, spec["slug"], {**fields, "body": body_blocks(spec)}
                )
        for spec in self.content.pages:
            if spec["type"] != "contributions.ContributionFormPage":
                continue
            slug = spec["slug"]
            # Earlier demo versions made /bijdragen/ a standard page; the form page replaces it.
            for old in home.get_children().filter(slug=slug).type(StandardPage):
                old.delete()
                self.report("updated", f"standaardpagina /{slug}/ (replaced by the form)")
            fields = {key: spec.get(key, "") for key in ("title", "intro", "thank_you_title")}
            fields["thank_you_text"] = spec.get("thank_you_text", "")
            pages[slug] = self.upsert_page(
                home,
                # The form page belongs to the contributions app, above this layer.
                apps.get_model("contributions.ContributionFormPage"),
                slug,
                fields,
                privacy_page_id=pages[spec["privacy_page"]].pk,
            )
        return pages

    def load_settings(self, home, pages):
        self.heading("Site settings")
        site = Site.objects.get(root_page=home)
        dossier_settings = DossierSettings.for_site(site)
        spec = self.content.settings
        dossier_settings.organisation_name = spec.get("organisation_name", "")
        dossier_settings.contact_name = spec.get("contact_name", "")
        dossier_settings.contact_email = spec.get("contact_email", "")
        dossier_settings.contribution_recipients = spec.get("contribution_recipients", "")
        dossier_settings.footer_text = spec.get("footer_text", "")
        dossier_settings.contribution_page = pages.get(spec.get("contribution_page", ""))
        dossier_settings.privacy_page = pages.get(spec.get("privacy_page", ""))
        dossier_settings.footer_links = [
            ("link", {"page": pages[slug], "external_url": "", "label": ""})
            for slug in spec.get("footer_links", [])
        ]
        dossier_settings.save()
        if self.verbosity >= 1:
            self.stdout.write("  ~ instellingen van het dossier (opgeslagen)")
