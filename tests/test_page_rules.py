"""Which page types may live where, and what an editor can create in the admin."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from contributions.models import ContributionFormPage
from dossier.models import DossierHomePage, StandardPage
from news.models import NewsIndexPage, NewsPage
from opinion.models import OpinionIndexPage
from projects.models import ProjectIndexPage
from publications.models import PublicationIndexPage
from sources.models import SourceIndexPage

SECTION_INDEXES = [
    NewsIndexPage,
    OpinionIndexPage,
    ProjectIndexPage,
    PublicationIndexPage,
    SourceIndexPage,
]

pytestmark = pytest.mark.django_db


def test_home_page_sits_at_the_root_and_holds_sections_and_standard_pages():
    assert set(DossierHomePage.allowed_parent_page_models()) == {Page}
    assert set(DossierHomePage.allowed_subpage_models()) == {
        *SECTION_INDEXES,
        StandardPage,
        ContributionFormPage,
    }


def test_one_contribution_form_under_the_home_page_without_children():
    assert ContributionFormPage.allowed_parent_page_models() == [DossierHomePage]
    assert ContributionFormPage.allowed_subpage_models() == []
    # The demo has /bijdragen/, so an editor cannot add a second form.
    assert not ContributionFormPage.can_create_at(DossierHomePage.objects.get())


@pytest.mark.parametrize("model", SECTION_INDEXES)
def test_section_index_lives_only_under_the_home_page_once(model):
    assert model.allowed_parent_page_models() == [DossierHomePage]
    assert model.max_count == 1
    home = DossierHomePage.objects.get()
    # The demo dossier already has one, so an editor cannot add a second.
    assert not model.can_create_at(home)


def test_standard_pages_nest_under_home_or_each_other():
    assert set(StandardPage.allowed_parent_page_models()) == {DossierHomePage, StandardPage}
    assert StandardPage.allowed_subpage_models() == [StandardPage]
    assert not StandardPage.can_create_at(NewsIndexPage.objects.get())


def test_only_one_home_page():
    assert not DossierHomePage.can_create_at(Page.get_first_root_node())


@pytest.fixture
def editor_client(client):
    user = get_user_model().objects.create_superuser("redacteur", "redactie@example.nl", "x" * 16)
    client.force_login(user)
    return client


def test_editor_creates_a_standard_page_with_real_body_blocks(editor_client):
    home = DossierHomePage.objects.get()
    data = nested_form_data(
        {
            "title": "Werkwijze van de redactie",
            "slug": "werkwijze",
            "intro": "Hoe de redactie bijdragen kiest.",
            "body": streamfield(
                [
                    ("heading", {"text": "Selectie", "level": "h2"}),
                    ("paragraph", rich_text("<p>We kiezen op relevantie voor gemeenten.</p>")),
                    (
                        "quote",
                        {"quote": "Kwaliteit boven kwantiteit.", "attribution": "", "role": ""},
                    ),
                ]
            ),
            "action-publish": "publish",
        }
    )
    url = f"/admin/pages/add/dossier/standardpage/{home.pk}/"
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    page = StandardPage.objects.get(slug="werkwijze")
    assert page.live
    assert [block.block_type for block in page.body] == ["heading", "paragraph", "quote"]

    html = editor_client.get("/werkwijze/").content.decode()
    assert '<h2 class="block-heading">Selectie</h2>' in html
    assert "Kwaliteit boven kwantiteit." in html


def test_admin_speaks_dutch(editor_client):
    response = editor_client.get("/admin/")
    assert response.status_code == 200
    assert 'lang="nl"' in response.content.decode()
    assert "Pagina's" in response.content.decode()


@pytest.mark.parametrize("slug", ["feed", "ris"])
def test_slugs_of_routes_are_reserved(slug):
    page = NewsPage(title="Feed", slug=slug, intro="Inleiding.")
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "slug" in error.value.message_dict
