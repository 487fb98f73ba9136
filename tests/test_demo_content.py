"""The demo's content files: each one parses, and every name in them refers to something defined.

No database: these read the TOML files of ``dossier/demo/content/`` only.
"""

import shutil
import tomllib

from dossier.demo.data import CONTENT_DIR, problems, read_content


def test_every_content_file_parses_and_is_read():
    paths = sorted(CONTENT_DIR.rglob("*.toml"))
    for path in paths:
        with path.open("rb") as file:
            assert isinstance(tomllib.load(file), dict), path
    content = read_content()
    # Every file is read, as a page or as snippets or settings: none is silently ignored.
    assert sorted(content.files) == sorted(str(path.relative_to(CONTENT_DIR)) for path in paths)
    assert [section.slug for section in content.sections] == [
        "nieuws",
        "opinie",
        "projecten",
        "publicaties",
        "bronnen",
    ]
    series = {page["slug"]: page["parts"] for _, page in content.section_pages() if "parts" in page}
    assert [part["part_number"] for part in series["smart-society-cases"]] == list(range(1, 9))


def test_every_reference_resolves():
    """Related pages, an event's publication, themes, people, organisations, series parts,
    the settings' pages: all defined by some file, and every key known to the loader."""
    assert problems() == []


def _edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_checks_find_what_does_not_fit(tmp_path):
    directory = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, directory)
    news = directory / "nieuws" / "steunverklaring-smart-society.toml"
    _edit(news, '"nieuws/vervolg-op-smart-city-strategie"', '"nieuws/bestaat-niet"')
    _edit(news, '"veiligheid"', '"onveiligheid"')
    _edit(news, "source_name =", "sourse_name =")
    event = directory / "projecten" / "workshop-aan-de-slag-met-smart-en-leefbaar.toml"
    _edit(event, 'speaker = "Jos van Winkel"', 'speaker = "Jos van Winkle"')
    _edit(
        event, 'related_publication = "publicaties/smart-en-leefbaar"', 'related_publication = "x"'
    )
    _edit(directory / "publicaties" / "open-de-black-box.toml", '"Waag"', '"Waeg"')
    part = directory / "publicaties" / "smart-society-cases" / "de-laadpaal-is-niet-neutraal.toml"
    _edit(part, "part_number = 4\n", "")
    _edit(part, "date = 2019-12-10", 'date = "2019-12-10"')
    _edit(directory / "people.toml", '"Hogeschool Saxion"', '"Hogeschool Saksion"')
    _edit(directory / "settings.toml", '"colofon"]', '"kolofon"]')
    (directory / "bronnen" / "waag").mkdir()
    shutil.copy(part, directory / "bronnen" / "waag" / "deel.toml")
    (directory / "evenementen").mkdir()
    (directory / "evenementen" / "los.toml").write_text('title = "Los"\n', encoding="utf-8")

    found = problems(read_content(directory))

    assert sorted(found) == sorted(
        [
            "person Mettina Veenstra: no organisation 'Hogeschool Saksion'",
            "settings.toml: no page 'kolofon' in paginas/",
            "nieuws/steunverklaring-smart-society.toml: unknown key 'sourse_name'",
            "nieuws/steunverklaring-smart-society.toml: no theme 'onveiligheid'",
            "nieuws/steunverklaring-smart-society.toml: no page 'nieuws/bestaat-niet'",
            "projecten/workshop-aan-de-slag-met-smart-en-leefbaar.toml: no person 'Jos van Winkle'",
            "projecten/workshop-aan-de-slag-met-smart-en-leefbaar.toml: no page 'x'",
            "publicaties/open-de-black-box.toml: no organisation 'Waeg'",
            "publicaties/smart-society-cases/de-laadpaal-is-niet-neutraal.toml: a part of a series "
            "needs a part_number",
            "publicaties/smart-society-cases/de-laadpaal-is-niet-neutraal.toml: date is not a TOML "
            "date",
            "bronnen/waag/deel.toml: only a publication has parts, of its own type",
            "bronnen/waag/deel.toml: a part of a series needs a part_number",
            "bronnen/waag/deel.toml: date is not a TOML date",
            "evenementen/los.toml: not read (a folder without _index.toml or series page?)",
        ]
    )
