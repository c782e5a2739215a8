"""English: questions are often asked in English over Dutch (and some English) sources."""

from __future__ import annotations

from bm25s.stopwords import STOPWORDS_EN as _BM25_STOP_WORDS

STOP_WORDS = frozenset(_BM25_STOP_WORDS) | frozenset(
    """
    are been did do does from had has have how its many much what when where which who whom why
    would than per get got all any both each few more most other some such only own same so too
    very can could should may might must shall about above after again against before below
    between during over under up down out off once here there these those our ours you your he
    him his she her hers we us they them it i me my myself itself themselves yourself while
    until because though although whether also just plus one ones among within without via
    """.split()
)
QUESTION_WORDS = frozenset("how many much what which who when where why since".split())
FILLERS = frozenset(
    """
    number total sum share percentage percent proportion amount was were is are be been
    did do does had has have got get receive received value figure figures level rate
    average annual annually yearly year years combined altogether in end beginning people persons
    count counted counts number numbers total totals overall respectively
    two three four five six seven eight nine ten
    """.split()
)
ATTRIBUTION_WORDS = frozenset(
    """
    according answer answers question questions written minister mr mrs ms report annual
    scorecard scoreboard monitor edition dataset press release article source document table
    asked stated said quoted
    """.split()
)
ATTRIBUTION_LEADS = ("according to", "as stated in", "as quoted")
HONORIFICS = frozenset("mr mrs ms miss dr prof minister".split())
NAME_PARTICLES = frozenset("de der den van von la le du".split())
# A conjunction inside a name joins its words ("Sociale Zaken en Werkgelegenheid" is SZW).
NAME_CONJUNCTIONS = frozenset({"and"})

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}  # fmt: skip
SOURCE_NOUNS = frozenset("article press release answer question report edition scorecard table committee".split())
PLACE_ADJECTIVES = {
    "flemish": "vlaanderen", "walloon": "wallonië", "belgian": "belgië", "dutch": "nederland",
    "german": "duitsland", "french": "frankrijk", "spanish": "spanje", "european": "europa",
    "austrian": "oostenrijk", "finnish": "finland", "irish": "ierland", "italian": "italië",
}  # fmt: skip

PLACES = frozenset(
    """
    flanders wallonia brussels belgium antwerp limburg ghent leuven bruges netherlands germany france
    spain italy portugal ireland malta austria finland sweden denmark norway iceland poland czechia
    slovakia slovenia croatia hungary romania bulgaria greece cyprus estonia latvia lithuania luxembourg
    europe
    """.split()
)

NOMINALISATIONS: dict[str, str] = {}  # English keys already reach the Dutch nouns through the glossary

ANSWER_TYPE_CUES = [
    (r"\bpercentage points?\b", "pp"),
    (r"\bwhat (?:share|percentage|proportion|fraction)\b|\bshare of\b|\bpercentage of\b|\brate\b", "percentage"),
    (r"\bhow much (?:money|did .* cost|was (?:budgeted|allocated|spent|paid))\b|\bbudget\b|\bfunding\b|\bin euro\b",
     "amount"),
    (r"\bwhat score\b|\bscore\b", "score"),
    (r"\bin which year\b|\bwhich year\b", "year"),
    (r"\bsince when\b|\bwhen\b|\bon what date\b", "date"),
    (r"\bhow long\b", "duration"),
    (r"\bby how much\b", "number"),  # "by how much are receipts higher": the size of a change, not a count
    (r"\bhow many\b|\bhow much\b|\bwhat (?:number|amount)\b|\bnumber of\b", "count"),
    (r"\bhow (?:large|big|high|low|small|heavy|expensive)\b", "number"),
    (r"\bwhat (?:are|were)\b.*\b(?:costs|expenses|expenditures|receipts|revenues|budgets)\b", "amount"),
    (r"\bwhat (?:is|was)\b.*\b(?:average|share|rate|level|value|figure|total)\b", "number"),
    (r"\bwhich\s+(?:[\w-]+\s+)?(?:country|countries|province|provinces|sector|sectors|region|indicator|indicators|programme|"
     r"destination|system|category|school)\b|\bwho\b", "name"),
    (r"^\s*what (?:is|are) (?:a |an |the )?", "definition"),
    (r"\bwhat (?:does|do|did) .* do\b|\bwhich (?:measures|initiatives|actions|steps)\b|\bhow\b", "explanation"),
]
SUPERLATIVE_MAX = frozenset("most highest largest biggest top best strongest".split())
SUPERLATIVE_MIN = frozenset("least lowest smallest fewest worst weakest".split())
NUMBER_WORDS = frozenset("two three four five six seven eight nine ten twelve twenty".split())

OPERATION_CUES = {
    "cagr": [r"average (?:annual|yearly) (?:growth|increase|decrease|decline|change|rate of growth)",
             r"(?:grow|grew|rise|rose|increase|increased|fall|fell|decline|declined)\b.*\bper year on average",
             r"\bcagr\b", r"compound annual"],
    "growth": [r"by what percent(?:age)?", r"by how much\b.*\bin percent", r"percent(?:age)? (?:increase|growth|decrease|rise|change)",
               r"how much did .* (?:grow|increase|rise|fall|decrease)", r"\bby what percentage\b"],
    "ratio": [r"\bratio\b", r"how many times"],
    "complement_share": [r"(?:share|percentage|proportion)\b.*\b(?:not|without|no)\b"],
    "complement": [r"how many\b.*\b(?:not|without|no|left without)\b(?!.*\bin total\b)",
                   r"how much\b.*\bnot (?:granted|funded|awarded|allocated)\b"],
    "share": [r"what (?:share|percentage|proportion|fraction)", r"\bshare of\b", r"percentage of"],
    "difference": [r"\bdifference\b", r"\bby how much\b", r"how many (?:more|fewer)", r"\bgap\b", r"how much (?:more|less|higher|lower)",
                   r"\b(?:higher|lower|more|fewer|less) than\b", r"how many (?:points|percentage points)",
                   r"percentage points?"],
    "average": [r"\bon average\b", r"\baverage\b", r"\bper (?:application|loan|grant|pupil|person)\b"],
}  # fmt: skip
# Two numbers joined by only a conjunction are siblings ("respectievelijk 20 en 13 projecten"),
# never a part and its whole.
SIBLING_LINK = r"^\s*(?:and|or|,)?\s*$"  # or only a space: two cells of a flattened table row
SIBLING_TAIL = r"(?:,|;|\b(?:and|or)\b)\s*$"  # items of a list: "EUR 2 million for X, EUR 1 million for Y"
OF_WORDS = frozenset({"of"})  # "the supply of gas": a noun's complement
ARTICLES = frozenset({"the", "a", "an"})
# What a comparison is made with: "0.4 percentage points higher than in the 2025 budget".
COMPARED_WITH = frozenset({"than"})
# A sentence that opens on what the one before said: "That is 665 million euros more than …".
SUMMING_UP_OPENINGS = ("that is", "this is", "that means", "this means", "these are")
CHANGE_WORDS = (r"\b(?:decrease\w*|increase\w*|rise|rose|risen|fall|fell|fallen|drop\w*|growth|grew|grow\w*|"
                r"reduction|reduced|raised)\b")  # words of a change ("raised by 10%")
CHANGE_LEAD = (r"(?:\b(?:decrease|increase|rise|fall|drop|growth|reduction)\s+(?:of|by)|\b(?:rose|fell|increased|decreased|"
               r"grew|dropped)\s+by)\s+(?:\w+\s+)?$")  # a change, not a level
# What each item of a list goes to or falls under ("9 woningen aan huurders en drie aan kopers").
ITEM_PREPOSITIONS = frozenset("to for in at under from on with within".split())
TARGET_CUES = [r"(?:target|benchmark|goal|threshold)\w*\s+(?:\w+\s+){0,3}?of\s+"]
BELOW_CUES = frozenset("lower below less fewer fell decreased smaller".split())
ABOVE_CUES = frozenset("higher above more rose increased larger".split())
TOTAL_WORDS = frozenset("total all combined".split())
NEGATIONS = frozenset("not no without".split())
OPERATION_WORDS = frozenset(
    "altogether annual average cagr change combined compound decline declined decrease difference fall fell fewer "
    "fraction grew grow growth higher increase increased less lower percent percentage points proportion rate ratio "
    "rise rose times total yearly".split()
)
# A sum of items, when nothing else is asked ("in total" asks for a stated total first).
SUM_CUES = r"\b(?:combined|altogether|added up)\b"
OPERATION_ORDER = ("cagr", "growth", "ratio", "difference", "complement_share", "complement", "share", "average")
AVERAGE_OVERRIDES = [r"\baverage (?:total |overall )?score\b", r"\beu average\b", r"\baverage duration\b",
                     r"\bhow long\b", r"\baverage waiting\b"]  # fmt: skip
LOOKUP_OVERRIDES = [r"\bdifference in (?:policy|approach)\b", r"\bis there (?:a )?difference\b"]

NOT_KEPT = [r"\bnot (?:available|kept|recorded|collected)\b", r"\bno (?:data|information|figures)\b",
            r"\bcannot (?:be )?(?:provided|broken down)\b"]
CONTINUATION = r"^(?:in addition|also|furthermore|moreover|finally|first|second|third|therefore|to that end|for this|besides)\b"

REJECTED_BEFORE = r"(?:\bnot|\binstead of|\brather than|\bpreviously reported as)\s*$"

TIME_UNITS = frozenset("day days working week weeks month months year years hour hours".split())
MEASURE_WORDS = frozenset("hectare hectares ha kilometre kilometres kilometer kilometers km metre metres meter meters "
                          "tonne tonnes ton tons litre litres hours days weeks months years".split())
TOTAL_ROW = frozenset("total totals grand overall sum".split())
CAPTION = r"(?:table|figure|chart)\s*[a-z]?\d+[a-z]?\s*[:.–-]"
MISSING_CELLS = frozenset("n/a na : .. ... x - – —".split())
FOOTNOTE_LINE = r"^\s*(?:source|note|notes)\s*:"
INDEX_HEADERS = frozenset("no no. nr rank # number".split())

FOLLOW_UP = r"^\s*(?:and|but|also)\b|^\s*what about\b|^\s*how about\b|^\s*same for\b"

# ---------------------------------------------------------------- web server (qa_bot.serve.guard)
SERVER = {
    "login_required": "Log in to the chat first.",
    "login_missing": "The chat and the documents need a login: set QA_BOT_UI_USER and QA_BOT_UI_PASSWORD.",
    "token_required": "Invalid or missing API token (Authorization: Bearer …) or login.",
    "not_published": "Not published.",
    "no_upload": "Uploads are not accepted here.",
    "too_large": "The request is too large.",
    "too_slow": "The request arrived too slowly.",
    "login_locked": "Too many failed logins. Try again in {seconds} seconds.",
    "rate_limited": "Too many questions in a row. Try again in {seconds} seconds.",
    "invalid": "Invalid request: {problems}.",
    "exposed": ("qa-bot would listen on {host} without a login or API token: anyone on the network could "
                "ask questions and read the documents. Set QA_BOT_UI_USER and QA_BOT_UI_PASSWORD (or "
                "QA_BOT_API_TOKEN), or choose open access on purpose with QA_BOT_OPEN=1 (qa-bot serve --open)."),
    "open_warning": "Note: qa-bot is open on {host} (QA_BOT_OPEN): no login and no API token.",
}
PROBLEMS = {
    "missing": "is missing", "string": "must be text", "int": "must be a whole number",
    "float": "must be a number", "bool": "must be true or false", "list": "must be a list",
    "object": "must be an object", "too_small": "is too small", "too_large": "is too large",
    "too_long": "is too long", "json": "is not valid JSON", "extra": "is not a known field",
    "choice": "is not an allowed value", "other": "is invalid", "request": "the request",
}  # fmt: skip

REASONS = {
    "no_passages": "The sources do not say: I found no passage that answers this question.",
    "not_covered": "The sources do not say: I found no passage that answers this question.",
    "unknown_name": "The sources do not say: {detail} does not occur in any document.",
    "missing_year": "The sources do not say: they give no figures for {detail}.",
    "no_number": "The sources do not say: the matching passages give no number for this.",
    "not_kept": "The sources do not say: according to the source these data are not kept or not available.",
    "low_confidence": "The sources do not say: no passage answers this question with enough certainty.",
    "no_operands": "I cannot compute that from the sources: {detail}.",
    "unsupported": "The sources do not say: the answer would contain numbers that no source prints.",
    "follow_up": "I cannot link this follow-up question to a previous question. Please ask the full question.",
    "empty_index": "The index is empty: no documents have been indexed yet.",
    "filtered": "The sources do not say within the filters ({detail}).",
}
DETAILS = {
    "no_two_numbers": "no two comparable numbers",
    "no_two_years": "no numbers for two different years",
    "years_differ": "the numbers belong to different years",
    "no_list": "no list of amounts",
    "not_cited": "the calculation does not rest entirely on cited numbers",
    "no_match": "no matching numbers",
    "share_of_percentages": "a share of percentages is not meaningful",
    "no_figures_for": "no figures for {years}",
}
LABELS = {
    "according": {"antwoord": "the minister's answer", "vraag": "the question", "rapport": "the report"},
    "lead": "According to {part} (quoted in Dutch)",
    "table_lead": "According to {caption}",
    "calc": "Calculation",
    "from": "from",
    "and": "and",
    "source": "Source",
    "row": "row",
    "column": "column",
    "total": "total",
    "follow_up": "Follow-up read as",
    "filters": "filters",
    "documents_left": "{n} document(s) left",
    "operations": {
        "share": "Share", "share_of_sum": "Share", "joined_share": "Share", "complement_share": "Remaining share", "complement": "Remainder",
        "growth": "Growth", "growth_from_change": "Growth", "cagr": "Average annual growth", "ratio": "Ratio",
        "difference": "Difference", "sum": "Total", "average": "Average", "gap": "Distance to",
    },
    "per_year": "per year",
    "pp": "percentage points",
    "highest": "highest",
    "lowest": "lowest",
    "qualifiers": {
        "granted": "granted", "requested": "requested", "issued": "issued", "submitted": "submitted",
        "rejected": "rejected", "realised": "realised", "planned": "planned", "budgeted": "budgeted",
    },
    "chart": {"bar": "Bar chart", "line": "Line chart", "axis": "y axis"},
}  # fmt: skip

# ---------------------------------------------------------------- reading real documents
CAUSE_QUESTION = r"^\s*why\b|\bfor what reasons?\b|\bwhat is the reason\b|\bwhat reasons?\b|\bhow come\b|\bhow (?:does|do|did) .{0,60}\bexplain\b"
CAUSE_CUES = r"\b(?:because|due to|owing to|since|as a result|therefore|reason|reasons|thanks to|so that)\b"
# Words of an attribution phrase that name no document by its title.
ATTRIBUTION_GENERIC = frozenset("according answer questions no".split())
# "How much" that asks for a value, not a count of things.
VALUE_QUESTION = r"\bhow much\s+(?:\w+\s+)?(?:is|was|were|are|did|does|do|cost|costs|went|brought)\b"
# Words with which a sentence takes its subject from the one before.
OF_WHICH = r"^\s*of (?:these|them|which)\b"
BACK_REFERENCE = r"\b(?:that number|this number|aforementioned|above-?mentioned|the latter|the former)\b"
DEMONSTRATIVE_OPENING = r"^\W*(?:this|these|that|those)\s+"
# Conjunctions that join a cause and its effect in one sentence ("Y because X", "X, so that Y").
CAUSE_FOLLOWS = r"\b(?:because|due to|owing to|thanks to)\b"
EFFECT_FOLLOWS = r"\b(?:so that|therefore|which is why|as a result)\b"
REPORT_DOC_TYPES = frozenset("report scoreboard proceedings budget".split())
DEFINITE_ARTICLES = frozenset("the these those this that".split())
PARTITIVE_BEFORE: frozenset[str] = frozenset()  # English has no partitive "er"
CURRENCY_PREFIXES = {"€": "euro", "eur": "euro"}
CURRENCY_WORDS = {"euro": "euro", "euros": "euro", "eur": "euro", "guilders": "gulden"}
SCALE_WORDS = {"thousand": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9}
OCR_SCALE_WORDS: dict[str, float] = {}
MONEY_NOUNS = frozenset("amount cost costs spending revenue budget subsidy profit".split())
SHARE_PART_CUES = (
    r"(?:is|are|was|were) (?:due|attributable) to", r"(?:comes?|came) from", r"(?:goes|go|went) (?:to|through|via)",
    r"(?:consists?|consisted) of", r"(?:falls?|fell) under", r"(?:is|are|was|were) (?:earmarked|intended) for",
)
YEAR_PREPOSITIONS = frozenset("in until since from by between".split())
# "respectievelijk" pairs the numbers of one list with the items of another, in order.
RESPECTIVELY = r"\brespectively\b"
LIST_CONJUNCTIONS = frozenset("and or".split())
# Verbs in the plural that may follow a year ("bij de begrotingsopmaak 2026 liggen …"): they
# count nothing, as a plural noun would ("2026 woningen").
PLURAL_VERBS = frozenset("are were have had will would can could may might must shall should rise rose fall fell remain remained stand stood".split())
CLAUSE_LINKS = frozenset("and or to but while against".split())
PRESENT_TIME = frozenset("now currently presently".split())
# endings of a plural noun: what a bare number counts ("1500 woningen")
PLURAL_ENDINGS = ("s", "'s", "’s")
APPROX_BEFORE = frozenset("about around approximately nearly almost roughly some".split())
BOUND_BEFORE = {"more than": "lower", "less than": "upper", "at least": "lower", "at most": "upper",
                "over": "lower", "under": "upper"}  # fmt: skip
# Words that cite an article of a law: the year in "section 12 of the Act 1976" names the law.
ARTICLE_WORDS = frozenset("article articles art art. section".split())
IDENTIFIER_BEFORE = frozenset("no no. nr nr. number article art art. question answer chapter annex page p p. pp. "
                              "section paragraph motion amendment issn isbn tel tel. phone table figure type level see".split())
QA_HEADING = (r"(?P<label>questions|question|answers|answer)"
              r"(?:\s+(?:no\.?\s*)?(?P<numbers>\d{1,2}(?:\s*(?:,|and|-|–)\s*\d{1,2})*))?")
QUESTION_LABELS = frozenset("question questions".split())
ANSWER_LABELS = frozenset("answer answers".split())
# The header that opens the government's answer, however long its line runs.
ANSWER_BY = (r"(?P<label>answer)\s+(?:from|by|of)\s+(?:the\s+)?"
             r"(?:minister|ministers|secretary of state|state secretary|government|prime minister)\b")
ORDINAL_SUFFIXES = frozenset("st nd rd th".split())
VERB_PREFIXES = frozenset("in out over under up down re un dis mis pre".split())
POINT_WORDS = frozenset("pp percentage-point percentage-points".split())
ONE_IN = r"(?:one|1)\s+in\s+"
PAGE_OF = r"\bpage\s*\d+\s*(?:of|/)\s*\d+"
REPLY_WORDS = frozenset("yes no".split())
NUMBER_LIST_JOINERS = r"(?:,|and|to|-|–)"
ITEM_REFERENCE = (r"\b(?:mentioned|referred\s+to|cited|described|listed)\s+(?:under|in|at)\s+$", r"\s*(?:[,.;:)]|$)")
NUMBER_WORD_STEMS = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|"
                     "sixty|seventy|eighty|ninety|hundred|thousand|million|billion")
ARTICLE_ONE = frozenset("a an one".split())
FRACTION_WORDS = {"one third": 1 / 3, "two thirds": 2 / 3, "a quarter": 0.25, "half": 0.5, "one fifth": 0.2}

QUALIFIER_CUES = {
    "granted": r"\b(?:granted|awarded|funded|approved)\b",
    "requested": r"\b(?:requested|demand for|applied for|requests?|applications?)\b",
    "issued": r"\b(?:issued|delivered)\b",
    "submitted": r"\b(?:submitted)\b",
    "rejected": r"\b(?:rejected|refused|turned down)\b",
    "realised": r"\b(?:realised|realized|achieved|completed)\b",
    "planned": r"\b(?:planned|expected|foreseen)\b",
    "budgeted": r"\b(?:budgeted|budget)\b",
}
