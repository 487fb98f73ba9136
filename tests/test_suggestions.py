"""Suggestions ("Bedoelde u …?"): dossier.models.words.suggest() proposes the dossier's own
word for a misspelt one, from the words of the live public pages (PostgreSQL trigrams), in one
query; hostile input gets None without a query; drafts and private pages lend no words; a
published page's new words can be suggested at once."""

import re
from io import StringIO

import pytest
from django.core.management import call_command

from dossier.models import SearchWord, words
from dossier.models.words import suggest
from tests import pages

pytestmark = pytest.mark.django_db


def test_a_misspelt_word_gets_the_dossiers_word():
    suggestion = suggest("gemeentn")
    assert suggestion in {"gemeente", "gemeenten"}
    assert SearchWord.objects.filter(word=suggestion).exists()


def test_only_the_misspelt_words_change(django_assert_num_queries):
    pages.news("Kwartiermakersdag voor waterschappen")
    with django_assert_num_queries(1):
        suggestion = suggest("Kwartiermakersdg, waterschappen en gemeentn?")
    assert suggestion in {
        "kwartiermakersdag, waterschappen en gemeente?",
        "kwartiermakersdag, waterschappen en gemeenten?",
    }


@pytest.mark.parametrize("query", ["gemeente", "Gemeenten", "waterschappen gemeente", "de"])
def test_a_correct_query_gets_none(query):
    pages.news("Kwartiermakersdag voor waterschappen")
    assert suggest(query) is None


def test_a_word_that_search_finds_by_its_stem_is_left_alone():
    """Only "fietsbibliotheek" occurs, but search finds it for "fietsbibliotheken" (Dutch
    stemming): no suggestion. A misspelling of it does get one."""
    pages.news("De fietsbibliotheek")
    assert not SearchWord.objects.filter(word="fietsbibliotheken").exists()
    assert suggest("fietsbibliotheken") is None
    assert suggest("fietsbiblioteek") == "fietsbibliotheek"


def test_nothing_similar_gets_none():
    assert suggest("xqzwvkj") is None


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "12345 !!",
        "ab",
        "x" * 5000,
        "gemeentn " * 600,
        "gemeentn\x00",
        "\x00",
        None,
        ["gemeentn"],
    ],
    ids=[
        "empty",
        "blank",
        "no-letters",
        "short",
        "5000-chars",
        "long-words",
        "nul",
        "only-nul",
        "none",
        "list",
    ],
)
def test_hostile_input_gets_none_without_a_query(query, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert suggest(query) is None


def test_ties_go_to_the_more_common_word():
    """ "molenaxr" is as like "molenaar" as "molenaer": the word of more pages wins, though
    it comes later in the alphabet."""
    SearchWord.objects.create(word="molenaar", stem="molenar", documents=1)
    SearchWord.objects.create(word="molenaer", stem="molenaer", documents=9)
    assert suggest("molenaxr") == "molenaer"
    SearchWord.objects.filter(word="molenaar").update(documents=20)
    assert suggest("molenaxr") == "molenaar"


def test_drafts_and_private_pages_lend_no_words():
    pages.news("Conceptbericht over de zeppelinhaven", live=False)
    pages.make_private(pages.news("Besloten bericht over de walrusbrug"))
    changed = pages.news("Bericht over de dijk")
    changed.title = "Bericht over het ijsbeerpad"
    changed.save_revision()  # a draft of a live page
    pages.news("Openbaar bericht over de pinguinkade")
    count = words.rebuild()

    assert count == SearchWord.objects.count() > 100
    assert suggest("pinguinkde") == "pinguinkade"
    for misspelt in ("zeppelinhavn", "walrusbrg", "ijsbeerpd"):
        assert suggest(misspelt) is None, misspelt
    assert not SearchWord.objects.filter(
        word__in=["zeppelinhaven", "walrusbrug", "ijsbeerpad"]
    ).exists()


def test_a_published_page_makes_its_new_words_suggestible_at_once():
    assert suggest("otterstrnd") is None
    pages.news("Zwemmen bij het otterstrand")
    assert suggest("otterstrnd") == "otterstrand"
    assert SearchWord.objects.get(word="otterstrand").documents == 1


def test_publishing_a_private_page_adds_no_words():
    page = pages.make_private(pages.news("Vergadering over de bevermeren", live=False))
    page.save_revision().publish()
    assert not SearchWord.objects.filter(word="bevermeren").exists()
    assert suggest("bevermern") is None


def test_update_search_words_fills_the_table_with_words_of_letters():
    SearchWord.objects.all().delete()
    out = StringIO()
    call_command("update_search_words", stdout=out)
    count = SearchWord.objects.count()
    assert re.fullmatch(rf"{count} woorden in \d+\.\d s\n", out.getvalue())
    assert count > 100
    assert all(
        re.fullmatch(r"[^\W\d_]{3,40}", word) and word == word.lower()
        for word in SearchWord.objects.values_list("word", flat=True)
    )
    gemeente = SearchWord.objects.get(word="gemeente")
    assert gemeente.stem == "gemeent"
    assert gemeente.documents > 1


def test_rebuild_follows_counts_and_drops_words_of_unpublished_pages():
    first = pages.news("Zwemmen bij het otterstrand")
    second = pages.news("Het otterstrand is weer open")
    assert SearchWord.objects.get(word="otterstrand").documents == 1  # as added on publish
    words.rebuild()
    assert SearchWord.objects.get(word="otterstrand").documents == 2
    first.unpublish()
    words.rebuild()
    assert SearchWord.objects.get(word="otterstrand").documents == 1
    second.unpublish()
    words.rebuild()
    assert not SearchWord.objects.filter(word="otterstrand").exists()
    assert suggest("otterstrnd") is None
