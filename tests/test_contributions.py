"""The contribution form at /bijdragen/: what a reader sees, what a valid submission stores and
sends, and how every kind of hostile or broken submission is answered without storing anything.

Submissions are posted as raw multipart bodies (see ``multipart``), so the test controls the
file name exactly as a browser or a bot would send it. The mails are sent by the real
``db_worker`` command, as in production; see ``run_worker``.
"""

import io
import socket
import time
import zipfile
from pathlib import Path
from unittest import mock

import pytest
from django.conf import settings
from django.core import mail, signing
from django.core.cache import cache
from django.db import OperationalError
from django.test import Client
from django_tasks_db.models import DBTaskResult
from PIL import Image
from wagtail.models import Page

from contributions.abuse import TOKEN_SALT
from contributions.models import Contribution
from contributions.tasks import queue_mails
from contributions.uploads import check_attachment
from tests.helpers import find_all, parse, texts

pytestmark = pytest.mark.django_db

HOST = "localhost"  # the demo Site's hostname
FORM_URL = "/bijdragen/"
THANKS_URL = "/bijdragen/bedankt/"
EDITORS_ADDRESS = "redactie@example.nl"  # the demo's contribution_recipients
BOUNDARY = "dossier-test-boundary-7d1f"
TASK_PATH = "contributions.tasks.send_contribution_mail"

PDF = (
    b"%PDF-1.4\n"
    b"1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


# --- Helpers ---------------------------------------------------------------------------------


def started_token(age: float = 10) -> str:
    """The hidden time-trap field as the form would have issued it ``age`` seconds ago."""
    return signing.dumps(time.time() - age, salt=TOKEN_SALT)


def expired_token() -> str:
    """A token signed longer ago than CONTRIBUTION_MAX_FORM_AGE_SECONDS."""
    long_ago = time.time() - settings.CONTRIBUTION_MAX_FORM_AGE_SECONDS - 60
    with mock.patch("time.time", return_value=long_ago):  # the signature's own timestamp
        return signing.dumps(long_ago, salt=TOKEN_SALT)


def form_data(**changes) -> dict:
    """A valid submission; ``changes`` replace fields, and a field set to None is left out."""
    data = {
        "name": "Jan de Vries",
        "organisation": "Gemeente Voorbeeld",
        "email": "jan@example.nl",
        "kind": "project",
        "title": "Slimme lantaarnpalen in de wijk",
        "text": "Een proef met lantaarnpalen die meten.\r\nTweede regel.",
        "link": "https://www.example.nl/project",
        "consent": "on",
        "website": "",
        "started": started_token(),
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def multipart(data: dict, attachment: tuple[str, bytes] | None = None) -> bytes:
    """A multipart/form-data body. Unlike the test client (and SimpleUploadedFile), this keeps
    the file name exactly as given, folders and all, so Django's own sanitising is tested."""
    parts = []
    for key, value in data.items():
        parts.append(
            f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n'.encode()
            + str(value).encode()
            + b"\r\n"
        )
    if attachment is not None:
        filename, content = attachment
        parts.append(
            f"--{BOUNDARY}\r\nContent-Disposition: form-data; "
            f'name="attachment"; filename="{filename}"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n".encode()
            + content
            + b"\r\n"
        )
    return b"".join(parts) + f"--{BOUNDARY}--\r\n".encode()


def private_files() -> set[Path]:
    root = Path(settings.PRIVATE_MEDIA_ROOT)
    return {path for path in root.rglob("*") if path.is_file()}


def mail_tasks() -> list[DBTaskResult]:
    return list(DBTaskResult.objects.filter(backend_name="mail").order_by("enqueued_at"))


def task_summary(result: DBTaskResult) -> tuple:
    """(audience, attempt, status) of one queued or finished mail task."""
    _contribution_id, audience, attempt = result.args_kwargs["args"]
    return audience, attempt, result.status


def field_errors(response, field: str) -> list:
    return response.context["form"].errors.as_data().get(field, [])


def error_codes(response, field: str) -> list[str]:
    return [error.code for error in field_errors(response, field)]


def shown_error(response, field: str) -> str:
    """The error text shown next to ``field`` (the element its aria-describedby points to)."""
    found = [e for e in parse(response.content) if e.attrs.get("id") == f"id_{field}_error"]
    assert len(found) == 1, f"no error element for {field}"
    return " ".join(found[0].text.split())


def input_value(response, name: str) -> str | None:
    found = [e for e in parse(response.content) if e.attrs.get("name") == name]
    assert found, f"no input named {name}"
    return found[0].attrs.get("value")


def free_port() -> int:
    """A loopback port nobody listens on (bound once to get a number, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# --- Fixtures --------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def clean_state():
    """A fresh rate-limit count per test; new private files are removed afterwards."""
    cache.clear()
    before = private_files()
    yield
    cache.clear()
    for path in private_files() - before:
        path.unlink()


@pytest.fixture
def reader():
    """A reader's browser on the demo site's host (no CSRF enforcement; see the CSRF test)."""
    return Client(HTTP_HOST=HOST)


@pytest.fixture
def submit(reader, django_capture_on_commit_callbacks):
    """Post the form and run what the view leaves for after the commit (queueing the mails),
    as the end of a real request would. The callbacks are on ``response.on_commit``."""

    def post(data=None, attachment=None, client=None, **extra):
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            response = (client or reader).post(
                FORM_URL,
                multipart(form_data() if data is None else data, attachment),
                content_type=f"multipart/form-data; boundary={BOUNDARY}",
                HTTP_HOST=HOST,
                **extra,
            )
        response.on_commit = callbacks
        return response

    return post


@pytest.fixture
def nothing_stored():
    """Call at the end of a test: no row, no private file, no queued task, no mail."""
    rows = Contribution.objects.count()
    tasks = DBTaskResult.objects.count()
    files = private_files()

    def check(response=None):
        assert Contribution.objects.count() == rows
        assert DBTaskResult.objects.count() == tasks
        assert private_files() == files
        assert mail.outbox == []
        if response is not None:
            assert response.on_commit == []

    return check


# --- Files to upload -------------------------------------------------------------------------


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 3), (200, 30, 30)).save(buffer, "PNG")
    return buffer.getvalue()


def jpg_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 3), (30, 30, 200)).save(buffer, "JPEG")
    return buffer.getvalue()


def docx_bytes() -> bytes:
    """The first entries of a Word document in the order Word writes them."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
            "</Types>",
        )
        archive.writestr(
            "_rels/.rels",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships/officeDocument" Target="word/document.xml"/>'
            "</Relationships>",
        )
        archive.writestr(
            "word/document.xml",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            "<w:body><w:p><w:r><w:t>Een bijdrage.</w:t></w:r></w:p></w:body></w:document>",
        )
    return buffer.getvalue()


def docx_with_thumbnail_first_bytes() -> bytes:
    """A Word document whose first parts are a 20 kB thumbnail and metadata: its word/ parts
    lie beyond the first kilobytes that content sniffing looks at."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("docProps/thumbnail.jpeg", jpg_bytes() + bytes(range(256)) * 80)
        for name in ("docProps/app.xml", "docProps/core.xml", "customXml/item1.xml"):
            archive.writestr(name, "<x/>")
        with zipfile.ZipFile(io.BytesIO(docx_bytes())) as word:
            for item in word.infolist():
                archive.writestr(item.filename, word.read(item))
    return buffer.getvalue()


def zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "geen document")
    return buffer.getvalue()


def odt_bytes() -> bytes:
    """An OpenDocument text: first the uncompressed ``mimetype``, as LibreOffice writes it."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text", zipfile.ZIP_STORED)
        archive.writestr(
            "content.xml",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:'
            'office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
            'office:version="1.3"><office:body><office:text><text:p>Een bijdrage.</text:p>'
            "</office:text></office:body></office:document-content>",
            zipfile.ZIP_DEFLATED,
        )
        archive.writestr(
            "META-INF/manifest.xml",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:'
            'manifest:1.0" manifest:version="1.3">'
            '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/'
            'vnd.oasis.opendocument.text"/>'
            '<manifest:file-entry manifest:full-path="content.xml" '
            'manifest:media-type="text/xml"/></manifest:manifest>',
            zipfile.ZIP_DEFLATED,
        )
    return buffer.getvalue()


# --- The empty form --------------------------------------------------------------------------


def test_form_page_shows_an_accessible_upload_form(reader):
    response = reader.get(FORM_URL)
    assert response.status_code == 200
    html = response.content.decode()

    forms = find_all(html, "form", **{"class": "contribution-form"})
    assert len(forms) == 1
    assert forms[0].attrs["method"] == "post"
    assert forms[0].attrs["enctype"] == "multipart/form-data"

    elements = parse(html)
    label_targets = {e.attrs.get("for") for e in elements if e.tag == "label"}
    fields = [
        e
        for e in elements
        if e.tag in {"input", "textarea", "select"}
        and e.attrs.get("type") not in {"hidden", "submit", "button"}
    ]
    assert {e.attrs["name"] for e in fields} >= {
        "name",
        "organisation",
        "email",
        "kind",
        "title",
        "text",
        "link",
        "attachment",
        "consent",
        "website",
    }
    for field in fields:
        assert field.attrs.get("id") in label_targets, f"{field} has no label"

    # The honeypot stays out of the way of keyboard users and autofill.
    honeypot = find_all(html, "input", name="website")[0]
    assert honeypot.attrs["tabindex"] == "-1"
    assert honeypot.attrs["autocomplete"] == "off"

    # The time-trap token is a fresh, signed time.
    issued = signing.loads(input_value(response, "started"), salt=TOKEN_SALT)
    assert abs(time.time() - issued) < 60

    # Never cached: it carries a CSRF token and a time-trap token.
    assert "no-store" in response["Cache-Control"]

    privacy_url = Page.objects.get(slug="privacy").url
    privacy_links = find_all(html, "a", href=privacy_url)
    assert "privacyverklaring" in texts(privacy_links)


def test_form_page_is_the_one_page_that_sets_the_csrf_cookie(reader):
    response = reader.get(FORM_URL)
    assert settings.CSRF_COOKIE_NAME in response.cookies
    assert response.cookies[settings.CSRF_COOKIE_NAME].value
    assert settings.SESSION_COOKIE_NAME not in response.cookies
    assert Client(HTTP_HOST=HOST).get("/").cookies == {}


# --- A valid submission ----------------------------------------------------------------------


def test_submission_with_pdf_is_stored_privately_and_mailed_by_the_worker(
    submit, reader, run_worker
):
    response = submit(attachment=("Projectplan lantaarnpalen.pdf", PDF))

    assert response.status_code == 302
    assert response["Location"] == THANKS_URL

    contribution = Contribution.objects.get()
    assert contribution.name == "Jan de Vries"
    assert contribution.organisation == "Gemeente Voorbeeld"
    assert contribution.email == "jan@example.nl"
    assert contribution.kind == Contribution.Kind.PROJECT
    assert contribution.title == "Slimme lantaarnpalen in de wijk"
    assert contribution.text == "Een proef met lantaarnpalen die meten.\r\nTweede regel."
    assert contribution.link == "https://www.example.nl/project"
    assert contribution.consent_at is not None
    assert contribution.status == Contribution.Status.NEW

    # The file lies under PRIVATE_MEDIA_ROOT with a random name; its own name is only kept
    # for display.
    root = Path(settings.PRIVATE_MEDIA_ROOT).resolve()
    stored = Path(contribution.attachment.path).resolve()
    assert stored.is_relative_to(root)
    assert not stored.is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    assert stored.read_bytes() == PDF
    assert "Projectplan" not in contribution.attachment.name
    assert Path(contribution.attachment.name).suffix == ".pdf"
    assert len(Path(contribution.attachment.name).stem) == 32  # a uuid4 hex
    assert contribution.attachment_name == "Projectplan lantaarnpalen.pdf"
    assert contribution.attachment_type == "application/pdf"
    assert contribution.attachment_size == len(PDF)

    # Two mails are queued, once the row was committed; nothing is sent during the request.
    assert len(response.on_commit) == 1
    assert [task_summary(t) for t in mail_tasks()] == [
        ("editors", 1, "READY"),
        ("contributor", 1, "READY"),
    ]
    assert {t.task_path for t in mail_tasks()} == {TASK_PATH}
    assert mail.outbox == []

    run_worker()

    by_recipient = {tuple(message.to): message for message in mail.outbox}
    assert len(mail.outbox) == 2, [t.traceback for t in mail_tasks() if t.traceback]
    editors = by_recipient[(EDITORS_ADDRESS,)]
    assert editors.reply_to == ["jan@example.nl"]
    assert editors.subject == "Nieuwe bijdrage (project): Slimme lantaarnpalen in de wijk"
    assert "Jan de Vries (Gemeente Voorbeeld)" in editors.body
    assert "Projectplan lantaarnpalen.pdf" in editors.body
    assert f"/{contribution.pk}/" in editors.body  # the admin link
    confirmation = by_recipient[("jan@example.nl",)]
    assert confirmation.reply_to == [EDITORS_ADDRESS]
    assert "Beste Jan de Vries" in confirmation.body

    contribution.refresh_from_db()
    assert contribution.editors_notified_at is not None
    assert contribution.confirmation_sent_at is not None
    assert {t.status for t in mail_tasks()} == {"SUCCESSFUL"}

    thanks = reader.get(THANKS_URL)
    assert thanks.status_code == 200
    assert texts(find_all(thanks.content, "h1")) == ["Bedankt voor uw bijdrage"]


@pytest.mark.parametrize(
    ("filename", "content", "content_type"),
    [
        ("notitie.txt", "Café ☕ in de wijk\nTweede regel\n".encode(), "text/plain"),
        ("foto.png", png_bytes(), "image/png"),
        ("foto.jpg", jpg_bytes(), "image/jpeg"),
        ("FOTO.JPEG", jpg_bytes(), "image/jpeg"),
        (
            "verslag.docx",
            docx_bytes(),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        (
            "verslag.docx",
            docx_with_thumbnail_first_bytes(),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        ("verslag.odt", odt_bytes(), "application/vnd.oasis.opendocument.text"),
    ],
    ids=["txt", "png", "jpg", "jpeg-upper-case", "docx", "docx-thumbnail-first", "odt"],
)
def test_every_allowed_file_type_is_accepted(submit, filename, content, content_type):
    response = submit(attachment=(filename, content))

    assert response.status_code == 302, response.context["form"].errors
    contribution = Contribution.objects.get()
    assert contribution.attachment_name == filename
    assert contribution.attachment_type == content_type
    assert Path(contribution.attachment.name).suffix == Path(filename).suffix.lower()
    assert Path(contribution.attachment.path).read_bytes() == content


def test_thank_you_page_shows_the_page_title(reader):
    response = reader.get(THANKS_URL)
    assert response.status_code == 200
    assert texts(find_all(response.content, "h1")) == ["Bedankt voor uw bijdrage"]
    assert "Bedankt voor uw bijdrage" in texts(find_all(response.content, "title"))[0]


# --- Refused attachments ---------------------------------------------------------------------


def test_too_large_file_is_refused_while_it_streams_in(submit, nothing_stored):
    big = b"%PDF-1.4\n" + b"0" * (11 * 1024 * 1024 - 9)

    response = submit(attachment=("groot.pdf", big))

    assert response.status_code == 200
    # The upload handler dropped the file while it came in: the form never received it.
    assert "attachment" not in response.context["form"].files
    assert error_codes(response, "attachment") == ["size"]
    assert "groter dan 10,0 MB" in shown_error(response, "attachment")
    assert "Een bijlage moet u opnieuw kiezen." in response.content.decode()
    nothing_stored(response)


@pytest.mark.parametrize(
    ("filename", "content", "code"),
    [
        ("programma.pdf", b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 200, "content"),
        ("programma.pdf", b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 200, "content"),
        ("plaatje.png", b"<!DOCTYPE html><html><script>alert(1)</script></html>", "content"),
        ("notitie.txt", b"<html><body onload=alert(1)></body></html>", "content"),
        ("notitie.txt", PDF, "content"),
        ("notitie.txt", b"caf\xe9", "content"),  # latin-1, not UTF-8
        ("kapot.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "content"),  # no real image
        ("script.js", b"alert(1)", "extension"),
        ("archief.docx", zip_bytes(), "content"),  # a zip, but not a Word document
        ("archief.odt", zip_bytes(), "content"),
        ("programma.docx", b"MZ\x90\x00" + b"\x00" * 200, "content"),
        ("leeg.pdf", b"", "empty"),
        # Django keeps only "passwd" of this name: no extension, so no allowed type.
        ("../../../etc/passwd", b"root:x:0:0:root:/root:/bin/bash\n", "extension"),
    ],
    ids=[
        "exe-as-pdf",
        "elf-as-pdf",
        "html-as-png",
        "html-as-txt",
        "pdf-as-txt",
        "latin1-txt",
        "broken-png",
        "javascript",
        "zip-as-docx",
        "zip-as-odt",
        "exe-as-docx",
        "empty",
        "path-traversal",
    ],
)
def test_hostile_or_broken_file_is_refused(submit, nothing_stored, filename, content, code):
    response = submit(attachment=(filename, content))

    assert response.status_code == 200
    assert error_codes(response, "attachment") == [code]
    assert shown_error(response, "attachment")
    nothing_stored(response)


def test_path_traversal_file_names_cannot_write_outside_private_media(submit):
    """Django keeps only the last segment of an uploaded file's name. ../../../etc/passwd
    thereby loses its extension and is refused (see above); a traversal name that still ends
    in an allowed extension is *accepted*, but lands under PRIVATE_MEDIA_ROOT with a random
    name, and only the bare name is kept for display."""
    root = Path(settings.PRIVATE_MEDIA_ROOT).resolve()
    # Where "../" from the upload folder (bijdragen/YYYY/MM/) or from the working directory
    # could lead; not recursive above the private folder, which may be / or /tmp.
    ancestors = [root, *root.parents, Path.cwd(), *Path.cwd().parents]

    def strays(name):
        found = {path for folder in ancestors for path in folder.glob(name)}
        found |= set(root.rglob(name)) | set(Path(settings.MEDIA_ROOT).rglob(name))
        return found

    passwd = Path("/etc/passwd").read_bytes()
    passwd_strays = strays("passwd")

    refused = submit(attachment=("../../../etc/passwd", b"evil:x:0:0::/root:/bin/sh\n"))

    assert refused.status_code == 200
    assert error_codes(refused, "attachment") == ["extension"]
    assert Path("/etc/passwd").read_bytes() == passwd
    assert strays("passwd") == passwd_strays
    assert Contribution.objects.count() == 0

    pdf_strays = strays("evil*.pdf")

    accepted = submit(attachment=("../../../../tmp/evil.pdf", PDF))

    assert accepted.status_code == 302
    contribution = Contribution.objects.get()
    assert contribution.attachment_name == "evil.pdf"
    stored = Path(contribution.attachment.path).resolve()
    assert stored.is_relative_to(root)
    assert stored.name != "evil.pdf"
    assert stored.read_bytes() == PDF
    assert strays("evil*.pdf") == pdf_strays


# --- Refused fields --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "field", "code"),
    [
        ({"text": "x" * (2 * 1024 * 1024)}, "text", "max_length"),
        ({"text": "Een tekst met een \x1b[31m escape"}, "text", "control"),
        ({"consent": None}, "consent", "required"),
        ({"email": "jan-at-example"}, "email", "invalid"),
        ({"email": "jan@example.nl\r\nBcc: x@evil.test"}, "email", "invalid"),
        ({"name": "Jan\r\nBcc: x@evil.test"}, "name", "control_characters"),
        ({"title": "Titel\nBcc: x@evil.test"}, "title", "control_characters"),
        ({"kind": "hacker"}, "kind", "invalid_choice"),
        ({"kind": None}, "kind", "required"),
        ({"link": "javascript:alert(1)"}, "link", "invalid"),
    ],
    ids=[
        "text-2mb",
        "text-escape",
        "no-consent",
        "bad-email",
        "email-header-injection",
        "name-header-injection",
        "title-header-injection",
        "wrong-kind",
        "no-kind",
        "javascript-link",
    ],
)
def test_invalid_field_is_refused_and_nothing_is_sent(
    submit, nothing_stored, run_worker, changes, field, code
):
    response = submit(form_data(**changes))

    assert response.status_code == 200
    assert error_codes(response, field) == [code]
    assert shown_error(response, field)
    run_worker()
    nothing_stored(response)


def test_errors_are_summarised_linked_and_tied_to_their_fields(submit):
    response = submit(
        form_data(
            email="jan-at-example", kind=None, text="", link="ftp://example.nl", consent=None
        ),
        attachment=("bijlage.pdf", PDF),
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert texts(find_all(html, "title"))[0].startswith("Fout: ")

    summaries = [e for e in parse(html) if "error-summary" in e.attrs.get("class", "").split()]
    assert len(summaries) == 1
    assert summaries[0].attrs["role"] == "alert"
    assert "Een bijlage moet u opnieuw kiezen." in summaries[0].text

    invalid = ["email", "kind", "text", "link", "consent"]
    assert sorted(response.context["form"].errors) == sorted(invalid)
    summary_links = {
        e.attrs["href"]
        for e in parse(html)
        if e.tag == "a" and e.attrs.get("href", "").startswith("#id_")
    }
    assert summary_links == {"#id_email", "#id_kind_0", "#id_text", "#id_link", "#id_consent"}

    elements = parse(html)
    ids = {e.attrs.get("id") for e in elements}
    for field in invalid:
        assert f"id_{field}_error" in ids, field
        assert shown_error(response, field)
    for field in ["email", "text", "link", "consent"]:
        (element,) = [e for e in elements if e.attrs.get("id") == f"id_{field}"]
        assert element.attrs.get("aria-invalid") == "true", field
        assert f"id_{field}_error" in element.attrs.get("aria-describedby", "").split(), field
    # The radio buttons of "kind" are grouped in a fieldset that carries the description.
    radios = [e for e in elements if e.tag == "input" and e.attrs.get("name") == "kind"]
    assert len(radios) == len(Contribution.Kind.choices)
    assert all(radio.attrs.get("aria-invalid") == "true" for radio in radios)
    groups = [
        e
        for e in elements
        if e.tag == "fieldset" and "id_kind_error" in e.attrs.get("aria-describedby", "")
    ]
    assert len(groups) == 1
    # Fields without an error are not marked invalid.
    (name,) = [e for e in elements if e.attrs.get("id") == "id_name"]
    assert "aria-invalid" not in name.attrs

    # What the reader typed is kept.
    assert input_value(response, "name") == "Jan de Vries"
    assert input_value(response, "title") == "Slimme lantaarnpalen in de wijk"
    assert input_value(response, "email") == "jan-at-example"


# --- Spam defences ---------------------------------------------------------------------------


def test_filled_honeypot_gets_the_thank_you_redirect_but_nothing_is_stored(
    submit, nothing_stored, run_worker
):
    response = submit(form_data(website="https://spam.example"), attachment=("a.pdf", PDF))

    assert response.status_code == 302
    assert response["Location"] == THANKS_URL
    run_worker()
    nothing_stored(response)


@pytest.mark.parametrize(
    ("token", "message"),
    [
        (lambda: started_token(age=0), "erg snel"),
        (lambda: "garbage", "niet goed meegekomen"),
        (lambda: signing.dumps(time.time() - 10, salt="another-salt"), "niet goed meegekomen"),
        (lambda: signing.dumps(time.time() - 10, key="x" * 50, salt=TOKEN_SALT), "niet goed"),
        (lambda: None, "niet goed meegekomen"),
    ],
    ids=["too-fast", "garbage", "wrong-salt", "wrong-key", "missing"],
)
def test_time_trap_refuses_fast_or_forged_posts_and_keeps_the_input(
    submit, nothing_stored, token, message
):
    response = submit(form_data(started=token()))

    assert response.status_code == 200
    summary = [e for e in parse(response.content) if e.attrs.get("id") == "fouten"]
    assert summary and message in summary[0].text
    assert input_value(response, "name") == "Jan de Vries"
    assert input_value(response, "title") == "Slimme lantaarnpalen in de wijk"
    assert input_value(response, "email") == "jan@example.nl"
    nothing_stored(response)


def test_time_trap_refuses_an_expired_form(submit, nothing_stored):
    response = submit(form_data(started=expired_token()))

    assert response.status_code == 200
    assert "verlopen" in response.content.decode()
    nothing_stored(response)


@pytest.mark.parametrize(
    "make_token", [lambda: "garbage", expired_token], ids=["garbage", "expired"]
)
def test_form_shown_again_carries_a_fresh_time_trap_token(submit, make_token):
    """The reader is told to send the form again, so the re-shown form needs a new token: with
    the refused one it would be refused again, however often the reader tries."""
    token = make_token()

    response = submit(form_data(started=token))

    assert response.status_code == 200
    reissued = input_value(response, "started")
    assert reissued != token
    issued = signing.loads(reissued, salt=TOKEN_SALT)
    assert abs(time.time() - issued) < 60


# --- Rate limits ------------------------------------------------------------------------------


def colleague(n: int) -> dict:
    return form_data(name=f"Collega {n}", email=f"collega{n}@gemeente.example", title=f"Tip {n}")


def stored() -> tuple:
    """What a submission leaves behind: rows, queued mail tasks, private files, mails."""
    return Contribution.objects.count(), len(mail_tasks()), private_files(), len(mail.outbox)


def error_summary(response) -> str:
    found = [e for e in parse(response.content) if e.attrs.get("id") == "fouten"]
    assert len(found) == 1
    assert found[0].attrs["role"] == "alert" and found[0].attrs["tabindex"] == "-1"
    return " ".join(found[0].text.split())


@pytest.fixture
def later(monkeypatch):
    """Move the rate limits' clock ahead, as if that many seconds had gone by (the counts
    stay in the cache; the limits themselves decide that their window is over)."""

    def move(seconds):
        now = time.time() + seconds
        monkeypatch.setattr("dossier.ops.abuse.time", mock.Mock(time=lambda: now))

    return move


def test_colleagues_behind_one_gateway_each_send_a_contribution(submit):
    assert settings.CONTRIBUTION_RATE_LIMIT >= 30
    for n in range(10):
        response = submit(colleague(n))
        assert response.status_code == 302, n
    assert Contribution.objects.filter(title__startswith="Tip ").count() == 10


def test_a_sender_is_refused_after_three_and_keeps_everything_typed(submit):
    assert settings.CONTRIBUTION_EMAIL_RATE_LIMIT == 3
    # The same sender, however the address is written.
    for email in ("jan@example.nl", "Jan@Example.NL", " JAN@example.nl "):
        assert submit(form_data(email=email)).status_code == 302
    assert Contribution.objects.filter(email__iexact="jan@example.nl").count() == 3
    before = stored()

    typed = form_data(
        email="jan@EXAMPLE.nl",
        title="De vierde: sensoren in het park",
        text="Een lange tekst die de lezer niet opnieuw wil typen.\r\nMet een tweede regel.",
        kind="publicatie",
    )
    response = submit(typed, attachment=("vierde.pdf", PDF))

    assert response.status_code == 429
    wait = int(response["Retry-After"])
    assert 0 < wait <= settings.CONTRIBUTION_EMAIL_RATE_WINDOW_SECONDS + 1
    assert "no-store" in response["Cache-Control"]
    summary = error_summary(response)
    assert summary.startswith("Uw bijdrage is nog niet verstuurd")
    assert "Met dit e-mailadres zijn kort na elkaar al meerdere bijdragen verstuurd." in summary
    assert "verstuur het formulier over ongeveer 60 minuten opnieuw" in summary
    assert "Een bijlage moet u opnieuw kiezen." in summary
    html = response.content.decode()
    assert texts(find_all(html, "title"))[0].startswith("Fout: ")
    # Everything typed is in the form again, but the file.
    for name in ("name", "organisation", "email", "title", "link"):
        assert input_value(response, name) == typed[name], name
    assert texts(find_all(html, "textarea", name="text")) == [
        "Een lange tekst die de lezer niet opnieuw wil typen. Met een tweede regel."
    ]
    assert "Met een tweede regel." in find_all(html, "textarea", name="text")[0].text
    assert "checked" in find_all(html, "input", name="kind", value="publicatie")[0].attrs
    assert "checked" in find_all(html, "input", name="consent")[0].attrs
    assert input_value(response, "attachment") is None
    # A fresh time-trap token, so that the form can be sent again once the wait is over.
    assert input_value(response, "started") != typed["started"]
    # Nothing is stored or sent, and the upload was not kept.
    assert stored() == before
    assert response.on_commit == []

    # Another sender from the same address is not held up.
    assert submit(colleague(1)).status_code == 302


def test_a_refused_upload_is_not_kept_anywhere(submit, settings, tmp_path, monkeypatch):
    """A file too big to keep in memory is streamed to a temporary file; when the post is
    refused, that file goes with the request, and nothing reaches the private storage."""
    settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path)
    checked = []

    def check_and_note(uploaded):
        checked.append(Path(uploaded.temporary_file_path()))
        return check_attachment(uploaded)

    monkeypatch.setattr("contributions.forms.check_attachment", check_and_note)
    settings.CONTRIBUTION_EMAIL_RATE_LIMIT = 1
    assert submit().status_code == 302
    before = stored()
    big = PDF + b"%" + b"0" * (settings.FILE_UPLOAD_MAX_MEMORY_SIZE + 1024) + b"\n"

    response = submit(attachment=("groot-plan.pdf", big))

    assert response.status_code == 429
    assert "Een bijlage moet u opnieuw kiezen." in error_summary(response)
    assert stored() == before
    [temporary] = checked
    assert temporary.parent == tmp_path  # it was on disk while the request ran ...
    assert list(tmp_path.iterdir()) == []  # ... and is gone with it


def test_the_address_limit_is_a_generous_burst(submit, settings):
    settings.CONTRIBUTION_RATE_LIMIT = 4
    for n in range(4):
        assert submit(colleague(n)).status_code == 302
    before = stored()

    response = submit(colleague(5))

    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= settings.CONTRIBUTION_RATE_WINDOW_SECONDS + 1
    summary = error_summary(response)
    assert "Vanaf uw internetadres zijn kort na elkaar al veel bijdragen verstuurd." in summary
    assert "Een bijlage moet u opnieuw kiezen." not in summary  # no file was chosen
    assert input_value(response, "title") == "Tip 5"
    # A forged X-Forwarded-For does not buy a new window (no trusted proxy in front) ...
    assert submit(colleague(6), HTTP_X_FORWARDED_FOR="203.0.113.9").status_code == 429
    assert stored() == before
    # ... but another address has its own count.
    assert submit(colleague(7), REMOTE_ADDR="198.51.100.7").status_code == 302


def test_the_limits_reset_after_their_window(submit, settings, later):
    settings.CONTRIBUTION_RATE_LIMIT = 4
    for n in range(3):
        assert submit(colleague(n)).status_code == 302
    assert submit(form_data()).status_code == 302
    assert submit(form_data()).status_code == 429  # the address: 4 of 4
    assert submit(colleague(9), REMOTE_ADDR="198.51.100.7").status_code == 302

    later(settings.CONTRIBUTION_RATE_WINDOW_SECONDS - 60)
    assert submit(colleague(10)).status_code == 429
    later(settings.CONTRIBUTION_RATE_WINDOW_SECONDS + 1)
    for _ in range(3):
        assert submit(form_data()).status_code == 302  # a new window for both
    assert submit(form_data()).status_code == 429  # the sender: 3 of 3 again
    assert submit(colleague(11)).status_code == 302  # the address: 4 of 4 ...
    assert submit(colleague(12)).status_code == 429  # ... and then no more


def test_invalid_posts_and_refused_ones_do_not_count(submit):
    for _ in range(5):
        assert submit(form_data(title=None)).status_code == 200
    for _ in range(3):
        assert submit(form_data()).status_code == 302
    for _ in range(3):
        assert submit(form_data()).status_code == 429
    assert submit(form_data(email="ander@example.nl")).status_code == 302


def test_a_cache_outage_lets_contributions_through(submit, caplog):
    down = mock.Mock(**{name + ".side_effect": ConnectionError for name in ("get_many", "get")})
    with mock.patch("dossier.ops.abuse.cache", down):
        for _ in range(4):
            assert submit(form_data()).status_code == 302
    assert "Rate limit skipped" in caplog.text
    assert "Rate limit not counted" in caplog.text


def test_post_without_csrf_token_gets_the_dutch_403_page(submit, nothing_stored):
    browser = Client(enforce_csrf_checks=True, HTTP_HOST=HOST)

    response = submit(client=browser)

    assert response.status_code == 403
    html = response.content.decode()
    assert texts(find_all(html, "h1")) == ["Formulier niet verstuurd"]
    assert "Formulier niet verstuurd" in texts(find_all(html, "title"))[0]
    assert "Uw gegevens zijn niet opgeslagen." in html
    assert "no-store" in response["Cache-Control"]
    nothing_stored(response)


def test_post_with_the_pages_csrf_token_is_accepted(submit):
    """The control for the test above: the same strict client gets through with the token."""
    browser = Client(enforce_csrf_checks=True, HTTP_HOST=HOST)
    page = browser.get(FORM_URL)
    token = input_value(page, "csrfmiddlewaretoken")

    response = submit(form_data(csrfmiddlewaretoken=token), client=browser)

    assert response.status_code == 302
    assert Contribution.objects.count() == 1


# --- Database failure while storing ----------------------------------------------------------


def test_a_failed_transaction_leaves_no_file_and_gives_the_form_back(
    submit, nothing_stored, monkeypatch, caplog
):
    written = []

    def save_fails(contribution, *args, **kwargs):
        # The attachment is on disk by now; the row never gets there.
        path = Path(contribution.attachment.path)
        written.append((path, path.is_file()))
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(Contribution, "save", save_fails)

    response = submit(attachment=("Projectplan.pdf", PDF))

    [(path, was_written)] = written
    assert was_written
    assert not path.exists()
    assert response.status_code == 503
    summary = [e for e in parse(response.content) if e.attrs.get("id") == "fouten"]
    assert summary
    shown = " ".join(summary[0].text.split())
    assert "uw bijdrage niet opgeslagen" in shown
    assert "Een bijlage moet u opnieuw kiezen." in shown
    assert texts(find_all(response.content.decode(), "title"))[0].startswith("Fout: ")
    assert input_value(response, "name") == "Jan de Vries"
    assert input_value(response, "title") == "Slimme lantaarnpalen in de wijk"
    assert "no-store" in response["Cache-Control"]
    assert "Contribution not stored" in caplog.text
    nothing_stored(response)


# --- Mail server down ------------------------------------------------------------------------


@pytest.fixture
def dead_mail_server(settings):
    """SMTP to a loopback port nobody listens on: a real "connection refused", no mocks."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = free_port()
    settings.EMAIL_TIMEOUT = 2
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    return settings


def test_mail_outage_keeps_the_submission_and_retries_until_the_mail_is_sent(
    submit, run_worker, dead_mail_server
):
    response = submit()

    assert response.status_code == 302
    assert response["Location"] == THANKS_URL
    contribution = Contribution.objects.get()

    # In test settings a retry is ready at once (delay 0), so one --batch run would work
    # through every retry until the budget is spent (next test); two tasks are enough to see
    # failures and the retries they queue. Retries have a run_after and sort before first
    # attempts (which have none), so the two may well be the same mail's attempts 1 and 2.
    run_worker("--max-tasks", "2")

    tasks = mail_tasks()
    failed = [t for t in tasks if t.status == "FAILED"]
    assert len(failed) == 2
    assert {t.exception_class_path for t in failed} == {"builtins.ConnectionRefusedError"}
    # Every failed attempt has queued the next one.
    queued = {task_summary(t)[:2] for t in tasks}
    for audience, attempt, _status in map(task_summary, failed):
        assert (audience, attempt + 1) in queued, f"no retry after {audience} attempt {attempt}"
    assert any(task_summary(t)[1] > 1 for t in tasks if t.status == "READY")
    assert mail.outbox == []
    contribution.refresh_from_db()
    assert contribution.editors_notified_at is None
    assert contribution.confirmation_sent_at is None

    # The mail server is back.
    dead_mail_server.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    run_worker()

    assert not [t for t in mail_tasks() if t.status == "READY"]
    assert sorted(tuple(message.to) for message in mail.outbox) == [
        ("jan@example.nl",),
        (EDITORS_ADDRESS,),
    ], [t.traceback for t in mail_tasks() if t.status == "FAILED"][-1:]
    contribution.refresh_from_db()
    assert contribution.editors_notified_at is not None
    assert contribution.confirmation_sent_at is not None

    # A further run, even with both mails queued again, sends nothing twice.
    queue_mails(contribution.pk)
    run_worker()
    run_worker()
    assert len(mail.outbox) == 2
    repeated = mail_tasks()[-2:]
    assert [t.return_value for t in repeated] == ["already sent", "already sent"]


def test_mail_outage_gives_up_after_the_configured_retries(submit, run_worker, dead_mail_server):
    submit()
    contribution = Contribution.objects.get()

    run_worker()

    attempts = 1 + len(dead_mail_server.CONTRIBUTION_MAIL_RETRY_DELAYS)
    summaries = sorted(task_summary(t) for t in mail_tasks())
    assert summaries == sorted(
        (audience, attempt, "FAILED")
        for audience in ("editors", "contributor")
        for attempt in range(1, attempts + 1)
    )
    assert {t.exception_class_path for t in mail_tasks()} == {"builtins.ConnectionRefusedError"}
    contribution.refresh_from_db()
    assert contribution.editors_notified_at is None
    assert contribution.confirmation_sent_at is None
    assert Contribution.objects.filter(pk=contribution.pk).exists()
