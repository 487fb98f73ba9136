from django.conf import settings
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from dossier import views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("thema/", views.theme_list, name="theme_list"),
    path("thema/<slug:slug>/", views.theme_detail, name="theme_detail"),
    path("documenten/", include(wagtaildocs_urls)),
    # Search
    # Feeds and calendars
    # Site files: sitemap, robots.txt, security.txt
    # Read-only JSON API
]

if settings.SERVE_MEDIA:
    media_prefix = settings.MEDIA_URL.lstrip("/")
    urlpatterns.append(
        re_path(rf"^{media_prefix}(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})
    )

# Wagtail's page serving catches everything else, so it comes last.
urlpatterns.append(path("", include(wagtail_urls)))
