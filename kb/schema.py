"""The Whoosh schemas of kb's four indexes (docs, passages, facts, quotes), declared once."""
from whoosh.analysis import CharsetFilter, LowercaseFilter, RegexTokenizer, StemFilter, StopFilter
from whoosh.fields import ID, NUMERIC, STORED, TEXT, SchemaClass
from whoosh.support.charset import accent_map

INDEX_NAMES = ("docs", "passages", "facts", "quotes")
# Words, numbers with decimals ("18.7") and abbreviations ("U.S") stay whole.
TOKEN_PATTERN = r"\w+(?:\.?\w+)*"


def english_analyzer():
    """Lower case, accents folded (Borgstrom finds Borgström), English stop words out, Porter stems."""
    return RegexTokenizer(TOKEN_PATTERN) | LowercaseFilter() | CharsetFilter(accent_map) | StopFilter() | StemFilter()


def name_analyzer():
    """Names and publishers: lower case and accents folded, nothing stemmed or dropped."""
    return RegexTokenizer(TOKEN_PATTERN) | LowercaseFilter() | CharsetFilter(accent_map)


class DocSchema(SchemaClass):
    """A release, searched by all its text (title and body) so that words in different paragraphs meet."""

    doc_id = ID(stored=True, unique=True)
    source = ID(stored=True)
    title = TEXT(analyzer=english_analyzer(), stored=True, field_boost=2.0)
    body = TEXT(analyzer=english_analyzer(), spelling=True)
    body_plain = TEXT(analyzer=name_analyzer())  # releases not in English: words as written, not stemmed
    body_hash = ID(stored=True)  # the same release under two ids hashes the same
    published = ID(stored=True, sortable=True)
    publisher = TEXT(analyzer=name_analyzer(), stored=True)
    place = TEXT(analyzer=name_analyzer(), stored=True)
    language = ID(stored=True)
    data = STORED()  # JSON: url, sha256, text, extra, counts


class PassageSchema(SchemaClass):
    """A paragraph or bullet, for the best passages of a release and their highlights."""

    passage_id = ID(stored=True, unique=True)
    doc_id = ID(stored=True)
    source = ID(stored=True)
    number = NUMERIC(stored=True)
    kind = ID(stored=True)
    text = TEXT(analyzer=english_analyzer(), stored=True)
    text_plain = TEXT(analyzer=name_analyzer())  # passages not in English
    text_hash = ID(stored=True)  # the same paragraph in two releases hashes the same
    published = ID(stored=True)
    publisher = TEXT(analyzer=name_analyzer())
    start = STORED()
    end = STORED()


class FactSchema(SchemaClass):
    """A figure, searchable by what it measures, its unit and its value.

    Its sentence is stored, not indexed: the passages index holds those words already, and
    `kb facts` finds sentences through it (indexing them twice made rebuilds a third slower).
    """

    fact_id = ID(stored=True, unique=True)
    doc_id = ID(stored=True)
    source = ID(stored=True)
    passage_id = ID(stored=True)
    unit = ID(stored=True)
    value = NUMERIC(float, stored=True)
    measure = TEXT(analyzer=english_analyzer(), stored=True, field_boost=2.0)
    sentence = STORED()
    published = ID(stored=True)
    data = STORED()  # JSON of the whole Figure


class QuoteSchema(SchemaClass):
    """A direct quote with its speaker, searchable by its words and by who said it."""

    quote_id = ID(stored=True, unique=True)
    doc_id = ID(stored=True)
    source = ID(stored=True)
    passage_id = ID(stored=True)
    text = TEXT(analyzer=english_analyzer(), stored=True)
    speaker = TEXT(analyzer=name_analyzer(), stored=True)
    role = TEXT(analyzer=name_analyzer(), stored=True)
    published = ID(stored=True)
    data = STORED()  # JSON of the whole Quote


SCHEMAS = {"docs": DocSchema, "passages": PassageSchema, "facts": FactSchema, "quotes": QuoteSchema}
