"""Queries → hits with citations and highlights; also the read side of show, sources, facts, quotes, speakers."""
import heapq
import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from itertools import chain
from pathlib import Path
from typing import Dict, List, Optional, Tuple

from .errors import IndexDamaged, KBError, NotFound, QueryError
from .models import Citation, plain
from .query import OPERATORS, Reading, no_words, read_query
from .schema import forms_in
from .store import OnDemand, open_indexes, read_copies

ENGLISH = {"en", "und"}

# English text is stemmed; other languages go to the *_plain fields, searched alongside.
# A release is ranked by its body, which holds its title once (as FTS5 ranks title and body
# columns alike): boosting the title as well put fewer known releases first (236 against 243
# of 300 known-item queries on the shared corpora). `title:` still searches titles alone.
DOC_TEXT_FIELDS = ["body", "body_plain"]
QUERY_FIELDS = ["body", "place", "published", "publisher", "title"]
YEAR_RE = re.compile(r"^(?:19|20)\d\d$")
PASSAGE_FIELD_OF = {"title": "text", "body": "text", "body_plain": "text_plain"}
# A heading or contact line is a poor citation for a statement, however well it matches.
KIND_WEIGHT = {"heading": 0.4, "contact": 0.3, "about": 0.8}
# Paragraphs are of similar length, so length matters less than in whole documents.
PASSAGE_B = 0.25


def classic_bm25():
    """BM25 with the classic idf, log((N - df + 0.5) / (df + 0.5)), as SQLite FTS5 and Lucene use.

    Whoosh's own idf, log(N / (df + 1)) + 1, ranked fewer known releases first on the shared
    corpora (236 against 243 of 300 known-item queries).
    """
    import math

    from whoosh import scoring

    class ClassicBM25F(scoring.BM25F):
        def idf(self, searcher, fieldname, text):
            parent = searcher.get_parent()
            n, total = parent.doc_frequency(fieldname, text), parent.doc_count_all()
            return max(math.log((total - n + 0.5) / (n + 0.5)), 0.01)

    return ClassicBM25F()


def raised_in_whoosh(tb) -> bool:
    """True when an exception came out of Whoosh's reading code (a damaged file), not out of kb's own."""
    while tb is not None:
        if "whoosh" in tb.tb_frame.f_code.co_filename.replace("\\", "/").split("/"):
            return True
        tb = tb.tb_next
    return False


def long_date(iso: Optional[str]) -> Optional[str]:
    """2019-12-05 → 5 December 2019."""
    try:
        d = date.fromisoformat(iso or "")
    except ValueError:
        return iso or None
    return f"{d.day} {d.strftime('%B')} {d.year}"


def citation(doc: dict, passage_id: str, paragraph: int, start: int, end: int) -> dict:
    """The citation of a span of a document, with a line to paste into an article."""
    data = doc["data"]
    parts = [doc.get("publisher") or None, f"“{doc['title']}”" if doc.get("title") else None,
             long_date(doc.get("published")), f"¶{paragraph}" if paragraph else None]
    return plain(Citation(
        doc_id=doc["doc_id"], passage_id=passage_id, paragraph=paragraph, title=doc.get("title") or "",
        publisher=doc.get("publisher") or None, published=doc.get("published") or None,
        place=data.get("place"), url=data.get("url"), source="corpus/" + doc["source"],
        sha256=data.get("sha256"), start=start, end=end, cite=", ".join(p for p in parts if p),
    ))


class FactsMixin:
    """The read side of figures, quotes and speakers; KB has these methods."""

    def _listing(self, index: str, query_text: Optional[str], fields: List[str], filters: list, limit: int):
        from whoosh.query import And, Every

        searcher = self.searcher(index)
        query = self.parse(query_text, index, fields, group="or") if query_text else Every()
        flt = And(filters) if len(filters) > 1 else (filters[0] if filters else None)
        if query_text:
            hits = searcher.search(query, limit=limit or None, filter=flt)
        else:
            hits = searcher.search(query, limit=None, filter=flt, sortedby=["doc_id"])
        rows = [json.loads(hit["data"]) for hit in hits]
        if not query_text:
            rows.sort(key=lambda r: (r["doc_id"], r["start"]))
            rows = rows[:limit] if limit else rows
        return rows, query

    def word_query(self, index: str, text: str, fields: List[str], rarest: int = 0):
        """An OR query of the analysed words of free text (a claim is words, not query syntax).

        rarest: only that many of the words, the rarest first; common words cost long posting
        lists and say little about which release or quote is meant.
        """
        from whoosh.query import Or, Term

        terms = []
        reader = self.searcher(index).reader()
        for field in fields:
            analyzer = self.schemas[index][field].analyzer
            words = list(dict.fromkeys(tok.text for tok in analyzer(text)))
            if rarest:
                words = sorted((w for w in words if reader.doc_frequency(field, w)),
                               key=lambda w: reader.doc_frequency(field, w))[:rarest]
            terms += [Term(field, w) for w in words]
        return Or(terms) if terms else None

    def similar(self, index: str, text: str, fields: List[str], limit: int = 20, rarest: int = 12) -> List[dict]:
        """Stored records (facts or quotes) most like text, best first, each with its "_score"."""
        query = self.word_query(index, text, fields, rarest)
        if query is None:
            return []
        rows = []
        for hit in self.searcher(index).search(query, limit=limit):
            row = json.loads(hit["data"])
            row["_score"] = hit.score
            rows.append(row)
        return rows

    def similar_docs(self, text: str, limit: int = 10) -> List[tuple]:
        """(doc_id, score) of the releases whose whole text is most like text."""
        # body holds the title too
        query = self.word_query("docs", text, self.live_fields("docs", DOC_TEXT_FIELDS), rarest=10)
        if query is None:
            return []
        return [(hit["doc_id"], hit.score) for hit in self.searcher("docs").search(query, limit=limit)]

    def live_fields(self, index: str, fields: List[str]) -> List[str]:
        """The fields that hold any words in this build (Whoosh scores 0 across an empty field)."""
        reader = self.searcher(index).reader()
        return [f for f in fields if reader.field_length(f)] or fields[:1]

    def stems(self, text: str) -> List[str]:
        """The content words of text as the index sees them: stop words out, accents folded, stemmed.

        Numbers are left out, but years ("2017") stay: they say which release a claim is about.
        """
        return [tok.text for tok in self.schemas["docs"]["body"].analyzer(text)
                if not tok.text.isdigit() or YEAR_RE.match(tok.text)]

    def idf(self, stems: List[str]) -> Dict[str, float]:
        """How rare each word is across the releases: log(1 + N/df), a word in no release as if in one.

        Rare words say more about what a claim is about; unlike Whoosh's own idf, this stays
        positive and even on an index of one release.
        """
        import math

        reader = self.searcher("docs").reader()
        n = max(reader.doc_count(), 1)
        return {s: math.log(1 + n / max(reader.doc_frequency("body", s), 1)) for s in stems}

    def records_of(self, index: str, doc_id: str) -> List[dict]:
        """Every stored record (fact or quote) of one document, in text order."""
        from whoosh.query import Term

        rows = [json.loads(hit["data"]) for hit in self.searcher(index).search(Term("doc_id", doc_id), limit=None)]
        return sorted(rows, key=lambda r: r["start"])

    def cite_record(self, row: dict) -> dict:
        """The citation of a fact or quote record: its passage, narrowed to its own span."""
        passage = self.passage(row["passage_id"])
        return self.passage_citation(passage, row["start"], row["end"])

    def facts(self, query: Optional[str] = None, doc: Optional[str] = None, unit: Optional[str] = None, limit: int = 10) -> dict:
        from whoosh.query import Term

        filters = ([Term("doc_id", doc)] if doc else []) + ([Term("unit", unit)] if unit else [])
        if query:
            rows = self._facts_matching(query, filters, doc, unit, limit)
        else:
            rows, _ = self._listing("facts", None, [], filters, limit)
        results = [{"id": r["id"], "surface": r["surface"], "value": r["value"] if r["value"] % 1 else int(r["value"]),
                    "unit": r["unit"], "qualifier": r["qualifier"], "measure": r["measure"], "sentence": r["sentence"],
                    "counted": r.get("counted"), "currency": r.get("currency"), "period": r.get("period"),
                    "citation": self.cite_record(r)} for r in rows]
        return {"query": query, "results": results}

    def _facts_matching(self, query: str, filters: list, doc, unit, limit: int) -> List[dict]:
        """Facts whose measure matches, then facts whose sentence matches (found through the passages)."""
        from whoosh.query import And, Term

        scored: Dict[str, tuple] = {}
        measure_query = self.parse(query, "facts", ["measure"], group="or")
        flt = And(filters) if len(filters) > 1 else (filters[0] if filters else None)
        for hit in self.searcher("facts").search(measure_query, limit=None, filter=flt):
            scored[hit["fact_id"]] = (2 * hit.score, json.loads(hit["data"]))
        passage_query = self.parse(query, "passages", ["text"], group="or")
        wanted = set(self.stems(query))
        for hit in self.searcher("passages").search(passage_query, limit=max(50, 5 * limit),
                                                      filter=Term("doc_id", doc) if doc else None):
            for row in self.facts_in_passage(hit["passage_id"]):
                if (unit and row["unit"] != unit) or row["id"] in scored:
                    continue
                if wanted & set(self.stems(row["sentence"])):
                    scored[row["id"]] = (hit.score, row)
        ranked = sorted(scored.values(), key=lambda sr: -sr[0])
        return [row for _, row in (ranked[:limit] if limit else ranked)]

    def facts_in_passage(self, passage_id: str) -> List[dict]:
        from whoosh.query import Term

        return [json.loads(h["data"]) for h in self.searcher("facts").search(Term("passage_id", passage_id), limit=None)]

    def facts_in(self, doc_ids: List[str], unit: Optional[str] = None) -> List[dict]:
        """Every fact of some documents (of one unit), each with "_score" 0."""
        from whoosh.query import And, Or, Term

        if not doc_ids:
            return []
        query = Or([Term("doc_id", d) for d in doc_ids])
        if unit:
            query = And([query, Term("unit", unit)])
        return [{**json.loads(h["data"]), "_score": 0.0} for h in self.searcher("facts").search(query, limit=None)]

    def quotes(self, query: Optional[str] = None, doc: Optional[str] = None, speaker: Optional[str] = None,
               limit: int = 10) -> dict:
        from whoosh.query import And, Or, Term

        filters = [Term("doc_id", doc)] if doc else []
        if speaker:
            words = [t.text for t in self.schemas["quotes"]["speaker"].analyzer(speaker)]
            if not words:
                raise QueryError(f"--speaker {speaker!r} has no name in it")
            filters.append(And([Term("speaker", w) for w in words]))
        rows, _ = self._listing("quotes", query, ["text", "speaker"], filters, limit)
        results = [{"id": r["id"], "text": r["text"], "speaker": r["speaker"], "role": r["role"], "cue": r["cue"],
                    "utterance": r["utterance"], "citation": self.cite_record(r)} for r in rows]
        return {"query": query, "results": results}

    def speakers(self, query: Optional[str] = None, limit: int = 10) -> dict:
        rows, _ = self._listing("quotes", query, ["speaker", "role"], [], 0)
        people: Dict[str, dict] = {}
        for r in rows:
            if not r["speaker"]:
                continue
            entry = people.setdefault(r["speaker"], {"name": r["speaker"], "role": r["role"], "quotes": 0, "documents": set()})
            entry["quotes"] += 1
            entry["documents"].add(r["doc_id"])
            entry["role"] = entry["role"] or r["role"]
        results = sorted(({**e, "documents": len(e["documents"])} for e in people.values()),
                         key=lambda e: (-e["quotes"], e["name"]))
        return {"query": query, "results": results[:limit] if limit else results}


class KB(FactsMixin):
    """An open index: the four Whoosh indexes of the current build, read-only, opened once."""

    def __init__(self, root: Path):
        self.root = Path(root)
        self.indexes = open_indexes(self.root)  # each opened when first used
        # Whoosh reads the TOC again on each `index.schema`: read each schema once
        self.schemas = OnDemand(lambda name: self.indexes[name].schema)
        self._searchers: Dict[str, object] = {}
        self._docs: Dict[str, dict] = {}
        self._copies: Optional[dict] = None

    def searcher(self, name: str):
        if name not in self._searchers:
            weighting = None
            if name == "passages":
                from whoosh import scoring

                weighting = scoring.BM25F(B=PASSAGE_B)
            elif name == "docs":
                weighting = classic_bm25()
            self._searchers[name] = self.indexes[name].searcher(**({"weighting": weighting} if weighting else {}))
        return self._searchers[name]

    def close(self):
        for s in self._searchers.values():
            s.close()
        self._searchers.clear()

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        self.close()
        if exc is not None and not isinstance(exc, (KBError, SystemExit)) and raised_in_whoosh(tb):
            raise IndexDamaged(f"the index at {self.root} is damaged ({exc_type.__name__} reading it); "
                               "run `kb index rebuild`") from None

    # -- documents -------------------------------------------------------------------------
    def document(self, doc_id: str) -> dict:
        """The stored fields of a document, with data decoded; NotFound for an unknown id."""
        if doc_id not in self._docs:
            fields = self.searcher("docs").document(doc_id=doc_id)
            if fields is None:
                raise NotFound(f"no document with id {doc_id!r}")
            fields = dict(fields)
            fields["data"] = json.loads(fields["data"])
            self._docs[doc_id] = fields
        return self._docs[doc_id]

    def document_at(self, docnum: int) -> dict:
        """The stored fields of the document at an internal number of the docs index, data decoded."""
        fields = dict(self.searcher("docs").stored_fields(docnum))
        if fields["doc_id"] not in self._docs:
            fields["data"] = json.loads(fields["data"])
            self._docs[fields["doc_id"]] = fields
        return self._docs[fields["doc_id"]]

    def passages_of_many(self, doc_ids: List[str]) -> Dict[str, List[dict]]:
        """The passages of several documents, in order, by document id."""
        from whoosh.query import Or, Term

        if not doc_ids:
            return {}
        out: Dict[str, List[dict]] = {}
        query = Or([Term("doc_id", d) for d in doc_ids])
        # sorted here: Whoosh would read the number of every passage of the index to sort a few
        for hit in self.searcher("passages").search(query, limit=None):
            out.setdefault(hit["doc_id"], []).append(dict(hit))
        return {doc_id: sorted(rows, key=lambda p: p["number"]) for doc_id, rows in out.items()}

    def passage(self, passage_id: str) -> dict:
        fields = self.searcher("passages").document(passage_id=passage_id)
        if fields is None:
            raise NotFound(f"no passage with id {passage_id!r}")
        return dict(fields)

    def passages_of(self, doc_id: str) -> List[dict]:
        from whoosh.query import Term

        return self.passages_of_many([doc_id]).get(doc_id, [])

    def passage_citation(self, passage: dict, start: Optional[int] = None, end: Optional[int] = None) -> dict:
        doc = self.document(passage["doc_id"])
        return citation(doc, passage["passage_id"], passage["number"],
                        passage["start"] if start is None else start, passage["end"] if end is None else end)

    # -- queries ---------------------------------------------------------------------------
    def read(self, text: str, index: str):
        """How kb reads the query (query.py), checked against this index's fields."""
        return read_query(text, self.schemas[index].names(), QUERY_FIELDS)

    def parse(self, text: str, index: str, fields: List[str], group: str = "and"):
        """A Whoosh query from the user's words; QueryError with the reason when it is malformed.

        Plain function words are left out (query.py), so that they never make a query fail.
        """
        reading = text if isinstance(text, Reading) else self.read(text, index)
        return self.engine_query(reading.boolean or self.plain_text(reading), index, fields, group)

    @staticmethod
    def plain_text(reading: Reading) -> str:
        """A natural reading as text for the engine's parser: its content words, phrases and fields."""
        parts = list(reading.words) + list(reading.wildcards)
        parts += [f'{name}:"{words}"' if name else f'"{words}"' for name, words in reading.phrases]
        parts += [f"{name}:{value}" for name, value in reading.fielded]
        return " ".join(parts)

    def engine_query(self, text: str, index: str, fields: List[str], group: str = "and"):
        from whoosh import qparser
        from whoosh.query import NullQuery

        grouping = qparser.OrGroup.factory(0.9) if group == "or" else qparser.AndGroup
        parser = qparser.MultifieldParser(fields, self.schemas[index], group=grouping)
        parser.add_plugin(qparser.GtLtPlugin())
        try:
            query = parser.parse(text)
        except Exception as exc:
            raise QueryError(f"cannot parse query {text!r}: {exc}") from None
        if query is NullQuery or isinstance(query, type(NullQuery)) or not list(query.leaves()):
            raise no_words(text)
        return query

    def doc_filter(self, since=None, until=None, publisher=None):
        """The filter of --since, --until and --publisher, or None."""
        from whoosh.query import And, Term, TermRange

        parts = []
        if since or until:
            parts.append(TermRange("published", since or "0000", (until or "9999") + "\uffff"))
        if publisher:
            analyzer = self.schemas["docs"]["publisher"].analyzer
            words = [t.text for t in analyzer(publisher)]
            if not words:
                raise QueryError(f"--publisher {publisher!r} has no words")
            parts += [Term("publisher", w) for w in words]
        return And(parts) if len(parts) > 1 else (parts[0] if parts else None)

    def suggest(self, text: str) -> Optional[str]:
        """The query with each unknown word replaced by its closest indexed word, or None."""
        corrector = self.searcher("docs").corrector("body")
        reader = self.searcher("docs").reader()
        analyzer = self.schemas["docs"]["body"].analyzer
        changed, words = False, []
        for word in re.findall(r"[^\s]+", text):
            plainword = word.strip('"()').lower()
            stems = [t.text for t in analyzer(plainword)]
            if plainword.isalpha() and word not in OPERATORS and stems and not reader.doc_frequency("body", stems[0]):
                options = corrector.suggest(plainword, limit=1)
                if options and options[0] != plainword:
                    words.append(word.replace(plainword, options[0]))
                    changed = True
                    continue
            words.append(word)
        return " ".join(words) if changed else None

    def search(self, text: str, since=None, until=None, publisher=None, limit: int = 10) -> dict:
        """Releases ranked by all their text, each with its best passage as a snippet, highlights and citation."""
        return search_releases(self, text, since=since, until=until, publisher=publisher, limit=limit)

    @property
    def copy_of(self) -> Dict[str, str]:
        """{doc id: the release it copies} of near-duplicate releases (copies.py), read once."""
        if self._copies is None:
            self._copies = read_copies(self.root)
        return self._copies["copy_of"]

    def releases_among(self, docnums: set) -> int:
        """How many releases some documents of the docs index are, copies counted with their release."""
        self.copy_of
        release = dict(self._copies["numbers"])
        return len({release.get(d, d) for d in docnums})

    def release_of(self, doc_id: str) -> str:
        """The id a release is listed under: its own, or that of the release it copies."""
        return self.copy_of.get(doc_id, doc_id)

    def copies_of(self, doc: dict) -> List[str]:
        """Ids of the other releases with the same or nearly the same text."""
        first = self.release_of(doc["doc_id"])
        return sorted(d for d, f in self.copy_of.items() if f == first and d != doc["doc_id"])

    # -- listings --------------------------------------------------------------------------
    def sources(self, limit: int = 0) -> dict:
        reader = self.searcher("docs").reader()
        rows = []
        for _, fields in reader.iter_docs():
            data = json.loads(fields["data"])
            rows.append({"body_hash": fields.get("body_hash"),
                "id": fields["doc_id"], "title": fields.get("title") or "", "published": fields.get("published") or None,
                "publisher": fields.get("publisher") or None, "url": data.get("url"), "source": "corpus/" + fields["source"],
                "sha256": data.get("sha256"), "passages": data["passages"], "figures": data["figures"],
                "quotes": data["quotes"],
            })
        rows.sort(key=lambda r: (r["published"] or "", r["id"]), reverse=True)
        # the same release under several ids (copies.py) is listed once, with its copies
        copies: Dict[str, List[str]] = {}
        for doc_id, first in self.copy_of.items():
            if doc_id != first:
                copies.setdefault(first, []).append(doc_id)
        listed = []
        for row in rows:
            row.pop("body_hash")
            if self.release_of(row["id"]) == row["id"]:
                row["copies"] = sorted(copies.get(row["id"], []))
                listed.append(row)
        return {"results": listed[:limit] if limit else listed}

    def show(self, item_id: str) -> dict:
        """A document with its passages, or a passage in context (the passages either side)."""
        if "#" in item_id:
            passage = self.passage(item_id)
            doc = self.document(passage["doc_id"])
            neighbours = [p for p in self.passages_of(doc["doc_id"]) if abs(p["number"] - passage["number"]) <= 1]
            return {"kind": "passage", "id": item_id, "text": passage["text"], "kind_of_passage": passage["kind"],
                    "context": [{"id": p["passage_id"], "paragraph": p["number"], "text": p["text"]} for p in neighbours],
                    "citation": self.passage_citation(passage)}
        doc = self.document(item_id)
        passages = self.passages_of(item_id)
        data = doc["data"]
        return {
            "kind": "document", "id": item_id, "title": doc.get("title") or "", "published": doc.get("published") or None,
            "publisher": doc.get("publisher") or None, "place": data.get("place"), "url": data.get("url"),
            "language": doc.get("language"), "source": "corpus/" + doc["source"], "sha256": data.get("sha256"),
            "copies": self.copies_of(doc),
            "extra": {k: json.loads(v) for k, v in data.get("extra", {}).items()},
            "text": data["text"],
            "passages": [{"id": p["passage_id"], "paragraph": p["number"], "kind": p["kind"], "start": p["start"],
                          "end": p["end"], "text": p["text"]} for p in passages],
            "citation": citation(doc, "", 0, 0, len(data["text"])),
        }



# -- natural search: releases ranked by most of the words, close together and in order -------------
# A release is first scored by BM25 over the `words` field (no positions: its postings read several
# times faster) and by how much of the query it holds (each word weighted by its rarity); the best
# CANDIDATES of those are then rewarded for holding the words close together and in the typed
# order (from the word positions of `body`) and in their title.
CANDIDATES = 30
ORDERED_SLOP = 3  # "sentenced to prison": words this close, in the typed order, count as a pair
ORDER_BOOST = 0.5
DENSE_BOOST = 0.5
TITLE_BOOST = 0.5
BM25_K1, BM25_B = 1.2, 0.75
SNIPPET_CHARS = 300
FAST_FIELD = {"body": "words"}  # the positional field → its twin without positions


@dataclass
class Unit:
    """One thing a query asks for: a content word (or a compound like "82-year-old"), a phrase, a field."""

    label: str
    query: object  # the engine's query for it
    sequences: Dict[str, List[Tuple[str, ...]]]  # field → the token runs that make it (for positions, highlights)
    required: bool = False
    weight: float = 1.0  # how rare it is: log(1 + N / df)
    repeats: int = 1  # typed twice ("tennis tennis"): one word, counted twice in the score


def min_should_match(n: int) -> int:
    """How many of a query's n content words a release must hold: all of one or two, all but one of
    three or four, two thirds of more (a misremembered word must not hide the release sought)."""
    return n if n <= 2 else n - 1 if n <= 4 else math.ceil(2 * n / 3)


def analysed_tokens(analyzer, text: str) -> Tuple[str, ...]:
    """The tokens of text as a field indexes them, without lone letters ("s" of a possessive)."""
    return tuple(t.text for t in analyzer(text) if len(t.text) > 1 or t.text.isdigit())


def sequence_query(field: str, seq: Tuple[str, ...]):
    from whoosh.query import Phrase, Term

    return Term(field, seq[0]) if len(seq) == 1 else Phrase(field, list(seq))


def word_unit(kb, word: str, fields: List[str], index: str = "docs", required: bool = False) -> Optional[Unit]:
    """The unit of a typed word or phrase: its analysed tokens in each text field, as a term or a phrase."""
    schema = kb.schemas[index]
    sequences = {}
    for field in fields:
        whole = tuple(t.text for t in schema[field].analyzer(word))
        short = analysed_tokens(schema[field].analyzer, word)
        # a phrase keeps every word; "God's" also matches "Gods" (scraping dropped apostrophes)
        seqs = list(dict.fromkeys(s for s in ((whole, short) if required else (short,)) if s))
        if seqs:
            sequences[field] = seqs
    if not sequences:
        return None
    return Unit(word, or_of([sequence_query(f, seq) for f, seqs in sequences.items() for seq in seqs]),
                sequences, required)


def engine_unit(kb, text: str, fields: List[str], index: str, required: bool) -> Unit:
    """A unit the engine's own parser reads (field:value, wildcards), with the terms it expands to."""
    query = kb.engine_query(text, index, fields, "and")
    sequences: Dict[str, List[Tuple[str, ...]]] = {}
    for field, term in expanded_terms(kb, query, index):
        sequences.setdefault(field, []).append((term,))
    return Unit(text, query, sequences, required)


def units_of(kb, reading: Reading, index: str, fields: List[str]) -> List[Unit]:
    """The units of a natural reading: words and wildcards to rank by, phrases and fields to require."""
    units = [word_unit(kb, word, fields, index) for word in reading.words]
    units += [engine_unit(kb, w, fields, index, False) for w in reading.wildcards]
    for name, words in reading.phrases:
        if name in (None, "body"):
            units.append(word_unit(kb, words, fields, index, required=True))
        elif name == "title":
            units.append(word_unit(kb, words, ["title"], index, required=True))
        else:
            units.append(engine_unit(kb, f'{name}:"{words}"', fields, index, True))
    units += [engine_unit(kb, f"{name}:{value}", fields, index, True) for name, value in reading.fielded]
    merged: Dict[tuple, Unit] = {}
    for unit in (u for u in units if u is not None):
        key = (unit.required, tuple(sorted((f, tuple(seqs)) for f, seqs in unit.sequences.items())))
        if key in merged:
            merged[key].repeats += 1
        else:
            merged[key] = unit
    units = list(merged.values())
    reader = kb.searcher(index).reader()
    n = max(reader.doc_count(), 1)
    for unit in units:
        dfs = [reader.doc_frequency(f, seq[0]) for f, seqs in unit.sequences.items() for seq in seqs]
        unit.weight = unit.repeats * math.log(1 + n / max(max(dfs, default=1), 1))
    return units


def term_postings(reader, field: str, token: str) -> Dict[int, float]:
    """{docnum: frequency} of a term, read a block at a time where the codec allows it.

    Whoosh's public matcher steps one posting at a time in Python; reading each block's arrays
    whole is several times faster on the long lists of common words.
    """
    from whoosh.matching.wrappers import FilterMatcher
    from whoosh.reading import TermNotFound

    out: Dict[int, float] = {}
    for leaf, offset in reader.leaf_readers():
        try:
            matcher = leaf.postings(field, token)
        except TermNotFound:
            continue
        deleted = ()
        if isinstance(matcher, FilterMatcher):
            deleted, matcher = leaf.deleted_docs_set, matcher.child
        if hasattr(matcher, "_read_ids") and hasattr(matcher, "_next_block"):
            while matcher.is_active():
                if matcher._ids is None:
                    matcher._read_ids()
                if matcher._weights is None:
                    matcher._read_weights()
                if deleted or offset:
                    out.update((d + offset, w) for d, w in zip(matcher._ids, matcher._weights) if d not in deleted)
                else:
                    out.update(zip(matcher._ids, matcher._weights))
                matcher._next_block()
        else:
            while matcher.is_active():
                if matcher.id() not in deleted:
                    out[matcher.id() + offset] = matcher.weight()
                matcher.next()
    return out


def unit_postings(kb, unit: Unit, within: Optional[set]) -> Dict[int, float]:
    """{docnum: frequency} of the releases that hold a unit (1 for phrases and parsed clauses)."""
    reader = kb.searcher("docs").reader()
    found: Dict[int, float] = {}
    simple = all(len(seq) == 1 for seqs in unit.sequences.values() for seq in seqs) and unit.sequences and \
        not unit.required
    if simple:
        lists = [term_postings(reader, FAST_FIELD.get(field, field), token)
                 for field, seqs in unit.sequences.items() for (token,) in seqs]
        lists.sort(key=len, reverse=True)
        found = lists[0] if lists else {}
        for other in lists[1:]:  # the same word in English and in other releases: few of the latter
            for docnum, tf in other.items():
                found[docnum] = found.get(docnum, 0.0) + tf
    else:
        found = dict.fromkeys(kb.searcher("docs").docs_for_query(unit.query), 1.0)
    if within is not None:
        found = {d: tf for d, tf in found.items() if d in within}
    return found


def bm25(kb, units: List[Unit], postings: List[Dict[int, float]], docnums: set) -> Dict[int, float]:
    """Classic BM25 (FTS5's and Lucene's idf) of each release of docnums over the units it holds."""
    reader = kb.searcher("docs").reader()
    n = max(reader.doc_count(), 1)
    average = max(reader.field_length("words"), 1) / n
    lengths = field_lengths(reader, "words")
    if reader.field_length("body_plain"):
        lengths = [a or b for a, b in zip(lengths, field_lengths(reader, "body_plain"))]
    # tf / (tf + norm[d]): the length part of BM25 once a release
    norm = [BM25_K1 * (1 - BM25_B + BM25_B * (length or average) / average) for length in lengths]
    scores = dict.fromkeys(docnums, 0.0)
    for unit, found in zip(units, postings):
        df = max(len(found), 1)
        idf = unit.repeats * max(math.log((n - df + 0.5) / (df + 0.5)), 0.01) * (BM25_K1 + 1)
        for d, tf in found.items():
            if d in scores:
                scores[d] += idf * tf / (tf + norm[d])
    return scores


def find_units(units: List[Unit], text: str, english: bool) -> Tuple[List[Tuple[int, int, int]], List[List[int]]]:
    """Where a release's text holds each unit: (start, end, unit index) spans and each unit's word positions."""
    field = "body" if english else "body_plain"
    wanted = {tok for u in units for seq in u.sequences.get(field, ()) for tok in seq}
    if not wanted:
        return [], [[] for _ in units]
    matches = forms_in(text, english, wanted)
    at = {pos: (form, end) for pos, form, _, end in matches}
    spans, positions = [], [[] for _ in units]
    for i, unit in enumerate(units):
        for seq in unit.sequences.get(field, ()):
            for pos, form, start, end in matches:
                if form == seq[0] and all(at.get(pos + k, ("",))[0] == seq[k] for k in range(1, len(seq))):
                    spans.append((start, at[pos + len(seq) - 1][1] if len(seq) > 1 else end, i))
                    positions[i].append(pos)
    return sorted(spans), positions


def proximity(found: List[List[int]]) -> Tuple[float, float]:
    """(share of neighbouring query words that stand close and in the typed order, density of the
    tightest window holding them all); found: the positions of each unit a release holds, in query order."""
    found = [ps for ps in found if ps]
    if len(found) < 2:
        return 0.0, 0.0
    pairs = 0
    for a, b in zip(found, found[1:]):
        bset = set(b)
        if any(p + d in bset for p in a for d in range(1, ORDERED_SLOP + 1)):
            pairs += 1
    events = sorted((p, i) for i, ps in enumerate(found) for p in ps)
    need, have, left, best = len(found), {}, 0, None
    for pos, i in events:
        have[i] = have.get(i, 0) + 1
        while len(have) == need:
            span = pos - events[left][0] + 1
            best = span if best is None else min(best, span)
            first = events[left][1]
            have[first] -= 1
            if not have[first]:
                del have[first]
            left += 1
    return pairs / (len(found) - 1), need / best if best else 0.0


def title_share(units: List[Unit], title: str, english: bool) -> float:
    """The share of the units, weighted by rarity, that stand in a release's title."""
    spans, _ = find_units(units, title or "", english)
    held = {i for _, _, i in spans}
    return sum(units[i].weight for i in held) / (sum(u.weight for u in units) or 1.0)


def rank_releases(kb, units: List[Unit], within: Optional[set], limit: int):
    """(the releases that match, words needed, [(doc id, score, words it lacks)] of the best, best first)."""
    searcher = kb.searcher("docs")
    optional = [u for u in units if not u.required]
    postings = [unit_postings(kb, u, within) for u in units]
    eligible = set(within) if within is not None else None
    for unit, found in zip(units, postings):
        if unit.required:
            eligible = set(found) if eligible is None else eligible & set(found)
    needed = min_should_match(len(optional))
    if optional:
        counts = Counter(chain.from_iterable(found for unit, found in zip(units, postings) if not unit.required))
        if eligible is not None:
            counts = {d: k for d, k in counts.items() if d in eligible}
        if counts and max(counts.values()) < needed:
            needed = max(counts.values())  # nothing holds enough of the words: show the best there are
        eligible = {d for d, k in counts.items() if k >= needed}
    eligible = eligible or set()
    if not eligible:
        return eligible, needed, []
    scores = bm25(kb, units, postings, eligible)
    top = max(scores.values()) or 1.0
    coverage = dict.fromkeys(eligible, 0.0 if optional else 1.0)  # the share of the words' weight held
    optional_weight = sum(u.weight for u in optional) or 1.0
    for unit, found in zip(units, postings):
        if not unit.required:
            for d in found:
                if d in coverage:
                    coverage[d] += unit.weight / optional_weight
    first = heapq.nlargest(max(CANDIDATES, limit), eligible, key=lambda d: coverage[d] ** 2 * (1 + scores[d] / top))
    shortlist = sorted(first)
    reader = searcher.reader()
    where = [unit_positions(reader, u, shortlist) for u in units]
    average = max(reader.field_length("words"), 1) / max(reader.doc_count(), 1)
    ranked = []
    for d in shortlist:
        stored = searcher.stored_fields(d)
        english = stored.get("language") in ENGLISH
        ordered, dense = proximity([where[i].get(d, []) for i in range(len(units))])
        # a long release (a list of 200 defendants) holds any two words close somewhere
        damp = min(1.0, math.sqrt(average / max(reader.doc_field_length(d, "words") or average, 1)))
        title = title_share(units, stored.get("title"), english)
        boost = damp * (ORDER_BOOST * ordered + DENSE_BOOST * dense) + TITLE_BOOST * title
        score = coverage[d] ** 2 * (1 + scores[d] / top + boost)
        missing = [u.label for u, found in zip(units, postings) if d not in found and not u.required]
        ranked.append((stored["doc_id"], score, missing))
    ranked.sort(key=lambda r: -r[1])
    return eligible, needed, ranked


def field_lengths(reader, field: str) -> List[int]:
    """Words in field of every document, by docnum, read a column at a time where the codec allows it."""
    from whoosh.codec.whoosh3 import LENGTHS_COLUMN
    from whoosh.util.numeric import byte_to_length

    table = [byte_to_length(b) for b in range(256)]
    out: List[int] = []
    for leaf, offset in reader.leaf_readers():
        out.extend([0] * (offset - len(out)))
        perdoc = getattr(leaf, "_perdoc", None)
        column = perdoc._cached_reader(f"_{field}_len", LENGTHS_COLUMN) if hasattr(perdoc, "_cached_reader") else None
        if column is not None and hasattr(column, "_basepos") and getattr(column, "_fixedlen", 0) == 1:
            raw = column._dbfile.get(column._basepos, column._count)
            out.extend([table[b] for b in raw])
            out.extend([0] * (leaf.doc_count_all() - len(raw)))
        else:
            out.extend(leaf.doc_field_length(i, field) or 0 for i in range(leaf.doc_count_all()))
    return out


def positions_in(reader, field: str, token: str, docnums: List[int]) -> Dict[int, List[int]]:
    """Word positions of token in each of docnums (sorted) that holds it."""
    from whoosh.reading import TermNotFound

    try:
        matcher = reader.postings(field, token)
    except TermNotFound:
        return {}
    out = {}
    for docnum in docnums:
        if not matcher.is_active():
            break
        matcher.skip_to(docnum)
        if matcher.is_active() and matcher.id() == docnum:
            out[docnum] = list(matcher.value_as("positions"))
    return out


def unit_positions(reader, unit: Unit, docnums: List[int]) -> Dict[int, List[int]]:
    """Where each token run of a unit starts, in each document of docnums (from the index's positions)."""
    found: Dict[int, set] = {}
    for field, seqs in unit.sequences.items():
        if field not in ("body", "body_plain"):
            continue
        for seq in seqs:
            lists = [positions_in(reader, field, token, docnums) for token in seq]
            for docnum, starts in lists[0].items():
                later = [set(lists[k].get(docnum, ())) for k in range(1, len(seq))]
                ok = [p for p in starts if all(p + k + 1 in later[k] for k in range(len(later)))]
                if ok:
                    found.setdefault(docnum, set()).update(ok)
    return {d: sorted(p) for d, p in found.items()}


def search_releases(kb, text: str, since=None, until=None, publisher=None, limit: int = 10) -> dict:
    """Releases ranked by all their text, each with its best passage as a snippet, highlights and citation."""
    reading = kb.read(text, "docs")
    fields = kb.live_fields("docs", DOC_TEXT_FIELDS)
    searcher = kb.searcher("docs")
    flt = kb.doc_filter(since, until, publisher)
    within = set(searcher.docs_for_query(flt)) if flt is not None else None
    out = {"query": text, "total": 0, "results": []}
    wanted = limit + 10 if limit else 0  # a few more, since copies of a release shown are folded into it
    if reading.mode == "boolean":
        query = kb.engine_query(reading.boolean, "docs", fields)
        hits = searcher.search(query, limit=wanted or None, filter=within)
        units = boolean_units(kb, query)
        total = kb.releases_among(set(searcher.docs_for_query(query))) if within is None else \
            kb.releases_among(set(searcher.docs_for_query(query)) & within)
        ranked = [(hit["doc_id"], hit.score, []) for hit in hits]
    else:
        units = units_of(kb, reading, "docs", fields)
        eligible, needed, ranked = rank_releases(kb, units, within, wanted or 10 ** 9)
        total = kb.releases_among(eligible)
        out["reading"] = {"words": [u.label for u in units if not u.required], "dropped": reading.dropped,
                          "required": [u.label for u in units if u.required], "words_needed": needed}
    out["total"] = total
    if not ranked:
        suggestion = kb.suggest(text)
        if suggestion:
            out["suggestion"] = suggestion
        return out
    out["results"] = best_passages(kb, units, ranked, limit)
    return out


def boolean_units(kb, query) -> List[Unit]:
    """The words of a boolean query as units (for passages and highlights): its terms, wildcards expanded."""
    reader = kb.searcher("docs").reader()
    n = max(reader.doc_count(), 1)
    units = []
    for field, term in dict.fromkeys(expanded_terms(kb, query)):
        if field in ("body", "body_plain"):
            weight = math.log(1 + n / max(reader.doc_frequency(field, term), 1))
            units.append(Unit(term, None, {field: [(term,)]}, weight=weight))
    return units


def or_of(queries: list):
    from whoosh.query import NullQuery, Or

    return NullQuery if not queries else queries[0] if len(queries) == 1 else Or(queries)


def expanded_terms(kb, query, index: str = "docs") -> List[Tuple[str, str]]:
    """(field, word) of the indexed terms a query stands for, wildcards expanded (at most 200)."""
    try:
        found = list(query.existing_terms(kb.searcher(index).reader(), expand=True))[:200]
    except Exception:  # a query kind that cannot list its terms (ranges): no positions, no highlights
        return []
    return [(f, t.decode("utf-8") if isinstance(t, bytes) else t) for f, t in found]


def best_passages(kb, units: List[Unit], ranked: list, limit: int) -> List[dict]:
    """Each ranked release with its best passage cut to a snippet; a copy found is shown as its release.

    ranked: (doc id, score, the query's words it lacks), best first. A passage is best that holds
    most of the query (words weighted by rarity), then more matches, then a body paragraph before a
    heading or contact line, then an earlier one.
    """
    from whoosh.query import And, Or, Term

    releases: Dict[str, tuple] = {}  # a copy found is shown as the release it copies, ranked where it stood
    for doc_id, score, missing in ranked:
        releases.setdefault(kb.release_of(doc_id), (kb.release_of(doc_id), score, missing))
    ranked = list(releases.values())
    wanted = ranked[:limit] if limit else ranked
    searcher = kb.searcher("passages")
    owner = {}
    for doc_id, _, _ in wanted:
        for docnum in searcher.docs_for_query(Term("doc_id", doc_id)):
            owner[docnum] = doc_id
    by_field = {}
    for i, unit in enumerate(units):
        for field, seqs in unit.sequences.items():
            for seq in seqs:
                if field in PASSAGE_FIELD_OF:
                    by_field.setdefault((PASSAGE_FIELD_OF[field], seq), set()).add(i)
    candidates: Dict[str, list] = {}
    queries = [sequence_query(f, seq) for f, seq in by_field]
    if queries and wanted:
        query = And([Or([Term("doc_id", d) for d, _, _ in wanted]), or_of(queries)])
        for hit in searcher.search(query, limit=None, terms=True):
            terms = {(f, t.decode("utf-8") if isinstance(t, bytes) else t) for f, t in hit.matched_terms()}
            held = set()
            for (field, seq), which in by_field.items():
                if all((field, tok) in terms for tok in seq):
                    held |= which
            weight = sum(units[i].weight for i in held)
            candidates.setdefault(owner.get(hit.docnum), []).append((weight, len(held), -hit.docnum))
    results: List[dict] = []
    for doc_id, score, missing in wanted:
        options = sorted(candidates.get(doc_id, []), reverse=True)[:6]
        if options:
            rows = [(key, dict(searcher.stored_fields(-key[2]))) for key in options]
            rows.sort(key=lambda kr: (kr[0][0], kr[0][1], KIND_WEIGHT.get(kr[1]["kind"], 1.0), -kr[1]["number"]),
                      reverse=True)
            passages = [row for _, row in rows]
        else:
            passages = kb.passages_of(doc_id)[:1]
        if not passages:
            continue
        top = passages[0]
        if limit and len(results) == limit:
            break
        english = kb.document(doc_id).get("language") in ENGLISH
        spans, _ = find_units(units, top["text"], english)
        start, end, highlights = snippet(top, spans, units)
        results.append({
            "rank": len(results) + 1, "score": round(score, 4), "id": top["passage_id"],
            "text": top["text"][start:end], "highlights": highlights,
            "citation": kb.passage_citation(top, top["start"] + start, top["start"] + end),
            "cut_before": start > 0, "cut_after": end < len(top["text"]),
            "language": kb.document(doc_id).get("language"),
            "more_passages": [p["passage_id"] for p in passages[1:4]],
            "copies": kb.copies_of({"doc_id": doc_id}), "missing": missing,
        })
    return results


def snippet(passage: dict, matches: List[Tuple[int, int, int]], units: List[Unit]) -> Tuple[int, int, List[dict]]:
    """(start, end, highlights) of the sentence or two of a passage that hold most of the query, at most
    about SNIPPET_CHARS characters; offsets relative to the passage, highlights relative to the snippet."""
    text = passage["text"]
    sentences = [tuple(s) for s in (passage.get("sentences") or [(0, len(text))])]

    def weight(a, b):
        return sum(units[i].weight or 1.0 for i in {i for s, e, i in matches if s >= a and e <= b})

    # one sentence, or two that fit; of those holding as much of the query, one that opens with a
    # match and runs about two thirds of the room (a short sentence gets the next as context)
    windows = [(a, b, b) for a, b in sentences]
    windows += [(a, d, b) for (a, b), (_, d) in zip(sentences, sentences[1:]) if d - a <= SNIPPET_CHARS]
    a, b, _ = max(windows, key=lambda w: (weight(w[0], w[1]), w[1] - w[0] <= SNIPPET_CHARS, weight(w[0], w[2]) > 0,
                                          -abs(w[1] - w[0] - 2 * SNIPPET_CHARS // 3), -w[0]))
    if b - a > SNIPPET_CHARS:
        a, b = crop(text, a, b, [(s, e) for s, e, _ in matches if s >= a and e <= b])
    highlights = [{"start": s - a, "end": e - a, "term": text[s:e]} for s, e, _ in matches if s >= a and e <= b]
    return a, b, highlights


def crop(text: str, a: int, b: int, spans: List[Tuple[int, int]]) -> Tuple[int, int]:
    """A window of at most SNIPPET_CHARS characters of text[a:b], at word boundaries, around most matches."""
    if spans:
        best = max(spans, key=lambda sp: sum(1 for s, e in spans if sp[0] <= s and e <= sp[0] + SNIPPET_CHARS))
        lo = max(a, min(best[0] - 40, b - SNIPPET_CHARS))
    else:
        lo = a
    hi = min(b, lo + SNIPPET_CHARS)
    if lo > a:
        space = text.find(" ", lo, hi)
        lo = space + 1 if space != -1 else lo
    if hi < b:
        space = text.rfind(" ", lo, hi)
        hi = space if space > lo else hi
    return lo, hi
