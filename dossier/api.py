"""The read-only JSON API at /api/v2/: Wagtail's API over pages, images and documents.

Wagtail's viewsets already show only live pages without a view restriction the request
does not pass, and only documents outside restricted collections; they answer unknown
parameters with 400 and have no write methods. Here they answer JSON only (no browsable
HTML API); ``dossier.serializers`` shapes the dossier's own relations.
"""

from types import SimpleNamespace

from django.http import JsonResponse
from django.urls import reverse
from rest_framework.filters import BaseFilterBackend
from rest_framework.renderers import JSONRenderer
from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from .search import search_words
from .seo import absolute_url


class WordsSearchFilter(SearchFilter):
    """Wagtail's ``?search``, given only the words of the query and a known operator, so
    that quotes, NUL bytes or a 3,000-character query give an answer rather than a 500."""

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        if request.GET.get("search_operator") not in (None, "and", "or"):
            raise BadRequestError("search_operator must be 'and' or 'or'")
        words = search_words(request.GET["search"])
        if not words:
            return queryset.none()
        query = request.GET.copy()
        query["search"] = words
        return super().filter_queryset(SimpleNamespace(GET=query), queryset, view)


class JSONOnly:
    """JSON only (no browsable HTML API), with the safe search filter."""

    renderer_classes = [JSONRenderer]

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.filter_backends = [
            WordsSearchFilter if backend is SearchFilter else backend
            for backend in cls.filter_backends
        ]


class ThemeFilter(BaseFilterBackend):
    """``?themes=<id or slug>``: the pages that carry that theme, of every type (the themes
    live in one table, not in a field of each page type that Wagtail's field filter sees)."""

    def filter_queryset(self, request, queryset, view):
        value = request.GET.get("themes")
        if value is None:
            return queryset
        lookup = "page_themes__theme_id" if value.isdigit() else "page_themes__theme__slug"
        return queryset.filter(**{lookup: value[:100]})


class DossierPagesAPIViewSet(JSONOnly, PagesAPIViewSet):
    filter_backends = [*PagesAPIViewSet.filter_backends, ThemeFilter]
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(["themes"])


class DossierImagesAPIViewSet(JSONOnly, ImagesAPIViewSet):
    pass


class DossierDocumentsAPIViewSet(JSONOnly, DocumentsAPIViewSet):
    pass


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", DossierPagesAPIViewSet)
api_router.register_endpoint("images", DossierImagesAPIViewSet)
api_router.register_endpoint("documents", DossierDocumentsAPIViewSet)


def api_index(request):
    """/api/v2/: where the endpoints are, for a developer who starts at the top."""
    endpoints = {
        name: absolute_url(request, reverse(f"wagtailapi:{name}:listing"))
        for name in ("pages", "images", "documents")
    }
    return JsonResponse(endpoints)
