"""Dutch: stop words, question words, attribution cues, operation cues and messages.

Documents are Flemish parliamentary texts and reports, so this is also the language
in which sources are read (numbers, months, table vocabulary).
"""

from __future__ import annotations

from bm25s.stopwords import STOPWORDS_DUTCH as _BM25_STOP_WORDS

# bm25s ships the Snowball Dutch list; these are the extras that are frequent in
# parliamentary questions and carry no topic.
STOP_WORDS = frozenset(_BM25_STOP_WORDS) | frozenset(
    """
    t.o.v ten ter via binnen welke welk werden wel hen dezelfde hierbij daarbij daarvan
    waarvan waarin hierover daarover zowel telkens respectievelijk resp alsook evenals
    toe af mee terug weg boven beneden tussen sinds vanaf per
    """.split()
)

# Words that frame a question but name no topic: never required in a passage.
QUESTION_WORDS = frozenset(
    """
    hoeveel welk welke wat wie waar wanneer waarom hoe hoelang hoeveelste sinds
    """.split()
)
FILLERS = frozenset(
    """
    bedraagt bedroeg bedragen bedraagt kreeg kregen krijgt krijgen gekregen geldt gelden golden
    is zijn was waren werd werden worden wordt geworden kan kon konden kunnen heeft hebben had hadden
    aantal getal cijfer cijfers procent percentage procentpunt procentpunten aandeel deel
    ongeveer precies exact juiste juist nog doet doen deed deden lag ligt liggen lagen
    totaal totale opgeteld samen gemiddeld gemiddelde gemiddelden in jaar jaren
    telde telt tellen telden stond stonden staat staan zat zaten zit zitten ging gingen gaat gaan
    er daarvan hiervan wel eigenlijk momenteel hoog hoge groot grote lang lange veel
    eind begin midden einde stand peildatum mensen personen
    twee drie vier vijf zes zeven acht negen tien twaalf twintig
    """.split()
)
# Words that describe where a fact comes from, not the fact itself ("volgens het antwoord
# van minister X op vraag nr. 312"): they select documents and are never required in a passage.
ATTRIBUTION_WORDS = frozenset(
    """
    volgens zoals antwoord antwoorden vraag vragen schriftelijke nr nummer minister ministers
    viceminister-president parlementslid volksvertegenwoordiger collega vraagsteller vroeg vermeldde
    citeerde citeert persbericht artikel krant rapport jaarrapport indicatorenrapport verslag
    jaarverslag monitor scorekaart scoreboard editie dataset landendataset toelichting
    rechtzetting commissie plenaire bron bronnen document documenten tabel
    """.split()
)
# "Hoeveel" that asks for a value, not a count of things: a verb right after it, or after one
# word ("hoeveel bedroeg …", "hoeveel trok de EU uit", "op hoeveel raamt …").
VALUE_QUESTION = (r"\bhoeveel\s+(?:\w+\s+)?(?:bedroeg|bedraagt|trok|trokken|kost|kostte|werd|werden|wordt|worden|is|was|"
                  r"ging|gaat|bracht|raamt|ramen)\b")
# Words of an attribution phrase that name no document by its title ("volgens het antwoord op vragen").
ATTRIBUTION_GENERIC = frozenset("volgens antwoord vragen nr".split())
# Words that introduce an attribution phrase; the phrase runs to the next comma or clause word.
ATTRIBUTION_LEADS = ("volgens", "zoals", "naar verluidt", "blijkens")
HONORIFICS = frozenset("mevrouw mevr heer dhr meneer minister viceminister-president collega volksvertegenwoordiger mr mrs ms dr prof".split())
NAME_PARTICLES = frozenset("de der den van von ten ter te la le du d' t".split())
# A conjunction inside a name joins its words ("Sociale Zaken en Werkgelegenheid" is SZW).
NAME_CONJUNCTIONS = frozenset({"en"})

MONTHS = {
    "januari": 1, "februari": 2, "maart": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7,
    "augustus": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mrt": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "okt": 10, "nov": 11, "dec": 12,
}  # fmt: skip

# Nouns that name the kind of source; "het artikel van juni 2020" dates the source, not the data.
SOURCE_NOUNS = frozenset(
    """
    artikel persbericht antwoord vraag rapport jaarrapport jaarverslag verslag monitor editie
    scorekaart commissie commissievergadering plenaire vergadering nota brief krant tabel
    indicatorenrapport dataset bevraging enquête
    """.split()
)

# Adjectives of place → the noun tables and sentences use ("Limburgse scholen" → Limburg).
PLACE_ADJECTIVES = {
    "limburgs": "limburg", "limburger": "limburg", "antwerps": "antwerpen", "antwerpenaar": "antwerpen",
    "west-vlaams": "west-vlaanderen", "oost-vlaams": "oost-vlaanderen", "vlaams-brabants": "vlaams-brabant",
    "brussels": "brussel", "brusselaar": "brussel", "gents": "gent", "leuvens": "leuven",
    "waals": "wallonië", "vlaams": "vlaanderen", "belgisch": "belgië", "nederlands": "nederland",
    "duits": "duitsland", "frans": "frankrijk", "spaans": "spanje", "italiaans": "italië",
    "europees": "eu", "oostenrijks": "oostenrijk", "fins": "finland", "iers": "ierland",
    "gronings": "groningen", "fries": "friesland", "drents": "drenthe", "overijssels": "overijssel",
    "flevolands": "flevoland", "gelders": "gelderland", "utrechts": "utrecht", "noord-hollands": "noord-holland",
    "zuid-hollands": "zuid-holland", "zeeuws": "zeeland", "noord-brabants": "noord-brabant",
}  # fmt: skip

# Places split figures ("in Limburg", "naar Spanje"): a number about one place is not about another.
PLACES = frozenset(
    """
    vlaanderen wallonië brussel belgië antwerpen limburg oost-vlaanderen west-vlaanderen vlaams-brabant
    waals-brabant henegouwen luik luxemburg namen gent leuven brugge mechelen aalst kortrijk hasselt genk
    oostende sint-niklaas nederland duitsland frankrijk spanje italië portugal ierland malta oostenrijk
    finland zweden denemarken noorwegen ijsland polen tsjechië slowakije slovenië kroatië hongarije
    roemenië bulgarije griekenland cyprus estland letland litouwen europa
    groningen friesland fryslân drenthe overijssel flevoland gelderland utrecht noord-holland zuid-holland
    zeeland noord-brabant amsterdam rotterdam den-haag
    """.split()
)

# A verb form and the noun a source uses for the same thing ("gebaseerd op" / "op basis
# van", "gestegen" / "stijging"): a question's word also matches its nominalisation.
NOMINALISATIONS = {
    "gebaseerd": "basis", "gestegen": "stijging", "steeg": "stijging", "gedaald": "daling", "daalde": "daling",
    "toegenomen": "toename", "nam toe": "toename", "afgenomen": "afname", "gegroeid": "groei", "groeide": "groei",
    "gefinancierd": "financiering", "toegekend": "toekenning", "aangevraagd": "aanvraag", "uitgereikt": "uitreiking",
    "uitbetaald": "uitbetaling", "betaald": "betaling", "geïnvesteerd": "investering", "investeerde": "investering",
    "investeerden": "investering", "ingeschreven": "inschrijving", "verhoogd": "verhoging", "verlaagd": "verlaging",
    "geëvalueerd": "evaluatie", "gecontroleerd": "controle", "geregistreerd": "registratie", "beslist": "beslissing",
    "goedgekeurd": "goedkeuring", "afgewezen": "afwijzing", "opgestart": "opstart", "deelgenomen": "deelname",
    "deelnamen": "deelname", "namen deel": "deelname", "vertrokken": "vertrek", "behandeld": "behandeling",
}  # fmt: skip

# ---------------------------------------------------------------- answer types
# (pattern, answer type); the first that matches wins. See analysis.AnswerType.
ANSWER_TYPE_CUES = [
    (r"\bprocentpunt|\bhoeveel punt\b|\bpunt (?:hoger|lager|vooruit|achteruit)\b", "pp"),
    (r"\b(?:welk|hoeveel|wat is het|hoe (?:hoog|groot) (?:is|was|lag) het) (?:\w+)?(?:percentage|procent)\b|\bwelk aandeel\b|"
     r"\bhoe (?:groot|hoog) (?:is|was|lag) het aandeel\b|\bin \w*procent(?:en)?\b|\bwelk deel\b", "percentage"),
    (r"\bhoeveel (?:(?:miljoen|miljard|duizend) )?(?:euro|gulden|guldens|geld)\b|\bwelk bedrag\b|\bhoeveel (?:bedroeg|bedraagt|kost|kostte)\b|\bhoeveel werd\b.*\b"
     r"(?:uitbetaald|geïnvesteerd|uitgegeven|begroot)\b|\bhoeveel (?:investeerde|investeerden|besteedde|besteedden|"
     r"betaalde|betaalden|verdiende|verdienden|reserveert|reserveerde|reserveren)\b|\bin (?:miljoen |miljard )?euro\b|\b(?:wat|hoeveel) (?:is|was|bedraagt|bedroeg)"
     r" .*\b(?:budget|begroting|bedrag|kostprijs)\b", "amount"),
    (r"\bwelke score\b|\b(?:score|scoorde)\b", "score"),
    (r"\bin welk jaar\b|\bwelk (?:school|oproep|kalender)?jaar\b", "year"),
    (r"\bsinds wanneer\b|\bwanneer\b|\bop welke datum\b", "date"),
    (r"\bhoe ?lang\b", "duration"),
    (r"\bwelk (?:voorlopig |definitief |juist )?cijfer\b", "number"),
    (r"\bmet hoeveel\b(?!\s+(?:miljoen|miljard|duizend|procent|procentpunt))", "number"),  # "met hoeveel neemt de schuld toe": the size of a change, not a count of things
    (r"\bhoeveel\b|\baantal\b|\bwelk cijfer\b", "count"),
    # "hoe groot is het gat", "hoe hoog is de inhouding": a size is asked, not a manner
    (r"\bhoe (?:groot|hoog|laag|klein|zwaar|duur|veel|omvangrijk)\b", "number"),
    (r"\bwat (?:zijn|waren|bedragen|bedroegen)\b.*\b(?:kosten|uitgaven|ontvangsten|opbrengsten|budgetten|bedragen)\b",
     "amount"),
    (r"\bwat (?:is|was|bedraagt|bedroeg)\b.*\b(?:gemiddelde|eu-gemiddelde|aandeel|percentage|cijfer|niveau|waarde|"
     r"totaal|stand)\b", "number"),
    (r"\bwelke?\s+(?:[\w-]+\s+)?(?:land|landen|provincie|provincies|sector|sectoren|regio|regio's|gewest|gemeente|"
     r"indicator|indicatoren|richting|studierichting|opleiding|beroep|bestemming|bestemmingsland|studiedomein|"
     r"systeem|categorie|groep|school|organisatie)\b|\bwie\b", "name"),
    (r"^\s*wat (?:is|zijn|betekent|houdt)\b", "definition"),
    (r"\bwelke (?:maatregelen|initiatieven|acties|stappen|instrumenten)\b|\bwat (?:doet|onderneemt)\b|\bhoe\b", "explanation"),
]

# Superlatives: which end of a column or list the question wants.
SUPERLATIVE_MAX = frozenset(
    "meeste hoogste grootste populairste sterkste beste hoogst grootst meest bovenaan".split()
)
SUPERLATIVE_MIN = frozenset("minste laagste kleinste zwakste slechtste laagst kleinst minst laatst onderaan".split())
# "de tien grootste knelpuntberoepen": a superlative after a number selects a top-N list.
NUMBER_WORDS = frozenset("twee drie vier vijf zes zeven acht negen tien twaalf twintig".split())

# ---------------------------------------------------------------- operations
# Each operation of figures.OPERATIONS has its cues here (regular expressions over the
# lower-cased question). Only explicit cues make a computation.
OPERATION_CUES = {
    # An average yearly *change*: "gemiddeld jaarlijks budget" is a look-up (or an average), not a CAGR.
    "cagr": [r"gemiddeld\w*\s+(?:\w+\s+){0,3}(?:per jaar|jaarlijks\w*)\s+(?:\w+\s+){0,2}?"
             r"(?:groei|stijging|daling|toename|afname|gegroeid|gestegen|gedaald|toegenomen|afgenomen)",
             r"(?:groei|stijging|daling|toename|afname|gegroeid|gestegen|gedaald|toegenomen|afgenomen|groeide|steeg|daalde)"
             r"\b.*\bgemiddeld\w*\s+(?:per jaar|jaarlijks)", r"jaarlijkse (?:groei|stijging|daling|toename|afname)",
             r"\bcagr\b"],
    "growth": [r"(?:hoeveel|welk) (?:procent|percentage)\b(?!punt).*\b(?:gestegen|gedaald|gegroeid|toegenomen|afgenomen|"
               r"verhoogd|gezakt|steeg|stegen|daalde|daalden|groeide|groeiden|nam\w* toe|nam\w* af|veranderde|"
               r"veranderd|evolueerde)\b",
               r"procentuele (?:stijging|groei|daling|toename|afname|verandering|evolutie|wijziging)",
               r"groeipercentage", r"met hoeveel procent\b(?!punt)",
               r"\b(?:hoe sterk|hoeveel)\b.*\b(?:groeide|groeiden|steeg|stegen|daalde|daalden|gegroeid|gestegen|gedaald|"
               r"toegenomen|afgenomen|nam\w* toe|nam\w* af)\b.*\bin (?:procent|%)"],
    "ratio": [r"\bverhouding\b", r"hoeveel keer"],
    "difference": [r"\bprocentpunt", r"\bhoeveel punt\b", r"\bverschil\b", r"\bverschilt\b",
                   r"hoeveel (?:\w+ ){0,3}(?:meer|minder)\b", r"\b(?:hoger|lager|meer|minder) dan\b",
                   r"\bhoeveel (?:\w+ ){0,2}(?:hoger|lager|groter|kleiner|duurder|goedkoper)\b.*\bdan\b",
                   r"\bmet hoeveel\b(?!.*\bprocent).*\b(?:toe|af|gestegen|gedaald|steeg|daalde|groeide|vooruit)\b",
                   r"\bin absolute aantallen\b"],
    "complement_share": [r"(?:aandeel|percentage|procent)\b.*\b(?:niet|geen|zonder|onbeantwoord|afgewezen)\b"],
    "complement": [r"\b(?:hoe (?:hoog|groot)|hoeveel)\b.*\b(?:zonder|exclusief|excl\.|na aftrek van)\b",
                   r"\bhoeveel\b.*\b(?:niet toegekend|niet gefinancierd|niet goedgekeurd|geen beurs|zonder beurs|"
                   r"uit de boot|niet gehonoreerd|niet)\b(?!.*\bin totaal\b)"],
    "share": [r"\baandeel\b", r"welk (?:deel|percentage)", r"hoeveel procent van", r"wat is het percentage",
              r"welk percentage"],
    "average": [r"\bgemiddeld\b", r"\bgemiddelde\b", r"\bper (?:aanvraag|dossier|lening|premie|leerling|persoon)\b"],
}  # fmt: skip
# Order in which cues are tried: the first operation whose cue matches wins.
# Words that ask for an operation, not for content: they are no search terms.
OPERATION_WORDS = frozenset(
    "aantallen absolute afgenomen afname cagr daalde daalden daling evolueerde evolutie gedaald gegroeid gemiddeld "
    "gemiddelde gestegen gezakt groei groeide groeiden groeipercentage hoger jaarlijks jaarlijkse keer lager meer "
    "minder percentage procent procentpunt procentpunten procentuele punt punten steeg stegen sterk stijging "
    "toegenomen toename veranderd veranderde verandering verhoogd verhouding verschil verschilt vooruit wijziging".split()
)
# A sum of items, when nothing else is asked ("in totaal" asks for a stated total first).
SUM_CUES = r"\b(?:samen|opgeteld|bij elkaar)\b"
OPERATION_ORDER = ("cagr", "growth", "ratio", "difference", "complement_share", "complement", "share", "average")
# A "difference" that is really a gap to a value named in the question ("boven het
# streefdoel van 45%").
# Two numbers joined by only a conjunction are siblings ("respectievelijk 20 en 13 projecten"),
# never a part and its whole.
SIBLING_LINK = r"^\s*(?:en|of|dan wel|,)?\s*$"  # or only a space: two cells of a flattened table row
# Items of a list, each with its own words: "f 2 mln. voor de FAO, f 2 mln. voor Unicef en f 1 mln. voor het ICRC".
SIBLING_TAIL = r"(?:,|;|\b(?:en|of|dan wel)\b)\s*$"
# A number that is a change, not a level ("een daling van 152,7 miljoen euro"): never the whole or the
# part of a share of levels.
# Words of a change: a growth question is answered by a percentage printed as a change ("de verhoging van
# de taxitarieven met 10%"), not by a share ("tussen 60% en 100% van de verkoopwaarde").
# "de levering van gas": a noun's complement; another complement of the same noun is another thing.
OF_WORDS = frozenset({"van"})
ARTICLES = frozenset({"de", "het", "een"})
CHANGE_WORDS = (r"\b(?:daling|stijging|toename|afname|verhoging|verlaging|groei\w*|vermindering|vermeerdering|stijg\w*|"
                r"steeg|stegen|gestegen|daal\w*|gedaald|toegenomen|afgenomen|verhoogd|verlaagd|gegroeid|neemt toe|"
                r"nam toe|neemt af|nam af|toe met|af met|toenemen|toeneemt|toenam|afnemen|afneemt|afnam)\b")
CHANGE_LEAD = (r"(?:\b(?:daling|stijging|toename|afname|verhoging|verlaging|groei|vermindering|vermeerdering)\s+(?:met|van)"
               r"|\b(?:stijg\w*|steeg|stegen|gestegen|daal\w*|daalde|daalden|gedaald|toegenomen|afgenomen|verhoogd|"
               r"verlaagd|groeit|groeide|gegroeid)\s+met)\s+(?:\w+\s+)?$")  # a verb's "van" is where a change starts
# What each item of a list goes to or falls under ("9 woningen aan huurders en drie aan kopers").
ITEM_PREPOSITIONS = frozenset("aan voor naar onder bij uit in op met binnen buiten".split())
TARGET_CUES = [r"(?:streefdoel|streefcijfer|doel|doelstelling|norm|drempel)\w*\s+(?:\w+\s+){0,3}?van\s+"]
# A sentence that opens on what the one before said: "Dat is 665 miljoen euro meer dan …".
SUMMING_UP_OPENINGS = ("dat is", "dit is", "dat betekent", "dit betekent", "dat zijn", "dit zijn")
# What a comparison is made with: "0,4 procentpunt hoger dan bij de BO 2025".
COMPARED_WITH = frozenset({"dan"})
# Which side is larger in "hoeveel lager/hoger": the first-named item is below / above.
BELOW_CUES = frozenset("lager onder minder daalde gedaald kleiner zakte".split())
ABOVE_CUES = frozenset("hoger boven meer steeg gestegen groter vooruit".split())
# "in totaal" asks for a stated total first (a look-up), and a sum only without one.
TOTAL_WORDS = frozenset("totaal totale samen alle".split())
NEGATIONS = frozenset("niet geen zonder onbeantwoord".split())

# "gemiddeld(e)" that names a statistic the source prints, not an average to compute.
AVERAGE_OVERRIDES = [r"\bgemiddelde? (?:totaal)?score\b", r"\bgemiddelde duur\b", r"\bgemiddelde wachttijd\b",
                    r"\beu-gemiddelde\b", r"\beuropese gemiddelde\b", r"\bgemiddelde looptijd\b",
                    r"\bgemiddelde (?:duur|behandelingstermijn|doorlooptijd)\b", r"\bhoe ?lang\b"]  # fmt: skip
# Phrases that look like an operation cue but ask for words ("Is er een verschil in beleid?").
LOOKUP_OVERRIDES = [r"\bverschil in (?:beleid|aanpak|visie)\b", r"\bis er (?:een )?verschil\b"]

# A source that says the figure does not exist or is not kept: the question must be refused.
NOT_KEPT = [r"\bniet (?:bij)?gehouden\b", r"\bniet beschikbaar\b", r"\bgeen (?:gegevens|informatie|cijfers)\b",
            r"\bniet (?:kan|kunnen) meedelen\b", r"\bkan (?:u|ik) (?:dan ook )?niet meedelen\b",
            r"\bniet geregistreerd\b", r"\bniet opgevolgd\b", r"\bbeschik(?:t|ken|ik) (?:niet|ook niet) over\b",
            r"\bniet (?:uit te splitsen|op te splitsen|eenduidig te maken)\b", r"\bbestaan geen\b"]
# A question after a cause ("waarom …?"), and the words with which a source gives one.
CAUSE_QUESTION = r"^\s*waarom\b|\bom welke redenen?\b|\bwelke redenen?\b|\bwat is de reden\b|\bhoe komt het\b|\bhoe verklaa?r(?:t|en|de|den)\b"
CAUSE_CUES = (r"\b(?:omdat|doordat|daardoor|hierdoor|aangezien|want|immers|vanwege|wegens|reden|redenen|gevolg|"
              r"daarom|zodat|dankzij|te wijten|(?:komt|kwam|komen|kwamen) door)\b")
# Conjunctions that join a cause and its effect in one sentence: after a "cause first" one the
# effect follows ("X, waardoor Y"), after an "effect first" one the cause ("Y, omdat X").
CAUSE_FOLLOWS = r"\b(?:omdat|doordat|aangezien|want|vanwege|wegens|dankzij)\b"
EFFECT_FOLLOWS = r"\b(?:waardoor|zodat|daardoor|hierdoor|daarom)\b"
# Words with which a sentence takes its subject from the one before: a part of it ("daarvan"),
# the same figure ("dat aantal"), or a demonstrative that opens it ("Deze kwam uit op 10 miljoen").
OF_WHICH = r"^\s*(?:daarvan|hiervan|van hen|van die|waarvan)\b|\b(?:daarvan|hiervan)\b"
BACK_REFERENCE = (r"\b(?:dat aantal|dat cijfer|dat bedrag|die aantallen|waren dat|was dat|ging het om|gaat het om|"
                  r"een jaar (?:later|eerder)|(?:voren|boven|eerder|hier|daar|laatst|voor)\s?genoemde?|voornoemde?|bovenstaande|vorenstaande)\b")
DEMONSTRATIVE_OPENING = r"^\W*(?:\d{1,2}\s+)?(?:deze|dit|die|dat)\s+(?!(?:een|de|het|er|zij|ze|hij|ik|wij|we|u|men)\b)"
# Sentences that continue the one before ("Daarnaast …", "Ook …") belong to an explanation.
CONTINUATION = (r"^(?:daarnaast|ook|verder|bovendien|tot slot|ten slotte|zo|daarbij|tegelijk|daarom|daartoe|daarvoor|"
                r"hiervoor|hiertoe|concreet|eveneens|tevens|ten (?:eerste|tweede|derde|vierde))\b")

# Words before a number the sentence rejects ("1.864 en niet 1.684", "3.443 in plaats van 3.263").
REJECTED_BEFORE = r"(?:\bniet|\bin plaats van|\bi\.p\.v\.|\bals eerder gemeld|\bfoutief)\s*$"

# Units of time: what a "hoe lang" question is answered in.
TIME_UNITS = frozenset("dag dagen werkdag werkdagen week weken maand maanden jaar jaren uur uren".split())
# Units of measure a number counts in ("2.520 hectare"): nouns, even when they end in -e.
MEASURE_WORDS = frozenset("hectare hectaren ha are kilometer kilometers km meter meters m ton tonnen kilogram kg "
                          "liter liters gigawattuur megawatt kilowattuur uur uren dagen dag weken maanden jaren".split())

# ---------------------------------------------------------------- table vocabulary
TOTAL_ROW = frozenset("totaal total totalen eindtotaal generaal algemeen som".split())
CAPTION = r"(?:tabel|figuur|grafiek)\s*[a-z]?\d+[a-z]?\s*[:.–-]"
MISSING_CELLS = frozenset("n.b. nb n.v.t. nvt – — - : .. ... x n/a na p.m. pm memorie".split())  # "Memorie": pro memorie, no amount
FOOTNOTE_LINE = r"^\s*(?:[a-z]|\d|\*+)\)\s|^\s*(?:bron|bronnen|noot|opmerking)\s*:|^\s*n\.?b\.?\s*=|^\s*[–—-]\s*="
INDEX_HEADERS = frozenset("nr nr. no no. rang rank # volgnummer".split())

# ---------------------------------------------------------------- follow-ups
FOLLOW_UP = r"^\s*(?:en|maar|ook)\b|^\s*(?:wat|hoe) (?:met|zit het met|over)\b|^\s*idem\b"

# ---------------------------------------------------------------- web server (qa_bot.serve.guard)
SERVER = {
    "login_required": "Log eerst in op de chat.",
    "login_missing": "De chat en de documenten vragen een login: zet QA_BOT_UI_USER en QA_BOT_UI_PASSWORD.",
    "token_required": "Ongeldige of ontbrekende API-token (Authorization: Bearer …) of login.",
    "not_published": "Niet gepubliceerd.",
    "no_upload": "Uploaden kan hier niet.",
    "too_large": "Het verzoek is te groot.",
    "too_slow": "Het verzoek kwam te traag binnen.",
    "login_locked": "Te veel mislukte aanmeldingen. Probeer het over {seconds} seconden opnieuw.",
    "rate_limited": "Te veel vragen na elkaar. Probeer het over {seconds} seconden opnieuw.",
    "invalid": "Ongeldig verzoek: {problems}.",
    "exposed": ("qa-bot zou luisteren op {host} zonder login of API-token: iedereen op het netwerk kan dan "
                "vragen stellen en de documenten lezen. Zet QA_BOT_UI_USER en QA_BOT_UI_PASSWORD (of "
                "QA_BOT_API_TOKEN), of kies bewust voor open toegang met QA_BOT_OPEN=1 (qa-bot serve --open)."),
    "open_warning": "Let op: qa-bot is open op {host} (QA_BOT_OPEN): geen login en geen API-token.",
}
PROBLEMS = {
    "missing": "ontbreekt", "string": "moet tekst zijn", "int": "moet een geheel getal zijn",
    "float": "moet een getal zijn", "bool": "moet true of false zijn", "list": "moet een lijst zijn",
    "object": "moet een object zijn", "too_small": "is te klein", "too_large": "is te groot",
    "too_long": "is te lang", "json": "is geen geldige JSON", "extra": "is geen bekend veld",
    "choice": "heeft geen toegelaten waarde", "other": "is ongeldig", "request": "het verzoek",
}  # fmt: skip

# ---------------------------------------------------------------- messages
REASONS = {
    "no_passages": "Dat staat niet in de bronnen: ik vond geen passage die deze vraag beantwoordt.",
    "not_covered": "Dat staat niet in de bronnen: ik vond geen passage die deze vraag beantwoordt.",
    "unknown_name": "Dat staat niet in de bronnen: {detail} komt in geen enkel document voor.",
    "missing_year": "Dat staat niet in de bronnen: ze geven geen cijfers voor {detail}.",
    "no_number": "Dat staat niet in de bronnen: de passende passages noemen geen getal hiervoor.",
    "not_kept": "Dat staat niet in de bronnen: volgens de bron worden die gegevens niet bijgehouden of zijn ze niet beschikbaar.",
    "low_confidence": "Dat staat niet in de bronnen: geen passage beantwoordt deze vraag met voldoende zekerheid.",
    "no_operands": "Dat kan ik niet berekenen uit de bronnen: {detail}.",
    "unsupported": "Dat staat niet in de bronnen: het antwoord zou getallen bevatten die geen bron vermeldt.",
    "follow_up": "Ik kan deze vervolgvraag niet koppelen aan een vorige vraag. Stel de volledige vraag.",
    "empty_index": "De index is leeg: er zijn nog geen documenten geïndexeerd.",
    "filtered": "Dat staat niet in de bronnen binnen de filters ({detail}).",
}
DETAILS = {
    "no_two_numbers": "geen twee vergelijkbare getallen",
    "no_two_years": "geen getallen voor twee verschillende jaren",
    "years_differ": "de getallen horen bij verschillende jaren",
    "no_list": "geen lijst van aantallen",
    "not_cited": "de berekening steunt niet volledig op geciteerde getallen",
    "no_match": "geen passende getallen",
    "share_of_percentages": "een aandeel van percentages is geen zinvolle berekening",
    "no_figures_for": "geen cijfers voor {years}",
}
LABELS = {
    "according": {"antwoord": "het antwoord van de minister", "vraag": "de vraag", "rapport": "het rapport"},
    "lead": "Volgens {part}",
    "table_lead": "Volgens {caption}",
    "calc": "Berekening",
    "from": "uit",
    "and": "en",
    "source": "Bron",
    "row": "rij",
    "column": "kolom",
    "total": "totaal",
    "follow_up": "Vervolgvraag opgevat als",
    "filters": "filters",
    "documents_left": "{n} document(en) over",
    "operations": {
        "share": "Aandeel", "share_of_sum": "Aandeel", "joined_share": "Aandeel", "complement_share": "Resterend aandeel", "complement": "Resterend aantal",
        "growth": "Groei", "growth_from_change": "Groei", "cagr": "Gemiddelde jaarlijkse groei", "ratio": "Verhouding",
        "difference": "Verschil", "sum": "Totaal", "average": "Gemiddelde", "gap": "Afstand tot",
    },
    "per_year": "per jaar",
    "pp": "procentpunt",
    "highest": "hoogste",
    "lowest": "laagste",
    # what an operand is, from the words around it in its source ("toegekend 2025" vs "gevraagd 2025")
    "qualifiers": {
        "granted": "toegekend", "requested": "gevraagd", "issued": "uitgereikt", "submitted": "ingediend",
        "rejected": "afgewezen", "realised": "gerealiseerd", "planned": "gepland", "budgeted": "begroot",
    },
    "chart": {"bar": "Staafdiagram", "line": "Lijndiagram", "axis": "y-as"},
}  # fmt: skip

# ---------------------------------------------------------------- reading real documents
# Document types that are read as one report part: no member's question with a minister's
# answer (a debate's questions are rhetorical; a budget asks nothing).
REPORT_DOC_TYPES = frozenset("rapport verslag scorebord handelingen begroting jaarverslag monitor nota".split())
# Currency marks before an amount: the guilder's "f", "ƒ", "fl.", "hfl." and the euro's.
CURRENCY_PREFIXES = {"f": "gulden", "ƒ": "gulden", "fl": "gulden", "hfl": "gulden", "f.": "gulden",
                     "€": "euro", "eur": "euro", "euro": "euro"}  # fmt: skip
# Currency words after an amount ("45 miljoen gulden", "12 euro").
CURRENCY_WORDS = {"gulden": "gulden", "guldens": "gulden", "gld": "gulden", "euro": "euro", "eur": "euro"}
# Units a number is printed in that are no currency: percentage points.
POINT_WORDS = frozenset("procentpunt procentpunten pp %-punt".split())
# Scale words after a number, abbreviated or not; "min." is how OCR reads "mln." after an amount.
SCALE_WORDS = {
    "duizend": 1e3, "dz": 1e3, "miljoen": 1e6, "mln": 1e6, "mio": 1e6, "miljard": 1e9, "mld": 1e9, "mrd": 1e9,
    "md": 1e9,
}  # fmt: skip
OCR_SCALE_WORDS = {"min": 1e6}  # only near money: "f 58,3 min.", "een bedrag tussen de 50 en 100 min."
# Nouns that make a nearby "min." an amount in millions, not minutes.
MONEY_NOUNS = frozenset("bedrag bedragen kosten uitgaven ontvangsten begroting subsidie subsidies winst verlies "
                        "gulden guldens euro budget steun premie heffing opbrengst".split())
# Words before a number that make it approximate or a bound ("ruim 1,4 miljoen", "circa 600").
# what follows these in a share question names the part ("welk deel van de stijging is toe te
# schrijven aan Lantis"): a share whose part operand's context lacks it is about something else
SHARE_PART_CUES = (
    r"toe te schrijven aan", r"(?:komt|komen|kwam|kwamen) (?:voort )?(?:door|uit|van)", r"(?:bestaat|bestaan|bestond) uit",
    r"(?:gaat|gaan|ging|gingen) (?:naar|via)", r"(?:valt|vallen|viel|vielen) onder", r"(?:is|zijn|was|waren) afkomstig (?:van|uit)",
    r"(?:is|zijn|was|waren) bestemd voor",
)
# prepositions that put a year after them: "in 202910" is the year 2029 with footnote 10
YEAR_PREPOSITIONS = frozenset("in tot sinds vanaf tegen tussen".split())
# Words that join a quantity's clause to the next one: the year before them is the quantity's
# ("91,9% bij begrotingsopmaak 2026 en tot 108,6% in 2030").
# "respectievelijk" pairs the numbers of one list with the items of another, in order.
RESPECTIVELY = r"\b(?:respectievelijk|resp\.)"
LIST_CONJUNCTIONS = frozenset("en of".split())
# Verbs in the plural that may follow a year ("bij de begrotingsopmaak 2026 liggen …"): they
# count nothing, as a plural noun would ("2026 woningen").
PLURAL_VERBS = frozenset("zijn waren worden werden liggen lagen blijven bleven staan stonden gaan gingen komen kwamen hebben hadden kunnen konden moeten moesten zullen zouden mogen mochten stijgen stegen dalen daalden".split())
CLAUSE_LINKS = frozenset("en of tot maar terwijl tegen".split())
# The time of the text itself: a clause that says "nu" is not of the year named before it.
PRESENT_TIME = frozenset("nu thans momenteel heden tegenwoordig".split())
# endings of a plural noun: what a bare number counts ("1500 woningen")
PLURAL_ENDINGS = ("en", "s", "'s", "’s")
APPROX_BEFORE = frozenset("ruim circa ca ca. ongeveer bijna zo'n nagenoeg omstreeks plusminus ±".split())
BOUND_BEFORE = {"meer dan": "lower", "minder dan": "upper", "ten minste": "lower", "minstens": "lower",
                "maximaal": "upper", "hoogstens": "upper", "tenminste": "lower", "minimaal": "lower"}  # fmt: skip
# Words before a number that make it an identifier, not a quantity: dossier and Kamerstuk
# numbers, article numbers, question and answer numbers, pages.
IDENTIFIER_BEFORE = frozenset(
    """
    nr nr. nrs nrs. nummer nummers no no. artikel artikelen art art. lid punt vraag vragen antwoord antwoorden
    hoofdstuk hoofdstukken bijlage bijlagen pagina pagina's blz blz. p p. pp. kamerstuk kamerstukken stuk stukken
    dossier dossiernummer motie moties amendement paragraaf par par. stb stb. stcrt stcrt. staatsblad staatscourant
    issn isbn telefoon tel tel. fax postbus aanhangsel zaaknummer kenmerk ref referentie wet versie onderdeel
    tabel tabellen figuur figuren grafiek grafieken type zie niveau niveaus categorie fase graad
    """.split()
)
# Words that cite an article of a law: the year in "artikel 12 CW 1976" names the law, not a period.
ARTICLE_WORDS = frozenset("artikel artikelen art art.".split())
# Headings that open a numbered question or answer ("Vraag 3", "Antwoord op vraag 3", "Ad 1").
QA_HEADING = (r"(?P<label>vragen|vraag|antwoorden|antwoord|ad)(?:\s+op\s+(?:de\s+)?vra(?:ag|gen))?"
              r"(?:\s+(?:nr\.?\s*)?(?P<numbers>\d{1,2}(?:\s*(?:,|en|t/m|tot en met|-|–)\s*\d{1,2})*))?")
QUESTION_LABELS = frozenset("vraag vragen".split())
ANSWER_LABELS = frozenset("antwoord antwoorden ad".split())
# The header that opens the government's answer in the Handelingen, however long its line runs
# ("Antwoord Antwoord van Staatssecretaris X (Financiën), mede namens … (Ontvangen …) 1 Ja."):
ANSWER_BY = (r"(?P<label>antwoord)(?:\s+antwoord)?\s+van\s+(?:de\s+)?"
             r"(?:minister|ministers|staatssecretaris|staatssecretarissen|minister-president|regering|bewindslieden)\b")
# Definite articles and demonstratives: "de tien knelpuntberoepen" selects, it does not count.
DEFINITE_ARTICLES = frozenset("de het deze die dit dat".split())
# The partitive "er" before a number: "zijn er 33" counts what the number before it counted.
PARTITIVE_BEFORE = frozenset({"er"})
# Prefixes of verbs and nouns that are also function words ("aankoop", "ontraad", "heropen"):
# a word that starts with one is a compound, not glue.
VERB_PREFIXES = frozenset("aan af achter be bij door er ge her in mee mis na om on ont onder op over samen tegen "
                          "terug toe uit ver voor vol weg".split())
# Ordinal endings after a number ("1e", "2de", "1ste"): no glue to split.
ORDINAL_SUFFIXES = frozenset("e de ste ste. en".split())
# Number words that text2num reads ("vijftig miljoen", "drie", "één"); "een" alone is an article.
NUMBER_WORD_STEMS = (
    "één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|dertien|veertien|vijftien|zestien|zeventien|"
    "achttien|negentien|twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig|honderd|duizend|miljoen|miljard"
)
ARTICLE_ONE = frozenset("een".split())  # "een miljard" is a quantity, "een" alone is not
ONE_IN = r"(?:een|één|1)\s+op\s+(?:de\s+)?"  # "een op de vier" = 25%
PAGE_OF = r"\b(?:pagina|blz\.?|p\.)\s*\d+\s*(?:van|/)\s*\d+"  # "Pagina 2 van 5"
# A reply word opens a numbered answer that OCR ran on after the answer's header ("… 1994-1995 1 Ja, het klopt").
REPLY_WORDS = frozenset("ja nee neen".split())
# What joins a list of numbers ("5 en 6", "2, 3 t/m 5"): one run-on heading may number several answers.
NUMBER_LIST_JOINERS = r"(?:,|en|t/m|tot en met|-|–)"
# A cross-reference to a numbered item ("de onder 3 genoemde resolutie"): the text before and after the number.
ITEM_REFERENCE = (r"(?<![^\W\d_])(?:de|het|die|dat|deze)\s+(?:onder|sub|in|bij|op)\s+$",
                  r"\s+(?:genoemde?|vermelde?|bedoelde?|aangehaalde?|beschreven|aangegeven|gestelde?)(?![\w-])")
FRACTION_WORDS = {"één derde": 1 / 3, "een derde": 1 / 3, "twee derde": 2 / 3, "de helft": 0.5, "een kwart": 0.25,
                  "drie kwart": 0.75, "een vijfde": 0.2}  # fmt: skip

# Words in a Dutch source around a number that say what it counts (LABELS["qualifiers"] names them).
QUALIFIER_CUES = {
    "granted": r"\b(?:toegekend\w*|toekenning\w*|gefinancierd\w*|goedgekeurd\w*|gehonoreerd\w*)",
    "requested": r"\b(?:vraag naar|gevraagd\w*|aangevraagd\w*|aanvra(?:ag|gen)\w*)",
    "issued": r"\b(?:uitgereikt\w*|uitgegeven\w*|afgeleverd\w*)",
    "submitted": r"\b(?:ingediend\w*|indiening\w*)",
    "rejected": r"\b(?:afgewezen\w*|geweigerd\w*|niet weerhouden)",
    "realised": r"\b(?:gerealiseerd\w*|uitgevoerd\w*)",
    "planned": r"\b(?:gepland\w*|voorzien\w*|verwacht\w*)",
    "budgeted": r"\b(?:begroot\w*|begroting\w*|budget\w*)",
}
