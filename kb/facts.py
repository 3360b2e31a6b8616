"""Facts, quotes and speakers as listed by `kb facts`, `kb quotes` and `kb speakers`, queries read as search reads them.

A query's words (query.py: function words out, phrases whole) are looked for in what each
record is searchable by: a figure's measure, and the sentence it stands in (found through the
passages, since sentences are not indexed twice); a quote's words and speaker; a speaker's name
and role. Without a query, records are listed in text order.
"""
from typing import Dict, List, Optional

from .cite import record_citation
from .errors import QueryError
from .quotes import name_words
from .search import reading_of, word_unit

def matches_of(index, kind: str, query: str, fields: List[str]):
    """(one match a unit of the query, a clause of the engine's syntax) over some fields of an index."""
    reading = reading_of(index, query, kind)
    if reading.mode == "boolean":
        return [], reading.boolean
    words = [(w, False) for w in reading.words + reading.wildcards] + [(p, True) for _, p in reading.phrases]
    units = [word_unit(index, w, fields, kind, required=phrase) for w, phrase in words]
    return [u.match for u in units if u is not None], ""


def releases_once(index, rows: List[dict], filters: dict) -> List[dict]:
    """rows without those of a release's copies (the HTML page of a JSON Lines record, a reissue): a
    figure or quote is listed once, from the release; asked for by --doc, a copy's own are shown."""
    if filters.get("doc_id"):
        return rows
    return [r for r in rows if index.release_of(r["doc_id"]) == r["doc_id"]]


def listing(index, kind: str, query: Optional[str], fields: List[str], filters: dict, limit: int) -> List[dict]:
    """Records of kind matching the query (best first), or all of them in text order; copies' left out."""
    if query:
        matches, clause = matches_of(index, kind, query, fields)
        wanted = 2 * limit + 20 if limit else 0  # room for the copies' records taken out below
        ranked = index.rank_records(kind, matches, filters, wanted, clause=clause, fields=fields)
        rows = releases_once(index, [row for row, _ in ranked], filters)
    else:
        rows = releases_once(index, sorted(index.all_records(kind, filters), key=lambda r: (r["doc_id"], r["start"])),
                             filters)
    return rows[:limit] if limit else rows


def facts(index, query: Optional[str] = None, doc: Optional[str] = None, unit: Optional[str] = None,
          limit: int = 10) -> dict:
    """Figures whose measure or sentence matches the query."""
    filters = {"doc_id": doc, "unit": unit}
    rows = facts_matching(index, query, filters, limit) if query else listing(index, "facts", None, [], filters, limit)
    results = [{"id": r["id"], "surface": r["surface"], "value": r["value"] if r["value"] % 1 else int(r["value"]),
                "unit": r["unit"], "qualifier": r["qualifier"], "measure": r["measure"], "sentence": r["sentence"],
                "counted": r.get("counted"), "currency": r.get("currency"), "period": r.get("period"), "range": r.get("range"),
                "citation": record_citation(index, r)} for r in rows]
    return {"query": query, "results": results}


def facts_matching(index, query: str, filters: dict, limit: int) -> List[dict]:
    """Facts whose measure matches (their score doubled), then facts whose sentence holds a query word."""
    scored: Dict[str, tuple] = {}
    matches, clause = matches_of(index, "facts", query, ["measure"])
    for row, score in index.rank_records("facts", matches, filters, 0, clause=clause, fields=["measure"]):
        scored[row["id"]] = (2 * score, row)
    matches, clause = matches_of(index, "passages", query, ["text"])
    wanted = {tok for match in matches for _, run in match for tok in run}
    passages = index.rank_records("passages", matches, {"doc_id": filters.get("doc_id")}, max(50, 5 * limit),
                                  clause=clause, fields=["text"])
    for passage, score in passages:
        for row in index.records_in_passage("facts", passage["passage_id"]):
            if (filters.get("unit") and row["unit"] != filters["unit"]) or row["id"] in scored:
                continue
            if clause or wanted & set(index.analyse("passages", "text", row["sentence"])):
                scored[row["id"]] = (score, row)
    ranked = releases_once(index, [row for _, row in sorted(scored.values(), key=lambda sr: -sr[0])], filters)
    return ranked[:limit] if limit else ranked


def speaker_words(speaker: Optional[str]) -> Optional[List[str]]:
    """The words a speaker filter asks for (quotes.same_person: each must be a word of the speaker's
    name); QueryError when it names no one."""
    if not speaker:
        return None
    words = name_words(speaker)
    if not words:
        raise QueryError(f"--speaker {speaker!r} has no name in it")
    return words


def quotes(index, query: Optional[str] = None, doc: Optional[str] = None, speaker: Optional[str] = None,
           limit: int = 10) -> dict:
    """Direct quotes whose words or speaker match the query, of one release or one speaker."""
    filters = {"doc_id": doc, "speaker": speaker_words(speaker)}
    rows = listing(index, "quotes", query, ["text", "speaker"], filters, limit)
    results = [{"id": r["id"], "text": r["text"], "speaker": r["speaker"], "role": r["role"], "cue": r["cue"],
                "utterance": r["utterance"], "citation": record_citation(index, r)} for r in rows]
    return {"query": query, "results": results}


def speakers(index, query: Optional[str] = None, limit: int = 10) -> dict:
    """People and organisations quoted: name, role, number of quotes and of releases, most quoted first."""
    people: Dict[str, dict] = {}
    for r in listing(index, "quotes", query, ["speaker", "role"], {}, 0):
        if not r["speaker"]:
            continue
        entry = people.setdefault(r["speaker"], {"name": r["speaker"], "role": r["role"], "quotes": 0, "documents": set()})
        entry["quotes"] += 1
        entry["documents"].add(r["doc_id"])
        entry["role"] = entry["role"] or r["role"]
    results = sorted(({**e, "documents": len(e["documents"])} for e in people.values()),
                     key=lambda e: (-e["quotes"], e["name"]))
    return {"query": query, "results": results[:limit] if limit else results}
