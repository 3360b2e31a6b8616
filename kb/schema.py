"""The Whoosh schemas of kb's four indexes (docs, passages, facts, quotes), declared once."""
from whoosh.analysis import CharsetFilter, LowercaseFilter, RegexTokenizer, StemFilter, StopFilter
from whoosh.fields import ID, NUMERIC, STORED, TEXT, SchemaClass
from whoosh.support.charset import accent_map

INDEX_NAMES = ("docs", "passages", "facts", "quotes")
# Abbreviations ("U.S.") and numbers ("18.7", "5,000") stay whole; any other period splits, since
# scraped text often lost the space after one ("prison.The", "icontherecord.tumblr.com").
TOKEN_PATTERN = r"(?:[^\W\d_]\.){2,}|\d+(?:[.,]\d+)*|\w+"


class Analysed:
    """A text's words already analysed (in a worker process), ready for the one writer to index."""

    __slots__ = ("items", "spelling")

    def __init__(self, items, spelling=()):
        self.items = items
        self.spelling = spelling


class AnalysedText(TEXT):
    """TEXT that also takes an Analysed value, so the writer does not analyse words again."""

    def index(self, value, **kwargs):
        if isinstance(value, Analysed):
            return iter(value.items)
        return super().index(value, **kwargs)

    def spellable_words(self, value):
        if isinstance(value, Analysed):
            return iter(value.spelling)
        return super().spellable_words(value)


def analysed(field, text: str) -> Analysed:
    """The words of text as field indexes them (and its spelling words, where it keeps them)."""
    spelling = tuple(field.spellable_words(text)) if field.separate_spelling() else ()
    return Analysed(list(field.index(text)), spelling)


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
    title = AnalysedText(analyzer=english_analyzer(), stored=True, field_boost=2.0)
    body = AnalysedText(analyzer=english_analyzer(), spelling=True)
    body_plain = AnalysedText(analyzer=name_analyzer())  # releases not in English: words as written, not stemmed
    body_hash = ID(stored=True)  # the same release under two ids hashes the same
    published = ID(stored=True, sortable=True)
    publisher = AnalysedText(analyzer=name_analyzer(), stored=True)
    place = AnalysedText(analyzer=name_analyzer(), stored=True)
    language = ID(stored=True)
    data = STORED()  # JSON: url, sha256, text, extra, counts


class PassageSchema(SchemaClass):
    """A paragraph or bullet, for the best passages of a release and their highlights."""

    passage_id = ID(stored=True, unique=True)
    doc_id = ID(stored=True)
    source = ID(stored=True)
    number = NUMERIC(stored=True)
    kind = ID(stored=True)
    text = AnalysedText(analyzer=english_analyzer(), stored=True)
    text_plain = AnalysedText(analyzer=name_analyzer())  # passages not in English
    text_hash = ID(stored=True)  # the same paragraph in two releases hashes the same
    published = ID(stored=True)
    publisher = AnalysedText(analyzer=name_analyzer())
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
    measure = AnalysedText(analyzer=english_analyzer(), stored=True, field_boost=2.0)
    sentence = STORED()
    published = ID(stored=True)
    data = STORED()  # JSON of the whole Figure


class QuoteSchema(SchemaClass):
    """A direct quote with its speaker, searchable by its words and by who said it."""

    quote_id = ID(stored=True, unique=True)
    doc_id = ID(stored=True)
    source = ID(stored=True)
    passage_id = ID(stored=True)
    text = AnalysedText(analyzer=english_analyzer(), stored=True)
    speaker = AnalysedText(analyzer=name_analyzer(), stored=True)
    role = AnalysedText(analyzer=name_analyzer(), stored=True)
    published = ID(stored=True)
    data = STORED()  # JSON of the whole Quote


SCHEMAS = {"docs": DocSchema, "passages": PassageSchema, "facts": FactSchema, "quotes": QuoteSchema}
