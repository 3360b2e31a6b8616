"""A query as a person types it → what to look for: content words, phrases, fields, wildcards, operators.

kb reads a query in one of two ways, and never lets a function word make it fail:

- **natural** (no operator or parenthesis): the unquoted words are content words to rank by
  (a release need not hold all of them) after function words ("to", "of", "the", and those
  of the query's own language) are left out; a "quoted phrase" must stand in the release word
  for word, function words included; `field:value` must match; `encrypt*` is one more word.
- **boolean** (AND, OR, NOT, ANDNOT, ANDMAYBE or parentheses): the engine's own syntax, with
  plain function words left out (an operator they leave dangling goes too) and quoted phrases
  kept whole; words without an operator between them must all match.

This module knows no search engine: search.py turns a Reading into the engine's queries.
"""
import re
from dataclasses import dataclass, field
from typing import List, Optional, Sequence, Tuple

from .errors import QueryError
from .sources.language import STOP_WORDS

OPERATORS = {"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"}
BINARY = OPERATORS - {"NOT"}
FIELD_RE = re.compile(r"(?<![\w\\])([A-Za-z_]+):")
# Whoosh syntax beyond words, phrases, fields and wildcards: ranges, boosts, fuzzy terms, comparisons.
ADVANCED_RE = re.compile(r"[\[\]{}^~<>]")
ENGLISH_FUNCTION_WORDS = set("""
a an the and or but nor so yet for of to in on at by with from into onto upon about above after against along
among around as before behind below beneath beside besides between beyond during except inside near off out
outside over past since than through throughout till toward towards under until unto up via within without
i me my mine myself we us our ours ourselves you your yours yourself yourselves he him his himself she her hers
herself it its itself they them their theirs themselves this that these those who whom whose which what whatever
whoever when where why how is am are was were be been being have has had having do does did doing will would
shall should can could might must ought not no only own same such too very just also then there here all any
both each either neither every few many more most other another some if because while although though whether
unless
""".split())


@dataclass
class Reading:
    """What a query asks for, in words an engine can turn into its own query."""

    text: str
    mode: str  # "natural" or "boolean"
    words: List[str] = field(default_factory=list)  # content words, unquoted and without a field
    dropped: List[str] = field(default_factory=list)  # function words left out
    phrases: List[Tuple[Optional[str], str]] = field(default_factory=list)  # (field or None, words)
    fielded: List[Tuple[str, str]] = field(default_factory=list)  # field:value, as typed
    wildcards: List[str] = field(default_factory=list)
    boolean: Optional[str] = None  # boolean mode: the query for the engine's parser, function words out

    @property
    def required(self) -> int:
        """How many clauses a release must match whatever the words: phrases and fields."""
        return len(self.phrases) + len(self.fielded)


def function_words_for(words: Sequence[str]) -> set:
    """English function words, and those of another language when the query's words are mostly in it."""
    lowered = [w.lower() for w in words]
    english = sum(w in ENGLISH_FUNCTION_WORDS for w in lowered)
    found = set(ENGLISH_FUNCTION_WORDS)
    for language, stops in STOP_WORDS.items():
        if language != "en" and sum(w in stops for w in lowered) > english:
            found |= stops
    return found


def is_function_word(word: str, function_words: set) -> bool:
    """A function word, or a lone letter ("s" of a possessive, an initial)."""
    bare = word.strip(".,;:!?'’\"").lower()
    return bare in function_words or (len(bare) == 1 and not bare.isdigit())


def tokens(text: str) -> List[Tuple[str, str]]:
    """(kind, text) of each part of a query: phrase, word, op, open, close; a field prefix stays on its part."""
    out: List[Tuple[str, str]] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
        elif ch in "()":
            out.append(("open" if ch == "(" else "close", ch))
            i += 1
        elif ch == '"':
            j = text.index('"', i + 1)  # balanced: checked before
            out.append(("phrase", text[i:j + 1]))
            i = j + 1
        else:
            j = i
            while j < n and not text[j].isspace() and text[j] not in "()":
                if text[j] == '"' and j > i and text[j - 1] == ":":
                    break  # field:"a phrase"
                if text[j] in "[{":  # a range, "[2019 TO 2020]", is one part
                    close = min((k for k in (text.find("]", j), text.find("}", j)) if k > 0), default=n - 1)
                    j = close
                j += 1
            word = text[i:j]
            if j < n and text[j] == '"' and word.endswith(":"):
                k = text.index('"', j + 1)
                out.append(("phrase", word + text[j:k + 1]))
                j = k + 1
            elif word in OPERATORS:
                out.append(("op", word))
            else:
                out.append(("word", word))
            i = j
    return out


def check(text: str, field_names: Sequence[str], shown_fields: Sequence[str]) -> str:
    """The query stripped, or QueryError saying what is wrong with it."""
    text = (text or "").strip()
    if not text:
        raise QueryError("the query is empty")
    if text.count('"') % 2:
        raise QueryError(f"unclosed quotation mark in query {text!r}")
    if text.count("(") != text.count(")"):
        raise QueryError(f"unbalanced parentheses in query {text!r}")
    for match in FIELD_RE.finditer(text):
        name = match.group(1)
        after = text[match.end():match.end() + 1]
        if not after or after.isspace():
            raise QueryError(f"field {name}: in query {text!r} has no value")
        if name not in field_names:
            raise QueryError(f"unknown field {name!r} in query; fields: {', '.join(shown_fields)}")
    if all(w in OPERATORS for w in text.split()):
        raise QueryError(f"query {text!r} has only operators, no words")
    return text


def no_words(text: str) -> QueryError:
    return QueryError(f"query {text!r} has no words to search for (only stop words or operators)")


def read_query(text: str, field_names: Sequence[str], shown_fields: Sequence[str]) -> Reading:
    """How kb reads a query; QueryError when it is malformed or has nothing to search for."""
    text = check(text, field_names, shown_fields)
    parts = tokens(text)
    plain = [t for kind, t in parts if kind == "word" and not FIELD_RE.match(t)]
    stops = function_words_for(plain)
    if any(kind in ("op", "open", "close") for kind, _ in parts) or ADVANCED_RE.search(text.replace('"', " ")):
        return boolean_reading(text, parts, stops)
    reading = Reading(text=text, mode="natural")
    for kind, part in parts:
        fielded = FIELD_RE.match(part)
        if kind == "phrase":
            name = fielded.group(1) if fielded else None
            words = part[fielded.end():] if fielded else part
            if words.strip('" '):
                reading.phrases.append((name, words.strip('"')))
        elif fielded:
            reading.fielded.append((fielded.group(1), part[fielded.end():]))
        elif "*" in part or "?" in part:
            reading.wildcards.append(part)
        elif is_function_word(part, stops):
            reading.dropped.append(part)
        elif part.strip(".,;:!?'’\""):
            reading.words.append(part)
    if not (reading.words or reading.phrases or reading.fielded or reading.wildcards):
        raise no_words(text)
    return reading


def boolean_reading(text: str, parts: List[Tuple[str, str]], stops: set) -> Reading:
    """Operators kept, plain function words out, and the operators they leave dangling removed."""
    reading = Reading(text=text, mode="boolean")
    kept: List[Tuple[str, str]] = []
    for kind, part in parts:
        if kind == "word" and not FIELD_RE.match(part) and "*" not in part and is_function_word(part, stops):
            reading.dropped.append(part)
            continue
        kept.append((kind, part))
    changed = True
    while changed:  # "a AND the OR b" → "a OR b"; "NOT the" → ""
        changed = False
        for i, (kind, part) in enumerate(kept):
            before = kept[i - 1] if i else ("open", "")
            after = kept[i + 1] if i + 1 < len(kept) else ("close", "")
            ends = after[0] == "close" or (after[0] == "op" and after[1] in BINARY)
            if part in BINARY:
                dangling = kind == "op" and (before[0] in ("open", "op") or ends)
            else:
                dangling = kind == "op" and ends
            empty = kind == "open" and after[0] == "close"
            if dangling or empty:
                del kept[i:i + (2 if empty else 1)]
                changed = True
                break
    if not any(kind in ("word", "phrase") for kind, _ in kept):
        raise no_words(text)
    reading.boolean = " ".join(part for _, part in kept)
    reading.words = [p for k, p in kept if k == "word" and not FIELD_RE.match(p) and p not in OPERATORS]
    return reading
