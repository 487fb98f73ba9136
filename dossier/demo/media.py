"""Documents for the demo dossier, made on this machine (nothing is downloaded).

Each is found again by its title, so loading the demo twice does not duplicate them.
"""

import hashlib
import io

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model


def _pdf(title: str, lines: list[str]) -> bytes:
    """A small valid one-page PDF with a title and some lines of text."""

    def escape(text):
        text = text.encode("latin-1", "replace").decode("latin-1")
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    content = ["BT", "/F1 20 Tf", "72 760 Td", f"({escape(title)}) Tj", "/F1 12 Tf"]
    for line in lines:
        content += ["0 -24 Td", f"({escape(line)}) Tj"]
    content.append("ET")
    stream = "\n".join(content).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    output = io.BytesIO()
    output.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(output.tell())
        output.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = output.tell()
    output.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        output.write(f"{offset:010d} 00000 n \n".encode())
    output.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return output.getvalue()


def demo_document(title: str, lines: list[str]):
    """A generated PDF titled ``title``, created on first use."""
    model = get_document_model()
    existing = model.objects.filter(title=title).first()
    if existing:
        return existing
    name = hashlib.sha1(title.encode()).hexdigest()[:12] + ".pdf"
    document = model(title=title, file=ContentFile(_pdf(title, lines), name=name))
    document.file_size = len(document.file)
    document.save()
    return document
