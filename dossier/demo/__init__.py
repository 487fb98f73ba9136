"""The demo dossier: its content as TOML files, and the loader behind ``manage.py load_demo``.

The content is written in Dutch for this project from the facts in the source pages; the
people and organisations not in those pages are fictional (with example.nl addresses).

``content/`` holds one file per page, read with ``tomllib``:

- ``themes.toml``, ``organisations.toml``, ``people.toml``: the snippets, found again by slug
  (themes) or name; ``settings.toml``: the Site's name and the dossier's settings.
- ``home.toml``: the home page. ``paginas/<slug>.toml``: its standard pages and the
  contribution form.
- ``<section>/_index.toml``: a section's index page, whose slug is the folder's name (nieuws,
  opinie, projecten, publicaties, bronnen); ``<section>/<slug>.toml``: its pages (projects and
  events share ``projecten/``). A publication series keeps its numbered parts in a folder named
  after it: ``publicaties/<series>.toml`` and ``publicaties/<series>/<part>.toml``.

Every page file names its model in ``type`` (``"news.NewsPage"``); ``position`` orders it
among the files beside it (the order of the page tree), ``date`` and ``start``/``end`` are TOML
dates and local date-times, a programme item's ``time`` a local time. ``body`` is a list of
blocks of the shared body StreamField (``[[body]]`` with ``type`` and ``value``); ``changes``
its important change notes as readers see them (``[[changes]]`` with ``date`` and ``text``,
published on that date; found again by text, never removed). Other pages
are named as ``"<section>/<slug>"`` (``related``, ``related_publication``), themes by slug,
people (``authors``, ``contact``, a programme's ``speaker``) and organisations (``publisher``,
``commissioner``, ``owner``) by name. Keys left out take the loader's defaults: empty text, no
links, false (``show_contact_email`` is true, ``take_part_title`` "Doe mee"); only ``authors`` is
left as it is in the database when the key is missing (``authors = []`` means none).
``data.problems()`` checks all of this; ``loader.DemoLoader`` (with ``sections.SectionPages``
for the sections' pages) turns it into snippets, pages and settings, idempotently; ``media``
makes their PDFs.
"""
