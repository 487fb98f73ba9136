"""The sections of the demo dossier: news, opinion, projects, events, publications and sources.

Pure data, written for this project in Dutch from the facts in the source pages; the people
and organisations not in the seeds are fictional (with example.nl addresses). The loader turns
these lists into pages. Bodies are lists of ``(block type, value)`` pairs in the shared body
block set, ``related`` entries are ``"<section slug>/<page slug>"`` references to other pages
defined here (events live in the ``projecten`` section), and theme slugs refer to
``demo.THEMES``. Organisation and person names must match ``demo`` or the ``EXTRA_`` lists.
"""

# name, kind, website, is_own
EXTRA_ORGANISATIONS = [
    ("Gemeente Helmond", "gemeente", "https://www.helmond.nl/", False),
    ("Gemeente Zwolle", "gemeente", "https://www.zwolle.nl/", False),
    ("Gemeente Deventer", "gemeente", "https://www.deventer.nl/", False),
    ("Gemeente Amsterdam", "gemeente", "https://www.amsterdam.nl/", False),
    (
        "Rijksinstituut voor Volksgezondheid en Milieu",
        "kennisinstelling",
        "https://www.rivm.nl/",
        False,
    ),
    ("Universiteit Utrecht", "kennisinstelling", "https://www.uu.nl/", False),
    ("Autoriteit Persoonsgegevens", "overheid", "https://autoriteitpersoonsgegevens.nl/", False),
]


# name, role, organisation name, e-mail (fictional municipal and research staff)
EXTRA_PEOPLE = [
    ("Sanne de Vries", "projectleider Smart Society", "Platform31", "sanne.devries@example.nl"),
    ("Ruud Jansen", "informatiemanager", "Gemeente Zwolle", "ruud.jansen@example.nl"),
    (
        "Fatima El Amrani",
        "beleidsadviseur digitale inclusie",
        "Gemeente Deventer",
        "fatima.elamrani@example.nl",
    ),
    (
        "Pieter Bakker",
        "programmamanager duurzaamheid",
        "Gemeente Helmond",
        "pieter.bakker@example.nl",
    ),
    (
        "Mark Visser",
        "adviseur openbare orde en veiligheid",
        "Gemeente Amersfoort",
        "mark.visser@example.nl",
    ),
    ("Lotte Hendriks", "onderzoeker", "Waag", "lotte.hendriks@example.nl"),
]


# News items: kind is one of nieuws, evenement, initiatief, publicatie, succesverhaal, interview.
NEWS = [
    {
        "slug": "steunverklaring-smart-society",
        "title": "Ruim honderd handtekeningen onder steunverklaring Smart Society",
        "date": "2019-03-21",
        "kind": "nieuws",
        "intro": (
            "Op de slotdag van de eerste Conferentie Nederland Digitaal zetten ruim honderd "
            "vertegenwoordigers van zo'n tachtig organisaties hun naam onder de steunverklaring "
            "Smart Society."
        ),
        "body": [
            ("heading", {"text": "Van smart city naar smart society", "level": "h2"}),
            (
                "paragraph",
                "<p>Achter het initiatief 'Smart Society, doe mee!' staan de G5 en de VNG, samen "
                "met het ministerie van Binnenlandse Zaken en Koninkrijksrelaties. Het bouwt voort "
                "op de Smart City strategie die in 2017 verscheen. Die strategie ging vooral over "
                "de slimme stad; de nieuwe agenda kijkt naar de samenleving als geheel en naar de "
                "rol die de overheid daarin speelt.</p><p>De handtekeningen werden gezet op 21 "
                "maart 2019, tijdens de deelsessie 'Van Smart City naar Smart Society'. Overheden, "
                "ondernemers en wetenschappers verbinden zich daarmee aan de doelen van de Smart "
                "Society agenda 2019-2020.</p>",
            ),
            ("heading", {"text": "Vier icoonprojecten", "level": "h2"}),
            (
                "paragraph",
                "<p>De agenda wijst icoonprojecten aan waar de coalitie de komende jaren haar "
                "energie op richt:</p><ul><li>klimaat en "
                "energie;</li><li>veiligheid;</li><li>circulaire economie;</li><li>verantwoord "
                "datagebruik.</li></ul><p>Naast oplossingen voor die opgaven wil de coalitie "
                "bouwstenen opleveren die anderen kunnen hergebruiken. Dat kunnen producten en "
                "diensten zijn, maar ook kennis, werkwijzen en manieren om samen in te kopen of te "
                "financieren. Zo krijgen goede voorbeelden sneller navolging. Wie kennis, mensen "
                "of middelen wil inbrengen, is welkom. Als eerste stap neemt de coalitie contact "
                "op met iedereen die op de conferentie zijn steun uitsprak, om afspraken te maken "
                "over een bijdrage.</p>",
            ),
            (
                "paragraph",
                "<p>Over de conferentie: de Conferentie Nederland Digitaal liep van 18 tot en met "
                "21 maart. Het ministerie van Economische Zaken en Klimaat organiseerde haar "
                "namens het kabinet, ook omdat de Tweede Kamer daarom had gevraagd, om vaart te "
                "zetten achter de Nederlandse Digitaliseringsstrategie.</p>",
            ),
        ],
        "themes": ["verantwoord-datagebruik", "klimaat-en-energie", "veiligheid"],
        "tags": ["smart city", "conferentie", "samenwerking"],
        "source_name": "VNG",
        "source_url": "https://vng.nl/",
        "image_alt": (
            "Abstracte illustratie van veel kleine gekleurde vlakken die samen één groot vlak "
            "vormen"
        ),
        "related": [
            "opinie/van-slimme-stad-naar-slimme-samenleving",
            "nieuws/vervolg-op-smart-city-strategie",
        ],
    },
    {
        "slug": "vervolg-op-smart-city-strategie",
        "title": "G5 en VNG werken aan een vervolg op de Smart City strategie",
        "date": "2018-10-04",
        "kind": "nieuws",
        "intro": (
            "Anderhalf jaar na de Smart City strategie van 2017 zoeken de grote steden en de VNG, "
            "met het ministerie van BZK, naar een bredere agenda: van slimme stad naar slimme "
            "samenleving."
        ),
        "body": [
            (
                "paragraph",
                "<p>In 2017 legden de grote steden en de VNG in een gezamenlijke strategie vast "
                "hoe zij slimme technologie willen inzetten voor de stad. Dat bracht veel in "
                "beweging: proeftuinen, pilots met sensoren en de eerste afspraken over het delen "
                "van data. Tegelijk werd duidelijk dat losse experimenten niet vanzelf leiden tot "
                "oplossingen die elke gemeente kan gebruiken.</p>",
            ),
            ("heading", {"text": "Breder dan de stad", "level": "h2"}),
            (
                "paragraph",
                "<p>Daarom werken de G5, de VNG en het ministerie van Binnenlandse Zaken en "
                "Koninkrijksrelaties aan een vervolg. Het uitgangspunt verschuift van de slimme "
                "stad naar de slimme samenleving. Niet alleen de grote steden doen mee, maar ook "
                "middelgrote en kleine gemeenten, provincies, bedrijven en kennisinstellingen. En "
                "de vraag is niet alleen wat technisch kan, maar ook wat maatschappelijk wenselijk "
                "is.</p><p>De partners willen in het voorjaar van 2019 een agenda presenteren met "
                "een beperkt aantal thema's waar zij samen vaart achter zetten. Gemeenten met "
                "ervaring in datagedreven projecten worden uitgenodigd die te delen, zodat de "
                "agenda aansluit bij wat er lokaal al gebeurt.</p>",
            ),
        ],
        "themes": ["verantwoord-datagebruik", "mobiliteit"],
        "tags": ["smart city", "samenwerking"],
        "source_name": "",
        "source_url": "",
        "image_alt": (
            "Abstracte illustratie van een stadsplattegrond die overgaat in een netwerk van lijnen"
        ),
        "related": [
            "nieuws/steunverklaring-smart-society",
            "publicaties/wat-verstaan-we-onder-een-smart-society",
        ],
    },
    {
        "slug": "code-goed-digitaal-bestuur",
        "title": "Kabinet werkt aan een Code Goed Digitaal Bestuur",
        "date": "2019-07-02",
        "kind": "nieuws",
        "intro": (
            "Het ministerie van BZK ontwikkelt grondbeginselen voor overheden die data en digitale "
            "technologie inzetten. Wat betekent dat voor gemeenten?"
        ),
        "body": [
            (
                "paragraph",
                "<p>Digitalisering raakt aan vragen over transparantie, privacy en de rol van de "
                "overheid zelf. Wetten geven kaders, maar in de praktijk moeten bestuurders en "
                "ambtenaren vaak zelf afwegen wat verstandig is. Het kabinet wil hen daarbij "
                "helpen met een Code Goed Digitaal Bestuur: een set grondbeginselen voor "
                "waardegedreven handelen in de digitale overheid.</p>",
            ),
            ("heading", {"text": "Leren van de bestaande praktijk", "level": "h2"}),
            (
                "paragraph",
                "<p>De code wordt niet achter een bureau bedacht. Het ministerie kijkt naar "
                "projecten en initiatieven in Nederland en daarbuiten die al met publieke waarden "
                "werken, en haalt daar de principes uit die breder bruikbaar zijn.</p><p>Voor "
                "gemeenten is dat goed nieuws. Veel van hen worstelen met dezelfde vragen. Mag een "
                "sensor in de openbare ruimte gegevens over voorbijgangers verzamelen? Hoe leg je "
                "uit hoe een algoritme tot een advies komt? Een gedeelde code voorkomt dat elke "
                "gemeente die afwegingen opnieuw moet maken.</p>",
            ),
            (
                "paragraph",
                "<p>Vooruitlopend op de code kunnen gemeenten al aan de slag:</p><ul><li>breng in "
                "kaart welke data en algoritmes de organisatie gebruikt;</li><li>bespreek met de "
                "raad welke waarden zwaar wegen;</li><li>leg vast wie verantwoordelijk is voor "
                "digitale keuzes.</li></ul>",
            ),
        ],
        "themes": ["verantwoord-datagebruik"],
        "tags": ["publieke waarden", "code goed digitaal bestuur", "privacy"],
        "source_name": "Rijksoverheid",
        "source_url": "https://www.rijksoverheid.nl/",
        "image_alt": (
            "Abstracte illustratie van een open boek waaruit lijnen naar kleine symbolen lopen"
        ),
        "related": ["opinie/van-slimme-stad-naar-slimme-samenleving"],
    },
    {
        "slug": "reeks-smart-society-cases-verschenen",
        "title": "Acht cases over de dilemma's van digitalisering",
        "date": "2019-12-10",
        "kind": "publicatie",
        "intro": (
            "In opdracht van de VNG beschreven Waag en de VNG acht praktijkcases over "
            "digitalisering in het openbaar bestuur. De reeks laat zien welke keuzes gemeenten "
            "daarbij moeten maken."
        ),
        "body": [
            (
                "paragraph",
                "<p>Van laadpalen tot digitale identiteit en van luchtkwaliteit tot ritdiensten: "
                "technologie speelt in bijna elk beleidsveld een rol. De nieuwe reeks <i>Smart "
                "society cases</i> neemt acht concrete voorbeelden onder de loep. Per case staan "
                "de feiten op een rij, gevolgd door de dilemma's die de gemeente tegenkomt en de "
                "lessen die andere gemeenten eruit kunnen trekken.</p>",
            ),
            ("heading", {"text": "Meer dan privacy", "level": "h2"}),
            (
                "paragraph",
                "<p>Privacy en informatiebeveiliging zijn bekende aandachtspunten, maar de reeks "
                "kijkt verder. Wie heeft zeggenschap over de data die in de stad worden verzameld? "
                "Blijft een sterk gedigitaliseerde samenleving democratisch? En welke waarden "
                "zitten er ingebakken in de technologie die een gemeente inkoopt? De makers gaan "
                "ervan uit dat technologie nooit neutraal is, en kijken daarom steeds naar de "
                "principes achter een oplossing.</p><p>Bij de reeks hoort het essay <i>Open de "
                "black box</i> van Waag-directeur Marleen Stikker, over de vraag hoe overheid en "
                "samenleving weer grip krijgen op digitalisering.</p>",
            ),
        ],
        "themes": ["verantwoord-datagebruik", "mobiliteit", "digitale-inclusie"],
        "tags": ["onderzoek", "publieke waarden"],
        "source_name": "Waag",
        "source_url": "https://waag.org/",
        "image_alt": "Abstracte illustratie van acht genummerde kaarten in een waaier",
        "related": [
            "publicaties/smart-society-cases",
            "publicaties/open-de-black-box",
            "projecten/onderzoek-smart-society-cases",
        ],
    },
    {
        "slug": "workshop-smart-en-leefbaar-aangekondigd",
        "title": "Workshop: zo borg je belangen in de digitaliserende gemeente",
        "date": "2020-01-15",
        "kind": "evenement",
        "intro": (
            "Op 14 februari organiseert de Future City Foundation een middag voor professionals "
            "van gemeenten en andere overheden die met het boek Smart & Leefbaar aan de slag "
            "willen."
        ),
        "body": [
            (
                "paragraph",
                "<p>Slimme technologie komt de gemeente via veel deuren binnen: een leverancier "
                "die sensoren aanbiedt, een start-up met een deelplatform, een netbeheerder met "
                "plannen voor de wijk. Elke keer moet de gemeente bepalen welke belangen ze "
                "beschermt en hoeveel ruimte ze geeft. Dat zijn politieke keuzes, en die vragen om "
                "kennis bij de raad, het college en de ambtelijke organisatie.</p>",
            ),
            ("heading", {"text": "Wat kunt u verwachten?", "level": "h2"}),
            (
                "paragraph",
                "<p>Tijdens de workshop <i>Aan de slag met Smart & Leefbaar</i> hoort u vier "
                "sprekers uit verschillende hoeken: een kwartiermaker, een gemeentelijk "
                "leidinggevende, een advocaat en een ondernemer. Daarna gaat u met collega's in "
                "gesprek over de vragen in uw eigen gemeente.</p><ul><li>Hoe maakt u publieke "
                "waarden concreet?</li><li>Hoe zorgt u voor een eerlijk speelveld tussen gemeente "
                "en bedrijven?</li><li>Welke kennis heeft u nodig om als gelijkwaardige partij aan "
                "tafel te zitten?</li></ul><p>Het aantal plaatsen is beperkt. Meer weten? Neem "
                "contact op met Jan-Willem Wesselink van de Future City Foundation.</p>",
            ),
        ],
        "themes": ["verantwoord-datagebruik", "veiligheid"],
        "tags": ["workshop", "publieke waarden"],
        "source_name": "Future City Foundation",
        "source_url": "https://future-city.nl/",
        "image_alt": (
            "Abstracte illustratie van een tafel met stoelen van bovenaf gezien, in heldere kleuren"
        ),
        "related": [
            "projecten/workshop-aan-de-slag-met-smart-en-leefbaar",
            "publicaties/smart-en-leefbaar",
        ],
    },
    {
        "slug": "digitaal-spreekuur-in-de-bibliotheek",
        "title": "Digitaal spreekuur helpt inwoners op weg met de online overheid",
        "date": "2021-06-10",
        "kind": "succesverhaal",
        "intro": (
            "In de bibliotheek en het buurthuis kunnen inwoners van Deventer terecht met vragen "
            "over DigiD, toeslagen en zorgaanvragen. Al na een paar maanden blijkt het spreekuur "
            "in een grote behoefte te voorzien."
        ),
        "body": [
            (
                "paragraph",
                "<p>Steeds meer contact met de overheid verloopt online. Voor wie moeite heeft met "
                "lezen, geen computer heeft of simpelweg onzeker is, wordt een formulier dan al "
                "snel een drempel. In Deventer zochten de gemeente, de bibliotheek en "
                "welzijnsorganisaties daarom samen naar een laagdrempelige oplossing: een vast "
                "spreekuur op plekken waar mensen toch al komen.</p>",
            ),
            (
                "quote",
                {
                    "quote": (
                        "Mensen vroegen niet om een cursus, maar om iemand die even naast ze komt "
                        "zitten. Dat hebben we zo eenvoudig mogelijk georganiseerd."
                    ),
                    "attribution": "Fatima El Amrani",
                    "role": "beleidsadviseur digitale inclusie, gemeente Deventer",
                },
            ),
            ("heading", {"text": "Wat werkt", "level": "h2"}),
            (
                "paragraph",
                "<p>Vrijwilligers en medewerkers van de bibliotheek helpen bij het inloggen met "
                "DigiD, het invullen van aanvragen en het lezen van brieven. Lukt het niet, dan "
                "schakelen ze direct een medewerker van de gemeente in. De belangrijkste lessen "
                "tot nu toe:</p><ul><li>kies vertrouwde plekken en vaste tijden;</li><li>zorg voor "
                "een korte lijn met de gemeente en met zorg- en "
                "welzijnsorganisaties;</li><li>gebruik de vragen die binnenkomen om formulieren en "
                "brieven te verbeteren.</li></ul><p>Die laatste les is misschien wel de "
                "belangrijkste: elke vraag aan het spreekuur laat zien waar de digitale "
                "dienstverlening nog te ingewikkeld is.</p>",
            ),
        ],
        "themes": ["digitale-inclusie", "zorg"],
        "tags": ["digitale vaardigheden", "dienstverlening"],
        "source_name": "",
        "source_url": "",
        "image_alt": "Abstracte illustratie van twee figuren naast elkaar voor een beeldscherm",
        "related": [
            "projecten/digitaal-meedoen-in-de-wijk",
            "opinie/digitaal-meedoen-begint-aan-de-balie",
        ],
    },
    {
        "slug": "interview-ruud-jansen",
        "title": "'Begin bij de vraag van de wijk, niet bij de sensor'",
        "date": "2022-04-12",
        "kind": "interview",
        "intro": (
            "Ruud Jansen is informatiemanager bij de gemeente Zwolle. Hij vertelt hoe de gemeente "
            "samen met inwoners de luchtkwaliteit meet, en waarom afspraken over data vooraf zo "
            "belangrijk zijn."
        ),
        "body": [
            (
                "paragraph",
                "<p><b>Waarom meet de gemeente samen met inwoners?</b></p><p>'Bewoners kwamen zelf "
                "bij ons met zorgen over de lucht langs een drukke weg. Officiële meetstations "
                "staan vaak niet precies waar mensen wonen. Met eenvoudige sensoren op balkons en "
                "gevels krijgen we een fijnmaziger beeld, en bewoners zien met eigen ogen wat er "
                "speelt.'</p><p><b>Wat was de grootste uitdaging?</b></p><p>'Niet de techniek, "
                "maar de afspraken. Van wie zijn de meetgegevens? Wie mag ze publiceren? Wat doen "
                "we als de cijfers iets anders laten zien dan de officiële metingen? Die vragen "
                "hebben we vooraf met de deelnemers besproken en op papier gezet. Dat heeft later "
                "veel discussie voorkomen.'</p>",
            ),
            (
                "quote",
                {
                    "quote": (
                        "Een sensor hang je zo op. Het vertrouwen van de wijk win je alleen als je "
                        "samen bepaalt wat er met de gegevens gebeurt."
                    ),
                    "attribution": "Ruud Jansen",
                    "role": "informatiemanager, gemeente Zwolle",
                },
            ),
            (
                "paragraph",
                "<p><b>Wat zou u andere gemeenten aanraden?</b></p><p>'Begin klein en begin bij de "
                "vraag van de wijk. Zet de data open, maar leg ook uit wat ze wel en niet zeggen. "
                "En betrek je privacy officer vanaf het begin: ook een luchtsensor op een gevel "
                "kan iets vertellen over wie daar woont.'</p>",
            ),
        ],
        "themes": ["klimaat-en-energie", "verantwoord-datagebruik"],
        "tags": ["luchtkwaliteit", "sensoren", "open data"],
        "source_name": "",
        "source_url": "",
        "image_alt": (
            "Abstracte illustratie van een gevel met kleine cirkels die metingen voorstellen"
        ),
        "related": [
            "projecten/samen-meten-in-de-wijk",
            "publicaties/samen-meten-aan-luchtkwaliteit",
        ],
    },
    {
        "slug": "laadpalen-slimme-eisen",
        "title": "Gemeenten stellen eisen aan de software van laadpalen",
        "date": "2022-09-20",
        "kind": "nieuws",
        "intro": (
            "Bij aanbestedingen voor laadpalen kijken gemeenten steeds vaker verder dan het aantal "
            "palen: ook open standaarden en uitlegbare regels voor slim laden tellen mee."
        ),
        "body": [
            (
                "paragraph",
                "<p>Een laadpaal lijkt een eenvoudig stuk straatmeubilair, maar de software "
                "erachter bepaalt veel: wie wanneer en hoe snel laadt, welke gegevens worden "
                "opgeslagen en of de gemeente later van leverancier kan wisselen. Daarmee is de "
                "laadpaal ook een beleidsinstrument.</p>",
            ),
            ("heading", {"text": "Wat gemeenten vragen", "level": "h2"}),
            (
                "paragraph",
                "<p>In recente aanbestedingen keren een paar eisen steeds terug:</p><ul><li>de "
                "paal communiceert via open protocollen, zodat beheer en leverancier los van "
                "elkaar kunnen veranderen;</li><li>regels voor slim laden, bijvoorbeeld om "
                "piekbelasting van het net te voorkomen, zijn openbaar en "
                "uitlegbaar;</li><li>laadgegevens worden alleen bewaard als dat nodig is, en "
                "alleen geanonimiseerd gedeeld voor beleid en onderzoek.</li></ul><p>Zo combineren "
                "gemeenten hun doelen voor mobiliteit en energie met aandacht voor privacy. De "
                "case <i>De laadpaal is niet neutraal</i> uit de reeks Smart society cases laat "
                "zien waarom die keuzes ertoe doen.</p>",
            ),
        ],
        "themes": ["mobiliteit", "klimaat-en-energie"],
        "tags": ["laadpalen", "open data", "inkoop"],
        "source_name": "",
        "source_url": "",
        "image_alt": "Abstracte illustratie van een stekker waaruit een datastroom loopt",
        "related": ["publicaties/de-laadpaal-is-niet-neutraal", "bronnen/open-data-laadpunten"],
    },
    {
        "slug": "gemeenten-maken-algoritmes-zichtbaar",
        "title": "Gemeenten maken hun algoritmes zichtbaar voor inwoners",
        "date": "2023-02-14",
        "kind": "initiatief",
        "intro": (
            "Een groeiende groep gemeenten publiceert een openbaar overzicht van de algoritmes die "
            "zij gebruiken. Met een gezamenlijk sjabloon willen ze het anderen makkelijker maken "
            "om aan te haken."
        ),
        "body": [
            (
                "paragraph",
                "<p>Algoritmes helpen gemeenten bij het plannen van onderhoud, het sorteren van "
                "meldingen en soms bij het beoordelen van aanvragen. Inwoners merken daar weinig "
                "van, tot er iets misgaat. Een openbaar overzicht moet daar verandering in "
                "brengen: wat doet het algoritme, welke gegevens gebruikt het, wie is "
                "verantwoordelijk en waar kunt u terecht met vragen?</p>",
            ),
            ("heading", {"text": "Een gezamenlijk sjabloon", "level": "h2"}),
            (
                "paragraph",
                "<p>De deelnemende gemeenten werken met een vaste set velden, zodat beschrijvingen "
                "onderling vergelijkbaar zijn. Ze beginnen met de toepassingen die de meeste "
                "impact op inwoners hebben, en vullen het overzicht stap voor stap aan. Het "
                "initiatief sluit aan bij voorbeelden uit binnen- en buitenland, zoals het "
                "algoritmeregister van Amsterdam.</p>",
            ),
            (
                "quote",
                {
                    "quote": (
                        "Transparantie begint niet bij de broncode, maar bij een begrijpelijke "
                        "uitleg van wat we doen en waarom."
                    ),
                    "attribution": "Sanne de Vries",
                    "role": "projectleider Smart Society, Platform31",
                },
            ),
            (
                "paragraph",
                "<p>Gemeenten die willen aansluiten, kunnen het sjabloon vrij gebruiken. Wie "
                "ervaringen wil delen, kan contact opnemen met de redactie van dit dossier.</p>",
            ),
        ],
        "themes": ["verantwoord-datagebruik"],
        "tags": ["algoritmes", "transparantie", "publieke waarden"],
        "source_name": "",
        "source_url": "",
        "image_alt": "Abstracte illustratie van een doorzichtige doos met tandwielen erin",
        "related": [
            "bronnen/algoritmeregister-amsterdam",
            "bronnen/impact-assessment-mensenrechten-en-algoritmes",
            "publicaties/digitale-besluitvorming-in-een-mensenwereld",
        ],
    },
    {
        "slug": "helmond-slimme-wijk",
        "title": "Helmond ontwerpt een slimme wijk samen met toekomstige bewoners",
        "date": "2024-05-22",
        "kind": "succesverhaal",
        "intro": (
            "In Brainport Smart District werken de gemeente Helmond, bedrijven, kennisinstellingen "
            "en bewoners aan een wijk waar technologie in dienst staat van het dagelijks leven."
        ),
        "body": [
            (
                "paragraph",
                "<p>Brainport Smart District in Helmond is een van de bekendste Nederlandse "
                "voorbeelden van een slimme wijk. Wat het project bijzonder maakt, is niet zozeer "
                "de technologie zelf, maar de manier waarop die tot stand komt: toekomstige "
                "bewoners praten vanaf het begin mee over energie, mobiliteit, zorg en het gebruik "
                "van data.</p>",
            ),
            ("heading", {"text": "Energie en materialen in de kringloop", "level": "h2"}),
            (
                "paragraph",
                "<p>De wijk is een proeftuin voor lokaal opgewekte en gedeelde energie en voor "
                "circulair bouwen. Materialen worden zo gekozen en vastgelegd dat ze later opnieuw "
                "te gebruiken zijn. Daarvoor is goede informatie nodig over wat er in een gebouw "
                "zit, en die informatie moet over tientallen jaren nog vindbaar zijn.</p>",
            ),
            (
                "quote",
                {
                    "quote": (
                        "De grootste winst zit in de gesprekken met bewoners. Daar hoor je welke "
                        "technologie mensen echt willen, en welke niet."
                    ),
                    "attribution": "Pieter Bakker",
                    "role": "programmamanager duurzaamheid, gemeente Helmond",
                },
            ),
            (
                "paragraph",
                "<p>Andere gemeenten kunnen vooral leren van de werkwijze: spreek vooraf af wie "
                "eigenaar is van de data uit de wijk, geef bewoners een echte stem en durf plannen "
                "bij te stellen als de praktijk daarom vraagt.</p>",
            ),
        ],
        "themes": ["klimaat-en-energie", "circulaire-economie"],
        "tags": ["smart city", "circulair bouwen", "participatie"],
        "source_name": "",
        "source_url": "",
        "image_alt": "Abstracte illustratie van huizen in een cirkel rond een groen middenveld",
        "related": [
            "bronnen/brainport-smart-district-helmond",
            "opinie/circulair-bouwen-vraagt-om-open-materiaaldata",
        ],
    },
    {
        "slug": "handreiking-data-in-de-wijk-verschenen",
        "title": "Nieuwe handreiking: verantwoord werken met data in de wijk",
        "date": "2025-03-12",
        "kind": "publicatie",
        "intro": (
            "Platform31 bundelt de ervaringen uit het lerend netwerk Smart Society in een "
            "praktische handreiking voor gemeenten die data willen gebruiken bij wijkgericht "
            "werken."
        ),
        "body": [
            (
                "paragraph",
                "<p>Gemeenten willen steeds vaker weten wat er speelt in een buurt: hoe het gaat "
                "met de gezondheid van bewoners, waar armoede zich concentreert, hoe druk het is "
                "op straat. Data kunnen daarbij helpen, maar roepen ook vragen op. Welke gegevens "
                "mag u combineren? Hoe voorkomt u dat een wijk een stempel krijgt? En hoe betrekt "
                "u bewoners bij de uitkomsten?</p>",
            ),
            ("heading", {"text": "Vijf stappen", "level": "h2"}),
            (
                "paragraph",
                "<p>De handreiking leidt u in vijf stappen door een datagedreven "
                "wijkaanpak:</p><ol><li>formuleer samen met bewoners en partners de "
                "vraag;</li><li>bepaal welke gegevens echt nodig zijn;</li><li>toets de aanpak op "
                "privacy en publieke waarden;</li><li>deel en bespreek de uitkomsten in de "
                "wijk;</li><li>evalueer en stel bij.</li></ol><p>Bij elke stap staan voorbeelden "
                "uit de deelnemende gemeenten en vragen die u in uw eigen team kunt bespreken.</p>",
            ),
        ],
        "themes": ["verantwoord-datagebruik", "digitale-inclusie"],
        "tags": ["open data", "privacy", "participatie"],
        "source_name": "",
        "source_url": "",
        "image_alt": "Abstracte illustratie van vijf treden die oplopen naar een buurt",
        "related": [
            "publicaties/handreiking-data-in-de-wijk",
            "projecten/lerend-netwerk-smart-society",
        ],
    },
    {
        "slug": "aanmelding-smart-society-dag-2027",
        "title": "Aanmelding geopend voor de Smart Society dag 2027",
        "date": "2026-11-05",
        "kind": "evenement",
        "intro": (
            "Op 18 maart 2027 komen gemeenten, kennisinstellingen en bedrijven bijeen om "
            "ervaringen uit te wisselen over de slimme samenleving. U kunt zich nu aanmelden."
        ),
        "body": [
            (
                "paragraph",
                "<p>Acht jaar na de steunverklaring Smart Society is het tijd om de balans op te "
                "maken. Wat is er terechtgekomen van de icoonprojecten? Welke bouwstenen worden "
                "echt hergebruikt? En welke vragen liggen er nu op tafel, nu kunstmatige "
                "intelligentie ook in het gemeentelijke werk gewoon wordt?</p>",
            ),
            ("heading", {"text": "Programma in het kort", "level": "h2"}),
            (
                "paragraph",
                "<p>De dag opent met een terugblik en een vooruitblik. Daarna kiest u uit "
                "werksessies over klimaat en energie, mobiliteit, zorg, circulaire economie, "
                "veiligheid en digitale inclusie. In de middag presenteren gemeenten uit het "
                "lerend netwerk hun resultaten.</p><p>De Smart Society dag is bedoeld voor "
                "medewerkers van gemeenten en andere overheden. Ook onderzoekers en ondernemers "
                "die met gemeenten samenwerken zijn welkom. Deelname is gratis, maar het aantal "
                "plaatsen is beperkt. Meld u daarom op tijd aan via de pagina van de "
                "bijeenkomst.</p>",
            ),
        ],
        "themes": ["klimaat-en-energie", "mobiliteit", "zorg"],
        "tags": ["conferentie", "smart city", "samenwerking"],
        "source_name": "",
        "source_url": "",
        "image_alt": "Abstracte illustratie van een kalenderblad met een gemarkeerde dag",
        "related": ["projecten/smart-society-dag-2027", "nieuws/steunverklaring-smart-society"],
    },
]


# Opinion pieces, each with one or two authors.
BLOGS = [
    {
        "slug": "van-slimme-stad-naar-slimme-samenleving",
        "title": "Van slimme stad naar slimme samenleving",
        "date": "2019-06-04",
        "intro": (
            "De smart city is er al. De volgende stap is een samenleving waarin data en "
            "technologie bijdragen aan een goed leven, met publieke waarden als kompas."
        ),
        "body": [
            (
                "paragraph",
                "<p>Wie denkt dat de slimme stad nog ver weg is, moet eens goed om zich heen "
                "kijken. Overal ter wereld gebruiken steden kunstmatige intelligentie, zelflerende "
                "systemen en andere datatoepassingen om hun straten leefbaarder en aantrekkelijker "
                "te maken. Nederland hoort daarbij tot de voorhoede: gemeenten en regio's zetten "
                "het internet der dingen in om maatschappelijke opgaven op een nieuwe manier aan "
                "te pakken.</p><p>Een mooi voorbeeld is Brainport Smart District in Helmond. Daar "
                "ontstaat een woonwijk die met nieuwe technologie wordt ontworpen, maar niet over "
                "de hoofden van mensen heen: bewoners denken vanaf het begin mee.</p>",
            ),
            ("heading", {"text": "Een bredere ambitie", "level": "h2"}),
            (
                "paragraph",
                "<p>Veel gemeenten willen inmiddels verder dan de slimme stad. Hun ambitie is een "
                "slimme samenleving, een informatiesamenleving waarin persoonlijke aandacht en "
                "digitale hulpmiddelen elkaar versterken. Dat levert veel op. Inwoners en "
                "ondernemers hebben sneller en makkelijker contact met de overheid, en de overheid "
                "kan haar diensten beter afstemmen op wat mensen nodig hebben.</p><p>Tegelijk "
                "roept die ontwikkeling vragen op. Hoe open moet de overheid zijn over haar "
                "algoritmes? Hoe beschermen we de privacy van inwoners? Welke rol past de overheid "
                "bij innovatie? Het antwoord ligt voor een groot deel in de manier waarop "
                "bestuurders en professionals hun werk doen: vanuit heldere waarden. Daarom werkt "
                "het kabinet aan een Code Goed Digitaal Bestuur, met grondbeginselen die "
                "voortbouwen op ervaringen in binnen- en buitenland.</p>",
            ),
            (
                "paragraph",
                "<p>Niemand bouwt de slimme samenleving in zijn eentje. Onderzoekers, ondernemers, "
                "overheden en bewoners hebben elkaar nodig. Als we kennis en ervaring ruimhartig "
                "delen, halen we er samen het beste uit. Ik wens u veel inspiratie.</p>",
            ),
        ],
        "themes": ["verantwoord-datagebruik", "digitale-inclusie"],
        "tags": ["smart city", "publieke waarden", "code goed digitaal bestuur"],
        "image_alt": "Abstracte illustratie van een stadssilhouet dat overgaat in een groep mensen",
        "related": [
            "nieuws/code-goed-digitaal-bestuur",
            "bronnen/brainport-smart-district-helmond",
        ],
        "authors": ["Kajsa Ollongren"],
    },
    {
        "slug": "data-is-een-middel-geen-doel",
        "title": "Data is een middel, geen doel",
        "date": "2020-09-17",
        "intro": (
            "Elke gemeente wil datagedreven werken. Maar wie begint bij de data in plaats van bij "
            "de vraag, verzamelt vooral veel gegevens en weinig inzicht, schrijft "
            "informatiemanager Ruud Jansen."
        ),
        "body": [
            (
                "paragraph",
                "<p>In bijna elk coalitieakkoord staat het tegenwoordig: de gemeente gaat "
                "datagedreven werken. Dat klinkt ambitieus en modern. In de praktijk zie ik dat "
                "het woord vaak een doel op zich wordt. We kopen een dashboard, koppelen bronnen "
                "aan elkaar en hopen dat de inzichten vanzelf komen. Dat gebeurt zelden.</p>",
            ),
            ("heading", {"text": "Begin bij de vraag", "level": "h2"}),
            (
                "paragraph",
                "<p>De projecten die bij ons wel slagen, beginnen allemaal met een concrete vraag "
                "van een beleidsteam of van inwoners. Waar komen de meeste meldingen over "
                "zwerfafval vandaan? Welke straten lopen onder bij een hoosbui? Pas als de vraag "
                "helder is, bekijken we welke gegevens nodig zijn, en vooral ook welke niet. Zo "
                "houden we het klein, uitlegbaar en binnen de privacyregels.</p>",
            ),
            (
                "quote",
                {
                    "quote": (
                        "Een goede datavraag past op een bierviltje. Lukt dat niet, dan is het nog "
                        "geen vraag maar een wens."
                    ),
                    "attribution": "Ruud Jansen",
                    "role": "informatiemanager, gemeente Zwolle",
                },
            ),
            (
                "paragraph",
                "<p>Mijn pleidooi aan collega's: maak datagedreven werken een zaak van het hele "
                "team, niet alleen van de afdeling informatievoorziening. Zet een "
                "beleidsmedewerker, een data-analist en een privacy officer samen aan tafel. En "
                "durf te stoppen als blijkt dat de data de vraag niet kunnen beantwoorden. Ook dat "
                "is een uitkomst.</p>",
            ),
        ],
        "themes": ["verantwoord-datagebruik"],
        "tags": ["open data", "privacy"],
        "image_alt": "Abstracte illustratie van een vraagteken opgebouwd uit kleine datapunten",
        "related": ["nieuws/interview-ruud-jansen"],
        "authors": ["Ruud Jansen"],
    },
    {
        "slug": "digitaal-meedoen-begint-aan-de-balie",
        "title": "Digitaal meedoen begint aan de balie",
        "date": "2022-01-25",
        "intro": (
            "Een digitale overheid is pas slim als iedereen er gebruik van kan maken. Fatima El "
            "Amrani pleit ervoor de balie niet af te schaffen, maar opnieuw uit te vinden."
        ),
        "body": [
            (
                "paragraph",
                "<p>Ons land telt veel mensen die moeite hebben met digitale dienstverlening. Het "
                "zijn ouderen, maar ook jongeren zonder geld voor een laptop, mensen die de taal "
                "nog leren en mensen die door stress niet meer overzien wat er van hen wordt "
                "gevraagd. Juist zij hebben de overheid vaak het hardst nodig, bijvoorbeeld voor "
                "zorg, inkomen of schuldhulp.</p>",
            ),
            ("heading", {"text": "Geen weg terug, wel een vangnet", "level": "h2"}),
            (
                "paragraph",
                "<p>Ik pleit niet voor minder digitalisering. Voor de meeste inwoners zijn online "
                "diensten sneller en prettiger. Maar elke digitale route moet een menselijke "
                "achterdeur hebben: een telefoonnummer dat wordt opgenomen, een spreekuur in de "
                "wijk, een medewerker die mag afwijken van het formulier. Die balie is geen "
                "kostenpost, maar een bron van kennis. Daar hoor je waar de dienstverlening "
                "tekortschiet.</p>",
            ),
            (
                "paragraph",
                "<p>Drie dingen die elke gemeente morgen kan doen:</p><ul><li>test nieuwe "
                "formulieren met inwoners die weinig digitaal vaardig zijn;</li><li>schrijf "
                "brieven en webteksten in eenvoudige taal;</li><li>geef zorg- en "
                "welzijnsmedewerkers een directe lijn naar de afdelingen die "
                "beslissen.</li></ul><p>Een slimme samenleving meet zich niet af aan het aantal "
                "apps, maar aan wie er kan meedoen.</p>",
            ),
        ],
        "themes": ["digitale-inclusie", "zorg"],
        "tags": ["digitale vaardigheden", "dienstverlening"],
        "image_alt": "Abstracte illustratie van een loket met aan weerszijden een figuur",
        "related": [
            "nieuws/digitaal-spreekuur-in-de-bibliotheek",
            "publicaties/wat-is-toegankelijke-publieke-dienstverlening",
        ],
        "authors": ["Fatima El Amrani"],
    },
    {
        "slug": "cameras-in-de-straat-wie-kijkt-er-mee",
        "title": "Camera's in de straat: wie kijkt er mee?",
        "date": "2023-06-08",
        "intro": (
            "Slimme camera's en sensoren beloven een veiliger openbare ruimte. Adviseur openbare "
            "orde en veiligheid Mark Visser vraagt zich af waar de grens ligt."
        ),
        "body": [
            (
                "paragraph",
                "<p>Het aanbod is groot. Camera's die automatisch drukte herkennen, sensoren die "
                "geluid analyseren, systemen die kentekens lezen. Leveranciers geven overtuigende "
                "demonstraties, en na een incident in de binnenstad is de druk om iets te doen "
                "groot. Als adviseur veiligheid begrijp ik die reflex. Toch vind ik dat we vaker "
                "moeten stilstaan voordat we iets aanschaffen.</p>",
            ),
            ("heading", {"text": "Drie vragen vooraf", "level": "h2"}),
            (
                "paragraph",
                "<p>Bij elk voorstel voor slimme toezichtstechnologie stel ik nu drie vragen. Welk "
                "probleem lossen we op, en is dat aantoonbaar? Wat betekent het voor de mensen die "
                "niets verkeerd doen maar wel in beeld komen? En hoe komen we er weer vanaf als "
                "het niet werkt of niet meer nodig is? Vooral die laatste vraag blijft vaak "
                "liggen. Zo wordt een tijdelijke maatregel ongemerkt permanent.</p>",
            ),
            (
                "quote",
                {
                    "quote": (
                        "Veiligheid en vrijheid zijn geen tegenpolen, maar je moet ze wel allebei "
                        "op tafel leggen."
                    ),
                    "attribution": "Mark Visser",
                    "role": "adviseur openbare orde en veiligheid, gemeente Amersfoort",
                },
            ),
            (
                "paragraph",
                "<p>Betrek de gemeenteraad daarom vroeg, leg een einddatum vast en evalueer in het "
                "openbaar. Dan kan technologie de veiligheid echt versterken, zonder dat het "
                "vertrouwen van inwoners de prijs is.</p>",
            ),
        ],
        "themes": ["veiligheid", "verantwoord-datagebruik"],
        "tags": ["sensoren", "privacy", "publieke waarden"],
        "image_alt": (
            "Abstracte illustratie van een straat met enkele cirkels die camerabeelden voorstellen"
        ),
        "related": [
            "publicaties/volg-jij-nog-waar-je-gevolgd-wordt",
            "bronnen/autoriteit-persoonsgegevens",
        ],
        "authors": ["Mark Visser"],
    },
    {
        "slug": "circulair-bouwen-vraagt-om-open-materiaaldata",
        "title": "Circulair bouwen vraagt om open materiaaldata",
        "date": "2025-04-23",
        "intro": (
            "Wie gebouwen later wil hergebruiken, moet weten wat erin zit. Pieter Bakker en Sanne "
            "de Vries pleiten voor open en duurzame afspraken over materiaalgegevens."
        ),
        "body": [
            (
                "paragraph",
                "<p>Gemeenten hebben grote ambities met circulair bouwen. Nieuwe wijken moeten zo "
                "worden gebouwd dat materialen over dertig of vijftig jaar opnieuw kunnen worden "
                "gebruikt. Dat kan alleen als we ook over die termijn nog weten welke balken, "
                "kozijnen en installaties waar zitten en hoe ze zijn bevestigd.</p>",
            ),
            ("heading", {"text": "Het probleem van de gesloten database", "level": "h2"}),
            (
                "paragraph",
                "<p>Nu leggen bouwbedrijven die gegevens vaak vast in hun eigen systemen. Dat "
                "werkt zolang het bedrijf bestaat en het systeem wordt onderhouden. Maar wie "
                "garandeert dat over een generatie? Een materialenpaspoort dat niemand meer kan "
                "openen, levert niets op. Daarom vinden wij dat gemeenten bij gronduitgifte en "
                "aanbesteding moeten vragen om gegevens in open formaten, die zij zelf of een "
                "andere publieke partij kunnen bewaren.</p>",
            ),
            (
                "paragraph",
                "<p>Dat vraagt ook iets van gemeenten zelf. Zij moeten weten welke standaarden er "
                "zijn, afspraken maken met andere gemeenten en zorgen dat de gegevens echt beheerd "
                "worden. Dat is geen glamoureus werk, maar wel de basis onder een circulaire "
                "economie. Met de andere deelnemers aan het lerend netwerk verkennen we hoe dat er "
                "in de praktijk uit kan zien. Doet uw gemeente mee?</p>",
            ),
        ],
        "themes": ["circulaire-economie", "klimaat-en-energie"],
        "tags": ["circulair bouwen", "open data"],
        "image_alt": "Abstracte illustratie van bouwblokken met elk een klein label",
        "related": ["nieuws/helmond-slimme-wijk", "projecten/lerend-netwerk-smart-society"],
        "authors": ["Pieter Bakker", "Sanne de Vries"],
    },
]


# Projects with their interim results and dated updates.
PROJECTS = [
    {
        "slug": "onderzoek-smart-society-cases",
        "title": "Onderzoek Smart society cases",
        "date": "2019-03-01",
        "intro": (
            "In opdracht van de VNG onderzochten Waag en de VNG aan de hand van acht praktijkcases "
            "welke dilemma's digitalisering oplevert voor het openbaar bestuur, en wat dat "
            "betekent voor de samenleving."
        ),
        "body": [
            (
                "paragraph",
                "<p>Gemeenten digitaliseren in hoog tempo, vaak met goede resultaten, maar soms "
                "ook met dure mislukkingen. Bovendien dienen zich vragen aan die niet in één "
                "beleidsveld passen. Onder welke voorwaarden blijft een sterk gedigitaliseerde "
                "samenleving democratisch en veilig? Welke publieke waarden moeten leidend zijn "
                "als de gemeente nieuwe technologie inzet?</p>",
            ),
            ("heading", {"text": "Aanpak", "level": "h2"}),
            (
                "paragraph",
                "<p>De onderzoekers kozen acht actuele cases uit Nederland en het buitenland, van "
                "digitale identiteit tot ritdiensten. Voor elke case brachten ze de feiten in "
                "kaart, spraken ze met betrokkenen en beschreven ze de dilemma's voor de gemeente. "
                "Daarbij keken ze nadrukkelijk naar de gevolgen op verschillende niveaus: voor de "
                "individuele inwoner, voor de gemeentelijke organisatie en voor de samenleving als "
                "geheel.</p><p>Het uitgangspunt van het onderzoek: technologie is niet neutraal. "
                "Daarom gaat elke case ook over de waarden en principes die in een oplossing "
                "besloten liggen.</p>",
            ),
        ],
        "themes": ["verantwoord-datagebruik", "digitale-inclusie", "mobiliteit"],
        "tags": ["onderzoek", "publieke waarden"],
        "image_alt": "Abstracte illustratie van een vergrootglas boven acht gekleurde vakken",
        "related": [
            "publicaties/smart-society-cases",
            "publicaties/open-de-black-box",
            "nieuws/reeks-smart-society-cases-verschenen",
        ],
        "status": "afgerond",
        "period_start": "2019-03-01",
        "period_end": "2019-12-31",
        "results": (
            "<p>Het onderzoek leverde acht casebeschrijvingen op, gebundeld in de reeks <i>Smart "
            "society cases</i>, en het essay <i>Open de black box</i> van Marleen Stikker. Een "
            "terugkerende les: gemeenten die vooraf nadenken over zeggenschap over data en over "
            "open standaarden, houden later meer ruimte om bij te sturen.</p>"
        ),
        "contact": "Lotte Hendriks",
        "take_part_title": "Gebruik de cases",
        "take_part_text": (
            "Wilt u een van de cases bespreken met uw team, de raad of het college? De "
            "onderzoekers denken graag mee over een geschikte werkvorm."
        ),
        "take_part_url": "",
        "updates": [
            {
                "date": "2019-03-15",
                "title": "Onderzoek van start",
                "text": (
                    "<p>De eerste selectie van cases is gemaakt. In de komende maanden volgen "
                    "gesprekken met gemeenten en andere betrokkenen.</p>"
                ),
            },
            {
                "date": "2019-09-30",
                "title": "Eerste cases in concept",
                "text": (
                    "<p>Conceptversies van vijf cases zijn besproken met een klankbordgroep van "
                    "gemeenten. Hun reacties maken de beschrijvingen scherper en praktischer.</p>"
                ),
            },
            {
                "date": "2019-12-10",
                "title": "Reeks gepubliceerd",
                "text": (
                    "<p>Alle acht cases en het essay <i>Open de black box</i> zijn verschenen. U "
                    "vindt ze in de rubriek Publicaties.</p>"
                ),
            },
        ],
    },
    {
        "slug": "lerend-netwerk-smart-society",
        "title": "Lerend netwerk Smart Society",
        "date": "2024-09-01",
        "intro": (
            "Platform31 brengt gemeenten samen die van elkaar willen leren over datagedreven "
            "werken met oog voor publieke waarden. Het netwerk deelt zijn tussenresultaten op deze "
            "pagina."
        ),
        "body": [
            (
                "paragraph",
                "<p>Veel gemeenten lopen tegen dezelfde vragen aan als ze met data en digitale "
                "technologie aan de slag gaan. Hoe organiseer je zeggenschap over data? Hoe neem "
                "je inwoners mee? En hoe zorg je dat een geslaagde pilot niet na een jaar "
                "stilletjes verdwijnt? In het lerend netwerk werken twaalf gemeenten van "
                "verschillende grootte aan deze vragen, aan de hand van hun eigen projecten.</p>",
            ),
            ("heading", {"text": "Hoe het netwerk werkt", "level": "h2"}),
            (
                "paragraph",
                "<p>De deelnemers komen vier keer per jaar bijeen, steeds bij een andere gemeente. "
                "Elke bijeenkomst draait om een praktijkvraag die een van de gemeenten inbrengt. "
                "Tussendoor zijn er online intervisiesessies en werken kleine groepen aan "
                "gezamenlijke producten, zoals een sjabloon voor afspraken over data in de "
                "wijk.</p><p>Het netwerk richt zich op vier thema's: klimaat en energie, "
                "circulaire economie, mobiliteit en digitale inclusie. Verantwoord datagebruik "
                "loopt als rode draad door alle bijeenkomsten.</p>",
            ),
        ],
        "themes": ["verantwoord-datagebruik", "circulaire-economie", "digitale-inclusie"],
        "tags": ["samenwerking", "lerend netwerk", "inkoop"],
        "image_alt": "Abstracte illustratie van twaalf verbonden knooppunten in een kring",
        "related": [
            "publicaties/handreiking-data-in-de-wijk",
            "projecten/startbijeenkomst-lerend-netwerk",
            "projecten/smart-society-dag-2027",
        ],
        "status": "lopend",
        "period_start": "2024-09-01",
        "period_end": None,
        "results": (
            "<p>De eerste opbrengst is de <i>Handreiking data in de wijk</i>. Daarnaast werken de "
            "deelnemers aan een gedeelde lijst met eisen voor de inkoop van sensoren en "
            "dataplatforms, die nu in drie aanbestedingen wordt beproefd.</p>"
        ),
        "contact": "Sanne de Vries",
        "take_part_title": "Doe mee",
        "take_part_text": (
            "Gemeenten die willen aansluiten bij de volgende ronde van het netwerk kunnen zich "
            "melden bij de projectleider. We vragen de actieve inbreng van minstens twee "
            "medewerkers."
        ),
        "take_part_url": "",
        "updates": [
            {
                "date": "2024-10-10",
                "title": "Startbijeenkomst",
                "text": (
                    "<p>Twaalf gemeenten kwamen bijeen in Den Haag om kennis te maken en de "
                    "thema's voor het eerste jaar te kiezen.</p>"
                ),
            },
            {
                "date": "2025-03-12",
                "title": "Handreiking verschenen",
                "text": (
                    "<p>De ervaringen uit de eerste bijeenkomsten zijn gebundeld in een "
                    "handreiking over verantwoord werken met data in de wijk.</p>"
                ),
            },
            {
                "date": "2025-11-20",
                "title": "Werkgroep inkoop van start",
                "text": (
                    "<p>Vijf gemeenten formuleren samen eisen voor de inkoop van sensoren en "
                    "dataplatforms. Een eerste versie volgt in 2026.</p>"
                ),
            },
            {
                "date": "2026-06-18",
                "title": "Inkoopeisen gedeeld",
                "text": (
                    "<p>De eerste versie van de gezamenlijke inkoopeisen is besproken met "
                    "leveranciers en wordt nu in drie aanbestedingen beproefd.</p>"
                ),
            },
        ],
    },
    {
        "slug": "samen-meten-in-de-wijk",
        "title": "Samen meten in de wijk",
        "date": "2023-03-01",
        "intro": (
            "Inwoners en gemeente meten samen de luchtkwaliteit en het verkeersgeluid in een "
            "aantal Zwolse wijken, met heldere afspraken over wie de data beheert en deelt."
        ),
        "body": [
            (
                "paragraph",
                "<p>Bewoners van een aantal wijken langs drukke wegen maakten zich zorgen over "
                "fijnstof en verkeerslawaai. De officiële meetstations gaven maar een grof beeld "
                "van hun straat. Daarom bouwen gemeente en inwoners samen een meetnet van "
                "eenvoudige sensoren op balkons, gevels en schoolpleinen.</p>",
            ),
            ("heading", {"text": "Afspraken over data", "level": "h2"}),
            (
                "paragraph",
                "<p>Voordat de eerste sensor hing, maakten de deelnemers afspraken over de "
                "gegevens. De meetwaarden zijn open data en voor iedereen in te zien. Locaties "
                "worden afgerond, zodat niet te herleiden is op welk adres een sensor hangt. "
                "Bewoners kunnen hun sensor op elk moment uitzetten. Een kleine begeleidingsgroep "
                "van bewoners en ambtenaren beslist over nieuwe toepassingen van de data.</p><p>De "
                "metingen worden naast die van het landelijke meetnet gelegd. Zo worden "
                "afwijkingen zichtbaar en is de betrouwbaarheid van de sensoren te beoordelen.</p>",
            ),
        ],
        "themes": ["klimaat-en-energie", "verantwoord-datagebruik", "mobiliteit"],
        "tags": ["luchtkwaliteit", "sensoren", "participatie"],
        "image_alt": "Abstracte illustratie van een wijk met kleine gekleurde stippen op de gevels",
        "related": [
            "nieuws/interview-ruud-jansen",
            "publicaties/samen-meten-aan-luchtkwaliteit",
            "bronnen/luchtmeetnet",
        ],
        "status": "lopend",
        "period_start": "2023-03-01",
        "period_end": None,
        "results": (
            "<p>Inmiddels meten ruim zestig sensoren in vier wijken. De gegevens lieten onder meer "
            "zien dat de lucht bij twee basisscholen in de spits duidelijk slechter is; de "
            "gemeente onderzoekt nu een andere verkeersroute.</p>"
        ),
        "contact": "Ruud Jansen",
        "take_part_title": "Doe mee",
        "take_part_text": (
            "Woont u in een van de deelnemende wijken en wilt u een sensor ophangen? Of werkt u "
            "bij een gemeente die een vergelijkbaar meetnet wil opzetten? Neem contact op."
        ),
        "take_part_url": "https://example.org/samen-meten-in-de-wijk",
        "updates": [
            {
                "date": "2023-03-20",
                "title": "Afspraken over data ondertekend",
                "text": (
                    "<p>Bewoners en gemeente ondertekenden een kort charter met afspraken over het "
                    "beheer en gebruik van de meetgegevens.</p>"
                ),
            },
            {
                "date": "2023-06-15",
                "title": "Eerste sensoren hangen",
                "text": (
                    "<p>De eerste twintig sensoren meten nu fijnstof en geluid. De meetwaarden "
                    "zijn live te volgen op de projectwebsite.</p>"
                ),
            },
            {
                "date": "2024-09-05",
                "title": "Uitbreiding naar vier wijken",
                "text": (
                    "<p>Na een geslaagd eerste jaar doen nu vier wijken mee. Ook twee basisscholen "
                    "hebben een sensor op het schoolplein.</p>"
                ),
            },
            {
                "date": "2025-10-14",
                "title": "Eerste analyse gedeeld",
                "text": (
                    "<p>Op een avond in de wijk presenteerden bewoners en onderzoekers de eerste "
                    "analyse, met aandacht voor de luchtkwaliteit rond scholen.</p>"
                ),
            },
        ],
    },
    {
        "slug": "digitaal-meedoen-in-de-wijk",
        "title": "Digitaal meedoen in de wijk",
        "date": "2021-01-15",
        "intro": (
            "De gemeente Deventer, de bibliotheek en welzijnspartners zochten tweeënhalf jaar naar "
            "manieren om inwoners te helpen die moeite hebben met de digitale overheid."
        ),
        "body": [
            (
                "paragraph",
                "<p>Het project had twee doelen: inwoners direct helpen met hun vragen over "
                "digitale dienstverlening, en die vragen gebruiken om de dienstverlening zelf te "
                "verbeteren. Daarvoor werkten gemeente, bibliotheek, welzijnsorganisaties en "
                "wijkteams samen.</p>",
            ),
            ("heading", {"text": "Wat we deden", "level": "h2"}),
            (
                "paragraph",
                "<ul><li>een wekelijks digitaal spreekuur op vier plekken in de "
                "stad;</li><li>korte trainingen voor wijkteams en zorgmedewerkers, zodat zij "
                "signalen herkennen;</li><li>gebruikerstests van gemeentelijke formulieren met "
                "inwoners die weinig digitaal vaardig zijn;</li><li>een vaste terugkoppeling van "
                "knelpunten naar de afdelingen die de formulieren beheren.</li></ul>",
            ),
            (
                "paragraph",
                "<p>Tijdens het project hielden we bij welke vragen binnenkwamen. Zo konden we "
                "gericht werken aan de formulieren en brieven die de meeste problemen gaven. Na "
                "afloop is de aanpak opgenomen in de gewone werkwijze van de gemeente, zodat het "
                "spreekuur en de terugkoppeling blijven bestaan.</p>",
            ),
        ],
        "themes": ["digitale-inclusie", "zorg"],
        "tags": ["digitale vaardigheden", "dienstverlening"],
        "image_alt": "Abstracte illustratie van een bibliotheekkast met een beeldscherm ertussen",
        "related": [
            "nieuws/digitaal-spreekuur-in-de-bibliotheek",
            "publicaties/digitaal-meedoen-lessen-uit-de-wijk",
            "opinie/digitaal-meedoen-begint-aan-de-balie",
        ],
        "status": "afgerond",
        "period_start": "2021-01-15",
        "period_end": "2023-06-30",
        "results": (
            "<p>Ruim 2.500 inwoners bezochten het spreekuur. Twaalf formulieren en "
            "standaardbrieven zijn herschreven of vereenvoudigd. De lessen staan in het rapport "
            "<i>Digitaal meedoen: lessen uit de wijk</i>.</p>"
        ),
        "contact": "Fatima El Amrani",
        "take_part_title": "Gebruik de aanpak",
        "take_part_text": (
            "Wilt u de aanpak in uw eigen gemeente toepassen? De materialen voor het spreekuur en "
            "de gebruikerstests zijn op aanvraag beschikbaar."
        ),
        "take_part_url": "",
        "updates": [
            {
                "date": "2021-02-01",
                "title": "Spreekuur van start",
                "text": (
                    "<p>Het digitale spreekuur is geopend in de centrale bibliotheek en in twee "
                    "buurthuizen.</p>"
                ),
            },
            {
                "date": "2021-06-10",
                "title": "Eerste ervaringen",
                "text": (
                    "<p>Na vier maanden is het spreekuur vaak vol. De meeste vragen gaan over "
                    "inloggen met DigiD en over zorg- en toeslagaanvragen.</p>"
                ),
            },
            {
                "date": "2022-05-17",
                "title": "Formulieren getest",
                "text": (
                    "<p>Samen met inwoners zijn acht formulieren getest. De eerste verbeteringen "
                    "staan inmiddels online.</p>"
                ),
            },
            {
                "date": "2023-06-30",
                "title": "Project afgerond",
                "text": (
                    "<p>Het project is afgesloten. Het spreekuur gaat door als vast onderdeel van "
                    "de dienstverlening en de lessen zijn gebundeld in een rapport.</p>"
                ),
            },
        ],
    },
]


# Events (local time, Europe/Amsterdam): some past, some upcoming.
EVENTS = [
    {
        "slug": "workshop-aan-de-slag-met-smart-en-leefbaar",
        "title": "Workshop: Aan de slag met Smart & Leefbaar",
        "intro": (
            "Hoe geeft een gemeente vorm aan de slimme stad en borgt ze tegelijk publieke "
            "belangen? Daarover spraken 30 professionals van gemeenten en andere overheden op 14 "
            "februari 2020."
        ),
        "body": [
            (
                "paragraph",
                "<p>Dat steden en dorpen slimmer worden, vraagt om politieke keuzes. Op 14 "
                "februari 2020 kwamen dertig professionals van gemeenten en andere overheden "
                "bijeen voor de workshop <i>Aan de slag met Smart & Leefbaar</i>, over het borgen "
                "van belangen in de digitaliserende gemeente. Vier sprekers gaven een aanzet: "
                "Jan-Willem Wesselink (kwartiermaker, Future City Foundation), Jos van Winkel "
                "(hoofd Bestuur, Strategie en Veiligheid, gemeente Amersfoort), Anita Nijboer "
                "(partner, Ekelmans & Meijer Advocaten) en Heerd-Jan Hoogeveen (directeur, StartUp "
                "Utrecht). Daarna was er volop ruimte voor gesprek.</p>",
            ),
            ("heading", {"text": "Publieke waarden als vertrekpunt", "level": "h2"}),
            (
                "paragraph",
                "<p>Een rode draad was dat digitalisering ethische vragen oproept, onder meer over "
                "privacy, veiligheid, rechtvaardigheid, autonomie, menselijke waardigheid en de "
                "verdeling van macht. Bij sommige inwoners leidt dat tot wantrouwen tegenover de "
                "slimme stad. Volgens de deelnemers is dat geen reden om af te wachten. Juist als "
                "raad, college en ambtenaren deze waarden zelf agenderen, kunnen technologie en "
                "leefbaarheid samen opgaan.</p>",
            ),
            ("heading", {"text": "Gelijkwaardig aan tafel met bedrijven", "level": "h2"}),
            (
                "paragraph",
                "<p>Veel discussie ging over de ruimte die een gemeente geeft aan bedrijven die "
                "slimme toepassingen willen uitrollen. De gemeente moet zorgen voor een eerlijk "
                "speelveld, tussen bedrijven onderling en tussen overheid en markt. Dat lukt "
                "alleen met genoeg kennis in huis om als volwaardige gesprekspartner op te treden "
                "en heldere voorwaarden te stellen. Voor één gemeente alleen is dat lastig; "
                "samenwerking helpt.</p><p>Wie in de eigen gemeente verder wil, kan bij de Future "
                "City Foundation terecht voor een traject van drie workshops: voor de "
                "gemeenteraad, voor het college en voor de ambtelijke organisatie, afgestemd op de "
                "lokale situatie.</p>",
            ),
        ],
        "themes": ["verantwoord-datagebruik", "veiligheid"],
        "tags": ["workshop", "publieke waarden", "smart city"],
        "image_alt": (
            "Abstracte illustratie van een kring van stoelen rond een scherm met een "
            "stadsplattegrond"
        ),
        "related": [
            "nieuws/workshop-smart-en-leefbaar-aangekondigd",
            "publicaties/smart-en-leefbaar",
        ],
        "start": "2020-02-14T13:00",
        "end": "2020-02-14T17:00",
        "location_name": "Workshoplocatie in Utrecht",
        "location_address": "Utrecht",
        "online_url": "",
        "audience": "Professionals van gemeenten en andere overheden (30 deelnemers)",
        "registration_url": "",
        "contact": "Jan-Willem Wesselink",
        "show_contact_email": True,
        "show_contact_phone": False,
        "related_publication": "publicaties/smart-en-leefbaar",
        "programme": [
            {
                "time": "13:15",
                "title": (
                    "Smart? City! (en community) \u2013 Hoe wordt de stad slim en blijft ze "
                    "leefbaar"
                ),
                "speaker": "Jan-Willem Wesselink",
            },
            {
                "time": "14:00",
                "title": (
                    "Waarom de overheid nu aan de slag moet (en hoe dat uitpakt in Amersfoort)"
                ),
                "speaker": "Jos van Winkel",
            },
            {
                "time": "14:45",
                "title": (
                    "Smart & Leefbaar \u2013 Hoe borg je belangen in de digitaliserende gemeente"
                ),
                "speaker": "Anita Nijboer",
            },
            {
                "time": "15:30",
                "title": (
                    "Hoe gebruik je de kaders uit \u2018Smart & Leefbaar\u2019 om je (lokale) "
                    "economie te versterken"
                ),
                "speaker": "Heerd-Jan Hoogeveen",
            },
        ],
    },
    {
        "slug": "webinar-digitale-inclusie",
        "title": "Webinar: niemand buiten spel in de digitale gemeente",
        "intro": (
            "Een online bijeenkomst over digitale inclusie, met ervaringen uit Deventer en ruimte "
            "voor vragen van collega's uit andere gemeenten."
        ),
        "body": [
            (
                "paragraph",
                "<p>In dit webinar deelde de gemeente Deventer de eerste ervaringen met het "
                "digitale spreekuur in bibliotheek en buurthuis. Welke inwoners komen er, met "
                "welke vragen, en wat doet de gemeente met de signalen die daar binnenkomen?</p>",
            ),
            ("heading", {"text": "Terugblik", "level": "h2"}),
            (
                "paragraph",
                "<p>Ruim negentig deelnemers volgden het webinar. In de chat kwamen veel vragen "
                "over de samenwerking met vrijwilligers en over privacy: mag een vrijwilliger "
                "meekijken als iemand inlogt met DigiD? Het advies van de sprekers: maak "
                "duidelijke afspraken, laat de inwoner zelf de inloggegevens invullen en leg vast "
                "wat de vrijwilliger wel en niet doet.</p><p>Ook ging het over de rol van zorg- en "
                "welzijnsorganisaties. Wijkteams merken vaak als eersten dat iemand vastloopt op "
                "een digitaal formulier. Een korte lijn naar de gemeente maakt dan het verschil. "
                "Verschillende gemeenten spraken af hun ervaringen te blijven uitwisselen.</p>",
            ),
        ],
        "themes": ["digitale-inclusie", "zorg"],
        "tags": ["digitale vaardigheden", "dienstverlening"],
        "image_alt": "Abstracte illustratie van een raster van kleine beeldschermen met figuren",
        "related": [
            "projecten/digitaal-meedoen-in-de-wijk",
            "nieuws/digitaal-spreekuur-in-de-bibliotheek",
        ],
        "start": "2021-04-15T15:00",
        "end": "2021-04-15T16:30",
        "location_name": "",
        "location_address": "",
        "online_url": "https://example.org/webinar-digitale-inclusie",
        "audience": (
            "Beleids- en klantcontactmedewerkers van gemeenten, bibliotheken en "
            "welzijnsorganisaties"
        ),
        "registration_url": "",
        "contact": "Fatima El Amrani",
        "show_contact_email": True,
        "show_contact_phone": False,
        "related_publication": "publicaties/wat-is-toegankelijke-publieke-dienstverlening",
        "programme": [
            {"time": "15:00", "title": "Welkom en introductie", "speaker": "Sanne de Vries"},
            {
                "time": "15:10",
                "title": "De eerste maanden digitaal spreekuur in Deventer",
                "speaker": "Fatima El Amrani",
            },
            {"time": "15:40", "title": "Vragen en gesprek", "speaker": ""},
            {"time": "16:20", "title": "Afsluiting", "speaker": "Sanne de Vries"},
        ],
    },
    {
        "slug": "startbijeenkomst-lerend-netwerk",
        "title": "Startbijeenkomst lerend netwerk Smart Society",
        "intro": (
            "De twaalf gemeenten van het nieuwe lerend netwerk Smart Society maakten kennis met "
            "elkaar en kozen de thema's voor het eerste jaar."
        ),
        "body": [
            (
                "paragraph",
                "<p>Met deze bijeenkomst ging het lerend netwerk Smart Society van Platform31 "
                "officieel van start. Vertegenwoordigers van twaalf gemeenten, van grote steden "
                "tot plattelandsgemeenten, stelden zich voor met een project waar zij op dit "
                "moment mee worstelen.</p>",
            ),
            ("heading", {"text": "Wat er besproken werd", "level": "h2"}),
            (
                "paragraph",
                "<p>Na een korte terugblik op vijf jaar smart society in Nederland ging het "
                "gesprek al snel over de praktijk. Ruud Jansen vertelde hoe Zwolle met inwoners "
                "afspraken maakte over meetgegevens uit de wijk. Die casus leidde tot een "
                "levendige discussie: wie is eigenaar van data die inwoners zelf verzamelen, en "
                "hoe voorkom je dat een pilot afhankelijk blijft van één enthousiaste "
                "ambtenaar?</p><p>In de middag kozen de deelnemers vier thema's voor het eerste "
                "jaar: klimaat en energie, circulaire economie, mobiliteit en digitale inclusie. "
                "Voor elk thema vormde zich een kleine werkgroep. De eerste gezamenlijke opbrengst "
                "wordt een handreiking over verantwoord werken met data in de wijk.</p>",
            ),
        ],
        "themes": ["verantwoord-datagebruik", "circulaire-economie"],
        "tags": ["samenwerking", "lerend netwerk"],
        "image_alt": "Abstracte illustratie van twaalf gekleurde cirkels die elkaar raken",
        "related": ["projecten/lerend-netwerk-smart-society"],
        "start": "2024-10-10T10:00",
        "end": "2024-10-10T15:00",
        "location_name": "Vergaderlocatie in Den Haag",
        "location_address": "Den Haag",
        "online_url": "",
        "audience": "Deelnemende gemeenten van het lerend netwerk Smart Society",
        "registration_url": "",
        "contact": "Sanne de Vries",
        "show_contact_email": True,
        "show_contact_phone": False,
        "related_publication": "",
        "programme": [
            {"time": "10:00", "title": "Ontvangst en kennismaking", "speaker": ""},
            {
                "time": "10:30",
                "title": "Vijf jaar smart society: waar staan we?",
                "speaker": "Sanne de Vries",
            },
            {
                "time": "11:30",
                "title": "Praktijkvraag: afspraken over data in de wijk",
                "speaker": "Ruud Jansen",
            },
            {"time": "13:30", "title": "Thema's kiezen en werkgroepen vormen", "speaker": ""},
            {"time": "14:45", "title": "Afsluiting", "speaker": "Sanne de Vries"},
        ],
    },
    {
        "slug": "smart-society-dag-2027",
        "title": "Smart Society dag 2027",
        "intro": (
            "Een dag voor iedereen die in en met gemeenten werkt aan de slimme samenleving: "
            "terugblikken op acht jaar Smart Society agenda, leren van elkaar en vooruitkijken."
        ),
        "body": [
            (
                "paragraph",
                "<p>In maart 2019 schaarde een brede coalitie zich achter de steunverklaring Smart "
                "Society. Acht jaar later brengen we gemeenten, andere overheden, "
                "kennisinstellingen en bedrijven opnieuw bijeen. Wat hebben de icoonprojecten "
                "opgeleverd, welke oplossingen zijn echt opgeschaald en waar zitten we nog "
                "vast?</p>",
            ),
            ("heading", {"text": "Wat u kunt verwachten", "level": "h2"}),
            (
                "paragraph",
                "<p>Na de plenaire opening kiest u twee werksessies uit zes thema's: klimaat en "
                "energie, mobiliteit, zorg, circulaire economie, digitale inclusie en veiligheid. "
                "In elke sessie staat een gemeente centraal die haar aanpak openhartig deelt, "
                "inclusief wat niet lukte. In de middag presenteren de gemeenten uit het lerend "
                "netwerk Smart Society hun resultaten, waaronder de gezamenlijke eisen voor de "
                "inkoop van sensoren en dataplatforms.</p><p>De dag sluit af met een gesprek over "
                "de komende jaren: welke rol kiest de lokale overheid nu kunstmatige intelligentie "
                "steeds vaker in het dagelijkse werk opduikt?</p>",
            ),
        ],
        "themes": ["klimaat-en-energie", "mobiliteit", "zorg"],
        "tags": ["conferentie", "smart city", "samenwerking"],
        "image_alt": "Abstracte illustratie van een zaal vol gekleurde stippen rond een podium",
        "related": [
            "nieuws/aanmelding-smart-society-dag-2027",
            "projecten/lerend-netwerk-smart-society",
        ],
        "start": "2027-03-18T09:30",
        "end": "2027-03-18T16:30",
        "location_name": "Congreslocatie in Utrecht",
        "location_address": "Utrecht",
        "online_url": "",
        "audience": "Medewerkers van gemeenten en andere overheden, onderzoekers en ondernemers",
        "registration_url": "https://example.org/smart-society-dag-2027/aanmelden",
        "contact": "Sanne de Vries",
        "show_contact_email": True,
        "show_contact_phone": False,
        "related_publication": "publicaties/smart-society-cases",
        "programme": [
            {"time": "09:30", "title": "Ontvangst", "speaker": ""},
            {
                "time": "10:00",
                "title": "Acht jaar steunverklaring: wat hebben we bereikt?",
                "speaker": "Sanne de Vries",
            },
            {"time": "11:00", "title": "Werksessies, ronde 1", "speaker": ""},
            {
                "time": "13:30",
                "title": "Resultaten uit het lerend netwerk",
                "speaker": "Ruud Jansen",
            },
            {"time": "14:30", "title": "Werksessies, ronde 2", "speaker": ""},
            {"time": "16:00", "title": "Afsluiting en borrel", "speaker": ""},
        ],
    },
    {
        "slug": "werksessie-algoritmes-in-de-gemeente",
        "title": "Werksessie: algoritmes verantwoord inzetten in de gemeente",
        "intro": (
            "Een online werksessie voor gemeenten die algoritmes gebruiken of willen gaan "
            "gebruiken, met een case uit de reeks Smart society cases als vertrekpunt."
        ),
        "body": [
            (
                "paragraph",
                "<p>Steeds meer gemeenten gebruiken algoritmes, van het plannen van onderhoud tot "
                "het ondersteunen van besluiten in het sociaal domein. Hoe zorgt u dat zo'n "
                "systeem eerlijk, uitlegbaar en controleerbaar blijft? In deze werksessie gaan we "
                "daar praktisch mee aan de slag.</p>",
            ),
            ("heading", {"text": "Opzet", "level": "h2"}),
            (
                "paragraph",
                "<p>We beginnen met de case <i>Digitale besluitvorming in een mensenwereld</i>: "
                "welke dilemma's komen daarin naar voren en hoe herkenbaar zijn die voor uw "
                "gemeente? Daarna werkt u in kleine groepen met een impact assessment aan een "
                "voorbeeld uit de eigen praktijk. U oefent met vragen over het doel van het "
                "algoritme, de gebruikte gegevens, de menselijke tussenkomst en de gevolgen voor "
                "grondrechten.</p><p>U gaat naar huis met een ingevuld voorbeeld en een lijst met "
                "vervolgstappen. Breng gerust een collega mee uit een ander vakgebied: de beste "
                "gesprekken ontstaan als beleid, uitvoering en informatievoorziening samen aan "
                "tafel zitten.</p>",
            ),
        ],
        "themes": ["verantwoord-datagebruik", "zorg"],
        "tags": ["algoritmes", "workshop", "transparantie"],
        "image_alt": (
            "Abstracte illustratie van een stroomschema met een menselijk figuur halverwege"
        ),
        "related": [
            "bronnen/impact-assessment-mensenrechten-en-algoritmes",
            "nieuws/gemeenten-maken-algoritmes-zichtbaar",
        ],
        "start": "2027-06-10T14:00",
        "end": "2027-06-10T16:00",
        "location_name": "",
        "location_address": "",
        "online_url": "https://example.org/werksessie-algoritmes",
        "audience": "Beleidsmedewerkers, privacy officers en informatiemanagers van gemeenten",
        "registration_url": "https://example.org/werksessie-algoritmes/aanmelden",
        "contact": "Sanne de Vries",
        "show_contact_email": True,
        "show_contact_phone": False,
        "related_publication": "publicaties/digitale-besluitvorming-in-een-mensenwereld",
        "programme": [
            {"time": "14:00", "title": "Welkom", "speaker": "Sanne de Vries"},
            {
                "time": "14:10",
                "title": "Wat de case over digitale besluitvorming ons leert",
                "speaker": "Lotte Hendriks",
            },
            {
                "time": "14:40",
                "title": "In groepen: een impact assessment op een eigen voorbeeld",
                "speaker": "",
            },
            {
                "time": "15:40",
                "title": "Terugkoppeling en vervolgstappen",
                "speaker": "Sanne de Vries",
            },
        ],
    },
]


# The eight numbered parts of the "Smart society cases" series (VNG and Waag).
SMART_SOCIETY_CASES = [
    {
        "slug": "volg-jij-nog-waar-je-gevolgd-wordt",
        "title": "Volg jij nog waar je gevolgd wordt?",
        "date": "2019-12-10",
        "intro": (
            "Sensoren in winkelstraten en stations tellen en volgen voorbijgangers via hun "
            "telefoon. Wat betekent dat voor de privacy van inwoners en voor de rol van de "
            "gemeente?"
        ),
        "body": [
            (
                "paragraph",
                "<p>Om drukte te meten en bezoekersstromen te begrijpen, hangen gemeenten, "
                "winkeliersverenigingen en vervoerders steeds vaker sensoren op in de openbare "
                "ruimte. Sommige vangen de wifi- of bluetoothsignalen van telefoons op. Zo is te "
                "zien hoe lang mensen in een straat blijven en welke route ze lopen. Voor de "
                "voorbijganger is dat nauwelijks zichtbaar, en toestemming vragen is in de "
                "praktijk vrijwel onmogelijk.</p>",
            ),
            ("heading", {"text": "Het dilemma", "level": "h2"}),
            (
                "paragraph",
                "<p>De gegevens helpen bij het plannen van evenementen, het spreiden van drukte en "
                "het verbeteren van de veiligheid. Tegelijk ontstaat een vorm van voortdurende "
                "observatie waar inwoners nooit voor hebben gekozen. Wanneer is het meten van "
                "drukte nog proportioneel? Wie houdt toezicht op partijen die sensoren ophangen? "
                "En moet de gemeente regels stellen, ook als zij zelf niet de eigenaar van de "
                "sensoren is?</p><p>De case laat zien dat gemeenten hun rol als hoeder van de "
                "openbare ruimte serieus moeten nemen, bijvoorbeeld door bij te houden welke "
                "sensoren er hangen en dat overzicht openbaar te maken.</p>",
            ),
        ],
        "themes": ["veiligheid", "verantwoord-datagebruik"],
        "tags": ["sensoren", "privacy"],
        "image_alt": "Abstracte illustratie van voetstappen met stippellijnen naar kleine antennes",
        "related": ["opinie/cameras-in-de-straat-wie-kijkt-er-mee"],
        "kind": "casus",
        "authors": [],
        "publisher": "Waag",
        "external_url": "",
        "with_file": True,
        "part_number": 1,
    },
    {
        "slug": "digitale-identiteit-verdeel-en-beheers",
        "title": "Digitale identiteit: verdeel en beheers",
        "date": "2019-12-10",
        "intro": (
            "Wie bent u online, en wie bepaalt dat? Over de keuzes die overheden maken bij het "
            "inrichten van digitale identiteit."
        ),
        "body": [
            (
                "paragraph",
                "<p>Wie online zaken doet met de overheid, moet kunnen aantonen wie hij is. Vaak "
                "wordt daarbij veel meer informatie gedeeld dan nodig. Wie wil bewijzen dat hij "
                "ouder is dan achttien, hoeft zijn geboortedatum, adres en burgerservicenummer "
                "niet prijs te geven. Nieuwe vormen van digitale identiteit maken het mogelijk om "
                "alleen die ene eigenschap te laten zien.</p>",
            ),
            ("heading", {"text": "Het dilemma", "level": "h2"}),
            (
                "paragraph",
                "<p>Wie het beheer over identiteitsgegevens heeft, heeft macht. Ligt die bij de "
                "overheid, bij grote technologiebedrijven of bij de inwoner zelf? Een centraal "
                "systeem is overzichtelijk, maar kwetsbaar en verleidelijk om steeds breder te "
                "gebruiken. Een verdeeld systeem geeft inwoners meer regie, maar vraagt ook meer "
                "van hun digitale vaardigheden. De case verkent hoe gemeenten kunnen bijdragen aan "
                "een identiteitsinfrastructuur die veilig, privacyvriendelijk en voor iedereen "
                "bruikbaar is, en waarom zo weinig mogelijk gegevens delen daarbij het vertrekpunt "
                "moet zijn.</p>",
            ),
        ],
        "themes": ["verantwoord-datagebruik", "digitale-inclusie"],
        "tags": ["privacy", "dienstverlening"],
        "image_alt": "Abstracte illustratie van een pasje dat uiteenvalt in losse puzzelstukjes",
        "related": ["publicaties/wat-is-toegankelijke-publieke-dienstverlening"],
        "kind": "casus",
        "authors": [],
        "publisher": "Waag",
        "external_url": "",
        "with_file": True,
        "part_number": 2,
    },
    {
        "slug": "samen-meten-aan-luchtkwaliteit",
        "title": "Samen meten aan luchtkwaliteit",
        "date": "2019-12-10",
        "intro": (
            "Inwoners die zelf de luchtkwaliteit meten, leveren gemeenten waardevolle kennis op. "
            "Maar hoe ga je om met data die buiten de officiële meetnetten ontstaan?"
        ),
        "body": [
            (
                "paragraph",
                "<p>Met goedkope sensoren kunnen inwoners zelf fijnstof en stikstofdioxide meten, "
                "in hun eigen straat. Die burgermetingen vullen de officiële meetstations aan, die "
                "verder uit elkaar staan en niet alle lokale verschillen laten zien. Bewoners "
                "worden zo van klager tot kennispartner.</p>",
            ),
            ("heading", {"text": "Het dilemma", "level": "h2"}),
            (
                "paragraph",
                "<p>Metingen van inwoners zijn minder nauwkeurig dan die van professionele "
                "stations. Moet een gemeente er beleid op baseren? En wat als de cijfers van "
                "bewoners een ander beeld geven dan de officiële? Ook de zeggenschap over de "
                "gegevens vraagt aandacht: wie beheert het platform, wie mag de data gebruiken en "
                "wat gebeurt er als een bedrijf de infrastructuur levert? De case beschrijft hoe "
                "gemeenten samen met inwoners en kennisinstellingen afspraken kunnen maken die het "
                "vertrouwen in de metingen vergroten, zonder dat de eigen inbreng van bewoners "
                "verloren gaat.</p>",
            ),
        ],
        "themes": ["klimaat-en-energie", "verantwoord-datagebruik"],
        "tags": ["luchtkwaliteit", "sensoren", "participatie"],
        "image_alt": "Abstracte illustratie van een balkon met een klein meetkastje en wolkjes",
        "related": ["projecten/samen-meten-in-de-wijk", "bronnen/luchtmeetnet"],
        "kind": "casus",
        "authors": [],
        "publisher": "Waag",
        "external_url": "",
        "with_file": True,
        "part_number": 3,
    },
    {
        "slug": "de-laadpaal-is-niet-neutraal",
        "title": "De laadpaal is niet neutraal",
        "date": "2019-12-10",
        "intro": (
            "De software in een laadpaal bepaalt wie wanneer kan laden en welke gegevens worden "
            "verzameld. Zo wordt een stuk straatmeubilair een beleidsinstrument."
        ),
        "body": [
            (
                "paragraph",
                "<p>Gemeenten plaatsen in hoog tempo laadpalen voor elektrische auto's. Wat buiten "
                "zichtbaar is, is een paal met een stekker. Wat onzichtbaar blijft, zijn de keuzes "
                "in de software: welke auto voorrang krijgt als het net vol is, hoe laadsessies "
                "worden vastgelegd en met wie die gegevens worden gedeeld.</p>",
            ),
            ("heading", {"text": "Het dilemma", "level": "h2"}),
            (
                "paragraph",
                "<p>Slim laden helpt om het stroomnet te ontlasten en duurzame energie beter te "
                "benutten. Maar een algoritme dat de laadsnelheid regelt, maakt keuzes die mensen "
                "direct raken. Krijgt de taxichauffeur voorrang boven de buurtbewoner? Wie bepaalt "
                "dat, en kan de gemeente die regels nog inzien als een marktpartij de paal "
                "beheert? De case laat zien dat gemeenten bij de aanbesteding al veel kunnen "
                "vastleggen: open protocollen, transparante laadregels en afspraken over data. Wie "
                "dat nalaat, geeft onbedoeld beleidsruimte uit handen.</p>",
            ),
        ],
        "themes": ["mobiliteit", "klimaat-en-energie"],
        "tags": ["laadpalen", "inkoop", "algoritmes"],
        "image_alt": (
            "Abstracte illustratie van een laadpaal met een kabel die zich vertakt in lijnen"
        ),
        "related": ["nieuws/laadpalen-slimme-eisen", "bronnen/open-data-laadpunten"],
        "kind": "casus",
        "authors": [],
        "publisher": "Waag",
        "external_url": "",
        "with_file": True,
        "part_number": 4,
    },
    {
        "slug": "data-organiseren-in-de-slimme-samenleving",
        "title": "Data organiseren in de \u2018slimme samenleving\u2019",
        "date": "2019-12-10",
        "intro": (
            "Veel partijen verzamelen data over de stad. Hoe organiseer je dat zo dat de publieke "
            "waarde voorop staat?"
        ),
        "body": [
            (
                "paragraph",
                "<p>Gemeenten, netbeheerders, vervoerders, bedrijven en inwoners verzamelen "
                "allemaal gegevens over de stad. Samen zijn die gegevens veel waardevoller dan "
                "los. Toch blijven ze vaak opgesloten in aparte systemen, of komen ze terecht bij "
                "partijen die er vooral een verdienmodel in zien.</p>",
            ),
            ("heading", {"text": "Het dilemma", "level": "h2"}),
            (
                "paragraph",
                "<p>Moet de gemeente zelf een dataplatform bouwen, aansluiten bij een marktpartij, "
                "of juist ruimte geven aan coöperatieve vormen waarin inwoners mede-eigenaar zijn? "
                "Elke keuze heeft gevolgen voor zeggenschap, kosten en afhankelijkheid. Centraal "
                "verzamelen maakt analyses makkelijker, maar vergroot het risico op misbruik. De "
                "case bespreekt verschillende modellen, van open data tot datacoöperaties, en de "
                "vragen die een gemeente zichzelf moet stellen. Welke data zijn publiek van aard? "
                "Wie mag ze gebruiken en onder welke voorwaarden? En hoe blijft het geheel "
                "democratisch controleerbaar?</p>",
            ),
        ],
        "themes": ["verantwoord-datagebruik"],
        "tags": ["open data", "samenwerking"],
        "image_alt": "Abstracte illustratie van gekleurde datastromen die samenkomen in een plein",
        "related": ["publicaties/handreiking-data-in-de-wijk"],
        "kind": "casus",
        "authors": [],
        "publisher": "Waag",
        "external_url": "",
        "with_file": True,
        "part_number": 5,
    },
    {
        "slug": "digitale-besluitvorming-in-een-mensenwereld",
        "title": "Digitale besluitvorming in een mensenwereld",
        "date": "2019-12-10",
        "intro": (
            "Algoritmes ondersteunen steeds vaker beslissingen over inwoners. Hoe houd je daarbij "
            "oog voor de mens achter het dossier?"
        ),
        "body": [
            (
                "paragraph",
                "<p>Risicomodellen, automatische toetsing van aanvragen, systemen die prioriteiten "
                "voorstellen: ook gemeenten gebruiken algoritmes bij beslissingen die inwoners "
                "direct raken, bijvoorbeeld in het sociaal domein. Dat kan werk besparen en zorgen "
                "voor gelijke behandeling. Maar een model is zo goed als de gegevens en aannames "
                "waarop het rust.</p>",
            ),
            ("heading", {"text": "Het dilemma", "level": "h2"}),
            (
                "paragraph",
                "<p>Een algoritme behandelt iedereen volgens dezelfde regels, maar het leven van "
                "mensen past niet altijd in die regels. Hoe voorkom je dat een systeem groepen "
                "inwoners onbedoeld benadeelt? Kan een ambtenaar nog afwijken van het advies van "
                "het systeem, en durft hij dat ook? En hoe leg je een inwoner uit waarom een "
                "besluit zo is uitgevallen? De case pleit voor menselijke tussenkomst op de "
                "momenten die ertoe doen, voor toetsing vooraf en voor openheid over waar en hoe "
                "algoritmes worden ingezet.</p>",
            ),
        ],
        "themes": ["verantwoord-datagebruik", "zorg"],
        "tags": ["algoritmes", "transparantie"],
        "image_alt": (
            "Abstracte illustratie van een weegschaal met aan de ene kant een figuur en aan de "
            "andere kant enen en nullen"
        ),
        "related": [
            "bronnen/impact-assessment-mensenrechten-en-algoritmes",
            "nieuws/gemeenten-maken-algoritmes-zichtbaar",
        ],
        "kind": "casus",
        "authors": [],
        "publisher": "Waag",
        "external_url": "",
        "with_file": True,
        "part_number": 6,
    },
    {
        "slug": "wat-is-toegankelijke-publieke-dienstverlening",
        "title": "Wat is toegankelijke publieke dienstverlening?",
        "date": "2019-12-10",
        "intro": (
            "Een digitale overheid is efficiënt voor wie digitaal vaardig is. Wat betekent "
            "toegankelijkheid voor alle anderen?"
        ),
        "body": [
            (
                "paragraph",
                "<p>Steeds meer diensten van de gemeente zijn alleen nog goed online te regelen. "
                "Voor veel inwoners is dat een verbetering. Maar een aanzienlijke groep mensen "
                "heeft moeite met lezen, met computers of met de taal, of heeft een beperking "
                "waardoor websites en apps lastig te gebruiken zijn.</p>",
            ),
            ("heading", {"text": "Het dilemma", "level": "h2"}),
            (
                "paragraph",
                "<p>Digitalisering bespaart kosten, en die besparing is vaak een reden om fysieke "
                "loketten te sluiten. Wie niet mee kan, raakt zo verder achterop, juist bij de "
                "diensten die voor hem het belangrijkst zijn. Is toegankelijkheid een technische "
                "eis aan websites, of een bredere opdracht om te zorgen dat iedereen zijn recht "
                "kan halen? De case laat zien dat het antwoord allebei is: websites die voldoen "
                "aan de toegankelijkheidsnormen en in begrijpelijke taal zijn geschreven, plus een "
                "persoonlijke route voor wie die nodig heeft.</p>",
            ),
        ],
        "themes": ["digitale-inclusie", "zorg"],
        "tags": ["digitale vaardigheden", "dienstverlening"],
        "image_alt": (
            "Abstracte illustratie van een trap en een hellingbaan die naar dezelfde deur leiden"
        ),
        "related": [
            "opinie/digitaal-meedoen-begint-aan-de-balie",
            "projecten/digitaal-meedoen-in-de-wijk",
        ],
        "kind": "casus",
        "authors": [],
        "publisher": "Waag",
        "external_url": "",
        "with_file": True,
        "part_number": 7,
    },
    {
        "slug": "hoe-sao-paulo-weer-grip-kreeg-op-uber",
        "title": "Hoe São Paulo weer grip kreeg op Uber",
        "date": "2019-12-10",
        "intro": (
            "Platforms voor ritdiensten veroverden wereldwijd de straten. São Paulo vond een "
            "manier om als stad de regie terug te nemen."
        ),
        "body": [
            (
                "paragraph",
                "<p>Toen ritdiensten als Uber in São Paulo opkwamen, stond de stad aanvankelijk "
                "met lege handen. De platforms maakten intensief gebruik van de openbare weg, maar "
                "de gemeente had weinig zicht op het aantal ritten, de routes of de gevolgen voor "
                "het verkeer en het openbaar vervoer.</p>",
            ),
            ("heading", {"text": "De aanpak", "level": "h2"}),
            (
                "paragraph",
                "<p>In plaats van de diensten te verbieden, koos São Paulo ervoor het gebruik van "
                "de weg als een publiek goed te behandelen. Platforms betalen voor de kilometers "
                "die hun chauffeurs maken en moeten ritgegevens met de stad delen. Zo krijgt de "
                "gemeente inkomsten én informatie om het verkeersbeleid op af te stemmen.</p>",
            ),
            ("heading", {"text": "Lessen voor Nederlandse gemeenten", "level": "h3"}),
            (
                "paragraph",
                "<p>De case laat zien dat een stad niet machteloos staat tegenover grote "
                "platforms. Door de openbare ruimte als onderhandelingspositie te gebruiken, kan "
                "zij voorwaarden stellen aan data en gedrag. Dat vraagt wel om kennis in huis en "
                "om zorgvuldige afspraken over de privacy van reizigers.</p>",
            ),
        ],
        "themes": ["mobiliteit", "verantwoord-datagebruik"],
        "tags": ["open data", "smart city"],
        "image_alt": (
            "Abstracte illustratie van een stratenpatroon met auto-iconen en een datawolk erboven"
        ),
        "related": ["publicaties/de-laadpaal-is-niet-neutraal"],
        "kind": "casus",
        "authors": [],
        "publisher": "Waag",
        "external_url": "",
        "with_file": True,
        "part_number": 8,
    },
]


# Publications; a series lists its numbered parts.
PUBLICATIONS = [
    {
        "slug": "smart-society-cases",
        "title": "Smart society cases",
        "date": "2019-12-10",
        "intro": (
            "Acht casebeschrijvingen over de dilemma's die digitalisering oplevert voor het "
            "openbaar bestuur, gemaakt door Waag en de VNG, in opdracht van de VNG."
        ),
        "body": [
            (
                "paragraph",
                "<p>Bijna geen beleidsveld ontkomt nog aan digitale technologie. Dat kan het "
                "bestuur slagvaardiger maken, maar niet elk project pakt goed uit, en sommige "
                "mislukkingen zijn duur. Bovendien gaat het allang niet meer alleen om privacy en "
                "beveiliging. Ook zeggenschap over data en de vraag welke samenleving we willen "
                "zijn, komen op tafel.</p>",
            ),
            ("heading", {"text": "Opzet van de reeks", "level": "h2"}),
            (
                "paragraph",
                "<p>Elke case beschrijft eerst de feiten: wat gebeurde er, wie waren betrokken en "
                "welke technologie speelde een rol. Daarna volgen de dilemma's voor de gemeente en "
                "handvatten voor een betrouwbare en weerbare informatiesamenleving. De cases "
                "kijken naar gevolgen op meerdere niveaus, van de individuele inwoner tot de "
                "inrichting van het bestuur. Omdat technologie nooit neutraal is, staat steeds de "
                "vraag centraal welke waarden en principes achter een oplossing zitten.</p>",
            ),
            (
                "paragraph",
                "<p>De reeks hoort bij het essay <i>Open de black box</i> van Marleen Stikker. "
                "Samen bieden ze gemeenten concrete lessen voor een samenleving waarin technologie "
                "de inwoners dient.</p>",
            ),
        ],
        "themes": ["verantwoord-datagebruik", "digitale-inclusie", "mobiliteit"],
        "tags": ["onderzoek", "publieke waarden"],
        "image_alt": "Abstracte illustratie van acht genummerde tegels in een raster",
        "related": ["projecten/onderzoek-smart-society-cases", "publicaties/open-de-black-box"],
        "kind": "rapport",
        "authors": [],
        "publisher": "Waag",
        "external_url": "",
        "with_file": True,
        "parts": SMART_SOCIETY_CASES,
    },
    {
        "slug": "open-de-black-box",
        "title": "Open de black box",
        "date": "2019-12-10",
        "intro": (
            "In dit essay beschrijft Waag-directeur Marleen Stikker hoe overheid en samenleving de "
            "grip op digitalisering kunnen terugwinnen."
        ),
        "body": [
            (
                "paragraph",
                "<p>Het essay hoort bij de reeks <i>Smart society cases</i> en plaatst de acht "
                "casebeschrijvingen in een breder kader. De kern: wie aan een slimme samenleving "
                "bouwt, begint niet bij de techniek. Waar en hoe technologie wordt gebruikt, hoort "
                "voort te komen uit de maatschappelijke en politiek-bestuurlijke context.</p>",
            ),
            ("heading", {"text": "Wie zit er aan het stuur?", "level": "h2"}),
            (
                "paragraph",
                "<p>Gemeenten werken vaak met systemen waarvan ze niet precies weten hoe ze "
                "werken: een black box. De titel van het essay is daarom ook een opdracht. Wie "
                "grip wil houden, moet begrijpen welke keuzes er in technologie zijn ingebouwd, "
                "eisen durven stellen aan wat er wordt ingekocht en verantwoording kunnen afleggen "
                "aan inwoners. Publieke waarden horen dan niet achteraf getoetst te worden, maar "
                "vanaf het ontwerp mee te wegen.</p><p>Voor wie met de cases aan de slag gaat, is "
                "het essay een goed startpunt. Het helpt om de afzonderlijke dilemma's te zien als "
                "onderdeel van één grotere vraag: wie bepaalt de koers van de digitale "
                "samenleving?</p>",
            ),
        ],
        "themes": ["verantwoord-datagebruik"],
        "tags": ["publieke waarden", "onderzoek"],
        "image_alt": (
            "Abstracte illustratie van een zwarte doos waarvan het deksel openstaat en licht naar "
            "buiten valt"
        ),
        "related": ["publicaties/smart-society-cases", "projecten/onderzoek-smart-society-cases"],
        "kind": "essay",
        "authors": ["Marleen Stikker"],
        "publisher": "Waag",
        "external_url": "",
        "with_file": True,
        "parts": [],
    },
    {
        "slug": "smart-en-leefbaar",
        "title": "Smart & Leefbaar \u2013 Belangen borgen in de digitaliserende gemeente",
        "date": "2019-10-01",
        "intro": (
            "Een boek over de publieke waarden die op het spel staan als gemeenten slimmer worden, "
            "en over hoe raad, college en ambtenaren die waarden kunnen borgen."
        ),
        "body": [
            (
                "paragraph",
                "<p>Slimme technologie verandert hoe steden en dorpen werken. Dat vraagt om keuzes "
                "die niet alleen technisch, maar vooral politiek zijn. Dit boek van de Future City "
                "Foundation helpt gemeenten om die keuzes bewust en onderbouwd te maken.</p>",
            ),
            ("heading", {"text": "Waarden die op het spel staan", "level": "h2"}),
            (
                "paragraph",
                "<p>Het boek gaat in op de publieke waarden die in de digitaliserende gemeente "
                "onder druk kunnen komen:</p><ul><li>privacy en "
                "veiligheid;</li><li>rechtvaardigheid en autonomie;</li><li>controle over "
                "technologie;</li><li>menselijke waardigheid;</li><li>een evenwicht in macht "
                "tussen overheid, bedrijven en inwoners.</li></ul>",
            ),
            (
                "paragraph",
                "<p>Het biedt handvatten om deze waarden te vertalen naar lokaal beleid, "
                "bijvoorbeeld in inkoopvoorwaarden en in afspraken met bedrijven die slimme "
                "toepassingen in de openbare ruimte willen inzetten. Het is geschreven voor "
                "raadsleden, bestuurders en ambtenaren die willen dat de slimme stad ook een "
                "leefbare stad blijft. Het boek vormde de basis voor de workshop <i>Aan de slag "
                "met Smart & Leefbaar</i> in februari 2020.</p>",
            ),
        ],
        "themes": ["verantwoord-datagebruik", "veiligheid"],
        "tags": ["publieke waarden", "smart city"],
        "image_alt": "Abstracte illustratie van een boek waaruit een klein stadsgezicht oprijst",
        "related": [
            "projecten/workshop-aan-de-slag-met-smart-en-leefbaar",
            "nieuws/workshop-smart-en-leefbaar-aangekondigd",
        ],
        "kind": "boek",
        "authors": [],
        "publisher": "Future City Foundation",
        "external_url": "",
        "with_file": True,
        "parts": [],
    },
    {
        "slug": "handreiking-data-in-de-wijk",
        "title": "Handreiking data in de wijk",
        "date": "2025-03-12",
        "intro": (
            "Een praktische handreiking voor gemeenten die data willen gebruiken in hun "
            "wijkaanpak, met een stappenplan en voorbeelden uit het lerend netwerk Smart Society."
        ),
        "body": [
            (
                "paragraph",
                "<p>Deze handreiking is bedoeld voor beleidsmedewerkers, wijkmanagers en "
                "data-analisten die samen aan een wijkaanpak werken. Ze is gebaseerd op de "
                "ervaringen van de gemeenten in het lerend netwerk Smart Society van "
                "Platform31.</p>",
            ),
            ("heading", {"text": "Wat u erin vindt", "level": "h2"}),
            (
                "paragraph",
                "<ul><li>een stappenplan van vraag tot evaluatie;</li><li>een checklist voor "
                "privacy en publieke waarden, om vóór de start te gebruiken;</li><li>tips om "
                "bewoners te betrekken bij het duiden van de uitkomsten;</li><li>voorbeelden van "
                "afspraken over het delen van gegevens met partners in de wijk.</li></ul>",
            ),
            (
                "paragraph",
                "<p>Een belangrijke boodschap van de handreiking is dat data het gesprek in de "
                "wijk niet vervangen. Cijfers kunnen een probleem zichtbaar maken, maar wat ze "
                "betekenen, blijkt pas in gesprek met de mensen die er wonen en werken. Daarom "
                "besteedt de handreiking evenveel aandacht aan de dialoog als aan de analyse. Ook "
                "gemeenten die niet aan het netwerk deelnemen, kunnen er direct mee aan de "
                "slag.</p>",
            ),
        ],
        "themes": ["verantwoord-datagebruik", "digitale-inclusie"],
        "tags": ["open data", "privacy", "participatie"],
        "image_alt": "Abstracte illustratie van een wijkplattegrond met een checklist ernaast",
        "related": [
            "projecten/lerend-netwerk-smart-society",
            "nieuws/handreiking-data-in-de-wijk-verschenen",
        ],
        "kind": "handreiking",
        "authors": ["Sanne de Vries"],
        "publisher": "Platform31",
        "external_url": "",
        "with_file": True,
        "parts": [],
    },
    {
        "slug": "digitaal-meedoen-lessen-uit-de-wijk",
        "title": "Digitaal meedoen: lessen uit de wijk",
        "date": "2023-09-14",
        "intro": (
            "Wat leerde het digitale spreekuur in Deventer over de toegankelijkheid van "
            "gemeentelijke dienstverlening? Een rapport met lessen voor andere gemeenten."
        ),
        "body": [
            (
                "paragraph",
                "<p>Dit rapport beschrijft de opzet en de opbrengst van het project <i>Digitaal "
                "meedoen in de wijk</i>. Het bundelt de ervaringen van medewerkers, vrijwilligers "
                "en inwoners, en vertaalt die naar aanbevelingen voor gemeenten die hun digitale "
                "dienstverlening inclusiever willen maken.</p>",
            ),
            ("heading", {"text": "Belangrijkste lessen", "level": "h2"}),
            (
                "paragraph",
                "<ol><li>Hulp werkt het best op plekken waar mensen toch al komen, zoals de "
                "bibliotheek en het buurthuis.</li><li>De vragen aan het spreekuur zijn een "
                "waardevolle bron om formulieren en brieven te verbeteren.</li><li>Zorg- en "
                "welzijnsmedewerkers zien digitale problemen vaak als eersten; geef hen een "
                "directe lijn naar de gemeente.</li><li>Digitale inclusie is geen project van één "
                "afdeling, maar een opdracht voor de hele organisatie.</li></ol><p>Het rapport "
                "sluit af met een checklist waarmee gemeenten hun eigen dienstverlening kunnen "
                "doorlichten.</p>",
            ),
        ],
        "themes": ["digitale-inclusie", "zorg"],
        "tags": ["digitale vaardigheden", "dienstverlening", "onderzoek"],
        "image_alt": "Abstracte illustratie van een open rapport met een grafiek en een figuur",
        "related": [
            "projecten/digitaal-meedoen-in-de-wijk",
            "publicaties/wat-is-toegankelijke-publieke-dienstverlening",
        ],
        "kind": "rapport",
        "authors": ["Fatima El Amrani", "Sanne de Vries"],
        "publisher": "Platform31",
        "external_url": "",
        "with_file": True,
        "parts": [],
    },
    {
        "slug": "wat-verstaan-we-onder-een-smart-society",
        "title": "Wat verstaan we onder een smart society?",
        "date": "2018-11-20",
        "intro": (
            "Smart city, smart society, informatiesamenleving: de begrippen buitelen over elkaar "
            "heen. Een korte verkenning van wat we in dit dossier bedoelen."
        ),
        "body": [
            (
                "paragraph",
                "<p>De term smart city roept beelden op van sensoren, dashboards en zelfrijdende "
                "auto's. Het begrip smart society verlegt de aandacht van de techniek naar de "
                "samenleving. Niet de vraag wat er kan staat voorop, maar de vraag wat bijdraagt "
                "aan een goed leven voor inwoners.</p>",
            ),
            ("heading", {"text": "Een werkdefinitie", "level": "h2"}),
            (
                "paragraph",
                "<p>In dit dossier gaan we uit van de definitie van dr. Mettina Veenstra van "
                "Hogeschool Saxion. Kort samengevat is een smart society een samenleving die een "
                "hoge kwaliteit van leven biedt, doordat overheden, bedrijven, inwoners en "
                "kennisinstellingen samenwerken. Ze combineren digitale technologie met fysieke "
                "infrastructuur, met de inrichting van gebouwen en openbare ruimte en met de "
                "kennis en onderlinge banden van mensen. De overheid geeft daarbij de richting "
                "aan.</p>",
            ),
            (
                "paragraph",
                "<p>Drie dingen vallen op aan deze definitie. Technologie is één ingrediënt naast "
                "andere. Samenwerking tussen partijen is het uitgangspunt, geen bijzaak. En de "
                "overheid heeft een sturende rol: zij bewaakt dat de slimme samenleving ook een "
                "rechtvaardige en toegankelijke samenleving is.</p>",
            ),
        ],
        "themes": ["verantwoord-datagebruik", "digitale-inclusie"],
        "tags": ["smart city", "publieke waarden"],
        "image_alt": "Abstracte illustratie van vier overlappende cirkels in verschillende kleuren",
        "related": ["nieuws/vervolg-op-smart-city-strategie"],
        "kind": "artikel",
        "authors": ["Sanne de Vries"],
        "publisher": "Platform31",
        "external_url": "",
        "with_file": False,
        "parts": [],
    },
]


# Relevant sources: praktijkvoorbeeld, website, dataset or tool.
SOURCES = [
    {
        "slug": "brainport-smart-district-helmond",
        "title": "Brainport Smart District, Helmond",
        "date": "2020-05-12",
        "intro": (
            "Een nieuwe wijk in Helmond waar wonen, werken en technologie samenkomen, ontworpen in "
            "samenspraak met toekomstige bewoners."
        ),
        "body": [
            (
                "paragraph",
                "<p>Brainport Smart District is een gebiedsontwikkeling in Helmond die dient als "
                "proeftuin voor slim en duurzaam wonen. In de wijk worden nieuwe toepassingen voor "
                "energie, mobiliteit, zorg en data beproefd, samen met bedrijven, "
                "kennisinstellingen en de mensen die er gaan wonen.</p>",
            ),
            ("heading", {"text": "Waarom interessant voor gemeenten", "level": "h2"}),
            (
                "paragraph",
                "<p>Het project laat zien hoe een gemeente zich kan opstellen als regisseur van "
                "een slimme wijk. Zeggenschap over data, participatie van bewoners en circulair "
                "bouwen komen hier samen in één gebied. Veel vragen die elders nog theoretisch "
                "zijn, moeten hier concreet worden beantwoord. Dat maakt de ervaringen ook "
                "bruikbaar voor gemeenten die kleiner beginnen, bijvoorbeeld bij de vernieuwing "
                "van een bestaande buurt. Let vooral op hoe het project de inbreng van bewoners "
                "organiseert en welke afspraken er zijn gemaakt over de gegevens die in de wijk "
                "worden verzameld.</p>",
            ),
        ],
        "themes": ["klimaat-en-energie", "circulaire-economie", "mobiliteit"],
        "tags": ["smart city", "participatie", "circulair bouwen"],
        "image_alt": "",
        "related": [],
        "kind": "praktijkvoorbeeld",
        "url": "https://example.org/brainport-smart-district",
        "owner": "Gemeente Helmond",
        "why_read": (
            "Een van de bekendste Nederlandse voorbeelden van een slimme wijk die samen met "
            "bewoners wordt ontwikkeld. Nuttig voor wie zelf een gebiedsontwikkeling met een "
            "digitale component voorbereidt."
        ),
    },
    {
        "slug": "waag",
        "title": "Waag",
        "date": "2019-12-10",
        "intro": (
            "Waag onderzoekt en ontwerpt technologie samen met inwoners, met oog voor publieke "
            "waarden."
        ),
        "body": [
            (
                "paragraph",
                "<p>Waag is een Amsterdamse organisatie die werkt op het snijvlak van technologie, "
                "cultuur en samenleving. Ze doet onderzoek, ontwikkelt samen met inwoners nieuwe "
                "toepassingen en mengt zich in het publieke debat over digitalisering. "
                "Burgerwetenschap, bijvoorbeeld inwoners die zelf de luchtkwaliteit meten, is een "
                "terugkerend thema.</p>",
            ),
            (
                "paragraph",
                "<p>Voor gemeenten is de website een rijke bron van projecten, publicaties en "
                "standpunten over publieke waarden in de digitale samenleving. Waag maakte samen "
                "met de VNG de reeks <i>Smart society cases</i>; directeur Marleen Stikker schreef "
                "daarbij het essay <i>Open de black box</i>. Wie wil weten hoe je technologie "
                "inzet zonder de regie uit handen te geven, vindt hier veel inspiratie en concrete "
                "voorbeelden. Ook de manier waarop Waag inwoners laat meedoen aan onderzoek, is "
                "een bron van ideeën voor participatie in de eigen gemeente.</p>",
            ),
        ],
        "themes": ["verantwoord-datagebruik"],
        "tags": ["publieke waarden", "onderzoek"],
        "image_alt": "",
        "related": [],
        "kind": "website",
        "url": "https://waag.org/",
        "owner": "Waag",
        "why_read": (
            "Een kritische en tegelijk praktische kijk op technologie en samenleving, met veel "
            "voorbeelden van projecten waarin inwoners zelf meedoen."
        ),
    },
    {
        "slug": "vng-digitale-agenda",
        "title": "VNG: de digitale agenda van gemeenten",
        "date": "2019-04-02",
        "intro": (
            "De Vereniging van Nederlandse Gemeenten bundelt kennis, afspraken en standaarden voor "
            "de digitale gemeente."
        ),
        "body": [
            (
                "paragraph",
                "<p>Op de website van de VNG vindt u informatie over de gezamenlijke digitale "
                "agenda van gemeenten: afspraken over informatiebeveiliging, gemeenschappelijke "
                "voorzieningen en standaarden, en de inzet van gemeenten richting het Rijk. Ook de "
                "Smart Society agenda en de bijbehorende icoonprojecten zijn via de VNG te "
                "volgen.</p>",
            ),
            ("heading", {"text": "Voor wie", "level": "h2"}),
            (
                "paragraph",
                "<p>Voor wie in een gemeente met digitalisering werkt, is dit de plek om bij te "
                "blijven over landelijke ontwikkelingen die lokaal gevolgen hebben, zoals nieuwe "
                "wetgeving, modelbepalingen en gezamenlijke inkoop. Veel documenten zijn speciaal "
                "voor gemeentelijke professionals geschreven, met aandacht voor de vertaling naar "
                "de eigen organisatie. Daarnaast vindt u er informatie over netwerken en "
                "werkgroepen waarin gemeenten samen optrekken, bijvoorbeeld rond "
                "informatiebeveiliging en gegevensdeling. Wie wil aansluiten bij zo'n netwerk, "
                "vindt hier de eerste ingang.</p>",
            ),
        ],
        "themes": ["verantwoord-datagebruik", "veiligheid"],
        "tags": ["samenwerking", "smart city"],
        "image_alt": "",
        "related": [],
        "kind": "website",
        "url": "https://vng.nl/",
        "owner": "Vereniging van Nederlandse Gemeenten",
        "why_read": (
            "De vaste plek voor landelijke afspraken en ontwikkelingen die gemeenten samen "
            "oppakken. Onmisbaar om te weten wat er op uw gemeente afkomt."
        ),
    },
    {
        "slug": "future-city-foundation",
        "title": "Future City Foundation",
        "date": "2020-01-15",
        "intro": (
            "Een netwerk van overheden, bedrijven en kennisinstellingen dat werkt aan slimme en "
            "leefbare steden en dorpen."
        ),
        "body": [
            (
                "paragraph",
                "<p>De Future City Foundation brengt partijen bij elkaar die de stad en het dorp "
                "van de toekomst slim en leefbaar willen maken. De stichting organiseert "
                "bijeenkomsten, publiceert over publieke waarden in de digitaliserende gemeente en "
                "ondersteunt gemeenten bij het maken van bewuste keuzes.</p>",
            ),
            ("heading", {"text": "Interessant voor gemeenten", "level": "h2"}),
            (
                "paragraph",
                "<p>Op de website vindt u onder meer informatie over het boek <i>Smart & "
                "Leefbaar</i> en over workshops voor gemeenteraad, college en ambtelijke "
                "organisatie. Die helpen om het gesprek over slimme technologie niet alleen "
                "technisch, maar ook politiek en bestuurlijk te voeren. Ook verslagen van eerdere "
                "bijeenkomsten zijn er te vinden. Daarin leest u hoe andere gemeenten met dezelfde "
                "vragen omgingen en welke afwegingen zij maakten. Dat maakt de site ook nuttig als "
                "voorbereiding op een eigen raadsbijeenkomst of werksessie.</p>",
            ),
        ],
        "themes": ["verantwoord-datagebruik", "veiligheid"],
        "tags": ["smart city", "publieke waarden", "workshop"],
        "image_alt": "",
        "related": [],
        "kind": "website",
        "url": "https://future-city.nl/",
        "owner": "Future City Foundation",
        "why_read": (
            "Praktische ondersteuning voor gemeenten die publieke belangen willen borgen in de "
            "slimme stad, met een duidelijke bestuurlijke invalshoek."
        ),
    },
    {
        "slug": "luchtmeetnet",
        "title": "Luchtmeetnet: metingen van de luchtkwaliteit",
        "date": "2021-03-09",
        "intro": (
            "Actuele en historische metingen van de officiële meetstations voor luchtkwaliteit in "
            "Nederland."
        ),
        "body": [
            (
                "paragraph",
                "<p>Het Luchtmeetnet bundelt de metingen van de officiële meetstations van het "
                "RIVM en regionale partners. U vindt er per station de concentraties van onder "
                "meer fijnstof, stikstofdioxide en ozon, zowel actueel als over langere "
                "perioden.</p>",
            ),
            ("heading", {"text": "Gebruik in de gemeente", "level": "h2"}),
            (
                "paragraph",
                "<p>Voor gemeenten is dit de referentie bij projecten waarin inwoners zelf meten. "
                "Door burgermetingen naast de officiële waarden te leggen, wordt zichtbaar hoe "
                "betrouwbaar de sensoren zijn en waar lokale verschillen optreden. De gegevens "
                "zijn ook bruikbaar bij het onderbouwen van verkeers- en milieubeleid, en om "
                "inwoners te informeren over de lucht in hun omgeving. Let bij het vergelijken wel "
                "op de verschillen in meetmethode: een goedkope sensor en een officieel "
                "meetstation meten niet op dezelfde manier, en kortdurende pieken zeggen iets "
                "anders dan jaargemiddelden.</p>",
            ),
        ],
        "themes": ["klimaat-en-energie", "mobiliteit"],
        "tags": ["luchtkwaliteit", "open data"],
        "image_alt": "",
        "related": [],
        "kind": "dataset",
        "url": "https://www.luchtmeetnet.nl/",
        "owner": "Rijksinstituut voor Volksgezondheid en Milieu",
        "why_read": (
            "De officiële referentie voor luchtkwaliteit in Nederland. Onmisbaar als u "
            "burgermetingen wilt ijken of beleid wilt onderbouwen."
        ),
    },
    {
        "slug": "open-data-laadpunten",
        "title": "Open data: openbare laadpunten",
        "date": "2022-09-20",
        "intro": (
            "Een open dataset met de locaties, het vermogen en de gemiddelde bezetting van "
            "openbare laadpunten in de gemeente."
        ),
        "body": [
            (
                "paragraph",
                "<p>Deze dataset bevat alle openbare laadpunten in de gemeente, met hun locatie, "
                "het maximale vermogen en de gemiddelde bezetting per uur van de dag. De gegevens "
                "worden maandelijks bijgewerkt en zijn zo geaggregeerd dat ze niet te herleiden "
                "zijn tot individuele gebruikers.</p>",
            ),
            ("heading", {"text": "Waarvoor te gebruiken", "level": "h2"}),
            (
                "paragraph",
                "<p>Beleidsmakers gebruiken de dataset om te bepalen waar nieuwe laadpunten nodig "
                "zijn. Netbeheerders en onderzoekers kunnen er piekbelasting mee analyseren. Voor "
                "andere gemeenten is vooral de opzet interessant: welke velden zijn gekozen, hoe "
                "is de privacy geborgd en welke afspraken zijn er met de exploitant gemaakt over "
                "het leveren van de gegevens. Wie zelf een vergelijkbare dataset wil publiceren, "
                "doet er goed aan die afspraken al in de concessie of aanbesteding op te nemen. "
                "Achteraf blijkt het vaak lastig om gegevens alsnog boven water te krijgen.</p>",
            ),
        ],
        "themes": ["mobiliteit", "klimaat-en-energie"],
        "tags": ["laadpalen", "open data"],
        "image_alt": "",
        "related": [],
        "kind": "dataset",
        "url": "https://example.org/open-data-laadpunten",
        "owner": "Gemeente Zwolle",
        "why_read": (
            "Een goed voorbeeld van hoe een gemeente laaddata openbaar maakt zonder de privacy van "
            "gebruikers te schaden. Handig als sjabloon voor een eigen dataset."
        ),
    },
    {
        "slug": "impact-assessment-mensenrechten-en-algoritmes",
        "title": "Impact Assessment Mensenrechten en Algoritmes (IAMA)",
        "date": "2021-07-20",
        "intro": (
            "Een gespreksinstrument om vóór de inzet van een algoritme de gevolgen voor "
            "mensenrechten in kaart te brengen."
        ),
        "body": [
            (
                "paragraph",
                "<p>Het IAMA is ontwikkeld door onderzoekers van de Universiteit Utrecht, in "
                "opdracht van het ministerie van Binnenlandse Zaken en Koninkrijksrelaties. Het "
                "helpt overheden om een weloverwogen besluit te nemen over de inzet van een "
                "algoritme. Dat gebeurt in een gestructureerd gesprek met alle betrokkenen, van "
                "beleid en uitvoering tot juristen en data-specialisten.</p>",
            ),
            ("heading", {"text": "Hoe het werkt", "level": "h2"}),
            (
                "paragraph",
                "<p>Het instrument stelt vragen over het doel van het algoritme, de gebruikte "
                "gegevens en de werking, de manier waarop het in de organisatie wordt ingezet, en "
                "de mogelijke gevolgen voor grondrechten. De antwoorden worden vastgelegd, zodat "
                "later te reconstrueren is waarom een keuze is gemaakt. Gemeenten gebruiken het "
                "IAMA steeds vaker bij toepassingen met grote impact op inwoners. Het vraagt wel "
                "tijd: reken op meerdere sessies en zorg dat er iemand is die het proces "
                "begeleidt.</p>",
            ),
        ],
        "themes": ["verantwoord-datagebruik", "zorg"],
        "tags": ["algoritmes", "transparantie"],
        "image_alt": "",
        "related": [],
        "kind": "tool",
        "url": "https://example.org/iama",
        "owner": "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties",
        "why_read": (
            "Een beproefd hulpmiddel om het gesprek over algoritmes vooraf en met de juiste mensen "
            "te voeren. Het dwingt tot expliciete keuzes die u later kunt verantwoorden."
        ),
    },
    {
        "slug": "data-ethics-decision-aid",
        "title": "Data Ethics Decision Aid (DEDA)",
        "date": "2018-09-18",
        "intro": (
            "Een werkvorm om ethische vragen in dataprojecten op tijd en met het hele team te "
            "bespreken."
        ),
        "body": [
            (
                "paragraph",
                "<p>De Data Ethics Decision Aid is ontwikkeld aan de Universiteit Utrecht, samen "
                "met gemeenten. Het is een werkvorm in de vorm van een poster en een vragenlijst, "
                "waarmee een projectteam stap voor stap de ethische kanten van een dataproject "
                "doorloopt: van de herkomst van de gegevens tot de verantwoordelijkheid voor de "
                "uitkomsten.</p>",
            ),
            ("heading", {"text": "In de praktijk", "level": "h2"}),
            (
                "paragraph",
                "<p>Een DEDA-sessie duurt een paar uur en werkt het best met een gemengd "
                "gezelschap: beleidsmedewerkers, data-analisten, een privacy officer en iemand uit "
                "de uitvoering. Het resultaat is niet alleen een afgewogen besluit, maar ook een "
                "document waarin de afwegingen zijn vastgelegd. Dat helpt bij de verantwoording "
                "aan de raad en aan inwoners. Doordat de vragen steeds terugkomen, leren teams "
                "bovendien om ethische afwegingen vanzelfsprekend mee te nemen in hun werk.</p>",
            ),
        ],
        "themes": ["verantwoord-datagebruik"],
        "tags": ["privacy", "publieke waarden"],
        "image_alt": "",
        "related": [],
        "kind": "tool",
        "url": "https://example.org/deda",
        "owner": "Universiteit Utrecht",
        "why_read": (
            "Een laagdrempelige manier om ethiek een vaste plek te geven in dataprojecten. "
            "Geschikt voor teams die nog weinig ervaring hebben met deze vragen."
        ),
    },
    {
        "slug": "algoritmeregister-amsterdam",
        "title": "Algoritmeregister van Amsterdam",
        "date": "2020-10-06",
        "intro": (
            "Amsterdam laat in een openbaar register zien welke algoritmes de gemeente gebruikt, "
            "waarvoor en onder welke voorwaarden."
        ),
        "body": [
            (
                "paragraph",
                "<p>Amsterdam was in 2020 een van de eerste steden met een openbaar "
                "algoritmeregister. Per toepassing beschrijft de gemeente in begrijpelijke taal "
                "wat het algoritme doet, welke gegevens het gebruikt, hoe menselijk toezicht is "
                "geregeld en bij wie inwoners terecht kunnen met vragen.</p>",
            ),
            ("heading", {"text": "Wat andere gemeenten ervan leren", "level": "h2"}),
            (
                "paragraph",
                "<p>Het register laat zien dat transparantie over algoritmes niet hoeft te wachten "
                "op landelijke regels. Het dwingt de eigen organisatie ook om overzicht te "
                "krijgen: welke algoritmes zijn er eigenlijk, en wie is ervoor verantwoordelijk? "
                "Andere gemeenten gebruiken de opzet als voorbeeld voor hun eigen overzicht, of "
                "sluiten aan bij gezamenlijke initiatieven. Het register laat ook zien dat een "
                "overzicht nooit af is: het vraagt om vaste eigenaren binnen de organisatie, die "
                "beschrijvingen actueel houden wanneer een toepassing verandert of wordt "
                "beëindigd.</p>",
            ),
        ],
        "themes": ["verantwoord-datagebruik"],
        "tags": ["algoritmes", "transparantie"],
        "image_alt": "",
        "related": [],
        "kind": "praktijkvoorbeeld",
        "url": "https://example.org/algoritmeregister-amsterdam",
        "owner": "Gemeente Amsterdam",
        "why_read": (
            "Een concreet voorbeeld van openheid over algoritmes, dat laat zien hoe u technische "
            "toepassingen begrijpelijk uitlegt aan inwoners."
        ),
    },
    {
        "slug": "autoriteit-persoonsgegevens",
        "title": "Autoriteit Persoonsgegevens",
        "date": "2019-05-14",
        "intro": (
            "De toezichthouder op de bescherming van persoonsgegevens, met uitleg over de regels "
            "en over wat overheden wel en niet mogen."
        ),
        "body": [
            (
                "paragraph",
                "<p>De Autoriteit Persoonsgegevens houdt toezicht op de naleving van de "
                "privacywetgeving in Nederland, ook bij gemeenten. Op de website staan uitleg over "
                "de regels, antwoorden op veelgestelde vragen en de standpunten van de "
                "toezichthouder over onderwerpen als cameratoezicht, het volgen van mensen in de "
                "openbare ruimte en het gebruik van algoritmes.</p>",
            ),
            ("heading", {"text": "Waarom raadplegen", "level": "h2"}),
            (
                "paragraph",
                "<p>Wie een smart society-project voorbereidt, komt vroeg of laat bij de vraag of "
                "het verzamelen en combineren van gegevens wel mag. De informatie van de "
                "toezichthouder helpt om die vraag op tijd te stellen, en om het gesprek met de "
                "eigen privacy officer en functionaris gegevensbescherming goed voorbereid te "
                "voeren. Ook handig: de toezichthouder publiceert regelmatig over onderzoeken bij "
                "gemeenten. Daaruit blijkt goed waar het in de praktijk misgaat, en hoe u dat in "
                "uw eigen project voorkomt.</p>",
            ),
        ],
        "themes": ["verantwoord-datagebruik", "veiligheid"],
        "tags": ["privacy", "sensoren"],
        "image_alt": "",
        "related": [],
        "kind": "website",
        "url": "https://autoriteitpersoonsgegevens.nl/",
        "owner": "Autoriteit Persoonsgegevens",
        "why_read": (
            "De gezaghebbende bron over wat de privacyregels betekenen voor gemeentelijke "
            "projecten. Raadpleeg hem voordat u sensoren of camera's in de openbare ruimte inzet."
        ),
    },
]
