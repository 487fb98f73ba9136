"""Reads the demo dossier's TOML files and checks that they fit together (standard library only).

``read_content()`` returns the parsed files; ``problems()`` lists what would stop the loader,
such as a reference to a page, theme, person or organisation that no file defines, a missing
required key or a key the loader does not know. The layout of ``content/`` is described in
``dossier/demo/__init__.py``.
"""

import tomllib
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

CONTENT_DIR = Path(__file__).resolve().parent / "content"
DATA_FILES = ("themes.toml", "organisations.toml", "people.toml", "settings.toml")
PAGES_FOLDER = "paginas"  # the standard pages and the contribution form, under the home page
INDEX_FILE = "_index.toml"

_COMMON = {"type", "position", "title", "date", "intro", "body", "themes", "tags"}
_COMMON |= {"related", "changes"}
# Per page type: the keys it may have and, second, those it must have.
PAGE_TYPES = {
    "dossier.DossierHomePage": (
        {"type", "title", "seo_title", "intro", "definition", "definition_source", "body"},
        {"title"},
    ),
    "dossier.StandardPage": ({"type", "position", "title", "intro", "body"}, {"title"}),
    "contributions.ContributionFormPage": (
        {"type", "position", "title", "intro", "thank_you_title", "thank_you_text"}
        | {"privacy_page"},
        {"title", "privacy_page"},
    ),
    "news.NewsPage": (_COMMON | {"kind", "source_name", "source_url"}, {"title", "kind"}),
    "opinion.BlogPage": (
        _COMMON | {"authors", "first_published_in", "first_published_url"},
        {"title"},
    ),
    "projects.ProjectPage": (
        _COMMON
        | {"status", "period_start", "period_end", "results", "contact", "updates"}
        | {"take_part_title", "take_part_text", "take_part_url"},
        {"title", "status"},
    ),
    "projects.EventPage": (
        (_COMMON - {"date"})
        | {"start", "end", "location_name", "location_address", "online_url", "audience"}
        | {"registration_url", "contact", "show_contact_email", "show_contact_phone"}
        | {"organiser"}
        | {"related_publication", "programme"},
        {"title", "start", "end"},
    ),
    "publications.PublicationPage": (
        _COMMON
        | {"kind", "authors", "publisher", "commissioner", "external_url", "part_number"}
        | {"with_file"},
        {"title", "kind"},
    ),
    "sources.SourcePage": (
        _COMMON | {"kind", "url", "owner", "why_read", "is_featured"},
        {"title", "kind", "url", "why_read"},
    ),
}
# The TOML types of the keys that are not text: a date written as "2019-03-21" would be text,
# which the database takes but which never compares equal, so every load would update it.
VALUE_TYPES = {
    **dict.fromkeys(("position", "part_number"), int),
    **dict.fromkeys(("date", "period_start", "period_end"), date),
    **dict.fromkeys(("start", "end"), datetime),
    "time": time,
    **dict.fromkeys(("with_file", "is_featured", "show_contact_email"), bool),
    "show_contact_phone": bool,
    **dict.fromkeys(("themes", "tags", "authors", "related"), list),
    **dict.fromkeys(("body", "updates", "programme", "changes"), list),
}
# Section index page types and the page types their folder may hold.
SECTION_TYPES = {
    "news.NewsIndexPage": {"news.NewsPage"},
    "opinion.OpinionIndexPage": {"opinion.BlogPage"},
    "projects.ProjectIndexPage": {"projects.ProjectPage", "projects.EventPage"},
    "publications.PublicationIndexPage": {"publications.PublicationPage"},
    "sources.SourceIndexPage": {"sources.SourcePage"},
}
SERIES_TYPE = "publications.PublicationPage"  # a series' parts are pages of the same type


@dataclass
class Section:
    slug: str  # the folder name, which is the index page's slug
    index: dict  # the index page (its _index.toml)
    pages: list[dict] = field(default_factory=list)  # in load order; a series has "parts"


@dataclass
class Content:
    themes: list[dict]
    organisations: list[dict]
    people: list[dict]
    settings: dict
    home: dict
    pages: list[dict]  # the standard pages and the contribution form
    sections: list[Section]
    files: dict[str, dict]  # path under content/ -> parsed file, for checks and tests
    directory: Path

    def section_pages(self):
        """(section slug, page) for every page of every section, parts after their series."""
        for section in self.sections:
            for page in section.pages:
                yield section.slug, page
                for part in page.get("parts", []):
                    yield section.slug, part

    def refs(self):
        """Every section page by its reference, ``"<section slug>/<page slug>"``."""
        return {f"{section}/{page['slug']}": page for section, page in self.section_pages()}


#: Stands in page texts for the publisher's name from settings.toml (``organisation_name``),
#: so that intros and pages name the publisher the site settings name.
PUBLISHER = "{uitgever}"


def _filled(value, publisher):
    """``value`` with every PUBLISHER in its strings replaced by ``publisher``."""
    if isinstance(value, str):
        return value.replace(PUBLISHER, publisher)
    if isinstance(value, list):
        return [_filled(item, publisher) for item in value]
    if isinstance(value, dict):
        return {key: _filled(item, publisher) for key, item in value.items()}
    return value


def _parse(path, directory, publisher=None):
    with path.open("rb") as file:
        try:
            data = tomllib.load(file)
        except tomllib.TOMLDecodeError as error:
            raise ValueError(f"{path.relative_to(directory)}: {error}") from error
    return data if publisher is None else _filled(data, publisher)


def _position(spec):
    """Where a page goes among the files beside it; pages without a position follow, by slug."""
    position = spec.get("position")
    return (position if isinstance(position, int) else float("inf"), spec["slug"])


def _pages(folder, directory, files, publisher):
    """The pages of ``folder`` (not its ``_index.toml``), each with its slug and file name."""
    specs = []
    for path in sorted(folder.glob("*.toml")):
        if path.name == INDEX_FILE:
            continue
        spec = _parse(path, directory, publisher)
        name = str(path.relative_to(directory))
        files[name] = spec
        specs.append({**spec, "slug": path.stem, "file": name})
    return sorted(specs, key=_position)


def read_content(directory: Path = CONTENT_DIR) -> Content:
    """Every file of the demo dossier, parsed; pages in the order the loader creates them."""
    files = {}
    data = {}
    for name in DATA_FILES:
        files[name] = data[name] = _parse(directory / name, directory)
    publisher = data["settings.toml"].get("organisation_name", "")
    files["home.toml"] = home = _parse(directory / "home.toml", directory, publisher)
    pages = _pages(directory / PAGES_FOLDER, directory, files, publisher)
    sections = []
    for index_path in sorted(directory.glob(f"*/{INDEX_FILE}")):
        folder = index_path.parent
        index = _parse(index_path, directory, publisher)
        files[str(index_path.relative_to(directory))] = index
        section = Section(folder.name, {**index, "slug": folder.name})
        section.pages = _pages(folder, directory, files, publisher)
        for page in section.pages:
            series = folder / page["slug"]
            if series.is_dir():
                page["parts"] = _pages(series, directory, files, publisher)
        sections.append(section)
    return Content(
        themes=data["themes.toml"].get("theme", []),
        organisations=data["organisations.toml"].get("organisation", []),
        people=data["people.toml"].get("person", []),
        settings=data["settings.toml"],
        home=home,
        pages=pages,
        sections=sorted(sections, key=lambda section: _position(section.index)),
        files=files,
        directory=directory,
    )


def _keys(where, spec, allowed, required):
    unknown = sorted(set(spec) - allowed - {"slug", "file", "parts"})
    missing = sorted(required - set(spec))
    return [
        *(f"{where}: unknown key {key!r}" for key in unknown),
        *(f"{where}: missing key {key!r}" for key in missing),
    ]


def _value_types(where, spec):
    return [
        f"{where}: {key} is not a TOML {VALUE_TYPES[key].__name__}"
        for key, value in spec.items()
        if key in VALUE_TYPES and type(value) is not VALUE_TYPES[key]
    ]


def _page_problems(content, where, spec):
    """The keys of one page, and the themes, people, organisations and pages it names."""
    if spec.get("type") not in PAGE_TYPES:
        return [f"{where}: unknown page type {spec.get('type')!r}"]
    found = _keys(where, spec, *PAGE_TYPES[spec["type"]]) + _value_types(where, spec)
    themes = {theme["slug"] for theme in content.themes}
    people = {person["name"] for person in content.people}
    organisations = {organisation["name"] for organisation in content.organisations}
    refs = content.refs()
    named = [
        *(("theme", slug, themes) for slug in spec.get("themes", [])),
        *(("person", name, people) for name in spec.get("authors", [])),
        *(("person", item.get("speaker"), people) for item in spec.get("programme", [])),
        *(("page", ref, refs) for ref in spec.get("related", [])),
        ("person", spec.get("contact"), people),
        ("organisation", spec.get("publisher"), organisations),
        ("organisation", spec.get("commissioner"), organisations),
        ("organisation", spec.get("owner"), organisations),
        ("organisation", spec.get("organiser"), organisations),
        ("page", spec.get("related_publication"), refs),
    ]
    found += [
        f"{where}: no {kind} {name!r}" for kind, name, names in named if name and name not in names
    ]
    publication = refs.get(spec.get("related_publication") or "")
    if publication and publication.get("type") != SERIES_TYPE:
        found.append(f"{where}: related_publication is not a publication")
    for item in spec.get("programme", []):
        found += _keys(f"{where} (programme)", item, {"time", "title", "speaker"}, {"title"})
        found += _value_types(f"{where} (programme)", item)
    for item in spec.get("updates", []):
        found += _keys(f"{where} (update)", item, {"date", "title", "text"}, {"date", "title"})
        found += _value_types(f"{where} (update)", item)
    for item in spec.get("changes", []):
        found += _keys(f"{where} (change)", item, {"date", "text"}, {"date", "text"})
        found += _value_types(f"{where} (change)", item)
    for block in spec.get("body", []):
        found += _keys(f"{where} (body block)", block, {"type", "value"}, {"type", "value"})
    return found


def _snippet_problems(content):
    found = []
    slugs = [theme.get("slug") for theme in content.themes]
    found += [f"themes.toml: {slug} appears twice" for slug in set(slugs) if slugs.count(slug) > 1]
    organisations = [organisation.get("name") for organisation in content.organisations]
    found += [
        f"organisations.toml: {name} appears twice"
        for name in set(organisations)
        if organisations.count(name) > 1
    ]
    for theme in content.themes:
        found += _keys(
            f"theme {theme.get('slug')}", theme, {"slug", "name", "description"}, {"slug", "name"}
        )
    for organisation in content.organisations:
        found += _keys(
            f"organisation {organisation.get('name')}",
            organisation,
            {"name", "kind", "website", "is_own"},
            {"name", "kind"},
        )
    names = [person.get("name") for person in content.people]
    found += [f"people.toml: {name} appears twice" for name in set(names) if names.count(name) > 1]
    for person in content.people:
        where = f"person {person.get('name')}"
        found += _keys(where, person, {"name", "role", "organisation", "email", "phone"}, {"name"})
        if person.get("organisation") and person["organisation"] not in organisations:
            found.append(f"{where}: no organisation {person['organisation']!r}")
    return found


def _section_problems(content, section):
    where = f"{section.slug}/{INDEX_FILE}"
    found = _keys(where, section.index, {"type", "position", "title", "intro", "slug"}, {"title"})
    types = SECTION_TYPES.get(section.index.get("type"))
    if types is None:
        found.append(f"{where}: unknown section type {section.index.get('type')!r}")
    for page in section.pages:
        if types is not None and page.get("type") not in types:
            found.append(f"{page['file']}: a {page.get('type')} cannot be in {section.slug}/")
        found += _page_problems(content, page["file"], page)
        numbers = []
        for part in page.get("parts", []):
            if page.get("type") != SERIES_TYPE or part.get("type") != SERIES_TYPE:
                found.append(f"{part['file']}: only a publication has parts, of its own type")
            if not isinstance(part.get("part_number"), int):
                found.append(f"{part['file']}: a part of a series needs a part_number")
            numbers.append(part.get("part_number"))
            found += _page_problems(content, part["file"], part)
        if len(numbers) != len(set(numbers)):
            found.append(f"{page['file']}: two of its parts have the same part_number")
    return found


def _settings_problems(content: Content) -> list[str]:
    """What in settings.toml names a page that the files do not hold."""
    found = []
    settings = content.settings
    found += _keys(
        "settings.toml",
        settings,
        {"site_name", "organisation_name", "contact_name", "contact_email"}
        | {"contribution_recipients", "contribution_page", "footer_links", "footer_text"}
        | {"privacy_page"},
        set(),
    )
    form_pages = {
        p["slug"] for p in content.pages if p.get("type") == "contributions.ContributionFormPage"
    }
    if settings.get("contribution_page") and settings["contribution_page"] not in form_pages:
        found.append(f"settings.toml: no contribution form {settings['contribution_page']!r}")
    for slug in [*settings.get("footer_links", []), *filter(None, [settings.get("privacy_page")])]:
        if slug not in {page["slug"] for page in content.pages}:
            found.append(f"settings.toml: no page {slug!r} in {PAGES_FOLDER}/")
    return found


def problems(content: Content | None = None) -> list[str]:
    """What in the content files would make the loader fail or load something unintended."""
    content = content or read_content()
    found = _snippet_problems(content)
    found += _page_problems(content, "home.toml", content.home)
    if content.home.get("type") != "dossier.DossierHomePage":
        found.append("home.toml: the home page is a dossier.DossierHomePage")
    standard = {
        page["slug"] for page in content.pages if page.get("type") == "dossier.StandardPage"
    }
    for page in content.pages:
        found += _page_problems(content, page["file"], page)
        if page.get("type") not in ("dossier.StandardPage", "contributions.ContributionFormPage"):
            found.append(f"{page['file']}: {PAGES_FOLDER}/ holds standard and form pages only")
        if page.get("privacy_page") and page["privacy_page"] not in standard:
            found.append(f"{page['file']}: no standard page {page['privacy_page']!r}")
    found += _settings_problems(content)
    for section in content.sections:
        found += _section_problems(content, section)
    refs = [f"{section}/{page['slug']}" for section, page in content.section_pages()]
    found += [f"two pages are {ref}" for ref in sorted(set(refs)) if refs.count(ref) > 1]
    for path in sorted(content.directory.rglob("*.toml")):
        name = str(path.relative_to(content.directory))
        if name not in content.files:
            found.append(f"{name}: not read (a folder without {INDEX_FILE} or series page?)")
    return found
