"""Queries → hits with citations and highlights; also the read side of show, sources, facts, quotes, speakers."""
import json
import re
from datetime import date
from pathlib import Path
from typing import Dict, List, Optional

from .errors import IndexDamaged, KBError, NotFound, QueryError
from .models import Citation, plain
from .store import open_indexes

# English text is stemmed; other languages go to the *_plain fields, searched alongside.
# A release is ranked by its body, which holds its title once (as FTS5 ranks title and body
# columns alike): boosting the title as well put fewer known releases first (236 against 243
# of 300 known-item queries on the shared corpora). `title:` still searches titles alone.
DOC_TEXT_FIELDS = ["body", "body_plain"]
QUERY_FIELDS = ["body", "place", "published", "publisher", "title"]
PASSAGE_TEXT_FIELDS = ["text", "text_plain"]
YEAR_RE = re.compile(r"^(?:19|20)\d\d$")
PASSAGE_FIELD_OF = {"title": "text", "body": "text", "body_plain": "text_plain"}
FIELD_RE = re.compile(r"(?<![\w\\])([A-Za-z_]+):")
OPERATORS = {"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"}
# A heading or contact line is a poor citation for a statement, however well it matches.
KIND_WEIGHT = {"heading": 0.4, "contact": 0.3, "about": 0.8}
# Paragraphs are of similar length, so length matters less than in whole documents.
PASSAGE_B = 0.25
# Releases put what matters first (inverted pyramid): a small preference for earlier paragraphs.
POSITION_DECAY = 0.02


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


def passage_score(hit_score: float, kind: str, number: int) -> float:
    return hit_score * KIND_WEIGHT.get(kind, 1.0) / (1 + POSITION_DECAY * (number - 1))


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
            analyzer = self.indexes[index].schema[field].analyzer
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
        return [tok.text for tok in self.indexes["docs"].schema["body"].analyzer(text)
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
            words = [t.text for t in self.indexes["quotes"].schema["speaker"].analyzer(speaker)]
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
        self.indexes = open_indexes(self.root)
        self._searchers: Dict[str, object] = {}
        self._docs: Dict[str, dict] = {}

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

    def passage(self, passage_id: str) -> dict:
        fields = self.searcher("passages").document(passage_id=passage_id)
        if fields is None:
            raise NotFound(f"no passage with id {passage_id!r}")
        return dict(fields)

    def passages_of(self, doc_id: str) -> List[dict]:
        from whoosh.query import Term

        hits = self.searcher("passages").search(Term("doc_id", doc_id), limit=None, sortedby="number")
        return [dict(h) for h in hits]

    def passage_citation(self, passage: dict, start: Optional[int] = None, end: Optional[int] = None) -> dict:
        doc = self.document(passage["doc_id"])
        return citation(doc, passage["passage_id"], passage["number"],
                        passage["start"] if start is None else start, passage["end"] if end is None else end)

    # -- queries ---------------------------------------------------------------------------
    def parse(self, text: str, index: str, fields: List[str], group: str = "and"):
        """A Whoosh query from the user's words; QueryError with the reason when it is malformed."""
        from whoosh import qparser
        from whoosh.query import NullQuery

        text = (text or "").strip()
        if not text:
            raise QueryError("the query is empty")
        if text.count('"') % 2:
            raise QueryError(f"unclosed quotation mark in query {text!r}")
        if text.count("(") != text.count(")"):
            raise QueryError(f"unbalanced parentheses in query {text!r}")
        schema = self.indexes[index].schema
        for match in FIELD_RE.finditer(text):
            name = match.group(1)
            after = text[match.end():match.end() + 1]
            if not after or after.isspace():
                raise QueryError(f"field {name}: in query {text!r} has no value")
            if name not in schema.names():
                raise QueryError(f"unknown field {name!r} in query; fields: {', '.join(QUERY_FIELDS)}")
        words = [w for w in re.split(r"\s+", text) if w]
        if all(w in OPERATORS for w in words):
            raise QueryError(f"query {text!r} has only operators, no words")
        grouping = qparser.OrGroup.factory(0.9) if group == "or" else qparser.AndGroup
        parser = qparser.MultifieldParser(fields, schema, group=grouping)
        parser.add_plugin(qparser.GtLtPlugin())
        try:
            query = parser.parse(text)
        except Exception as exc:
            raise QueryError(f"cannot parse query {text!r}: {exc}") from None
        if query is NullQuery or isinstance(query, type(NullQuery)) or not list(query.leaves()):
            raise QueryError(f"query {text!r} has no words to search for (only stop words or operators)")
        return query

    def doc_filter(self, since=None, until=None, publisher=None):
        """The filter of --since, --until and --publisher, or None."""
        from whoosh.query import And, Term, TermRange

        parts = []
        if since or until:
            parts.append(TermRange("published", since or "0000", (until or "9999") + "\uffff"))
        if publisher:
            analyzer = self.indexes["docs"].schema["publisher"].analyzer
            words = [t.text for t in analyzer(publisher)]
            if not words:
                raise QueryError(f"--publisher {publisher!r} has no words")
            parts += [Term("publisher", w) for w in words]
        return And(parts) if len(parts) > 1 else (parts[0] if parts else None)

    def highlights(self, query, text: str) -> List[dict]:
        """Spans of a passage's text whose analysed words match the query's terms (offsets into text)."""
        try:
            found = list(query.existing_terms(self.searcher("passages").reader(), expand=True))
        except Exception:  # a query kind that cannot list its terms: no highlights rather than no answer
            found = []
        spans = {}
        for field in PASSAGE_TEXT_FIELDS:
            terms = {t.decode("utf-8") if isinstance(t, bytes) else t for f, t in found if f == field}
            if not terms:
                continue
            analyzer = self.indexes["passages"].schema[field].analyzer
            for tok in analyzer(text, chars=True, removestops=False):
                if tok.text in terms:
                    spans[tok.startchar] = {"start": tok.startchar, "end": tok.endchar, "term": text[tok.startchar:tok.endchar]}
        return [spans[k] for k in sorted(spans)]

    def suggest(self, text: str) -> Optional[str]:
        """The query with each unknown word replaced by its closest indexed word, or None."""
        corrector = self.searcher("docs").corrector("body")
        reader = self.searcher("docs").reader()
        analyzer = self.indexes["docs"].schema["body"].analyzer
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
        """Releases ranked by all their text, each with its best passage, highlights and citation."""
        from whoosh.query import Or, Term

        doc_query = self.parse(text, "docs", self.live_fields("docs", DOC_TEXT_FIELDS))
        # a few more than asked, since copies of a release shown already are folded into it
        docs = self.searcher("docs").search(doc_query, limit=(limit + 10) if limit else None,
                                            filter=self.doc_filter(since, until, publisher))
        total = len(docs)
        ranked = [(hit["doc_id"], hit.score) for hit in docs]
        out = {"query": text, "total": total, "results": []}
        if not ranked:
            suggestion = self.suggest(text)
            if suggestion:
                out["suggestion"] = suggestion
            return out
        passage_query = self.parse(text, "passages", self.live_fields("passages", PASSAGE_TEXT_FIELDS), group="or") if FIELD_RE.search(text) is None \
            else self._or_terms(doc_query)
        in_docs = Or([Term("doc_id", doc_id) for doc_id, _ in ranked])
        best: Dict[str, list] = {}
        for hit in self.searcher("passages").search(passage_query, limit=None, filter=in_docs):
            best.setdefault(hit["doc_id"], []).append((passage_score(hit.score, hit["kind"], hit["number"]), dict(hit)))
        best = {doc_id: [p for _, p in sorted(hits, key=lambda sp: -sp[0])] for doc_id, hits in best.items()}
        shown: Dict[str, dict] = {}  # passage hash → the result that shows that passage
        for doc_id, score in ranked:
            matches = best.get(doc_id) or self.passages_of(doc_id)[:1]
            if not matches:
                continue
            top = matches[0]
            if top["text_hash"] in shown:
                shown[top["text_hash"]]["copies"].append(doc_id)
                continue
            if limit and len(out["results"]) == limit:
                break
            result = {
                "rank": len(out["results"]) + 1, "score": round(score, 4), "id": top["passage_id"], "text": top["text"],
                "highlights": self.highlights(passage_query, top["text"]),
                "citation": self.passage_citation(top),
                "language": self.document(doc_id).get("language"),
                "more_passages": [m["passage_id"] for m in matches[1:4]],
                "copies": [],
            }
            shown[top["text_hash"]] = result
            out["results"].append(result)
        return out

    def _or_terms(self, doc_query):
        """Passages of a fielded query: any of its body words, since passages have no title field."""
        from whoosh.query import NullQuery, Or, Term

        terms = [Term(PASSAGE_FIELD_OF[f], t) for f, t in doc_query.iter_all_terms() if f in PASSAGE_FIELD_OF]
        return Or(terms) if terms else NullQuery

    def copies_of(self, doc: dict) -> List[str]:
        """Ids of the other releases with the same text."""
        from whoosh.query import Term

        hits = self.searcher("docs").search(Term("body_hash", doc.get("body_hash") or ""), limit=None)
        return sorted(h["doc_id"] for h in hits if h["doc_id"] != doc["doc_id"])

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
        first: Dict[str, dict] = {}  # the same release under several ids is listed once, with its copies
        listed = []
        for row in rows:
            body_hash = row.pop("body_hash")
            if body_hash in first:
                first[body_hash]["copies"].append(row["id"])
                continue
            row["copies"] = []
            first[body_hash] = row
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

