"""Editors sign in with a second factor: an authenticator code or a recovery code after the
password (passkeys in a real browser: tests/test_browser_twofactor.py), a lockout of the code
step, and the required mode in which an account without a factor can only enrol."""

import base64
import hashlib
import hmac
import io
import re
import struct
import time

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.documents.models import Document
from wagtail.models import ModelLogEntry, Page

from dossier.twofactor.devices import new_recovery_codes
from tests.helpers import find_all
from tests.test_settings import run_python

pytestmark = pytest.mark.django_db

PASSWORD = "een-lang-en-goed-wachtwoord"


def totp_code(secret: bytes, at: float | None = None, step: int = 30) -> str:
    """RFC 6238 with SHA-1 and 6 digits, as an authenticator app computes it."""
    counter = int((time.time() if at is None else at) // step)
    digest = hmac.new(secret, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    number = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{number % 1_000_000:06d}"


@pytest.fixture(autouse=True)
def fresh_lockouts():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("tweestaps", "redacteur@example.org", PASSWORD)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def app_device(editor):
    return TOTPDevice.objects.create(user=editor, name="Telefoon", confirmed=True)


@pytest.fixture
def visitor():
    return Client(HTTP_HOST="localhost")


def sign_in(client, next_url="/admin/"):
    response = client.post(
        "/admin/login/",
        {"username": "tweestaps", "password": PASSWORD, "next": next_url},
        REMOTE_ADDR="192.0.2.20",
    )
    assert response.status_code == 302, "the password is right"
    return response


def send_code(client, code, next_url="/admin/"):
    return client.post("/admin/tweede-factor/", {"code": code, "next": next_url})


# --- the second step after the password ------------------------------------------------------


def test_an_account_with_an_app_confirms_a_code_after_the_password(visitor, app_device):
    sign_in(visitor)
    admin = visitor.get("/admin/")
    assert admin.status_code == 302
    assert admin["Location"] == "/admin/tweede-factor/?next=%2Fadmin%2F"
    step = visitor.get(admin["Location"])
    assert step.status_code == 200
    assert "Bevestig dat jij het bent" in step.content.decode()
    assert "'unsafe-inline'" in step["Content-Security-Policy"], "the admin's own policy"

    wrong = send_code(visitor, "000000" if totp_code(app_device.bin_key) != "000000" else "111111")
    assert wrong.status_code == 200
    assert "Deze code klopt niet." in wrong.content.decode()
    assert visitor.get("/admin/").status_code == 302

    right = send_code(visitor, totp_code(app_device.bin_key))
    assert right.status_code == 302
    assert right["Location"] == "/admin/"
    assert visitor.get("/admin/").status_code == 200
    app_device.refresh_from_db()
    assert app_device.last_used_at is not None


def test_a_code_is_not_accepted_twice(visitor, app_device, editor):
    code = totp_code(app_device.bin_key)
    sign_in(visitor)
    assert send_code(visitor, code).status_code == 302

    again = Client(HTTP_HOST="localhost")
    sign_in(again)
    reused = send_code(again, code)
    assert reused.status_code == 200
    assert "Deze code klopt niet." in reused.content.decode()
    assert again.get("/admin/").status_code == 302


def test_a_recovery_code_works_once(visitor, app_device, editor):
    codes = new_recovery_codes(editor)
    assert len(codes) == 10
    assert len(set(codes)) == 10

    sign_in(visitor)
    used = send_code(visitor, codes[0].upper())  # typed in capitals, still the code
    assert used.status_code == 302
    assert visitor.get("/admin/").status_code == 200
    assert StaticDevice.objects.get(user=editor).token_set.count() == 9

    again = Client(HTTP_HOST="localhost")
    sign_in(again)
    refused = send_code(again, codes[0])
    assert refused.status_code == 200
    assert "Deze code klopt niet." in refused.content.decode()
    assert send_code(again, codes[1]).status_code == 302


def test_the_code_step_locks_after_five_wrong_codes(visitor, app_device, caplog):
    sign_in(visitor)
    right = totp_code(app_device.bin_key)
    wrong = "123456" if right != "123456" else "654321"
    for _ in range(4):
        assert send_code(visitor, wrong).status_code == 200
    assert "Wrong second-factor code" in caplog.text
    assert wrong not in caplog.text, "no codes in the logs"
    assert app_device.key not in caplog.text
    locked = send_code(visitor, wrong)
    assert locked.status_code == 429
    assert "Te veel onjuiste codes" in locked.content.decode()

    # Now even the right code is refused, and another session of the account fares no better.
    assert send_code(visitor, right).status_code == 429
    other = Client(HTTP_HOST="localhost")
    sign_in(other)
    assert send_code(other, right).status_code == 429
    assert other.get("/admin/").status_code == 302


def test_next_cannot_lead_off_site(visitor, app_device):
    sign_in(visitor)
    response = send_code(visitor, totp_code(app_device.bin_key), "https://evil.example/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    for bad in ("//evil.example/", "https:/evil.example", "javascript:alert(1)"):
        step = visitor.get("/admin/tweede-factor/instellen/", {"next": bad})
        assert bad not in step.content.decode()


def test_an_account_without_a_device_signs_in_with_the_password_when_not_required(
    visitor, editor, settings
):
    settings.ADMIN_2FA_REQUIRED = False
    sign_in(visitor)
    assert visitor.get("/admin/").status_code == 200


# --- required mode ---------------------------------------------------------------------------


def test_required_mode_lets_an_account_without_a_device_only_enrol(visitor, editor, settings):
    settings.ADMIN_2FA_REQUIRED = True
    sign_in(visitor)
    page = Page.objects.live().filter(depth=3).first()
    document = Document.objects.create(title="Notulen")
    document.file.save("notulen.txt", io.BytesIO(b"vertrouwelijk"))
    held_back = [
        "/admin/",
        "/admin/pages/",
        f"/admin/pages/{page.pk}/edit/",
        f"/admin/pages/{page.pk}/edit/preview/",
        "/admin/api/main/pages/",
        f"/admin/documents/edit/{document.pk}/",
        document.url,
        "/admin/tweede-factor/apparaten/",
        "/admin/tweede-factor/herstelcodes/",
        "/admin/tweede-factor/",
    ]
    for url in held_back:
        response = visitor.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/admin/tweede-factor/instellen/?next="), url
    assert visitor.post(f"/admin/pages/{page.pk}/edit/preview/", {}).status_code == 403
    assert visitor.post("/admin/tweede-factor/herstelcodes/").status_code == 403

    # Setting up the app: read the key the page shows, answer with a code from it.
    setup = visitor.get("/admin/tweede-factor/instellen/app/", {"next": "/admin/pages/"})
    assert setup.status_code == 200
    html = setup.content.decode()
    assert "<svg" in html, "the QR code is drawn on the server"
    secret = re.search(r'id="twofactor-secret">([A-Z2-7 ]+)<', html).group(1)
    key = base64.b32decode(secret.replace(" ", ""))

    refused = visitor.post("/admin/tweede-factor/instellen/app/", {"code": "12345x"})
    assert refused.status_code == 200
    assert "Deze code klopt niet." in refused.content.decode()

    done = visitor.post(
        "/admin/tweede-factor/instellen/app/", {"code": totp_code(key), "next": "/admin/pages/"}
    )
    assert done.status_code == 200
    codes = [element.text for element in find_all(done.content, "code")]
    codes = [code for code in codes if re.fullmatch(r"[a-z2-7]{8}", code)]
    assert len(codes) == 10, "ten recovery codes, shown once"
    assert TOTPDevice.objects.get(user=editor).confirmed
    for url in held_back[:6]:
        assert visitor.get(url).status_code in (200, 405), url
    assert visitor.get("/admin/tweede-factor/herstelcodes/").status_code == 200
    again = visitor.get("/admin/tweede-factor/herstelcodes/").content.decode()
    assert codes[0] not in again, "the codes are shown once"
    assert "10 ongebruikte herstelcodes" in again


def test_the_last_factor_cannot_be_removed_while_required(visitor, app_device, editor, settings):
    settings.ADMIN_2FA_REQUIRED = True
    new_recovery_codes(editor)
    sign_in(visitor)
    send_code(visitor, totp_code(app_device.bin_key))
    listing = visitor.get("/admin/tweede-factor/apparaten/")
    assert listing.status_code == 200
    assert "Telefoon" in listing.content.decode()
    assert "10 van de 10 over" in listing.content.decode()

    visitor.post(
        "/admin/tweede-factor/apparaten/verwijderen/", {"device": app_device.persistent_id}
    )
    assert TOTPDevice.objects.filter(pk=app_device.pk).exists()

    settings.ADMIN_2FA_REQUIRED = False
    visitor.post(
        "/admin/tweede-factor/apparaten/verwijderen/", {"device": app_device.persistent_id}
    )
    assert not TOTPDevice.objects.filter(user=editor).exists()
    assert not StaticDevice.objects.filter(user=editor).exists(), "nothing left to recover"


def test_an_administrator_resets_an_editors_factor(app_device, editor, django_user_model):
    new_recovery_codes(editor)
    admin = django_user_model.objects.create_superuser("hoofdbeheer", "hb@example.org", PASSWORD)
    TOTPDevice.objects.create(user=admin, name="Beheer", confirmed=True)
    client = Client(HTTP_HOST="localhost")
    client.force_login(admin)
    # The administrator's own session still owes a code.
    assert client.get(f"/admin/tweede-factor/wissen/{editor.pk}/").status_code == 302
    session_device = TOTPDevice.objects.get(user=admin)
    client.post("/admin/tweede-factor/", {"code": totp_code(session_device.bin_key)})

    confirm = client.get(f"/admin/tweede-factor/wissen/{editor.pk}/")
    assert confirm.status_code == 200
    assert "Telefoon" in confirm.content.decode()
    users = client.get("/admin/users/").content.decode()
    assert f"/admin/tweede-factor/wissen/{editor.pk}/" in users

    assert client.post(f"/admin/tweede-factor/wissen/{editor.pk}/").status_code == 302
    assert not TOTPDevice.objects.filter(user=editor).exists()
    assert not StaticDevice.objects.filter(user=editor).exists()
    entry = ModelLogEntry.objects.get(action="twofactor.reset", object_id=str(editor.pk))
    assert entry.user == admin
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["redacteur@example.org"]
    assert "hoofdbeheer" in mail.outbox[0].body

    # An editor cannot reset anyone.
    own = Client(HTTP_HOST="localhost")
    own.force_login(editor)
    assert own.get(f"/admin/tweede-factor/wissen/{admin.pk}/").status_code in (302, 403)
    assert TOTPDevice.objects.filter(user=admin).exists()


# --- operators' commands ---------------------------------------------------------------------


def test_operators_list_enrol_and_reset_from_the_shell(editor, django_user_model):
    out = io.StringIO()
    call_command("twofactor", "list", stdout=out)
    assert "tweestaps" in out.getvalue()

    out = io.StringIO()
    call_command("twofactor", "enrol", "tweestaps", stdout=out)
    printed = out.getvalue()
    assert "otpauth://totp/" in printed
    device = TOTPDevice.objects.get(user=editor)
    assert device.confirmed
    assert StaticDevice.objects.get(user=editor).token_set.count() == 10

    out = io.StringIO()
    call_command("twofactor", "list", stdout=out)
    assert "tweestaps" not in out.getvalue()

    out = io.StringIO()
    call_command("twofactor", "reset", "tweestaps", stdout=out)
    assert not TOTPDevice.objects.filter(user=editor).exists()
    assert "tweestaps" in out.getvalue()


# --- settings --------------------------------------------------------------------------------

PRINT_REQUIRED = (
    "import django; django.setup(); from django.conf import settings; "
    "print(settings.ADMIN_2FA_REQUIRED, settings.OTP_WEBAUTHN_ALLOWED_ORIGINS[0])"
)
PRODUCTION_ENV = {"SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "kennisdossier.example.nl"}


@pytest.mark.parametrize(
    ("module", "env", "expected"),
    [
        (
            "dossier.settings.production",
            {**PRODUCTION_ENV, "WAGTAILADMIN_BASE_URL": "https://kennisdossier.example.nl"},
            "True https://kennisdossier.example.nl",
        ),
        (
            "dossier.settings.production",
            {**PRODUCTION_ENV, "ADMIN_2FA_REQUIRED": "false"},
            "False http://localhost:8000",
        ),
        ("dossier.settings.dev", {}, "False http://localhost:8000"),
        ("dossier.settings.dev", {"ADMIN_2FA_REQUIRED": "true"}, "True http://localhost:8000"),
    ],
)
def test_the_factor_is_required_in_production_and_optional_in_development(module, env, expected):
    result = run_python(PRINT_REQUIRED, module, **env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == expected


def test_passkeys_are_allowed_on_the_sites_own_pages_only(visitor):
    policy = visitor.get("/")["Permissions-Policy"]
    assert "publickey-credentials-get=(self)" in policy
    assert "camera=()" in policy


def test_before_the_code_only_the_passkey_sign_in_endpoints_answer(visitor, app_device):
    sign_in(visitor)
    begin = visitor.post("/admin/tweede-factor/passkey/authentication/begin/")
    assert begin.status_code == 200
    assert begin.json()["challenge"]
    assert begin.json()["rpId"] == "localhost"
    # Adding a passkey would get round the step: not before the code.
    assert visitor.post("/admin/tweede-factor/passkey/registration/begin/").status_code == 403
    assert visitor.get("/admin/tweede-factor/instellen/").status_code == 302
    assert (
        visitor.post("/admin/tweede-factor/instellen/app/", {"code": "123456"}).status_code == 403
    )
    assert not TOTPDevice.objects.filter(user=app_device.user, confirmed=False).exists()
