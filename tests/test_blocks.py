"""The shared body blocks: each has a template, a description and a preview; their
validation refuses what readers should never get; they render what readers need."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from dossier.blocks import BodyBlock, ImageBlock, LinkBlock
from dossier.models import StandardPage

BLOCKS = BodyBlock().child_blocks

pytestmark = pytest.mark.django_db


@pytest.fixture
def image():
    buffer = io.BytesIO()
    PILImage.new("RGB", (1600, 900), "#0b4f6c").save(buffer, "PNG")
    return get_image_model().objects.create(
        title="Deelnemers aan de workshop",
        file=ImageFile(io.BytesIO(buffer.getvalue()), name="workshop.png"),
    )


def make_document(title):
    return get_document_model().objects.create(
        title=title, file=ContentFile(b"%PDF-1.4\n" + b"x" * 2048, name="programma.pdf")
    )


@pytest.fixture
def document():
    return make_document("Programma van de workshop")


def test_block_set_is_the_designed_one():
    assert list(BLOCKS) == [
        "paragraph",
        "heading",
        "image",
        "quote",
        "embed",
        "document",
        "call_to_action",
        "table",
    ]


@pytest.mark.parametrize("name", list(BLOCKS))
def test_every_block_has_template_description_and_preview(name, image, document):
    block = BLOCKS[name]
    assert block.meta.template.startswith("blocks/")
    assert len(block.get_description()) > 20
    assert block.is_previewable
    value = block.get_preview_value()
    assert value
    html = block.render(block.to_python(block.get_prep_value(block.normalize(value))))
    assert html.strip()


def test_heading_levels_are_limited_to_h2_to_h4():
    choices = [choice for choice, _ in BLOCKS["heading"].child_blocks["level"].field.choices]
    assert [c for c in choices if c] == ["h2", "h3", "h4"]


def test_image_needs_alt_text_unless_decorative(image):
    block = ImageBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"image": image.pk, "alt_text": "  ", "decorative": False}))
    assert block.clean(block.to_python({"image": image.pk, "decorative": True}))
    assert block.clean(block.to_python({"image": image.pk, "alt_text": "Een zaal vol mensen"}))


def test_image_renders_responsive_picture_with_alt_and_lazy_loading(image):
    block = ImageBlock()
    value = block.to_python(
        {"image": image.pk, "alt_text": "Een zaal vol mensen", "caption": "De workshop"}
    )
    html = block.render(value)
    assert "<picture>" in html
    assert 'type="image/avif"' in html and 'type="image/webp"' in html
    assert 'alt="Een zaal vol mensen"' in html
    assert 'loading="lazy"' in html
    assert "<figcaption>De workshop" in html

    decorative = block.render(block.to_python({"image": image.pk, "decorative": True}))
    assert 'alt=""' in decorative


def test_link_needs_exactly_one_target():
    block = LinkBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"page": None, "external_url": "", "label": "x"}))
    home = StandardPage.objects.get(slug="privacy")
    with pytest.raises(StructBlockValidationError):
        block.clean(
            block.to_python({"page": home.pk, "external_url": "https://vng.nl/", "label": "x"})
        )
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"page": None, "external_url": "https://vng.nl/", "label": ""}))
    value = block.clean(block.to_python({"page": home.pk, "external_url": "", "label": ""}))
    assert value.url == "/privacy/"
    assert value.text == "Privacyverklaring"


def test_document_link_shows_file_type_and_size(document):
    block = BLOCKS["document"]
    html = block.render(block.to_python({"document": document.pk, "label": ""}))
    assert "Programma van de workshop" in html
    assert "(PDF, 2,0\xa0KB)" in html


def test_external_media_is_a_link_not_a_third_party_player():
    block = BLOCKS["embed"]
    html = block.render(block.to_python(block.meta.preview_value))
    assert "<iframe" not in html
    assert 'href="https://www.youtube.com/watch?v=example"' in html
    assert "Op youtube.com" in html


def test_text_is_escaped_in_blocks():
    block = BLOCKS["quote"]
    html = block.render(block.to_python({"quote": "<script>alert(1)</script>", "attribution": ""}))
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
