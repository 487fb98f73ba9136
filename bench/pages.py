"""The pages the benchmark measures, and the SQL queries each one takes.

    python -m bench.pages --out pages.json

Picks one page of every kind from the configured database (a detail page from the middle of
its section, not the newest), renders each twice in this process with Django's test client and
counts the queries of the second render. Writes [{"name", "url", "queries"}] as JSON.
"""

import argparse
import json
import os

SEARCH_QUERIES = ["gemeente", "privacy algoritme", "slimme lantaarnpaal", "xyzzy"]


def middle(queryset):
    count = queryset.count()
    return queryset.order_by("pk")[count // 2]


def bench_pages():
    """[(name, url)] of every page type the benchmark measures."""
    from django.contrib.staticfiles.storage import staticfiles_storage
    from wagtail.models import Page

    from dossier.models import Theme
    from news.models import NewsIndexPage, NewsPage
    from opinion.models import BlogPage, OpinionIndexPage
    from projects.models import EventPage, ProjectIndexPage, ProjectPage
    from publications.models import PublicationIndexPage, PublicationPage
    from sources.models import SourceIndexPage, SourcePage

    def url_of(model):
        return Page.objects.type(model).live().get().url

    news_index = url_of(NewsIndexPage)
    theme = middle(Theme.objects.all())
    pages = [("home", "/")]
    pages += [
        (f"index {model._meta.model_name.removesuffix('indexpage')}", url_of(model))
        for model in (
            NewsIndexPage,
            OpinionIndexPage,
            ProjectIndexPage,
            PublicationIndexPage,
            SourceIndexPage,
        )
    ]
    pages += [
        ("index filtered", f"{news_index}?thema={theme.slug}&soort=nieuws"),
        ("index page 50", f"{news_index}?page=50"),
    ]
    pages += [
        (f"detail {model._meta.model_name.removesuffix('page')}", middle(model.objects.live()).url)
        for model in (NewsPage, BlogPage, ProjectPage, EventPage, PublicationPage, SourcePage)
    ]
    pages += [
        ("theme hub", f"/thema/{theme.slug}/"),
        *((f"search {q}", f"/zoeken/?q={q.replace(' ', '+')}") for q in SEARCH_QUERIES),
        ("feed news", f"{news_index}feed/"),
        ("sitemap", "/sitemap.xml"),
        ("static css", staticfiles_storage.url("css/main.css")),
    ]
    return pages


def count_queries(pages):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    results = []
    for name, url in pages:
        if name.startswith("static"):
            results.append({"name": name, "url": url, "queries": 0})
            continue
        client.get(url)  # per-process caches (site root, content types) filled
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}")
        results.append({"name": name, "url": url, "queries": len(captured)})
    return results


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True)
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dossier.settings.dev")
    import django

    django.setup()
    from django.conf import settings

    settings.PAGE_CACHE_ENABLED = False
    results = count_queries(bench_pages())
    with open(args.out, "w", encoding="utf-8") as file:
        json.dump(results, file, indent=1)


if __name__ == "__main__":
    main()
