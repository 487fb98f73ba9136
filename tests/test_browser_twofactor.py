"""The second factor in a real browser: a passkey with Chromium's virtual authenticator (Chrome
DevTools Protocol), and an authenticator app whose codes the test computes; without CSP
violations or axe-core findings on the pages of the sign-in step."""

import base64
import re
import time

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential
from playwright.sync_api import expect
from wagtail.models import Page

from tests.test_browser import axe_violations
from tests.test_security_headers import watch_csp
from tests.test_twofactor import totp_code

pytestmark = pytest.mark.browser

PASSWORD = "een-lang-wachtwoord-voor-de-tweede-factor"


@pytest.fixture
def account(django_db_blocker):
    """An editor the served copy can sign in as (committed), removed with its devices."""
    with django_db_blocker.unblock():
        user = get_user_model().objects.create_user(
            "browser-tweestaps", "browser-tweestaps@example.org", PASSWORD
        )
        user.groups.add(Group.objects.get(name="Editors"))
        page = Page.objects.live().filter(depth=3).order_by("pk").first()
        connection.close()
    yield {"user": user, "page_id": page.pk}
    with django_db_blocker.unblock():
        user.delete()
        connection.close()


@pytest.fixture
def local_url(site_url):
    """The served copy under the name localhost: browsers offer passkeys on https sites and
    on localhost, never on a bare IP address."""
    return site_url.replace("127.0.0.1", "localhost")


@pytest.fixture
def database(django_db_blocker):
    """Reads of what the served copy wrote, from the test process."""

    class Reader:
        def __call__(self, query):
            with django_db_blocker.unblock():
                try:
                    return query()
                finally:
                    connection.close()

    return Reader()


def sign_in_with_password(page, base, username):
    page.goto(base + "/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form.login-form button[type=submit]").click()


def sign_out(page, base):
    """The step pages carry an "Afmelden" button of their own."""
    page.get_by_role("button", name="Afmelden").click()
    page.wait_for_url(re.compile(r".*/admin/login/.*"))


def test_passkey_enrol_sign_out_sign_in_and_edit_a_page(page, local_url, account, database):
    page.set_viewport_size({"width": 1280, "height": 900})
    violations = watch_csp(page)
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
                "automaticPresenceSimulation": True,
            }
        },
    )

    sign_in_with_password(page, local_url, "browser-tweestaps")
    page.wait_for_url(local_url + "/admin/")
    page.goto(local_url + "/admin/tweede-factor/instellen/")
    assert axe_violations(page) == []
    page.get_by_role("button", name="Passkey toevoegen").click()

    # The passkey is made, and the recovery codes follow, shown once.
    page.wait_for_url(re.compile(r".*/admin/tweede-factor/herstelcodes/.*"))
    expect(page.locator("#twofactor-codes code")).to_have_count(10)
    assert axe_violations(page) == []
    credential = database(lambda: WebAuthnCredential.objects.get(user=account["user"]))
    assert credential.confirmed
    assert credential.name == "Passkey 1"
    assert credential.last_used_at is None

    sign_out(page, local_url)
    sign_in_with_password(page, local_url, "browser-tweestaps")
    page.wait_for_url(re.compile(r".*/admin/tweede-factor/\?next=.*"))
    expect(page.get_by_role("heading", name="Bevestig dat jij het bent")).to_be_visible()
    assert axe_violations(page) == []
    # Nothing of the admin is reachable before the passkey.
    page.goto(local_url + f"/admin/pages/{account['page_id']}/edit/")
    page.wait_for_url(re.compile(r".*/admin/tweede-factor/\?next=.*"))

    expect(page.locator("#twofactor-next")).to_have_value(
        f"/admin/pages/{account['page_id']}/edit/"
    )
    page.get_by_role("button", name="Bevestig met passkey").click()
    page.wait_for_url(local_url + f"/admin/pages/{account['page_id']}/edit/")
    assert page.locator("#id_title").input_value()
    credential = database(lambda: WebAuthnCredential.objects.get(user=account["user"]))
    assert credential.last_used_at is not None
    page.wait_for_load_state("networkidle")
    assert violations == []


def test_authenticator_app_enrol_wrong_and_reused_codes_then_sign_in(
    page, local_url, account, database
):
    page.set_viewport_size({"width": 375, "height": 800})
    violations = watch_csp(page)
    sign_in_with_password(page, local_url, "browser-tweestaps")
    page.wait_for_url(local_url + "/admin/")
    page.goto(local_url + "/admin/tweede-factor/instellen/")
    page.get_by_role("link", name="Authenticator-app instellen").click()
    expect(page.locator(".twofactor__qr svg")).to_be_visible()
    assert axe_violations(page) == []

    secret = page.locator("#twofactor-secret").inner_text()
    key = base64.b32decode(secret.replace(" ", ""))
    enrol_code = totp_code(key)
    page.locator("#id_code").fill(enrol_code)
    page.get_by_role("button", name="Bevestigen").click()
    expect(page.locator("#twofactor-codes code")).to_have_count(10)
    assert database(lambda: TOTPDevice.objects.get(user=account["user"]).confirmed)
    assert database(lambda: StaticDevice.objects.get(user=account["user"]).token_set.count()) == 10

    sign_out(page, local_url)
    sign_in_with_password(page, local_url, "browser-tweestaps")
    page.wait_for_url(re.compile(r".*/admin/tweede-factor/\?next=.*"))

    # A wrong code, then the code already used to enrol: both refused, with the error tied to
    # the field.
    wrong = "000000" if enrol_code != "000000" else "111111"
    for code in (wrong, enrol_code):
        page.locator("#id_code").fill(code)
        page.get_by_role("button", name="Bevestigen").click()
        expect(page.get_by_text("Deze code klopt niet.")).to_be_visible()
        field = page.locator("#id_code")
        expect(field).to_have_attribute("aria-invalid", "true")
    assert axe_violations(page) == []

    # The next time step's code (an app a little ahead of the server's clock) is accepted.
    page.locator("#id_code").fill(totp_code(key, time.time() + 30))
    page.get_by_role("button", name="Bevestigen").click()
    page.wait_for_url(local_url + "/admin/")
    page.goto(local_url + "/admin/tweede-factor/apparaten/")
    expect(page.get_by_role("cell", name="Authenticator-app", exact=True).first).to_be_visible()
    assert axe_violations(page) == []
    page.wait_for_load_state("networkidle")
    assert violations == []
