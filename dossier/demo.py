"""The demo dossier's content, written for this project from the facts in the source pages.

Pure data: ``load_demo`` turns it into snippets, pages and settings. Body fields are lists of
``(block type, value)`` pairs in the shared body block set.
"""

THEMES = [
    (
        "Klimaat en energie",
        "klimaat-en-energie",
        "Data en slimme netten voor de energietransitie en een klimaatbestendige gemeente.",
    ),
    (
        "Veiligheid",
        "veiligheid",
        "Digitale middelen voor openbare orde en veiligheid, en de grenzen die daarbij horen.",
    ),
    (
        "Circulaire economie",
        "circulaire-economie",
        "Grondstoffen, afval en hergebruik slimmer organiseren met data en technologie.",
    ),
    (
        "Verantwoord datagebruik",
        "verantwoord-datagebruik",
        "Privacy, transparantie en publieke waarden als uitgangspunt bij het gebruik van data.",
    ),
    (
        "Mobiliteit",
        "mobiliteit",
        "Slimme verkeersregeling, deelvervoer en laadpalen in stad en regio.",
    ),
    (
        "Zorg",
        "zorg",
        "Digitale ondersteuning in zorg en welzijn, dicht bij inwoners.",
    ),
    (
        "Digitale inclusie",
        "digitale-inclusie",
        "Een digitale overheid die voor iedereen bereikbaar en begrijpelijk is.",
    ),
]

# name, kind, website, is_own
ORGANISATIONS = [
    ("Platform31", "kennisinstelling", "https://www.platform31.nl/", True),
    ("Vereniging van Nederlandse Gemeenten", "overheid", "https://vng.nl/", False),
    (
        "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties",
        "overheid",
        "https://www.rijksoverheid.nl/ministeries/ministerie-van-binnenlandse-zaken-en-koninkrijksrelaties",
        False,
    ),
    ("Waag", "maatschappelijk", "https://waag.org/", False),
    ("Future City Foundation", "maatschappelijk", "https://future-city.nl/", False),
    ("Gemeente Amersfoort", "gemeente", "https://www.amersfoort.nl/", False),
    ("Hogeschool Saxion", "kennisinstelling", "https://www.saxion.nl/", False),
    ("Ekelmans & Meijer Advocaten", "bedrijf", "", False),
    ("StartUp Utrecht", "bedrijf", "", False),
]

# name, role, organisation name, e-mail
PEOPLE = [
    ("Mettina Veenstra", "lector", "Hogeschool Saxion", ""),
    (
        "Jan-Willem Wesselink",
        "kwartiermaker",
        "Future City Foundation",
        "jan-willem@future-city.nl",
    ),
    ("Jos van Winkel", "hoofd Bestuur, Strategie en Veiligheid", "Gemeente Amersfoort", ""),
    ("Anita Nijboer", "partner", "Ekelmans & Meijer Advocaten", ""),
    ("Heerd-Jan Hoogeveen", "directeur", "StartUp Utrecht", ""),
    ("Marleen Stikker", "directeur", "Waag", ""),
    (
        "Kajsa Ollongren",
        "minister van Binnenlandse Zaken en Koninkrijksrelaties",
        "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties",
        "",
    ),
]

HOME = {
    "title": "Smart Society",
    "seo_title": "Kennisdossier Smart Society",
    "intro": (
        "Hoe zetten gemeenten data en digitale technologie in voor een leefbare samenleving? "
        "Dit kennisdossier brengt nieuws, opinie, projecten, publicaties en bronnen bij elkaar."
    ),
    "definition": (
        "Een smart society is een samenleving die haar inwoners een hoge kwaliteit van leven "
        "biedt, doordat overheden, bedrijven, inwoners en kennisinstellingen samenwerken. Ze "
        "combineren slimme digitale technologie met de fysieke infrastructuur, met gebouwen en "
        "openbare ruimte, en met wat mensen weten en samen kunnen. De overheid geeft daarbij de "
        "richting aan."
    ),
    "definition_source": "Vrij naar de definitie van dr. Mettina Veenstra, Hogeschool Saxion",
    "body": [
        ("heading", {"text": "Waarom dit dossier", "level": "h2"}),
        (
            "paragraph",
            "<p>In dit dossier staat niet de techniek centraal, maar wat die techniek voor de "
            "samenleving betekent. We geven ruimte aan mensen, organisaties en initiatieven die "
            "de smart society dichterbij brengen, en aan de vragen die dat oproept.</p>"
            "<p>Het dossier is in de eerste plaats bedoeld voor medewerkers van gemeenten. Ook "
            "wie bij een andere overheid, een kennisinstelling of een bedrijf werkt, vindt hier "
            "inspiratie en kennis. De redactie vult het dossier met eigen bijdragen en met "
            "relevante bijdragen van anderen.</p>",
        ),
    ],
}

SECTIONS = [
    # app label, model name, title, slug, intro
    (
        "news",
        "NewsIndexPage",
        "Nieuws",
        "nieuws",
        "Nieuwe ontwikkelingen die ertoe doen voor gemeenten: gebeurtenissen, evenementen, "
        "initiatieven en publicaties, en geregeld een succesverhaal of interview uit de praktijk.",
    ),
    (
        "opinion",
        "OpinionIndexPage",
        "Opinie",
        "opinie",
        "Gemeenten en anderen aan het woord over de dagelijkse praktijk van de smart society. "
        "Blogs die willen inspireren en aan het denken zetten.",
    ),
    (
        "projects",
        "ProjectIndexPage",
        "Projecten en bijeenkomsten",
        "projecten",
        "De lopende projecten van het kennisinstituut, met tussenresultaten en updates, en de "
        "bijeenkomsten waar u kunt meedenken en meedoen.",
    ),
    (
        "publications",
        "PublicationIndexPage",
        "Publicaties",
        "publicaties",
        "Rapporten, boeken, essays en casussen over de smart society, van het kennisinstituut "
        "en van andere uitgevers.",
    ),
    (
        "sources",
        "SourceIndexPage",
        "Relevante bronnen",
        "bronnen",
        "Inspirerende praktijkvoorbeelden, websites, datasets en hulpmiddelen die het lezen of "
        "gebruiken waard zijn.",
    ),
]

STANDARD_PAGES = [
    {
        "slug": "over-dit-dossier",
        "title": "Over dit dossier",
        "intro": (
            "Wat het kennisdossier Smart Society is, voor wie het bedoeld is en wie het maakt."
        ),
        "body": [
            ("heading", {"text": "Doel", "level": "h2"}),
            (
                "paragraph",
                "<p>Het dossier wil een plek zijn waar iedereen die met de smart society bezig "
                "is zich kan laten informeren en inspireren. Het gaat over de maatschappelijke "
                "kant van digitalisering bij de lokale overheid: wat levert het op, wat vraagt "
                "het van bestuurders en professionals, en welke waarden staan op het spel?</p>",
            ),
            ("heading", {"text": "Vijf rubrieken", "level": "h2"}),
            (
                "paragraph",
                "<ul><li><b>Nieuws</b>: ontwikkelingen, evenementen, initiatieven en "
                "succesverhalen.</li><li><b>Opinie</b>: blogs uit de gemeentelijke praktijk."
                "</li><li><b>Projecten en bijeenkomsten</b>: lopende projecten met hun "
                "tussenresultaten, en bijeenkomsten om aan deel te nemen.</li><li><b>Publicaties"
                "</b>: eigen en externe rapporten, boeken en casussen.</li><li><b>Relevante "
                "bronnen</b>: praktijkvoorbeelden, websites, datasets en tools.</li></ul>",
            ),
            ("heading", {"text": "Redactie", "level": "h2"}),
            (
                "paragraph",
                "<p>De redactie van het kennisinstituut stelt het dossier samen en beoordeelt "
                "alle bijdragen van buiten voordat ze verschijnen.</p>",
            ),
        ],
    },
    {
        "slug": "privacy",
        "title": "Privacyverklaring",
        "intro": "Welke gegevens deze website verwerkt, waarom, en welke rechten u heeft.",
        "body": [
            ("heading", {"text": "Bezoekers", "level": "h2"}),
            (
                "paragraph",
                "<p>Deze website plaatst bij bezoekers geen cookies, gebruikt geen "
                "analysediensten en laadt geen lettertypen, scripts of video's van andere "
                "partijen. Onze webserver houdt voor de beveiliging kort een logboek bij met "
                "IP-adressen; dat bewaren we niet langer dan nodig.</p>",
            ),
            ("heading", {"text": "Bijdragen aan het dossier", "level": "h2"}),
            (
                "paragraph",
                "<p>Wie een bijdrage instuurt, geeft ons een naam, een e-mailadres en soms een "
                "organisatie en een bijlage. Die gegevens gebruiken we alleen om de bijdrage te "
                "beoordelen en contact op te nemen. We bewaren ze niet langer dan een jaar, "
                "tenzij de bijdrage op de website verschijnt.</p>",
            ),
            ("heading", {"text": "Uw rechten", "level": "h2"}),
            (
                "paragraph",
                "<p>U kunt ons vragen welke gegevens we van u hebben, en die laten verbeteren of "
                "verwijderen. Mail daarvoor de redactie. U kunt ook een klacht indienen bij de "
                "Autoriteit Persoonsgegevens.</p>",
            ),
        ],
    },
    {
        "slug": "toegankelijkheid",
        "title": "Toegankelijkheidsverklaring",
        "intro": "We willen dat iedereen deze website kan gebruiken, ook met een beperking.",
        "body": [
            ("heading", {"text": "Onze norm", "level": "h2"}),
            (
                "paragraph",
                "<p>Deze website is gebouwd volgens de Web Content Accessibility Guidelines "
                "(WCAG) 2.1 op niveau AA, de norm voor websites van de overheid. Elke pagina is "
                "met het toetsenbord te bedienen, werkt zonder JavaScript, heeft een link om "
                "direct naar de inhoud te gaan en past zich aan het scherm aan.</p>",
            ),
            ("heading", {"text": "Hoe we dat controleren", "level": "h2"}),
            (
                "paragraph",
                "<p>Bij elke wijziging aan de website controleren geautomatiseerde tests de "
                "pagina's in een echte browser met axe-core, op brede en smalle schermen. "
                "Automatische tests vinden niet alles; daarom toetsen we ook met de hand.</p>",
            ),
            ("heading", {"text": "Loopt u ergens tegenaan?", "level": "h2"}),
            (
                "paragraph",
                "<p>Meld het ons via het e-mailadres onderaan deze pagina. We reageren binnen "
                "vijf werkdagen en lossen het probleem zo snel mogelijk op.</p>",
            ),
        ],
    },
    {
        "slug": "colofon",
        "title": "Colofon",
        "intro": "Wie dit dossier maakt en hoe de website is gebouwd.",
        "body": [
            (
                "paragraph",
                "<p>Het kennisdossier Smart Society is een uitgave van het kennisinstituut. De "
                "website draait op open-source software (Wagtail en Django) en wordt zonder "
                "diensten van derden aangeboden.</p>",
            ),
        ],
    },
]

# The contribution form at /bijdragen/ (a ContributionFormPage; intro and thanks are rich text).
CONTRIBUTION_PAGE = {
    "slug": "bijdragen",
    "title": "Bijdragen aan het dossier",
    "intro": (
        "<p>Heeft u nieuws, een project, een publicatie, een blog of een goede bron over de "
        "smart society? Het dossier groeit met de kennis van zijn lezers: gemeenten en andere "
        "overheden, bedrijven, kennisinstellingen en inwoners.</p>"
        "<p>De redactie leest elke bijdrage, neemt contact met u op en plaatst wat past bij het "
        "dossier, met vermelding van u als bron. Vul hieronder in wat u wilt delen; velden "
        "zonder de toevoeging (verplicht) mag u leeg laten.</p>"
    ),
    "thank_you_title": "Bedankt voor uw bijdrage",
    "thank_you_text": (
        "<p>We hebben uw bijdrage goed ontvangen. U krijgt binnen enkele minuten een "
        "bevestiging per e-mail.</p><p>De redactie bekijkt elke bijdrage en laat binnen tien "
        "werkdagen weten of en hoe we die in het dossier opnemen.</p>"
    ),
    "privacy_slug": "privacy",
}

SETTINGS = {
    "organisation_name": "Platform31",
    "contact_name": "Redactie kennisdossier Smart Society",
    "contact_email": "kennisdossier@example.nl",
    "contribution_recipients": "redactie@example.nl",
    "footer_text": (
        "<p>Kennis en inspiratie over data en digitale technologie in de lokale overheid.</p>"
    ),
    "footer_link_slugs": [
        "over-dit-dossier",
        "privacy",
        "toegankelijkheid",
        "bijdragen",
        "colofon",
    ],
    "contribution_slug": "bijdragen",
}
