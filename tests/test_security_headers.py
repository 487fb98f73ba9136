"""Production hardening: the deploy check, the security headers on every kind of response (also
from the page cache), the admin's own Content-Security-Policy, the login lockout, refused upload
types, and a real browser that reports no CSP violation on public pages or in the admin."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.forms.collections import CollectionViewRestrictionForm
from wagtail.admin.forms.pages import PageViewRestrictionForm
from wagtail.documents import get_document_model
from wagtail.models import Collection

from contributions.models import Contribution
from dossier.ops.security import lockout_client_ip
from news.models import NewsPage

PROJECT_DIR = Path(__file__).resolve().parent.parent
PASSWORD = "een-lang-en-goed-wachtwoord"
ADMIN_USERNAME = "csp-beheerder"
# Features the site never uses; Permissions-Policy must switch each of them off.
DENIED_FEATURES = ["camera", "microphone", "geolocation", "payment", "usb", "browsing-topics"]


def directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    parsed = {}
    for part in policy.split(";"):
        name, *values = part.split()
        parsed[name] = values
    return parsed


def assert_common_headers(response):
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    permissions = response["Permissions-Policy"]
    for feature in DENIED_FEATURES:
        assert f"{feature}=()" in permissions


def assert_public_policy(response):
    policy = directives(response)
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    for name in ("script-src", "style-src"):
        assert policy.get(name, ["'self'"]) == ["'self'"]
    assert "unsafe-" not in response["Content-Security-Policy"]


# --- the deploy check and the production settings ----------------------------------------


def run_with_production_settings(args, **environ):
    env = {
        key: value
        for key, value in os.environ.items()
        # conftest.py allows async-unsafe database access for Playwright, never a deployment.
        if key
        not in {
            "SECURE_SSL_REDIRECT",
            "USE_X_FORWARDED_PROTO",
            "DJANGO_SETTINGS_MODULE",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        }
    }
    env.update(
        DJANGO_SETTINGS_MODULE="dossier.settings.production",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="example.org",
        **environ,
    )
    return subprocess.run(
        [sys.executable, *args], cwd=PROJECT_DIR, env=env, capture_output=True, text=True
    )


def test_deploy_check_passes_without_warnings():
    result = run_with_production_settings(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"]
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "System check identified no issues" in output
    assert "WARNING" not in output


PRODUCTION_PROBE = """
import json
import django
from django.conf import settings
from django.http import HttpResponse
from django.middleware.security import SecurityMiddleware
from django.test import RequestFactory

django.setup()
middleware = SecurityMiddleware(lambda request: HttpResponse())
redirects = {
    path: middleware.process_request(RequestFactory().get(path, HTTP_HOST="example.org"))
    for path in ("/healthz", "/readyz", "/nieuws/")
}
print(json.dumps({
    "redirected": {path: bool(response) for path, response in redirects.items()},
    "hsts": settings.SECURE_HSTS_SECONDS,
    "session_secure": settings.SESSION_COOKIE_SECURE,
    "csrf_secure": settings.CSRF_COOKIE_SECURE,
    "proxy_header": settings.SECURE_PROXY_SSL_HEADER,
}))
"""


def production_settings(**environ):
    result = run_with_production_settings(["-c", PRODUCTION_PROBE], **environ)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_redirects_to_https_except_the_health_endpoints():
    values = production_settings()
    assert values["redirected"] == {"/healthz": False, "/readyz": False, "/nieuws/": True}
    assert values["hsts"] == 365 * 24 * 60 * 60
    assert values["session_secure"] is True
    assert values["csrf_secure"] is True
    assert values["proxy_header"] is None  # X-Forwarded-Proto is trusted only when told so


def test_production_switches():
    assert production_settings(USE_X_FORWARDED_PROTO="true")["proxy_header"] == [
        "HTTP_X_FORWARDED_PROTO",
        "https",
    ]
    plain = production_settings(SECURE_SSL_REDIRECT="false")
    assert plain["redirected"]["/nieuws/"] is False
    assert plain["hsts"] == 365 * 24 * 60 * 60  # sent on secure requests only (test_settings.py)


# --- headers on every kind of public response ---------------------------------------------


@pytest.fixture
def reader():
    return Client(HTTP_HOST="localhost")


def news_detail_url():
    return NewsPage.objects.live().public().order_by("pk").first().url


def make_document(name="programma.pdf", content=b"%PDF-1.4\n" + b"x" * 2048):
    return get_document_model().objects.create(
        title="Programma", file=ContentFile(content, name=name)
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/", 200),
        (news_detail_url, 200),
        ("/nieuws/feed/", 200),
        ("/api/v2/pages/", 200),
        ("/zoeken/?q=gemeente", 200),
        ("/bijdragen/", 200),
        ("/bestaat-niet/", 404),
    ],
)
def test_public_responses_carry_the_strict_policy_and_the_other_headers(reader, url, status):
    response = reader.get(url() if callable(url) else url)
    assert response.status_code == status
    assert_common_headers(response)
    assert_public_policy(response)


@pytest.mark.django_db
def test_documents_download_as_attachments_with_their_own_stricter_policy(reader):
    for name, content in (("programma.pdf", b"%PDF-1.4\n"), ("notities.txt", b"Notities\n")):
        document = make_document(name=name, content=content)
        response = reader.get(document.url)
        assert response.status_code == 200
        assert response["Content-Disposition"].startswith("attachment;")
        assert response["Content-Security-Policy"] == "default-src 'none'"
        assert_common_headers(response)
        document.file.delete(save=False)


@pytest.mark.django_db
@pytest.mark.usefixtures("page_cache_on")
def test_cached_pages_carry_the_headers_on_every_hit(reader):
    for url in ("/", "/nieuws/", "/nieuws/feed/"):
        miss = reader.get(url)
        hit = reader.get(url)
        assert (miss["X-Page-Cache"], hit["X-Page-Cache"]) == ("miss", "hit")
        for response in (miss, hit):
            assert_common_headers(response)
            assert_public_policy(response)
        assert hit["Content-Security-Policy"] == miss["Content-Security-Policy"]


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser(
        ADMIN_USERNAME, "beheer@example.org", PASSWORD
    )


@pytest.mark.django_db
def test_the_admin_gets_its_own_looser_policy(reader, superuser):
    login_page = reader.get("/admin/login/")
    reader.force_login(superuser)
    dashboard = reader.get("/admin/")
    for response in (login_page, dashboard):
        assert response.status_code == 200
        assert_common_headers(response)
        policy = directives(response)
        assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
        assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
        assert policy["object-src"] == ["'none'"]
        assert policy["frame-ancestors"] == ["'self'"]
        assert policy["form-action"] == ["'self'"]
        assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    assert dashboard["Content-Security-Policy"] != reader.get("/")["Content-Security-Policy"]


@pytest.mark.django_db
def test_contribution_attachment_keeps_its_sandbox(reader, superuser):
    contribution = Contribution.objects.create(
        name="Anouk",
        email="anouk@example.org",
        kind=Contribution.Kind.NEWS,
        title="Lantaarnpalen",
        text="Tekst.",
        consent_at=timezone.now(),
        attachment_name="rapport.pdf",
        attachment_type="application/pdf",
    )
    contribution.attachment.save("upload.pdf", ContentFile(b"%PDF-1.4\n"), save=True)
    try:
        reader.force_login(superuser)
        response = reader.get(reverse("contributions:attachment", args=[contribution.pk]))
        assert response.status_code == 200
        assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    finally:
        contribution.attachment.delete(save=False)


# --- the admin: lockout, sessions, uploads, private content ---------------------------------


def login(client, password, address="192.0.2.10"):
    return client.post(
        "/admin/login/",
        {"username": ADMIN_USERNAME, "password": password},
        REMOTE_ADDR=address,
    )


@pytest.mark.django_db
def test_login_is_locked_after_five_failures_even_with_the_right_password(reader, superuser):
    for _ in range(4):
        response = login(reader, "fout")
        assert response.status_code == 200  # the form again, with an error
        assert "_auth_user_id" not in reader.session
    assert login(reader, "fout").status_code == 429  # the fifth failure locks

    locked = login(reader, PASSWORD)
    assert locked.status_code == 429
    assert "Inloggen tijdelijk geblokkeerd" in locked.content.decode()
    assert "60 minuten" in locked.content.decode()
    assert "_auth_user_id" not in reader.session
    assert "'unsafe-inline'" in locked["Content-Security-Policy"]  # the admin's page

    # The lockout is for this username from this address, not for everybody.
    elsewhere = Client(HTTP_HOST="localhost")
    assert login(elsewhere, PASSWORD, address="198.51.100.7").status_code == 302


@pytest.mark.django_db
def test_a_successful_login_resets_the_count_and_ends_with_the_browser(reader, superuser):
    for _ in range(4):
        login(reader, "fout")
    response = login(reader, PASSWORD)
    assert response.status_code == 302
    # A session cookie without an expiry: it goes when the browser closes.
    assert response.cookies["sessionid"]["max-age"] == ""
    reader.logout()
    for _ in range(4):
        login(reader, "fout")
    assert login(reader, PASSWORD).status_code == 302


def test_lockout_counts_the_same_address_as_the_rate_limit(rf, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    request = rf.get("/", REMOTE_ADDR="192.0.2.1", HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert lockout_client_ip(request) == "192.0.2.1"
    settings.TRUSTED_PROXY_COUNT = 1
    assert lockout_client_ip(request) == "203.0.113.9"
    assert lockout_client_ip(rf.get("/", HTTP_X_FORWARDED_FOR="niet-een-adres")) is None


SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
HTML = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"


@pytest.mark.django_db
@pytest.mark.parametrize("view", ["wagtaildocs:add", "wagtailimages:add"])
@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [("logo.svg", SVG, "image/svg+xml"), ("pagina.html", HTML, "text/html")],
)
def test_svg_and_html_uploads_are_refused(reader, superuser, view, name, content, content_type):
    reader.force_login(superuser)
    documents_before = get_document_model().objects.count()
    response = reader.post(
        reverse(view),
        {
            "title": "Upload",
            "collection": Collection.get_first_root_node().pk,
            "file": SimpleUploadedFile(name, content, content_type=content_type),
        },
    )
    assert response.status_code == 200  # the form again, not a redirect or a 500
    assert "error" in response.content.decode()
    assert response.context["form"].errors["file"]
    assert get_document_model().objects.count() == documents_before


def test_no_shared_password_for_private_pages_or_collections():
    every_option = ["password", "login", "groups"]
    page_form = PageViewRestrictionForm(private_page_options=every_option)
    page_choices = dict(page_form.fields["restriction_type"].choices)
    collection_choices = dict(CollectionViewRestrictionForm().fields["restriction_type"].choices)
    for choices in (page_choices, collection_choices):
        assert "password" not in choices
        assert "login" in choices


# --- in a real browser ------------------------------------------------------------------------


# django_db only so that the test database exists when nothing but browser tests is selected
# (pytest-django sets up databases for the tests that ask for one); these tests themselves
# read and write nothing in it, the served copy does.
def browser_test(function):
    return pytest.mark.browser(pytest.mark.django_db(function))


def watch_csp(page) -> list[str]:
    """Collect every CSP violation the browser reports on the console."""
    violations = []

    def on_console(message):
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            violations.append(message.text)

    page.on("console", on_console)
    return violations


@pytest.fixture(scope="module")
def browser_admin(django_db_setup, django_db_blocker):
    """A superuser the served copy can log in as (committed, so removed afterwards), and the
    address of a news item to view and edit."""
    with django_db_blocker.unblock():
        user = get_user_model().objects.create_superuser(
            "csp-browser", "csp-browser@example.org", PASSWORD
        )
        news = NewsPage.objects.live().public().order_by("pk").first()
        details = {"username": user.username, "news_url": news.url, "news_id": news.pk}
    yield details
    with django_db_blocker.unblock():
        user.delete()
        connection.close()


@browser_test
def test_public_pages_raise_no_csp_violation(page, site_url, browser_admin):
    violations = watch_csp(page)
    for path in ("/", browser_admin["news_url"], "/zoeken/?q=gemeente", "/bijdragen/"):
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
    # The JSON-LD block was there and is data, not a script the policy stops.
    page.goto(site_url + browser_admin["news_url"])
    assert page.locator('script[type="application/ld+json"]').count() == 1
    assert violations == []


@browser_test
def test_the_admin_works_under_its_policy(page, site_url, browser_admin):
    violations = watch_csp(page)
    page.goto(site_url + "/admin/login/")
    page.fill("#id_username", browser_admin["username"])
    page.fill("#id_password", PASSWORD)
    page.locator("form.login-form button[type=submit]").click()
    page.wait_for_url(site_url + "/admin/")
    page.wait_for_load_state("networkidle")

    page.goto(site_url + f"/admin/pages/{browser_admin['news_id']}/edit/")
    page.wait_for_load_state("networkidle")
    assert page.locator("#id_title").input_value()
    # The preview panel renders the page in a frame, under the admin's policy.
    page.locator('[data-side-panel-toggle="preview"]').click()
    preview = page.frame_locator("iframe#w-preview-iframe")
    assert preview.locator("h1").first.inner_text(timeout=10_000)
    page.wait_for_load_state("networkidle")
    assert violations == []


@browser_test
def test_the_csp_watch_can_fail(page, site_url):
    violations = watch_csp(page)
    page.goto(site_url + "/")
    page.evaluate(
        """() => {
            const script = document.createElement("script");
            script.textContent = "window.injected = true";
            document.head.append(script);
            document.body.setAttribute("style", "color: red");
        }"""
    )
    page.wait_for_timeout(200)
    assert page.evaluate("() => window.injected") is None
    assert len(violations) == 2
