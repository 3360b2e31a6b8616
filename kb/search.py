"""Search: a query as typed → releases ranked by all their text, each with a snippet, highlights and a citation.

How a query is read is query.py's; this module turns the reading into units (a word, a
compound like "82-year-old", a phrase, a field), finds the releases that hold enough of them,
ranks those, and cuts each one's best passage to the sentence or two that hold most of the
query. It asks the index (index.py) only for words, postings, positions and passages.

Ranking: a release is first scored by BM25 over the `words` field (no positions, fast) and by
how much of the query it holds (each word weighted by its rarity); the best CANDIDATES of
those are then rewarded for holding the words close together and in the typed order (from
the word positions of `body`), and in their title. Measured on 40 known-item queries written as
journalists type them (../shared/gold/dev-queries.jsonl) and 60 more of our own, and on 300
queries of three rare words from different paragraphs, against SQLite FTS5 over whole releases.
"""
import heapq
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import chain
from typing import Dict, List, Optional, Sequence, Set, Tuple

from .cite import passage_citation
from .index import DOC_TEXT_FIELDS, FAST_FIELD, PASSAGE_FIELD_OF
from .query import OPERATORS, Reading, read_query
from .schema import forms_in

QUERY_FIELDS = ["body", "place", "published", "publisher", "title"]
ENGLISH = {"en", "und"}
CANDIDATES = 30
ORDERED_SLOP = 3  # "sentenced to prison": words this close, in the typed order, count as a pair
ORDER_BOOST = 0.5
DENSE_BOOST = 0.5
TITLE_BOOST = 0.5
BM25_K1, BM25_B = 1.2, 0.75
SNIPPET_CHARS = 300
# A heading or contact line is a poor citation for a statement, however well it matches.
KIND_WEIGHT = {"heading": 0.4, "contact": 0.3, "about": 0.8}


@dataclass
class Unit:
    """One thing a query asks for: a content word (or a compound like "82-year-old"), a phrase, a field."""

    label: str
    runs: Dict[str, List[Tuple[str, ...]]]  # field → the token runs that make it (any of them)
    clause: str = ""  # or a clause of the engine's syntax (field:value, wildcards), its runs for highlights
    required: bool = False
    weight: float = 1.0  # how rare it is: log(1 + N / df)
    repeats: int = 1  # typed twice ("tennis tennis"): one word, counted twice in the score
    match: List[Tuple[str, Tuple[str, ...]]] = field(default_factory=list)

    def __post_init__(self):
        self.match = [(f, run) for f, runs in self.runs.items() for run in runs]


def reading_of(index, text: str, kind: str = "docs") -> Reading:
    """How kb reads a query (query.py), checked against the fields of an index."""
    return read_query(text, index.field_names(kind), QUERY_FIELDS)


def min_should_match(n: int) -> int:
    """How many of a query's n content words a release must hold: all of one or two, all but one of
    three or four, two thirds of more (a misremembered word must not hide the release sought)."""
    return n if n <= 2 else n - 1 if n <= 4 else math.ceil(2 * n / 3)


def word_unit(index, word: str, fields: Sequence[str], kind: str = "docs", required: bool = False) -> Optional[Unit]:
    """The unit of a typed word or phrase: its analysed tokens in each text field."""
    runs = {}
    for name in fields:
        whole = tuple(index.analyse(kind, name, word))
        short = tuple(t for t in whole if len(t) > 1 or t.isdigit())  # no lone letters ("s" of a possessive)
        # a phrase keeps every word; "God's" also matches "Gods" (scraping dropped apostrophes)
        options = list(dict.fromkeys(r for r in ((whole, short) if required else (short,)) if r))
        if options:
            runs[name] = options
    return Unit(word, runs, required=required) if runs else None


def clause_unit(index, clause: str, fields: Sequence[str], required: bool) -> Unit:
    """A unit the engine's own parser reads (field:value, wildcards), with the words it expands to."""
    runs: Dict[str, List[Tuple[str, ...]]] = {}
    for name, term in index.clause_terms(clause, fields):
        runs.setdefault(name, []).append((term,))
    return Unit(clause, runs, clause=clause, required=required)


def units_of(index, reading: Reading, fields: Sequence[str]) -> List[Unit]:
    """The units of a natural reading: words and wildcards to rank by, phrases and fields to require."""
    units = [word_unit(index, word, fields) for word in reading.words]
    units += [clause_unit(index, w, fields, False) for w in reading.wildcards]
    for name, words in reading.phrases:
        if name in (None, "body"):
            units.append(word_unit(index, words, fields, required=True))
        elif name == "title":
            units.append(word_unit(index, words, ["title"], required=True))
        else:
            units.append(clause_unit(index, f'{name}:"{words}"', fields, True))
    units += [clause_unit(index, f"{name}:{value}", fields, True) for name, value in reading.fielded]
    merged: Dict[tuple, Unit] = {}
    for unit in (u for u in units if u is not None):
        key = (unit.required, unit.clause, tuple(sorted(unit.match)))
        if key in merged:
            merged[key].repeats += 1
        else:
            merged[key] = unit
    units = list(merged.values())
    n = max(index.doc_count(), 1)
    for unit in units:
        dfs = [index.doc_frequency(f, run[0]) for f, run in unit.match]
        unit.weight = unit.repeats * math.log(1 + n / max(max(dfs, default=1), 1))
    return units


def unit_postings(index, unit: Unit, within: Optional[Set[int]]) -> Dict[int, float]:
    """{docnum: frequency} of the releases that hold a unit (1 for phrases and clauses)."""
    if not unit.required and not unit.clause and unit.match and all(len(run) == 1 for _, run in unit.match):
        lists = sorted((index.postings(FAST_FIELD.get(f, f), run[0]) for f, run in unit.match), key=len, reverse=True)
        found = lists[0]
        for other in lists[1:]:  # the same word in English and in other releases: few of the latter
            for docnum, tf in other.items():
                found[docnum] = found.get(docnum, 0.0) + tf
    else:
        match = [] if unit.clause else unit.match
        found = dict.fromkeys(index.docs_matching(match, unit.clause, DOC_TEXT_FIELDS), 1.0)
    return {d: tf for d, tf in found.items() if d in within} if within is not None else found


def bm25(index, units: List[Unit], postings: List[Dict[int, float]], docnums: Set[int]) -> Dict[int, float]:
    """Classic BM25 (FTS5's and Lucene's idf) of each release of docnums over the units it holds."""
    n = max(index.doc_count(), 1)
    average = index.average_length("words")
    words = index.field_lengths("words")
    plain = index.field_lengths("body_plain") if index.live_fields("docs", ["body_plain"]) == ["body_plain"] else None
    # tf / (tf + norm[d]): the length part of BM25, for the candidate releases only
    base, per_word = BM25_K1 * (1 - BM25_B), BM25_K1 * BM25_B / average
    norm = {d: base + per_word * (words[d] or (plain[d] if plain else 0) or average) for d in docnums}
    scores = dict.fromkeys(docnums, 0.0)
    for unit, found in zip(units, postings):
        df = max(len(found), 1)
        idf = unit.repeats * max(math.log((n - df + 0.5) / (df + 0.5)), 0.01) * (BM25_K1 + 1)
        for d in found.keys() & norm.keys():
            tf = found[d]
            scores[d] += idf * tf / (tf + norm[d])
    return scores


def unit_positions(index, unit: Unit, docnums: Sequence[int]) -> Dict[int, List[int]]:
    """Where each token run of a unit starts, in each release of docnums (from the index's positions)."""
    found: Dict[int, set] = {}
    for name, run in unit.match:
        if name not in DOC_TEXT_FIELDS:
            continue
        lists = [index.positions(name, token, docnums) for token in run]
        for docnum, starts in lists[0].items():
            later = [set(lists[k].get(docnum, ())) for k in range(1, len(run))]
            ok = [p for p in starts if all(p + k + 1 in later[k] for k in range(len(later)))]
            if ok:
                found.setdefault(docnum, set()).update(ok)
    return {d: sorted(p) for d, p in found.items()}


def find_units(units: List[Unit], text: str, english: bool) -> Tuple[List[Tuple[int, int, int]], List[List[int]]]:
    """Where a text holds each unit: (start, end, unit index) spans and each unit's word positions."""
    name = "body" if english else "body_plain"
    wanted = {tok for u in units for run in u.runs.get(name, ()) for tok in run}
    if not wanted:
        return [], [[] for _ in units]
    matches = forms_in(text, english, wanted)
    at = {pos: (form, end) for pos, form, _, end in matches}
    spans, positions = [], [[] for _ in units]
    for i, unit in enumerate(units):
        for run in unit.runs.get(name, ()):
            for pos, form, start, end in matches:
                if form == run[0] and all(at.get(pos + k, ("",))[0] == run[k] for k in range(1, len(run))):
                    spans.append((start, at[pos + len(run) - 1][1] if len(run) > 1 else end, i))
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
        if not set(b).isdisjoint([p + d for d in range(1, ORDERED_SLOP + 1) for p in a]):
            pairs += 1
    events = sorted((p, i) for i, ps in enumerate(found) for p in ps)
    need, counts, covered, left, best = len(found), [0] * len(found), 0, 0, None
    for pos, i in events:
        covered += counts[i] == 0
        counts[i] += 1
        while covered == need:  # shrink the window from the left while it holds every unit
            first_pos, first = events[left]
            if best is None or pos - first_pos + 1 < best:
                best = pos - first_pos + 1
            counts[first] -= 1
            covered -= counts[first] == 0
            left += 1
        if best == need:  # the words side by side: no window is tighter
            break
    return pairs / (len(found) - 1), need / best if best else 0.0


def title_share(units: List[Unit], title: str, english: bool) -> float:
    """The share of the units, weighted by rarity, that stand in a release's title."""
    spans, _ = find_units(units, title or "", english)
    held = {i for _, _, i in spans}
    return sum(units[i].weight for i in held) / (sum(u.weight for u in units) or 1.0)


def eligible_releases(units: List[Unit], postings: List[Dict[int, float]], within: Optional[Set[int]]):
    """(the releases that hold every required unit and enough of the others, how many they hold)."""
    optional = [u for u in units if not u.required]
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
    return eligible or set(), needed


def rank_releases(index, units: List[Unit], within: Optional[Set[int]], limit: int):
    """(the releases that match, words needed, [(doc id, score, words it lacks)] of the best, best first)."""
    postings = [unit_postings(index, u, within) for u in units]
    eligible, needed = eligible_releases(units, postings, within)
    if not eligible:
        return eligible, needed, []
    optional = [u for u in units if not u.required]
    scores = bm25(index, units, postings, eligible)
    top = max(scores.values()) or 1.0
    coverage = dict.fromkeys(eligible, 0.0 if optional else 1.0)  # the share of the words' weight held
    optional_weight = sum(u.weight for u in optional) or 1.0
    for unit, found in zip(units, postings):
        if not unit.required:
            for d in found:
                if d in coverage:
                    coverage[d] += unit.weight / optional_weight
    shortlist = sorted(heapq.nlargest(max(CANDIDATES, limit), eligible,
                                      key=lambda d: coverage[d] ** 2 * (1 + scores[d] / top)))
    where = [unit_positions(index, u, shortlist) for u in units]
    average, lengths = index.average_length("words"), index.field_lengths("words")
    ranked = []
    for d in shortlist:
        summary = index.summary_at(d)
        ordered, dense = proximity([where[i].get(d, []) for i in range(len(units))])
        # a long release (a list of 200 defendants) holds any two words close somewhere
        damp = min(1.0, math.sqrt(average / max(lengths[d] or average, 1)))
        title = title_share(units, summary["title"], summary["language"] in ENGLISH)
        boost = damp * (ORDER_BOOST * ordered + DENSE_BOOST * dense) + TITLE_BOOST * title
        score = coverage[d] ** 2 * (1 + scores[d] / top + boost)
        missing = [u.label for u, found in zip(units, postings) if d not in found and not u.required]
        ranked.append((summary["doc_id"], score, missing))
    ranked.sort(key=lambda r: -r[1])
    return eligible, needed, ranked


def search(index, text: str, since=None, until=None, publisher=None, limit: int = 10) -> dict:
    """Releases ranked by all their text, each with its best passage as a snippet, highlights and citation."""
    reading = reading_of(index, text)
    fields = index.live_fields("docs", DOC_TEXT_FIELDS)
    within = index.filter_docs(since, until, publisher)
    out = {"query": text, "total": 0, "results": []}
    wanted = limit + 10 if limit else 0  # a few more, since copies of a release shown are folded into it
    if reading.mode == "boolean":
        matching, ranked = index.boolean_search(reading.boolean, fields, within, wanted)
        units = [Unit(term, {name: [(term,)]}) for name, term in dict.fromkeys(index.clause_terms(reading.boolean, fields))
                 if name in DOC_TEXT_FIELDS]
        for unit in units:
            name, run = unit.match[0]
            unit.weight = math.log(1 + index.doc_count() / max(index.doc_frequency(name, run[0]), 1))
        ranked = [(doc_id, score, []) for doc_id, score in ranked]
    else:
        units = units_of(index, reading, fields)
        matching, needed, ranked = rank_releases(index, units, within, wanted or 10 ** 9)
        out["reading"] = {"words": [u.label for u in units if not u.required], "dropped": reading.dropped,
                          "required": [u.label for u in units if u.required], "words_needed": needed}
    out["total"] = index.releases_among(matching)
    if not ranked:
        suggestion = suggest(index, text)
        if suggestion:
            out["suggestion"] = suggestion
        return out
    out["results"] = best_passages(index, units, ranked, limit)
    return out


def suggest(index, text: str) -> Optional[str]:
    """The query with each unknown word replaced by its closest indexed word, or None."""
    changed, words = False, []
    for word in re.findall(r"[^\s]+", text):
        bare = word.strip('"()').lower()
        better = index.suggest(bare) if bare.isalpha() and word not in OPERATORS else None
        if better:
            words.append(word.replace(bare, better))
            changed = True
        else:
            words.append(word)
    return " ".join(words) if changed else None


def best_passages(index, units: List[Unit], ranked: list, limit: int) -> List[dict]:
    """Each ranked release with its best passage cut to a snippet; a copy found is shown as its release.

    ranked: (doc id, score, the query's words it lacks), best first. A passage is best that holds
    most of the query (words weighted by rarity), then more matches, then a body paragraph before a
    heading or contact line, then an earlier one.
    """
    releases: Dict[str, tuple] = {}  # a copy found is shown as the release it copies, ranked where it stood
    for doc_id, score, missing in ranked:
        releases.setdefault(index.release_of(doc_id), (index.release_of(doc_id), score, missing))
    wanted = list(releases.values())[:limit] if limit else list(releases.values())
    by_run: Dict[Tuple[str, tuple], set] = {}  # a token run in the passages index → the units it makes
    for i, unit in enumerate(units):
        for name, run in unit.match:
            if name in PASSAGE_FIELD_OF:
                by_run.setdefault((PASSAGE_FIELD_OF[name], run), set()).add(i)
    candidates: Dict[str, list] = {}
    for doc_id, hits in index.passage_matches([d for d, _, _ in wanted], list(by_run)).items():
        for docnum, terms in hits:
            held = set()
            for (name, run), which in by_run.items():
                if all((name, tok) in terms for tok in run):
                    held |= which
            candidates.setdefault(doc_id, []).append((sum(units[i].weight for i in held), len(held), -docnum))
    results: List[dict] = []
    for doc_id, score, missing in wanted:
        options = sorted(candidates.get(doc_id, []), reverse=True)[:6]
        if options:
            rows = [(key, index.passage_at(-key[2])) for key in options]
            rows.sort(key=lambda kr: (kr[0][0], kr[0][1], KIND_WEIGHT.get(kr[1]["kind"], 1.0), -kr[1]["number"]),
                      reverse=True)
            passages = [row for _, row in rows]
        else:
            passages = index.passages_of([doc_id]).get(doc_id, [])[:1]
        if not passages:
            continue
        top = passages[0]
        english = index.document(doc_id).get("language") in ENGLISH
        spans, _ = find_units(units, top["text"], english)
        start, end, highlights = snippet(top, spans, units)
        results.append({
            "rank": len(results) + 1, "score": round(score, 4), "id": top["passage_id"],
            "text": top["text"][start:end], "highlights": highlights,
            "citation": passage_citation(index, top, top["start"] + start, top["start"] + end),
            "cut_before": start > 0, "cut_after": end < len(top["text"]),
            "language": index.document(doc_id).get("language"),
            "more_passages": [p["passage_id"] for p in passages[1:4]],
            "copies": index.copies_of(doc_id), "missing": missing,
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
