"""The shared body blocks. Sections extend ``BodyBlock`` with blocks of their own.

Every block has a template in ``templates/blocks/``, a description for editors and a
preview value for Wagtail's block picker.
"""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.contrib.table_block.blocks import TableBlock as WagtailTableBlock
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class LinkStructValue(blocks.StructValue):
    """One value for internal and external links: ``url`` and ``text`` whichever was chosen."""

    @property
    def url(self):
        page = self.get("page")
        if page:
            return page.url
        return self.get("external_url") or ""

    @property
    def text(self):
        if self.get("label"):
            return self["label"]
        page = self.get("page")
        return page.title if page else self.get("external_url", "")

    @property
    def is_external(self):
        return not self.get("page") and bool(self.get("external_url"))


class LinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label="Pagina op deze site", required=False)
    external_url = blocks.URLBlock(label="Of een externe link", required=False)
    label = blocks.CharBlock(
        label="Linktekst",
        required=False,
        max_length=120,
        help_text="Laat leeg om de titel van de pagina te gebruiken.",
    )

    class Meta:
        value_class = LinkStructValue
        icon = "link"
        label = "Link"
        template = "blocks/link.html"
        description = "Een link naar een pagina op deze site of naar een externe website."
        preview_value = {"external_url": "https://www.vng.nl/", "label": "Naar de VNG"}

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("external_url")):
            message = "Kies een pagina óf vul een externe link in (precies één van beide)."
            raise StructBlockValidationError(
                block_errors={"page": ErrorList([ValidationError(message)])}
            )
        if value.get("external_url") and not value.get("label"):
            raise StructBlockValidationError(
                block_errors={
                    "label": ErrorList([ValidationError("Een externe link heeft een linktekst.")])
                }
            )
        return value


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = "Alinea"
        template = "blocks/paragraph.html"
        description = "Lopende tekst met vet, cursief, links en opsommingen."
        preview_value = (
            "<p>Een slimme samenleving zet <b>data en technologie</b> in voor "
            "maatschappelijke opgaven, met de overheid als richtinggever.</p>"
        )


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label="Tekst", max_length=160)
    level = blocks.ChoiceBlock(
        label="Niveau",
        choices=[("h2", "Kop 2"), ("h3", "Kop 3"), ("h4", "Kop 4")],
        default="h2",
        help_text="Kop 1 is de paginatitel; begin in de tekst bij kop 2.",
    )

    class Meta:
        icon = "title"
        label = "Tussenkop"
        template = "blocks/heading.html"
        description = "Een tussenkop die de tekst in delen opdeelt (niveau 2 tot 4)."
        preview_value = {"text": "Icoonprojecten", "level": "h2"}


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label="Afbeelding")
    alt_text = blocks.CharBlock(
        label="Alt-tekst",
        required=False,
        max_length=250,
        help_text="Beschrijf wat de afbeelding laat zien voor wie haar niet kan zien.",
    )
    decorative = blocks.BooleanBlock(
        label="Alleen decoratief",
        required=False,
        help_text=(
            "Vink aan als de afbeelding niets toevoegt aan de tekst; dan is geen alt-tekst nodig."
        ),
    )
    caption = blocks.CharBlock(label="Bijschrift", required=False, max_length=250)
    credit = blocks.CharBlock(label="Fotograaf of bron", required=False, max_length=120)

    class Meta:
        icon = "image"
        label = "Afbeelding"
        template = "blocks/image.html"
        description = "Een afbeelding met alt-tekst (of de keuze 'decoratief') en een bijschrift."

    def clean(self, value):
        value = super().clean(value)
        if not value.get("decorative") and not (value.get("alt_text") or "").strip():
            raise StructBlockValidationError(
                block_errors={
                    "alt_text": ErrorList(
                        [ValidationError("Vul een alt-tekst in, of vink 'Alleen decoratief' aan.")]
                    )
                }
            )
        return value

    def get_preview_value(self):
        image = get_image_model().objects.order_by("pk").first()
        return {
            "image": image,
            "alt_text": image.title if image else "",
            "caption": "Een bijschrift bij de afbeelding",
        }


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label="Citaat", max_length=1000)
    attribution = blocks.CharBlock(label="Wie zegt het", required=False, max_length=160)
    role = blocks.CharBlock(label="Functie of organisatie", required=False, max_length=160)

    class Meta:
        icon = "openquote"
        label = "Citaat"
        template = "blocks/quote.html"
        description = "Een uitgelicht citaat met de naam en functie van wie het zei."
        preview_value = {
            "quote": "Technologie is niet neutraal: kijk naar de waarden eronder.",
            "attribution": "Een onderzoeker",
            "role": "Waag",
        }


class ExternalMediaBlock(blocks.StructBlock):
    """An embed that protects readers' privacy.

    The dossier promises no third-party requests, so a video or slide deck elsewhere is shown
    as a described link rather than as the provider's player (which sets cookies and tracks).
    """

    url = blocks.URLBlock(label="Adres van de video, podcast of presentatie")
    title = blocks.CharBlock(label="Titel", max_length=200)
    description = blocks.TextBlock(
        label="Omschrijving",
        required=False,
        max_length=1000,
        help_text="Waar gaat het over en hoe lang duurt het? Een transcriptie hoort hier ook.",
    )

    class Meta:
        icon = "media"
        label = "Externe media (embed)"
        template = "blocks/external_media.html"
        description = (
            "Een video, podcast of presentatie op een andere website. Lezers zien een "
            "omschreven link; er wordt geen speler van derden geladen."
        )
        preview_value = {
            "url": "https://www.youtube.com/watch?v=example",
            "title": "Van smart city naar smart society",
            "description": "Registratie van de deelsessie (42 minuten).",
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        host = urlsplit(value.get("url") or "").hostname or ""
        context["host"] = host.removeprefix("www.")
        return context


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label="Document")
    label = blocks.CharBlock(
        label="Linktekst",
        required=False,
        max_length=200,
        help_text="Laat leeg om de titel van het document te gebruiken.",
    )

    class Meta:
        icon = "doc-full"
        label = "Document"
        template = "blocks/document_link.html"
        description = "Een downloadlink naar een document, met bestandstype en grootte."

    def get_preview_value(self):
        return {"document": get_document_model().objects.order_by("pk").first(), "label": ""}


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Titel", max_length=160)
    text = blocks.TextBlock(label="Tekst", required=False, max_length=600)
    link = LinkBlock(label="Knop")

    class Meta:
        icon = "pick"
        label = "Oproep (call-to-action)"
        template = "blocks/call_to_action.html"
        description = "Een opvallend blok dat lezers uitnodigt iets te doen, met één knop."
        preview_value = {
            "title": "Doe mee",
            "text": "Werkt u aan een smart-society-project in uw gemeente? Laat het ons weten.",
            "link": {"external_url": "https://example.org/", "label": "Neem contact op"},
        }


class TableBlock(WagtailTableBlock):
    class Meta:
        icon = "table"
        label = "Tabel"
        template = "blocks/table.html"
        description = "Een tabel met kopregel of kopkolom en een bijschrift."
        preview_value = {
            "table_header_choice": "row",
            "first_row_is_table_header": True,
            "first_col_is_header": False,
            "table_caption": "Deelnemers per jaar",
            "data": [["Jaar", "Deelnemers"], ["2019", "30"], ["2020", "45"]],
        }


class BodyBlock(blocks.StreamBlock):
    """The block set of every body field; a section subclasses it to add its own blocks."""

    paragraph = ParagraphBlock()
    heading = HeadingBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    embed = ExternalMediaBlock()
    document = DocumentLinkBlock()
    call_to_action = CallToActionBlock()
    table = TableBlock()


class SocialLinkBlock(blocks.StructBlock):
    platform = blocks.ChoiceBlock(
        label="Platform",
        choices=[
            ("linkedin", "LinkedIn"),
            ("mastodon", "Mastodon"),
            ("bluesky", "Bluesky"),
            ("x", "X"),
            ("youtube", "YouTube"),
        ],
    )
    url = blocks.URLBlock(label="Adres")

    class Meta:
        icon = "site"
        label = "Account op sociale media"
        template = "blocks/social_link.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["platform_label"] = dict(self.child_blocks["platform"].field.choices).get(
            value["platform"], value["platform"]
        )
        return context
