"""The read side of the index: one interface (Index) and its Whoosh implementation, the only reader of Whoosh.

Everything above this module (search, facts, verify, the application layer) asks its questions
in plain terms: documents and passages by id, the words a text is made of as a field indexes
them, how many documents hold a word, which documents hold a run of words, and a few searches
described by fields and word runs rather than by an engine's query objects. A second engine
(OpenSearch, for a corpus beyond one machine) implements the methods of `Index` below and
nothing else; `store.py` and `schema.py` are its writing side.

Internal document numbers ("docnums") are the engine's own: stable while one build is open,
meaningless across builds. Word runs are tuples of indexed tokens; a "match" is a list of
(field, run) pairs, any of which may match; a "clause" is text in the engine's own query
syntax (`field:value`, wildcards, boolean operators), kept for the syntax a user types.
"""
import json
from bisect import bisect_left
from itertools import accumulate
from pathlib import Path
from typing import Dict, Iterator, List, Optional, Protocol, Sequence, Set, Tuple

from .errors import IndexDamaged, KBError, NotFound, QueryError
from .store import OnDemand, current_build, hold_build, open_index as open_whoosh_index, read_copies

Run = Tuple[str, ...]
Match = List[Tuple[str, Run]]
DOC_TEXT_FIELDS = ["body", "body_plain"]  # English releases are stemmed, others indexed as written
FAST_FIELD = {"body": "words"}  # a text field → its twin without positions, read several times faster
PASSAGE_FIELD_OF = {"title": "text", "body": "text", "body_plain": "text_plain"}
RECORD_INDEX = {"facts": "facts", "quotes": "quotes"}


class Index(Protocol):
    """What kb asks of an index. `WhooshIndex` answers it; another engine must answer the same."""

    root: Path

    # records
    def document(self, doc_id: str) -> dict: """Stored fields of a release, `data` decoded; NotFound."""
    def summary_at(self, docnum: int) -> dict: """doc_id, title and language of a release by number."""
    def documents(self) -> Iterator[dict]: """Every release's stored fields, `data` decoded."""
    def passage(self, passage_id: str) -> dict: """Stored fields of a passage; NotFound."""
    def passages_of(self, doc_ids: Sequence[str]) -> Dict[str, List[dict]]: """Passages by release, in order."""
    def passage_at(self, docnum: int) -> dict: """A passage by its number in the passages index."""
    def records_of(self, kind: str, doc_id: str) -> List[dict]: """Facts or quotes of a release, in text order."""
    def records_in_passage(self, kind: str, passage_id: str) -> List[dict]: """Facts or quotes of a passage."""
    def release_of(self, doc_id: str) -> str: """The release a near-duplicate copies, or doc_id."""
    def copies_of(self, doc_id: str) -> List[str]: """The other ids of the same release."""
    def copy_map(self) -> Dict[str, str]: """{doc id: release} of every release in a group of copies."""
    def releases_among(self, docnums: Set[int]) -> int: """How many releases some docnums are."""

    # words and statistics
    def analyse(self, kind: str, field: str, text: str) -> List[str]: """Tokens of text as field indexes it."""
    def field_names(self, kind: str) -> List[str]: """The fields of an index."""
    def live_fields(self, kind: str, fields: Sequence[str]) -> List[str]: """The fields that hold any words."""
    def doc_count(self, kind: str = "docs") -> int: """Documents in an index."""
    def doc_frequency(self, field: str, token: str, kind: str = "docs") -> int: """Documents holding a token."""
    def field_lengths(self, field: str) -> List[int]: """Words in field of each release, by docnum."""
    def average_length(self, field: str) -> float: """Mean words in field per release."""
    def postings(self, field: str, token: str) -> Dict[int, float]: """{docnum: frequency} of a token."""
    def positions(self, field: str, token: str, docnums: Sequence[int], kind: str = "docs") -> Dict[int, List[int]]:
        """Where a token stands in each of some documents of an index."""
    def suggest(self, word: str) -> Optional[str]: """The closest indexed word to an unknown one."""

    # searches
    def docs_matching(self, match: Match = (), clause: str = "", fields: Sequence[str] = ()) -> Set[int]: """Docnums."""
    def filter_docs(self, since: Optional[str], until: Optional[str], publisher: Optional[str]) -> Optional[Set[int]]:
        """Docnums of the releases the filters allow, or None for no filter."""
    def clause_terms(self, clause: str, fields: Sequence[str], kind: str = "docs") -> List[Tuple[str, str]]:
        """(field, token) of the indexed words a clause stands for, wildcards expanded."""
    def boolean_search(self, clause: str, fields: Sequence[str], within: Optional[Set[int]], limit: int):
        """(docnums matching, [(doc id, score)] of the best) of a boolean clause, by BM25."""
    def passage_matches(self, doc_ids: Sequence[str], match: Match) -> Dict[str, List[Tuple[int, set]]]:
        """{doc id: [(passage docnum, {(field, token) matched})]} of the releases' passages matching."""
    def rank_records(self, kind: str, matches: List[Match], filters: dict, limit: int, clause: str = "",
                     fields: Sequence[str] = ()) -> List[Tuple[dict, float]]:
        """Facts, quotes or passages matching any of the matches (or a clause over fields), best first, with
        their BM25 scores; filters: {field: value} to require (doc_id, unit, speaker words)."""
    def all_records(self, kind: str, filters: dict) -> List[dict]: """Facts or quotes the filters allow."""
    def similar(self, kind: str, text: str, fields: Sequence[str], limit: int, rarest: int) -> List[dict]:
        """Records (or releases, passages) most like free text, best first, each with "_score"."""


def block_readable(matcher) -> bool:
    """Whether a matcher is Whoosh 3's block matcher, whose blocks kb reads itself."""
    return all(hasattr(matcher, name) for name in ("_read_data", "_next_block", "_maxid", "_byteids"))


def block_ids(matcher) -> Sequence[int]:
    """The docnums of a block matcher's current block (Whoosh decodes them in a Python generator)."""
    if matcher._ids is None:
        if matcher._data is None:
            matcher._read_data()
        ids = matcher._data[0]
        matcher._ids = ids if matcher._byteids else tuple(accumulate(ids))
    return matcher._ids


def open_index(root: Path) -> "WhooshIndex":
    """The current build of an index folder, for reading (IndexMissing, IndexDamaged)."""
    return WhooshIndex(Path(root))


def raised_in_whoosh(tb) -> bool:
    """True when an exception came out of Whoosh's reading code (a damaged file), not out of kb's own."""
    while tb is not None:
        if "whoosh" in tb.tb_frame.f_code.co_filename.replace("\\", "/").split("/"):
            return True
        tb = tb.tb_next
    return False


class _Opened:
    """Opening: the build's Whoosh indexes (each when first used), searchers, schemas, and damage."""

    def __init__(self, root: Path):
        self.root = root
        for _ in range(3):  # a build switched out between reading the pointer and holding it: read again
            build = current_build(root)
            self._hold = hold_build(build)  # kept from removal while this reader has it open
            if (build / "manifest.json").is_file():
                break
            self._hold.close()
        else:
            raise IndexDamaged(f"the index at {root} keeps changing under this reader; try again")
        self.build = build
        self.indexes = OnDemand(lambda name: open_whoosh_index(build, name, root))
        self.schemas = OnDemand(lambda name: self.indexes[name].schema)  # Whoosh rereads the TOC for each
        self._searchers: Dict[str, object] = {}
        self._docs: Dict[str, dict] = {}
        self._copies: Optional[dict] = None

    def searcher(self, kind: str):
        if kind not in self._searchers:
            self._searchers[kind] = self.indexes[kind].searcher(weighting=weighting_for(kind))
        return self._searchers[kind]

    def close(self):
        for searcher in self._searchers.values():
            searcher.close()
        self._searchers.clear()
        if not self._hold.closed:
            self._hold.close()

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        self.close()
        if exc is not None and not isinstance(exc, (KBError, SystemExit)) and raised_in_whoosh(tb):
            raise IndexDamaged(f"the index at {self.root} is damaged or was not built by kb ({exc_type.__name__} "
                               "reading it); run `kb index rebuild`") from None

    def live_fields(self, kind: str, fields: Sequence[str]) -> List[str]:
        """The fields that hold any words in this build (Whoosh scores 0 across an empty field)."""
        reader = self.searcher(kind).reader()
        return [f for f in fields if reader.field_length(f)] or list(fields[:1])


def weighting_for(kind: str):
    """BM25 for each index: releases with the classic idf, log((N - df + 0.5) / (df + 0.5)), as FTS5 and
    Lucene use (Whoosh's own, log(N / (df + 1)) + 1, put fewer known releases first on the shared
    corpora); passages with less length normalisation, since paragraphs are of similar length."""
    import math

    from whoosh import scoring

    class ClassicBM25F(scoring.BM25F):
        def idf(self, searcher, fieldname, text):
            parent = searcher.get_parent()
            n, total = parent.doc_frequency(fieldname, text), parent.doc_count_all()
            return max(math.log((total - n + 0.5) / (n + 0.5)), 0.01)

    if kind == "docs":
        return ClassicBM25F()
    return scoring.BM25F(B=0.25) if kind == "passages" else scoring.BM25F()


class _Records:
    """Stored records: releases, passages, facts and quotes, and the groups of copies (needs _Opened)."""

    def document(self, doc_id: str) -> dict:
        if doc_id not in self._docs:
            fields = self.searcher("docs").document(doc_id=doc_id)
            if fields is None:
                raise NotFound(f"no document with id {doc_id!r}")
            self._docs[doc_id] = {**fields, "data": json.loads(fields["data"])}
        return self._docs[doc_id]

    def summary_at(self, docnum: int) -> dict:
        stored = self.searcher("docs").stored_fields(docnum)
        return {"doc_id": stored["doc_id"], "title": stored.get("title") or "", "language": stored.get("language")}

    def documents(self) -> Iterator[dict]:
        for _, fields in self.searcher("docs").reader().iter_docs():
            yield {**fields, "data": json.loads(fields["data"])}

    def passage(self, passage_id: str) -> dict:
        fields = self.searcher("passages").document(passage_id=passage_id)
        if fields is None:
            raise NotFound(f"no passage with id {passage_id!r}")
        return dict(fields)

    def passages_of(self, doc_ids: Sequence[str]) -> Dict[str, List[dict]]:
        from whoosh.query import Or, Term

        out: Dict[str, List[dict]] = {}
        if doc_ids:
            # sorted here: Whoosh would read the number of every passage of the index to sort a few
            for hit in self.searcher("passages").search(Or([Term("doc_id", d) for d in doc_ids]), limit=None):
                out.setdefault(hit["doc_id"], []).append(dict(hit))
        return {doc_id: sorted(rows, key=lambda p: p["number"]) for doc_id, rows in out.items()}

    def passage_at(self, docnum: int) -> dict:
        return dict(self.searcher("passages").stored_fields(docnum))

    def records_of(self, kind: str, doc_id: str) -> List[dict]:
        from whoosh.query import Term

        hits = self.searcher(RECORD_INDEX[kind]).search(Term("doc_id", doc_id), limit=None)
        return sorted((json.loads(hit["data"]) for hit in hits), key=lambda r: r["start"])

    def records_in_passage(self, kind: str, passage_id: str) -> List[dict]:
        from whoosh.query import Term

        hits = self.searcher(RECORD_INDEX[kind]).search(Term("passage_id", passage_id), limit=None)
        return [json.loads(hit["data"]) for hit in hits]

    def copy_map(self) -> Dict[str, str]:
        if self._copies is None:
            self._copies = read_copies(self.build)
        return self._copies["copy_of"]

    def release_of(self, doc_id: str) -> str:
        return self.copy_map().get(doc_id, doc_id)

    def copies_of(self, doc_id: str) -> List[str]:
        if "_group" not in self.__dict__:  # each release's group, read once per open index
            self._group: Dict[str, List[str]] = {}
            for copy, first in sorted(self.copy_map().items()):
                self._group.setdefault(first, []).append(copy)
        return sorted(d for d in self._group.get(self.release_of(doc_id), ()) if d != doc_id)

    def releases_among(self, docnums: Set[int]) -> int:
        self.copy_map()
        release = dict(self._copies["numbers"])
        return len({release.get(d, d) for d in docnums})


class _Words:
    """The words of the index: analysis, statistics, postings and positions (needs _Opened)."""

    def analyse(self, kind: str, field: str, text: str) -> List[str]:
        return [t.text for t in self.schemas[kind][field].analyzer(text)]

    def field_names(self, kind: str) -> List[str]:
        return list(self.schemas[kind].names())

    def doc_count(self, kind: str = "docs") -> int:
        return self.searcher(kind).reader().doc_count()

    def doc_frequency(self, field: str, token: str, kind: str = "docs") -> int:
        return self.searcher(kind).reader().doc_frequency(field, token)

    def average_length(self, field: str) -> float:
        reader = self.searcher("docs").reader()
        return max(reader.field_length(field), 1) / max(reader.doc_count(), 1)

    def field_lengths(self, field: str) -> List[int]:
        """Read once per open index (a build never changes; a server asks for them on every search)."""
        cache = self.__dict__.setdefault("_field_lengths", {})
        if field not in cache:
            cache[field] = self._read_field_lengths(field)
        return cache[field]

    def _read_field_lengths(self, field: str) -> List[int]:
        """Read a column at a time where the codec allows it (Whoosh's own reads one document a call)."""
        from whoosh.codec.whoosh3 import LENGTHS_COLUMN
        from whoosh.util.numeric import byte_to_length

        table = [byte_to_length(b) for b in range(256)]
        out: List[int] = []
        for leaf, offset in self.searcher("docs").reader().leaf_readers():
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

    def _leaves(self, kind: str, field: str, token: str):
        """(matcher, docnum offset, deleted docnums) of each segment holding a token, in docnum order."""
        from whoosh.matching.wrappers import FilterMatcher
        from whoosh.reading import TermNotFound

        for leaf, offset in self.searcher(kind).reader().leaf_readers():
            try:
                matcher = leaf.postings(field, token)
            except TermNotFound:
                continue
            deleted = ()
            if isinstance(matcher, FilterMatcher):
                deleted, matcher = leaf.deleted_docs_set, matcher.child
            yield matcher, offset, deleted

    def postings(self, field: str, token: str) -> Dict[int, float]:
        """Read a block at a time where the codec allows it: Whoosh's matchers step one posting at a
        time in Python, several times slower on the long lists of common words."""
        out: Dict[int, float] = {}
        for matcher, offset, deleted in self._leaves("docs", field, token):
            if not block_readable(matcher):
                while matcher.is_active():
                    if matcher.id() not in deleted:
                        out[matcher.id() + offset] = matcher.weight()
                    matcher.next()
                continue
            while matcher.is_active():
                ids = block_ids(matcher)
                if matcher._weights is None:
                    matcher._read_weights()
                if deleted or offset:
                    out.update((d + offset, w) for d, w in zip(ids, matcher._weights) if d not in deleted)
                else:
                    out.update(zip(ids, matcher._weights))
                matcher._next_block()
        return out

    def positions(self, field: str, token: str, docnums: Sequence[int], kind: str = "docs") -> Dict[int, List[int]]:
        """Skips whole blocks by their last docnum and finds a document in a block by bisection
        (Whoosh's skip_to steps one posting at a time in Python)."""
        out: Dict[int, List[int]] = {}
        wanted = sorted(docnums)
        for matcher, offset, deleted in self._leaves(kind, field, token):
            for docnum in wanted:
                local = docnum - offset
                if local < 0 or local in deleted:
                    continue
                if not block_readable(matcher):
                    if matcher.is_active():
                        matcher.skip_to(local)
                    if matcher.is_active() and matcher.id() == local:
                        out[docnum] = list(matcher.value_as("positions"))
                    continue
                while matcher.is_active() and matcher._maxid < local:
                    matcher._next_block()
                if not matcher.is_active():
                    break
                ids = block_ids(matcher)
                i = bisect_left(ids, local)
                if i < len(ids) and ids[i] == local:
                    matcher._i = i
                    out[docnum] = list(matcher.value_as("positions"))
        return out

    def suggest(self, word: str) -> Optional[str]:
        stems = self.analyse("docs", "body", word)
        if not stems or self.doc_frequency("body", stems[0]):
            return None
        options = self.searcher("docs").corrector("body").suggest(word, limit=1)
        return options[0] if options and options[0] != word else None


class _Searches:
    """Searches described by fields and word runs, or by a clause of Whoosh syntax (needs _Opened, _Words)."""

    def _query(self, match: Match = (), clause: str = "", fields: Sequence[str] = (), kind: str = "docs"):
        from whoosh.query import NullQuery, Or, Phrase, Term

        parts = [Term(f, run[0]) if len(run) == 1 else Phrase(f, list(run)) for f, run in match]
        if clause:
            parts.append(self._parse(clause, fields, kind))
        return NullQuery if not parts else parts[0] if len(parts) == 1 else Or(parts)

    def _parse(self, clause: str, fields: Sequence[str], kind: str = "docs"):
        from whoosh import qparser
        from whoosh.query import NullQuery

        parser = qparser.MultifieldParser(list(fields), self.schemas[kind], group=qparser.AndGroup)
        parser.add_plugin(qparser.GtLtPlugin())
        try:
            query = parser.parse(clause)
        except Exception as exc:
            raise QueryError(f"cannot parse query {clause!r}: {exc}") from None
        if query is NullQuery or isinstance(query, type(NullQuery)) or not list(query.leaves()):
            raise QueryError(f"query {clause!r} has no words to search for (only stop words or operators)")
        return query

    def docs_matching(self, match: Match = (), clause: str = "", fields: Sequence[str] = ()) -> Set[int]:
        return set(self.searcher("docs").docs_for_query(self._query(match, clause, fields)))

    def filter_docs(self, since=None, until=None, publisher=None) -> Optional[Set[int]]:
        from whoosh.query import And, Term, TermRange

        parts = []
        if since or until:
            parts.append(TermRange("published", since or "0000", (until or "9999") + "\uffff"))
        if publisher:
            words = self.analyse("docs", "publisher", publisher)
            if not words:
                raise QueryError(f"--publisher {publisher!r} has no words")
            parts += [Term("publisher", w) for w in words]
        if not parts:
            return None
        return set(self.searcher("docs").docs_for_query(And(parts) if len(parts) > 1 else parts[0]))

    def clause_terms(self, clause: str, fields: Sequence[str], kind: str = "docs") -> List[Tuple[str, str]]:
        try:
            found = list(self._parse(clause, fields, kind).existing_terms(self.searcher(kind).reader(), expand=True))
        except QueryError:
            raise
        except Exception:  # a query kind that cannot list its terms (ranges): no positions, no highlights
            return []
        return [(f, t.decode("utf-8") if isinstance(t, bytes) else t) for f, t in found[:200]]

    def boolean_search(self, clause: str, fields: Sequence[str], within: Optional[Set[int]], limit: int):
        searcher = self.searcher("docs")
        query = self._parse(clause, fields)
        matching = set(searcher.docs_for_query(query))
        if within is not None:
            matching &= within
        hits = searcher.search(query, limit=limit or None, filter=within)
        return matching, [(hit["doc_id"], hit.score) for hit in hits]

    def passage_matches(self, doc_ids: Sequence[str], match: Match) -> Dict[str, List[Tuple[int, set]]]:
        """Read from the postings at the releases' passages only, as positions() reads them."""
        from whoosh.query import Term

        searcher = self.searcher("passages")
        owner = {docnum: d for d in doc_ids for docnum in searcher.docs_for_query(Term("doc_id", d))}
        out: Dict[str, List[Tuple[int, set]]] = {}
        if not match or not owner:
            return out
        where = {(f, t): self.positions(f, t, list(owner), kind="passages") for f, run in match for t in run}
        held: Dict[int, set] = {}
        for field, run in match:
            first, *rest = [where[field, t] for t in run]
            for docnum, starts in first.items():
                later = [set(w.get(docnum, ())) for w in rest]
                if any(all(p + k + 1 in later[k] for k in range(len(later))) for p in starts):
                    held.setdefault(docnum, set()).update((field, t) for t in run)
        for docnum in sorted(held):
            out.setdefault(owner[docnum], []).append((docnum, held[docnum]))
        return out

    def _record_filter(self, filters: dict):
        from whoosh.query import And, Term

        parts = [Term(field, value) for field, value in filters.items() if field != "speaker" and value]
        if filters.get("speaker"):
            parts += [Term("speaker", w) for w in filters["speaker"]]
        return And(parts) if len(parts) > 1 else (parts[0] if parts else None)

    def rank_records(self, kind: str, matches: List[Match], filters: dict, limit: int, clause: str = "",
                     fields: Sequence[str] = ()) -> List[Tuple[dict, float]]:
        from whoosh.query import Or

        queries = [self._query(m, kind=kind) for m in matches if m]
        if clause:
            queries.append(self._parse(clause, fields, kind))
        if not queries:
            return []
        query = queries[0] if len(queries) == 1 else Or(queries)
        hits = self.searcher(kind).search(query, limit=limit or None, filter=self._record_filter(filters))
        return [(json.loads(hit["data"]) if kind in RECORD_INDEX else dict(hit), hit.score) for hit in hits]

    def all_records(self, kind: str, filters: dict) -> List[dict]:
        from whoosh.query import Every

        hits = self.searcher(kind).search(Every(), limit=None, filter=self._record_filter(filters))
        return [json.loads(hit["data"]) for hit in hits]

    def similar(self, kind: str, text: str, fields: Sequence[str], limit: int = 20, rarest: int = 12) -> List[dict]:
        """An OR of the analysed words of free text (a claim is words, not query syntax); rarest: only that
        many of them, the rarest first (common words cost long posting lists and say little)."""
        reader = self.searcher(kind).reader()
        match: Match = []
        for field in fields:
            words = list(dict.fromkeys(self.analyse(kind, field, text)))
            if rarest:
                words = sorted((w for w in words if reader.doc_frequency(field, w)),
                               key=lambda w: reader.doc_frequency(field, w))[:rarest]
            match += [(field, (w,)) for w in words]
        if not match:
            return []
        rows = []
        for hit in self.searcher(kind).search(self._query(match, kind=kind), limit=limit):
            if kind == "docs":
                row = {"doc_id": hit["doc_id"]}
            else:
                row = json.loads(hit["data"]) if kind in RECORD_INDEX else dict(hit)
            rows.append({**row, "_score": hit.score})
        return rows


class WhooshIndex(_Opened, _Records, _Words, _Searches):
    """An index folder's current build in Whoosh, read-only, each of its four indexes opened when first used."""
