"""The pages the benchmark measures, and the SQL queries each one takes.

    python -m bench.pages --out pages.json

Picks one page of every kind from the configured database (a detail page from the middle of
its section, not the newest), renders each twice in this process with Django's test client and
counts the queries of the second render. Writes [{"name", "url", "queries"}] as JSON, plus
"finder": true for the finder's rows and, for those with words only, the number of pages the
words match ("matches").

The finder's words come from the synthetic text's vocabulary (bench/vocabulary-nl.txt, most
frequent first): a common word of rank 61 (in about a third of the pages), two words of ranks
of 84 and 103 together, a word that is not in the vocabulary, and a rare word: the most frequent
search term of the vocabulary that the search finds in RARE_PAGES pages at this size of the
dossier (about rank 1,000 at 1,000 pages, 8,000 at 10,000).
"""

import argparse
import json
import os

from bench.populate import vocabulary

COMMON_WORD = "mensen"  # rank 61; the Dutch stemmer keeps it as "mens"
TWO_WORDS = "nieuwe tijd"  # ranks 84 and 103
NO_MATCH = "xyzzy"
#: How many pages the rare word is found in: at least, at most; and its least length.
RARE_PAGES = (5, 20)
RARE_LETTERS = 6


def middle(queryset):
    count = queryset.count()
    return queryset.order_by("pk")[count // 2]


def bench_pages(finder):
    """[(name, url)] of every page type the benchmark measures, with the ``finder``'s
    queries after the theme hub."""
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
        *((name, url) for name, url, _ in finder),
        ("feed news", f"{news_index}feed/"),
        ("sitemap", "/sitemap.xml"),
        ("static css", staticfiles_storage.url("css/main.css")),
    ]
    return pages


def matches(words):
    """How many live pages the search finds for ``words`` (all of them)."""
    from wagtail.models import Page

    return Page.objects.live().search(words, operator="and").count()


def rare_word():
    """The most frequent vocabulary word of RARE_LETTERS letters or more (a search term rather
    than a function word) that the search finds in RARE_PAGES pages: going down the ranks by
    a third at a time to the first word found in no more than the most, and from there to the
    first found in at least the fewest. Words found nowhere (the stemmer's stop words) are
    passed by."""
    words = [word for word in vocabulary()[0] if len(word) >= RARE_LETTERS]
    fewest, most = RARE_PAGES
    rank, tries = 50, 0
    while rank < len(words) and tries < 200:
        tries += 1
        found = matches(words[rank])
        if fewest <= found <= most:
            return words[rank]
        if found > most:
            rank += rank // 3
        else:
            rank += 1
    raise SystemExit(f"no word of the vocabulary found in {fewest} to {most} pages")


def finder_pages():
    """[(name, url, words)] of the finder's measured queries; words (to count the pages they
    match) only where the query has no filters."""
    from dossier.models import Theme

    theme = middle(Theme.objects.all())
    rare = rare_word()

    def words(q):
        return q.replace(" ", "+")

    return [
        ("finder common word", f"/zoeken/?q={words(COMMON_WORD)}", COMMON_WORD),
        ("finder rare word", f"/zoeken/?q={rare}", rare),
        ("finder two words", f"/zoeken/?q={words(TWO_WORDS)}", TWO_WORDS),
        ("finder no match", f"/zoeken/?q={NO_MATCH}", NO_MATCH),
        (
            "finder words theme period",
            f"/zoeken/?q={words(COMMON_WORD)}&thema={theme.slug}&periode=2j",
            None,
        ),
        ("finder three filters", f"/zoeken/?sectie=nieuws&thema={theme.slug}&periode=2j", None),
    ]


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
    queries = finder_pages()
    finder = {name: words for name, _, words in queries}
    results = count_queries(bench_pages(queries))
    for result in results:
        if result["name"] in finder:
            words = finder[result["name"]]
            result["finder"] = True
            result["matches"] = matches(words) if words else None
    with open(args.out, "w", encoding="utf-8") as file:
        json.dump(results, file, indent=1)


if __name__ == "__main__":
    main()
