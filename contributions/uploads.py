"""Contribution attachments: a private storage without URLs, a size limit applied while the
upload streams in, and a check of the file's content against its extension."""

import os
import uuid
import zipfile
from dataclasses import dataclass

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.functional import cached_property
from PIL import Image, UnidentifiedImageError


@deconstructible
class PrivateStorage(FileSystemStorage):
    """Files under ``PRIVATE_MEDIA_ROOT``, which no URL serves."""

    @cached_property
    def base_location(self):
        return str(settings.PRIVATE_MEDIA_ROOT)

    @cached_property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Private uploads have no public URL; use the admin download view.")


def private_storage():
    return PrivateStorage()


def attachment_path(instance, filename):
    """A random name under the month's folder; the extension comes from the checked type."""
    extension = os.path.splitext(filename)[1].lower()
    return timezone.now().strftime("bijdragen/%Y/%m/") + uuid.uuid4().hex + extension


class PublicUploadLimitHandler(FileUploadHandler):
    """Skips an upload on the public site as soon as it passes the contribution size limit.

    The rest of the file is read and thrown away, not stored, and the other form fields are
    still parsed; the view finds the skipped field in ``request.refused_uploads``. Uploads
    in the admin follow Wagtail's own limits.
    """

    def __init__(self, request=None):
        super().__init__(request)
        self.limit = settings.CONTRIBUTION_MAX_UPLOAD_BYTES
        self.applies = request is not None and not request.path.startswith("/admin/")

    def new_file(self, field_name, *args, **kwargs):
        super().new_file(field_name, *args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        if self.applies:
            self.received += len(raw_data)
            if self.received > self.limit:
                refused = getattr(self.request, "refused_uploads", set())
                refused.add(self.field_name)
                self.request.refused_uploads = refused
                raise SkipFile
        return raw_data

    def file_complete(self, file_size):
        return None


# Extension -> (what filetype calls the content, MIME type sent on download). Plain text has
# no signature; it is checked by decoding instead.
ALLOWED_TYPES = {
    ".pdf": ("pdf", "application/pdf"),
    ".docx": (
        "docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    ".odt": ("odt", "application/vnd.oasis.opendocument.text"),
    ".jpg": ("jpg", "image/jpeg"),
    ".jpeg": ("jpg", "image/jpeg"),
    ".png": ("png", "image/png"),
    ".txt": (None, "text/plain"),
}
ALLOWED_LABEL = "PDF, DOCX, ODT, TXT, JPG of PNG"
MARKUP_STARTS = (b"<!doctype", b"<html", b"<script", b"<svg", b"<?xml", b"<body", b"<head")


@dataclass(frozen=True)
class CheckedFile:
    name: str
    extension: str
    content_type: str
    size: int


def safe_file_name(name: str) -> str:
    """A file name fit for display and for Content-Disposition: no folders, no control or
    quote characters, at most 120 characters with its extension kept."""
    name = os.path.basename(name.replace("\\", "/"))
    name = "".join(char for char in name if char.isprintable() and char not in '"<>|:*?')
    name = name.strip(" .") or "bijlage"
    stem, extension = os.path.splitext(name)
    return stem[: 120 - len(extension)] + extension


def check_attachment(uploaded) -> CheckedFile:
    """Refuse anything but the allowed types, judged by content as well as by name."""
    name = safe_file_name(uploaded.name or "")
    extension = os.path.splitext(name)[1].lower()
    if extension not in ALLOWED_TYPES:
        raise ValidationError(
            f"Dit bestandstype kunnen we niet aannemen. Stuur een {ALLOWED_LABEL}-bestand.",
            code="extension",
        )
    if uploaded.size > settings.CONTRIBUTION_MAX_UPLOAD_BYTES:
        raise ValidationError(too_large_message(), code="size")
    if uploaded.size == 0:
        raise ValidationError("Het bestand is leeg.", code="empty")
    expected, content_type = ALLOWED_TYPES[extension]
    uploaded.seek(0)
    head = uploaded.read(8192)
    detected = filetype.guess(head)
    mismatch = ValidationError(
        f"De inhoud van het bestand past niet bij de extensie {extension}. "
        f"Stuur een echt {ALLOWED_LABEL}-bestand.",
        code="content",
    )
    if expected is None:
        if detected is not None or not _is_plain_text(uploaded, head):
            raise mismatch
    elif expected in {"docx", "odt"}:
        if not _is_office_document(uploaded, expected):
            raise mismatch
    elif detected is None or detected.extension != expected:
        raise mismatch
    elif expected in {"jpg", "png"}:
        _check_image(uploaded, mismatch)
    uploaded.seek(0)
    return CheckedFile(
        name=name, extension=extension, content_type=content_type, size=uploaded.size
    )


def too_large_message() -> str:
    limit = filesizeformat(settings.CONTRIBUTION_MAX_UPLOAD_BYTES).replace("\xa0", " ")
    return f"Het bestand is groter dan {limit}. Stuur een kleiner bestand of een link."


def _is_plain_text(uploaded, head: bytes) -> bool:
    """UTF-8 text without NUL bytes that does not start as a web page or script."""
    if head.lstrip().lower().startswith(MARKUP_STARTS):
        return False
    uploaded.seek(0)
    content = uploaded.read()  # at most CONTRIBUTION_MAX_UPLOAD_BYTES
    if b"\x00" in content:
        return False
    try:
        content.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"


def _is_office_document(uploaded, expected: str) -> bool:
    """A zip with the parts a word processor writes. filetype looks only at the first few
    kilobytes, which misses DOCX files that start with other parts (a thumbnail, say), so the
    zip's table of contents is read instead; nothing is unpacked."""
    uploaded.seek(0)
    try:
        with zipfile.ZipFile(uploaded) as archive:
            names = set(archive.namelist())
            if expected == "docx":
                return {"[Content_Types].xml", "word/document.xml"} <= names
            first = archive.infolist()[0]
            return (
                first.filename == "mimetype"
                and first.file_size == len(ODT_MIMETYPE)
                and archive.read(first) == ODT_MIMETYPE
                and "content.xml" in names
            )
    except (zipfile.BadZipFile, IndexError, OSError, EOFError):
        return False


def _check_image(uploaded, error):
    uploaded.seek(0)
    try:
        with Image.open(uploaded) as image:
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError):
        raise error from None
