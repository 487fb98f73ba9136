from django.conf import settings
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from alerts import urls as alerts_urls
from dossier import api, search, views
from dossier.site_files import robots_txt, security_txt, sitemap

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("thema/", views.theme_list, name="theme_list"),
    path("thema/<slug:slug>/", views.theme_detail, name="theme_detail"),
    path("documenten/", include(wagtaildocs_urls)),
    # Search
    path("zoeken/", search.search, name="search"),
    # Following the dossier by e-mail
    path("volgen/", include(alerts_urls)),
    # Feeds and calendars
    path("", include("dossier.feeds")),
    # Site files: sitemap, robots.txt, security.txt
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path(".well-known/security.txt", security_txt, name="security_txt"),
    # Read-only JSON API
    path("api/v2/", api.api_index, name="api_index"),
    path("api/v2/", api.api_router.urls),
]

if settings.SERVE_MEDIA:
    media_prefix = settings.MEDIA_URL.lstrip("/")
    urlpatterns.append(
        re_path(rf"^{media_prefix}(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})
    )

# Wagtail's page serving catches everything else, so it comes last.
urlpatterns.append(path("", include(wagtail_urls)))

# A database outage answers 503 with Retry-After, anything else 500 (dossier/ops/errors.py).
handler500 = "dossier.ops.errors.server_error"
