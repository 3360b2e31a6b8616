"""The Whoosh schemas of kb's four indexes (docs, passages, facts, quotes), declared once."""
import pickle
import re
import struct
from functools import lru_cache
from typing import Collection, List, Tuple

from .whoosh_import import import_whoosh

import_whoosh()  # before the imports below: see kb/whoosh_import.py
from whoosh.analysis import CharsetFilter, LowercaseFilter, RegexTokenizer, StemFilter, StopFilter
from whoosh.fields import ID, NUMERIC, STORED, TEXT, SchemaClass
from whoosh.lang.porter import stem
from whoosh.support.charset import accent_map

INDEX_NAMES = ("docs", "passages", "facts", "quotes")


def read_pickles_safely() -> None:
    """Make every pickle Whoosh reads (table of contents, segments, stored fields, posting blocks)
    go through safepickle's restricted unpickler, so that opening an index runs no code from it."""
    import types

    import whoosh.codec.whoosh3
    import whoosh.columns
    import whoosh.filedb.structfile
    import whoosh.formats
    import whoosh.index

    from . import safepickle

    if getattr(whoosh.index, "_kb_safe", False):
        return
    whoosh.index.pickle = types.SimpleNamespace(loads=safepickle.loads, dumps=pickle.dumps,
                                                UnpicklingError=pickle.UnpicklingError)
    whoosh.filedb.structfile.load_pickle = safepickle.load
    for module in (whoosh.codec.whoosh3, whoosh.formats, whoosh.columns):
        module.loads = safepickle.loads
    whoosh.index._kb_safe = True


read_pickles_safely()
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
    """Lower case, accents folded (Borgstrom finds Borgström), Porter stems.

    Function words are indexed too, so that a quoted phrase keeps them ("sentenced to life"
    does not match "sentenced for life"); the query side leaves them out of unquoted words.
    """
    return RegexTokenizer(TOKEN_PATTERN) | LowercaseFilter() | CharsetFilter(accent_map) | StemFilter()


_TOKEN_RE = re.compile(TOKEN_PATTERN, re.UNICODE)


@lru_cache(maxsize=50000)
def english_form(word: str) -> str:
    """A lower-cased, accent-folded word as english_analyzer indexes it (its Porter stem)."""
    return stem(word)


def forms_in(text: str, english: bool, wanted: Collection[str]) -> List[Tuple[int, str, int, int]]:
    """(position, indexed form, start, end) of each word of text whose form is in wanted.

    The same words and positions as english_analyzer (or name_analyzer) gives, but only words
    that can stem to a wanted form are stemmed: a Porter stem keeps the first two letters of
    its word ("day" → "dai", "his" → "hi"), and Porter stemming in Python is the slow part of analysing a whole release.
    """
    # a stem's first two letters are its word's, but for y made i ("eyed" → "ei"); a one-letter
    # stem ("ieds" → "i") is its own prefix
    prefixes = {w[:2].replace("y", "i") for w in wanted}
    found = []
    for position, match in enumerate(_TOKEN_RE.finditer(text)):
        word = match.group(0).lower()
        if not word.isascii():
            word = word.translate(accent_map)
        if english:
            if word[:2].replace("y", "i") not in prefixes and word[:1] not in prefixes:
                continue
            word = english_form(word)
        if word in wanted:
            found.append((position, word, match.start(), match.end()))
    return found


_content_analyzer = None


def content_stems(text: str) -> List[str]:
    """The content words of text as stems: english_analyzer's tokens without function words or lone
    letters (how kb verify weighs what a claim is about)."""
    global _content_analyzer
    if _content_analyzer is None:
        _content_analyzer = (RegexTokenizer(TOKEN_PATTERN) | LowercaseFilter() | CharsetFilter(accent_map)
                             | StopFilter() | StemFilter())
    return [t.text for t in _content_analyzer(text)]


def name_analyzer():
    """Names and publishers: lower case and accents folded, nothing stemmed or dropped."""
    return RegexTokenizer(TOKEN_PATTERN) | LowercaseFilter() | CharsetFilter(accent_map)


class DocSchema(SchemaClass):
    """A release, searched by all its text (title and body) so that words in different paragraphs meet."""

    doc_id = ID(stored=True, unique=True)
    source = ID(stored=True)
    title = AnalysedText(analyzer=english_analyzer(), stored=True, field_boost=2.0)
    body = AnalysedText(analyzer=english_analyzer(), spelling=True)
    # the same words without positions: its postings read several times faster, for ranking
    words = AnalysedText(analyzer=english_analyzer(), phrase=False)
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
    sentences = STORED()  # (start, end) of each sentence, relative to the passage, for snippets


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


def is_kbs(kind: str, loaded) -> bool:
    """Is a schema read from an index folder kb's own for that index (same fields, analysers, formats)?

    Checked when an index is opened: a table of contents that unpickled safely may still name a
    tokenizer pattern of its own (a catastrophic regular expression would hang every query).
    """
    def plain(value):
        if isinstance(value, struct.Struct):
            return "struct", value.format
        if isinstance(value, float) and value != value:
            return "nan"
        if type(value).__eq__ is object.__eq__:  # a column or helper compared by identity: its kind
            return type(value)
        return value

    def state(field):
        return type(field), {key: plain(value) for key, value in vars(field).items()}

    expected = SCHEMAS[kind]()
    try:
        return all(state(loaded[name]) == state(expected[name]) for name in expected.names()) and \
            set(loaded.names()) - set(expected.names()) <= {f"spell_{name}" for name in expected.names()}
    except Exception:  # a field missing, or a state that cannot be compared
        return False
