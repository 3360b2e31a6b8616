"""Claims → verdicts with evidence: is this quote, is this figure, really in the source (rapidfuzz + difflib).

A quote claim is compared word by word with the quotes kb extracted (and, for releases whose
quotation marks were lost, with whole passages). A figure claim is parsed with the same code
as extraction and compared with the figures of the releases that speak of the same thing.

Thresholds, chosen on ../shared/gold/dev-claims.jsonl and kept general:
- near-verbatim: at most NEAR_MAX_CHANGED words differ and the word sequences are at least
  NEAR_MIN_RATIO alike (two swapped words in a 20-word quote are 0.9 alike);
- paraphrase: a quote of the claimed speaker that keeps PARAPHRASE_MIN_WORDS of the claim's
  words weighted by rarity (IDF: "Jacob", "misdemeanor" count, "our", "community" hardly), or
  whose wording is as close as PARAPHRASE_MIN_FUZZ by both rapidfuzz token_set_ratio and
  partial_ratio ("It is shocking and sobering that …" / "It is startling and troubling that …").
  On the dev set invented quotes in a speaker's style reach 0.19 and 57/50; paraphrases 0.39
  or 63/67;
- a figure claim is about a release when DOC_MIN of its words, weighted by rarity (IDF), stand
  in it; a figure there restates a claim figure when it has the same unit and counted noun and
  FIGURE_MIN of the weighted words stand in its sentence or passage. Generic words ("district",
  "attorney", "office") weigh little, so invented claims in the corpus's style are not taken
  as contradicted by an unrelated figure. On the dev set the releases that hold a claim's
  figure cover 0.77 to 1.0 of its weighted words; the best unrelated release with a figure of
  the same kind, 0.65;
- in the releases a draft draws on (chosen from the whole draft, so they are already about the
  claim), CONTEXT_DOC_MIN and CONTEXT_FIGURE_MIN are lower (a fact whose measure is STRONG_ROLE
  the claim figure's counts even in a short sentence), and the figure chosen for each claim
  figure is the one that plays its part: its measure, the people named, and its slot, the
  SLOT_WORDS words around it in its clause. The claim's very value wins only in a slot as like
  the claim's as any of its sentence's (SLOT_MARGIN, SAME_SLOT): "up to 50 times stronger than
  heroin and 100 times stronger than morphine" gives 50, not 100, for "100 times stronger than
  heroin";
- a figure must play the claim's part in the general ways news text assigns it: said of several
  people named together ("X and Y were each sentenced to 15 years"), it must hold for each (a
  fact belongs to the person named last before it in its sentence); a count of times counts
  what its verb says ("shot three times" is not "fired three times": the lower-case words
  before each must meet); a figure of a named count or charge ("on the wire fraud count")
  comes only from a sentence naming that charge;
- quoted words that extraction gave no speaker pass for the claimed speaker only when their
  paragraph, or the one before, names that person; otherwise the release does not say they
  are theirs, and they are misattributed;
- two loosenings that give the claim's very value only in the claim's slot: where no fact of
  the claim's counted noun has its value, the same number of another noun ("217 guns", "217
  firearms"); and a fact in a sentence naming the claim's person, even when the claim's other
  words stand elsewhere in the release (its title).
On the dev drafts and 12 other drafts no false pass is left.
"""
import difflib
import functools
import math
import re
import time
import unicodedata
from typing import Callable, Dict, List, Optional, Sequence, Tuple

from .cite import record_citation
from .dates import YEAR_IN_TEXT_RE, YEAR_RE
from .errors import NotFound, QueryError
from .figures import figures_in_sentence
from .index import DOC_TEXT_FIELDS
from .quotes import TITLE_WORDS, name_words, same_person
from .schema import content_stems

MAX_CLAIM_CHARS = 3000  # a quotation or a sentence; longer text is a draft
MAX_DRAFT_CHARS = 1_000_000
MAX_DRAFT_CLAIMS = 500
NEAR_MAX_CHANGED = 4
NEAR_MIN_RATIO = 0.8
PARAPHRASE_MIN_WORDS = 0.3
PARAPHRASE_MIN_FUZZ = 60
PARAPHRASE_MIN_WORDING = 55  # and a paraphrase by shared words keeps some of the wording (token_set_ratio)
OUTSIDE_WORDS = 6  # a draft's quotation is looked for outside its releases by this many of its rarest words
CLOSE_MIN = 55  # below this partial_ratio no near-verbatim is possible: the word-by-word comparison is skipped
DOCS_CONSIDERED = 15
DOC_MIN = 0.7
FIGURE_MIN = 0.4
CONTEXT_DOC_MIN = 0.4  # in a release the draft draws on, a claim need share fewer of its words with it
CONTEXT_FIGURE_MIN = 0.25  # … and a figure's sentence too
STRONG_ROLE = 0.5  # in a release the draft draws on, a fact whose measure is this much the claim figure's plays its part
SLOT_WORDS = 4
AUXILIARIES = {"wa", "were", "ha", "have", "had", "been", "be", "is", "ar", "also", "will", "would", "each"}  # as stemmed
COUNTED_END_RE = re.compile(r"\d|\b(?:of|from|in|for|to|with|by|at|on|against|among|who|that|which)\b")
CLAUSE_RE = re.compile(r"[,;:()]|\s(?:and|but|while|whereas)\s")
OCCURRENCES = {"time", "occas", "instanc"}  # counted nouns (as stemmed) that say only how often: the verb says what
IRREGULAR = dict(pair.split(":") for pair in """shot:shoot struck:strike stole:steal stolen:steal fought:fight
beaten:beat drove:drive driven:drive took:take taken:take made:make sold:sell bought:buy paid:pay ran:run threw:throw
thrown:throw fled:flee caught:catch brought:bring sent:send spent:spend won:win lost:lose wrote:write written:write
gave:give given:give met:meet left:leave held:hold told:tell hid:hide hidden:hide bit:bite bitten:bite
rode:ride ridden:ride broke:break broken:break""".split())  # past forms the stemmer leaves apart from the verb
CHARGE_RE = re.compile(r"\b(?:on|for|of|under)\s+(?:the|a|an|each|one|that)\s+((?:[\w-]+\s+){1,4}?)"
                       r"(?:counts?|charges?|offen[cs]es?|convictions?)\b")  # "on the wire fraud count"
NAME_WORD = r"[A-Z][\w’'-]+"
PEOPLE_RE = re.compile(rf"{NAME_WORD}(?:\s+{NAME_WORD})*(?:\s*,\s*{NAME_WORD}(?:\s+{NAME_WORD})*)*,?\s+and\s+"
                       rf"{NAME_WORD}(?:\s+{NAME_WORD})*")  # "Ames and Baird", "A, B and C"
GROUP_GAP_RE = re.compile(r"^(?:[\s,]|\band\b|[A-Z][\w.’'-]*)*$")  # between names of one group: "and", given names
ALIAS_RE = re.compile(r"(?:\ba\.?k\.?a\.?|\balso known as|\bknown as|\bnicknamed)\s*$", re.I)
SLOT_MARGIN = 0.05  # a figure of the claim's value in a slot about as like the claim's as the best restates it …
SAME_SLOT = 0.3  # … or in one that holds this share of the words around the claim figure
RESTATED = 0.6  # a sentence that holds this share of a claim's weighted words restates it
ELISION_RE = re.compile(r"\s*(?:\[\s*(?:…|\.\.\.)\s*\]|…|\.\s?\.\s?\.)\s*")
BRACKET_RE = re.compile(r"\[[^\]]{1,60}\]")
QUOTE_CHARS = "\"“”„‟«»"


def fold(text: str) -> str:
    """Lower case, accents folded, curly quotes and apostrophes made plain."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    return text.replace("’", "'").replace("‘", "'")


def words(text: str) -> List[str]:
    """The words of text as compared: case, punctuation, quote marks and white space ignored."""
    return re.findall(r"[\w']+", fold(text))




def fragments(claim: str) -> List[List[str]]:
    """The claim's words, split at elisions (… [...]) and bracketed insertions ([the report])."""
    text = claim.strip().strip(QUOTE_CHARS + " ")
    parts = ELISION_RE.split(BRACKET_RE.sub(" … ", text))
    return [w for w in (words(p) for p in parts) if w]


def word_diff(claim: List[str], source: List[str]) -> Tuple[int, float, str]:
    """(words changed, similarity, diff as "[-source-]{+claim+}") of two word sequences."""
    matcher = difflib.SequenceMatcher(None, source, claim, autojunk=False)
    changed, out = 0, []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out.append(" ".join(source[i1:i2]))
            continue
        changed += max(i2 - i1, j2 - j1)
        if i2 > i1:
            out.append("[-" + " ".join(source[i1:i2]) + "-]")
        if j2 > j1:
            out.append("{+" + " ".join(claim[j1:j2]) + "+}")
    return changed, matcher.ratio(), " ".join(out)


def best_window(fragment: List[str], source: List[str]) -> Tuple[int, int]:
    """The word window of source most like fragment (rapidfuzz partial alignment, snapped to words)."""
    from rapidfuzz import fuzz

    if not source:
        return 0, 0
    frag_text, src_text = " ".join(fragment), " ".join(source)
    align = fuzz.partial_ratio_alignment(frag_text, src_text)
    starts = [0]
    for w in source[:-1]:
        starts.append(starts[-1] + len(w) + 1)
    first = max((i for i, s in enumerate(starts) if s <= align.dest_start), default=0)
    last = max((i for i, s in enumerate(starts) if s < max(align.dest_end, align.dest_start + 1)), default=first)
    # widen by one word each side, then let difflib pick the exact span
    lo, hi = max(0, first - 1), min(len(source), last + 2)
    matcher = difflib.SequenceMatcher(None, source[lo:hi], fragment, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size]
    if not blocks:
        return first, last + 1
    start = lo + blocks[0].a - blocks[0].b if blocks[0].a >= blocks[0].b else lo + blocks[0].a
    end = lo + blocks[-1].a + blocks[-1].size + (len(fragment) - blocks[-1].b - blocks[-1].size)
    return max(0, start), min(len(source), max(end, start + 1))


def compare_quote(claim_fragments: List[List[str]], source_text: str) -> dict:
    """How the claim's words stand in one source text: changed words, similarity, diff."""
    source = words(source_text)
    changed, total_len, ratios, diffs, pos, in_order = 0, 0, [], [], 0, True
    for fragment in claim_fragments:
        start, end = best_window(fragment, source)
        c, ratio, diff = word_diff(fragment, source[start:end])
        in_order = in_order and start >= pos
        pos = end
        changed += c
        total_len += len(fragment)
        ratios.append((ratio, len(fragment)))
        diffs.append(diff)
    ratio = sum(r * n for r, n in ratios) / max(1, total_len)
    return {"changed": changed, "ratio": ratio, "diff": " … ".join(diffs), "in_order": in_order}


# -- retrieval: what a claim is checked against, found through the index interface ----------------
def stems(index, text: str) -> List[str]:
    """The content words of text as stems (function words out, accents folded); numbers are left out,
    but years ("2017") stay: they say which release a claim is about."""
    return list(text_stems(text))


@functools.lru_cache(maxsize=4096)
def text_stems(text: str) -> Tuple[str, ...]:
    """stems(), remembered: a draft's claims are compared with the same sentences and passages again and again."""
    return tuple(w for w in content_stems(text) if not w.isdigit() or YEAR_RE.match(w))


def idf(index, claim_stems: List[str]) -> Dict[str, float]:
    """How rare each word is across the releases: log(1 + N/df), a word in no release as if in one.

    Rare words say more about what a claim is about; unlike BM25's idf this stays positive, even
    on an index of one release.
    """
    n = max(index.doc_count(), 1)
    return {w: math.log(1 + n / max(index.doc_frequency("body", w), 1)) for w in claim_stems}


def releases_like(index, text: str, rarest: int, limit: int) -> List[Tuple[str, float]]:
    """(id, score) of the English releases the rarest words of a text (a draft) find best, best first: BM25 as
    `kb search` ranks releases, over postings read a block at a time (a Whoosh search is several times slower)."""
    from .search import Unit, bm25, unit_postings

    tokens = [t for t in dict.fromkeys(index.analyse("docs", "body", text)) if len(t) > 1 or t.isdigit()]
    frequency = {t: index.doc_frequency("body", t) for t in tokens}
    units = [Unit(t, {"body": [(t,)]}) for t in sorted((t for t in tokens if frequency[t]), key=frequency.get)[:rarest]]
    postings = [unit_postings(index, unit, None) for unit in units]
    scores = bm25(index, units, postings, set().union(*postings)) if units else {}
    ranked: Dict[str, float] = {}
    for docnum, score in sorted(scores.items(), key=lambda item: -item[1]):
        # a release kept in several copies (a JSON Lines record and a saved page) is read as its first copy
        ranked.setdefault(index.release_of(index.summary_at(docnum)["doc_id"]), score)
        if len(ranked) == limit:
            break
    return list(ranked.items())


def similar_docs(index, claim: str, limit: int) -> List[str]:
    """Ids of the releases whose whole text is most like the claim (their body holds the title too)."""
    fields = index.live_fields("docs", DOC_TEXT_FIELDS)
    return [row["doc_id"] for row in index.similar("docs", claim, fields, limit=limit, rarest=10)]


def joined_utterances(rows: List[dict], index) -> List[dict]:
    """The quotes of an utterance split by its attribution, joined, so a claim may span its parts."""
    by_utterance: Dict[str, List[dict]] = {}
    for row in rows:
        by_utterance.setdefault(row["utterance"], [])
    out = []
    for utterance in list(by_utterance)[:10]:
        doc_id = utterance.split("#u")[0]
        parts = [r for r in index.records_of("quotes", doc_id) if r["utterance"] == utterance]
        if len(parts) > 1:
            out.append({**parts[0], "text": " ".join(p["text"] for p in parts), "end": parts[-1]["end"],
                        "id": utterance, "kind": "utterance"})
    return out


def quote_candidates(index, claim: str, speaker: Optional[str], rarest: int = 12, outside: bool = False) -> List[dict]:
    """Extracted quotes like the claim, and whole utterances of them (so a claim may span both parts);
    rarest: how many of the claim's rarest words find them; outside a draft's releases, only those found
    with the speaker's name (they count only when said by that speaker or in a release naming them)."""
    rows = index.similar("quotes", claim, ["text"], limit=25, rarest=rarest) if not (speaker and outside) else []
    if speaker:
        rows += index.similar("quotes", claim + " " + speaker, ["text", "speaker"], limit=15, rarest=rarest)
    seen, out = set(), []
    for row in rows:
        if row["id"] in seen:
            continue
        seen.add(row["id"])
        out.append({**row, "kind": "quote"})
    return out + joined_utterances(out, index)


def passage_speaker(text: str) -> Optional[str]:
    """The person a passage's attribution names ("…, said George Venizelos, Assistant Director …"), for a
    passage whose quotation marks were lost in scraping (the draft's attribution rules read it)."""
    from .drafts import CUE_RE, people_named

    people = people_named(text)
    for cue in CUE_RE.finditer(text):
        after = [p for p in people if cue.end() <= p.start <= cue.end() + 60]
        before = [p for p in people if cue.start() - 60 <= p.end <= cue.start()]
        if after or before:
            return after[0].name if after else before[-1].name
    return None


def passage_candidate(passage: dict, quotes_here: List[dict]) -> dict:
    """A whole passage as a quote candidate, said by the first speaker quoted in it, or else by the person its
    attribution names."""
    return {"id": passage["passage_id"], "doc_id": passage["doc_id"], "passage_id": passage["passage_id"],
            "text": passage["text"],
            "speaker": quotes_here[0]["speaker"] if quotes_here else passage_speaker(passage["text"]),
            "role": quotes_here[0]["role"] if quotes_here else None, "start": passage["start"],
            "end": passage["end"], "kind": "passage"}


def passage_candidates(index, claim: str) -> List[dict]:
    """Passages like the claim, for releases whose quotation marks were lost in scraping."""
    return [passage_candidate(hit, index.records_in_passage("quotes", hit["passage_id"]))
            for hit in index.similar("passages", claim, ["text"], limit=8, rarest=6)]


@functools.lru_cache(maxsize=8)
def release_quote_candidates(index, releases: Tuple[str, ...]) -> List[dict]:
    """Every quote, utterance and passage of some releases (the ones a draft draws on; read once a draft)."""
    out: List[dict] = []
    passages = index.passages_of(releases)
    for doc_id in releases:
        quotes = [{**row, "kind": "quote"} for row in index.records_of("quotes", doc_id)]
        out += quotes + joined_utterances(quotes, index)
        for passage in passages.get(doc_id, []):
            out.append(passage_candidate(passage, [q for q in quotes if q["passage_id"] == passage["passage_id"]]))
    return out


def names_person(index, doc_id: str, speaker: Optional[str]) -> bool:
    """Does a release name this person (every word of the name in its text)?"""
    text = set(name_words(index.document(doc_id)["data"]["text"]))
    wanted = name_words(speaker)
    return bool(wanted) and all(w in text for w in wanted)


def said_by(speaker: Optional[str], cand: dict, loosely: bool = False) -> bool:
    """Are a candidate's words those of the person named? Their speaker, or a name in their role where
    extraction took an organisation for the speaker ("USFWS Refuge Law Enforcement", role "…, Ed Grace");
    loosely, for a paraphrase: a passage whose quotation marks were lost and that names the person's surname
    ("… said Acting Assistant Attorney General Wood.")."""
    if same_person(speaker, cand.get("speaker")) or same_person(speaker, (cand.get("role") or "").split(",")[-1]):
        return True
    surname = name_words(speaker)[-1:]
    return loosely and cand["kind"] == "passage" and bool(surname) and surname[0] in name_words(cand["text"])


def named_near(index, speaker: str, cand: dict) -> bool:
    """Words extraction gave no speaker ("the victim's family also wrote, in part, "…"") are the claimed
    speaker's only when their paragraph, or the one before it, names that person (surname); otherwise the
    release does not say they are theirs, and passing them would publish a wrong attribution."""
    surname = name_words(speaker)[-1:]
    if not surname or not cand.get("passage_id"):
        return False
    doc_id, _, number = cand["passage_id"].rpartition("#p")
    texts = []
    for pid in (cand["passage_id"], f"{doc_id}#p{int(number) - 1}" if number.isdigit() else None):
        try:
            texts.append(index.passage(pid)["text"] if pid else "")
        except NotFound:  # no paragraph before the first
            continue
    return surname[0] in name_words(" ".join(texts))


def scored_quotes(claim_fragments: List[List[str]], candidates: List[dict]) -> list:
    """(candidate, comparison, partial_ratio, token_set_ratio) of each candidate; the word-by-word comparison
    only for the candidates whose wording is close at all (it is the slow part)."""
    from rapidfuzz import fuzz

    claim_text = " ".join(w for f in claim_fragments for w in f)
    out = []
    for cand in candidates:
        cand_words = " ".join(words(cand["text"]))
        partial = fuzz.partial_ratio(claim_text, cand_words)
        close = partial >= CLOSE_MIN or (len(claim_fragments) > 1 and min(
            fuzz.partial_ratio(" ".join(f), cand_words) for f in claim_fragments) >= CLOSE_MIN)
        cmp = compare_quote(claim_fragments, cand["text"]) if close else \
            {"changed": len(claim_text.split()), "ratio": 0.0, "diff": "", "in_order": False}
        out.append((cand, cmp, partial, fuzz.token_set_ratio(claim_text, cand_words)))
    return out


def judge_quote(index, claim: str, speaker: Optional[str], scored: list, paraphrase: bool = True):
    """(verdict, chosen candidates best first, score) of a quote claim among scored candidates."""
    exact = [s for s in scored if s[1]["changed"] == 0 and s[1]["in_order"]]
    near = [s for s in scored if s[1]["changed"] <= NEAR_MAX_CHANGED and s[1]["ratio"] >= NEAR_MIN_RATIO]
    if exact or near:
        group, verdict = (exact, "verbatim") if exact else (near, "near-verbatim")
        mine = [s for s in group if said_by(speaker, s[0])] if speaker else []
        chosen = sorted(mine or group, key=lambda s: (s[1]["changed"], -s[1]["ratio"], s[0]["kind"] != "quote"))
        best = chosen[0]
        if speaker and not said_by(speaker, best[0]) and (best[0].get("speaker") or
                                                         not named_near(index, speaker, best[0])):
            verdict = "misattributed"  # said by another, or by no one the release names near the words
        return verdict, chosen, best[1]["ratio"]
    claim_stems = list(dict.fromkeys(stems(index, claim)))
    weights = idf(index, claim_stems)
    same = [s for s in scored if speaker is None or said_by(speaker, s[0], loosely=True)] if paraphrase else []
    overlap = {id(s): topic(claim_stems, set(stems(index, s[0]["text"])), weights) for s in same}
    paraphrases = [s for s in same if (overlap[id(s)] >= PARAPHRASE_MIN_WORDS and s[3] >= PARAPHRASE_MIN_WORDING)
                   or (s[3] >= PARAPHRASE_MIN_FUZZ and s[2] >= PARAPHRASE_MIN_FUZZ)]
    chosen = sorted(paraphrases or scored, key=lambda s: -(overlap.get(id(s), 0) + (s[3] + s[2]) / 200))
    score = max(overlap.get(id(chosen[0]), 0), chosen[0][3] / 100) if chosen else 0.0
    return ("paraphrase" if paraphrases else "not-found"), chosen, score


def verify_quote(index, claim: str, speaker: Optional[str], releases: Optional[List[str]] = None) -> dict:
    """A verdict on a quote claim; with releases (those a draft draws on), judged in them first.

    Outside those releases the words count only where the claimed speaker said them or where the
    release names that speaker, and never as a paraphrase: a resemblance to another person's words
    in another release is no evidence about this quotation.
    """
    claim_fragments = fragments(claim)
    if releases:
        verdict, chosen, score = judge_quote(index, claim, speaker, scored_quotes(
            claim_fragments, release_quote_candidates(index, tuple(releases))))
        if verdict == "not-found":
            found = judge_quote(index, claim, speaker, scored_quotes(
                claim_fragments, quote_candidates(index, claim, speaker, rarest=OUTSIDE_WORDS, outside=True)),
                paraphrase=False)
            if found[0] != "not-found" and (not speaker or said_by(speaker, found[1][0][0])
                                            or names_person(index, found[1][0][0]["doc_id"], speaker)):
                verdict, chosen, score = found
    else:
        scored = scored_quotes(claim_fragments, quote_candidates(index, claim, speaker))
        if not any(s[1]["changed"] <= NEAR_MAX_CHANGED and s[1]["ratio"] >= NEAR_MIN_RATIO for s in scored):
            # the quotation marks may have been lost in scraping: look in whole passages too
            scored += scored_quotes(claim_fragments, passage_candidates(index, claim))
        verdict, chosen, score = judge_quote(index, claim, speaker, scored)
    evidence = [evidence_of(index, c, cmp) for c, cmp, _, _ in chosen[:3 if verdict != "not-found" else 1]]
    return {"claim": claim, "speaker": speaker, "kind": "quote", "verdict": verdict, "score": round(score, 3),
            "explanation": explain_quote(verdict, speaker, chosen[0][0] if chosen else None, chosen[0][1] if chosen else None),
            "evidence": evidence}


def evidence_of(index, cand: dict, cmp: Optional[dict], value=None) -> dict:
    return {"text": cand["text"], "speaker": cand.get("speaker"), "role": cand.get("role"), "value": value,
            "diff": cmp["diff"] if cmp and cmp.get("changed") else None, "citation": record_citation(index, cand)}


def explain_quote(verdict: str, speaker: Optional[str], cand: Optional[dict], cmp: Optional[dict]) -> str:
    if verdict == "verbatim":
        return f"The words stand in the source as quoted{', said by ' + cand['speaker'] if cand.get('speaker') else ''}."
    if verdict == "near-verbatim":
        return f"{cmp['changed']} word(s) differ from the source: {cmp['diff']}"
    if verdict == "misattributed":
        if not cand.get("speaker"):
            return f"The words stand in the source, but it does not give them to {speaker}."
        return f"The words stand in the source, but said by {cand['speaker']}, not {speaker}."
    if verdict == "paraphrase":
        return f"The source has the same statement in other words{', by ' + cand['speaker'] if cand.get('speaker') else ''}."
    return "No source has these words" + (f" from {speaker}." if speaker else ".")


# -- figures ------------------------------------------------------------------------------------
INTERVAL = {  # (low, high) factors around a value, by qualifier
    None: (1.0, 1.0), "almost": (0.85, 1.0), "about": (0.9, 1.1), "more than": (1.0, 10.0),
    "less than": (0.0, 1.0), "at least": (1.0, 10.0), "up to": (0.0, 1.0),
}


def interval(value: float, qualifier: Optional[str], surface: str) -> Tuple[float, float]:
    """The values a figure as written allows ("almost 40 percent": 34–40; "49 %": 48.5–49.5)."""
    lo, hi = INTERVAL.get(qualifier, (1.0, 1.0))
    digits = re.findall(r"\d[\d,]*(?:\.(\d+))?", surface)
    decimals = len(digits[0]) if digits and digits[0] else 0
    rounding = 0.5 * 10 ** -decimals if re.search(r"\d", surface) and value < 1000 else value * 0.005
    return value * lo - (rounding if lo == 1.0 else 0), value * hi + (rounding if hi == 1.0 else 0)


def in_months(value: float, period: Optional[str]) -> float:
    return value * {"year": 12, "decade": 120, "month": 1, "week": 12 / 52, "day": 12 / 365}.get(period or "", 1)


def agrees(claim: dict, source: dict) -> bool:
    """Does the source's figure allow the claim's value (rounding and qualifiers on both sides)?"""
    cv, sv = claim["value"], source["value"]
    if claim["unit"] == "duration":
        cv, sv = in_months(cv, claim.get("period")), in_months(sv, source.get("period"))
    if claim.get("qualifier") and claim.get("qualifier") == source.get("qualifier"):
        # the same bound stated twice ("26 years to life", "more than half"): the values must match
        c_lo, c_hi = interval(cv, None, claim["surface"])
        s_lo, s_hi = interval(sv, None, source["surface"])
        return c_lo <= s_hi and s_lo <= c_hi
    c_lo, c_hi = interval(cv, claim.get("qualifier"), claim["surface"])
    s_lo, s_hi = interval(sv, source.get("qualifier"), source["surface"])
    return c_lo <= s_hi and s_lo <= c_hi
    c_lo, c_hi = interval(cv, claim.get("qualifier"), claim["surface"])
    s_lo, s_hi = interval(sv, source.get("qualifier"), source["surface"])
    if {claim.get("qualifier"), source.get("qualifier")} >= {"almost", "more than"} or \
            {claim.get("qualifier"), source.get("qualifier")} >= {"less than", "more than"}:
        return c_lo < s_hi and s_lo < c_hi  # "almost half" and "more than half" only touch: they disagree
    return c_lo <= s_hi and s_lo <= c_hi


def topic(claim_stems: List[str], text_stems: set, weights: Dict[str, float]) -> float:
    """The share of the claim's words, weighted by rarity, that stand in a text (as stems)."""
    total = sum(weights.get(w, 1.0) for w in claim_stems)
    return sum(weights.get(w, 1.0) for w in claim_stems if w in text_stems) / total if total else 0.0


BOUNDS = {"more than", "less than", "at least", "up to"}
VAGUE = {"about", "almost"}


def same_value(claim: dict, source: dict) -> bool:
    """The two figures state the same number (within the rounding of what is written), whatever their qualifiers."""
    return agrees({**claim, "qualifier": None}, {**source, "qualifier": None})


def judged(claim: dict, source: dict) -> str:
    """supported, contradicted, or bound: the source states only a bound or a vague amount that does not
    pin down the claim's exact figure ("more than 50" for 107, "over two decades" for 25 years)."""
    if not agrees(claim, source):
        return "contradicted"
    if claim.get("qualifier") is None and (source.get("qualifier") in BOUNDS or
                                           (source.get("qualifier") in VAGUE and not same_value(claim, source))):
        return "bound"
    return "supported"


def counted_stems(index, row: dict) -> set:
    """The words that say what a source figure counts: its counted noun and its measure."""
    return set(stems(index, (row.get("counted") or "") + " " + (row.get("measure") or "")))


def role_stems_of(index, row: dict) -> set:
    """The words that say what part a source figure plays: what it counts, and the few words just before
    it ("restitution of $164,040.50")."""
    at = row["sentence"].find(row["surface"])
    before = " ".join(re.split(r"\d", row["sentence"][:at])[-1].split()[-4:]) if at > 0 else ""
    return counted_stems(index, row) | set(stems(index, before))


def comparable(index, figure: dict, row: dict) -> bool:
    """Could this source figure play the claim figure's part? The same unit; for a count the same thing
    counted ("19 defendants" is no claim about 541 counts); not the other end of a range ("$74" is no value for the "$45" of "between $45 and $74")."""
    if row["unit"] != figure["unit"]:
        return False
    qualifiers = {figure.get("qualifier"), row.get("qualifier")}
    if qualifiers == {"at least", "up to"}:
        return False
    if figure["unit"] in ("count", "other") and figure.get("counted"):
        thing = stems(index, figure["counted"])[-1:]
        # the counted noun, or the words after the figure up to the next number or preposition ("4,700
        # expensive, unnecessary life insurance policies"; not "158 stitches, leaving 16 visible scars" nor
        # "14 felony counts of theft from a dependent adult")
        counted = stems(index, (row.get("counted") or "") + " " + COUNTED_END_RE.split(row.get("measure") or "")[0])
        return bool(thing) and thing[0] in counted
    return True


def slot_of(index, sentence: str, start: int, end: int) -> set:
    """The words around a figure in its sentence (SLOT_WORDS each side): "sentenced to [two years] in prison"
    and "ordered to serve [two years] of supervised release" are different slots; a slot ends with its
    clause ("…'s license, and [a third] of those")."""
    before = CLAUSE_RE.split(sentence[max(0, start - 120):start])[-1]
    after = CLAUSE_RE.split(sentence[end:end + 120])[0]
    words_before = [w for w in stems(index, before) if w not in AUXILIARIES][-SLOT_WORDS:]
    return set(words_before + [w for w in stems(index, after) if w not in AUXILIARIES][:SLOT_WORDS])


def verbs_before(index, sentence: str, start: int) -> set:
    """The lower-case words just before a figure in its clause ("Barnett [shot] Cummings three times"): for a
    count of occurrences, what happened that many times."""
    if start < 0:
        return set()
    before = CLAUSE_RE.split(sentence[max(0, start - 120):start])[-1]
    lower = [IRREGULAR.get(w.lower(), w) for w in re.findall(r"[\w’'-]+", before) if not w[:1].isupper()]
    # the verbs among them (-ed, -ing, an irregular past), else all: "Dell shot at the inspector" and "Dell
    # fired at the inspector" share the inspector, not what happened
    verbs = [w for w in lower if (len(w) > 4 and w.endswith(("ed", "ing"))) or w in IRREGULAR.values()]
    return set([w for w in stems(index, " ".join(verbs or lower)) if w not in AUXILIARIES][-SLOT_WORDS:])


def charge_of(index, claim: str) -> set:
    """The words naming the count or charge a claim's figure belongs to ("on the wire fraud count"), as stems."""
    m = CHARGE_RE.search(claim)
    return {w for w in stems(index, m.group(1)) if w not in AUXILIARIES} if m else set()


def best_figure(index, figure, claim, facts, claim_stems, weights, min_match: float = FIGURE_MIN, names=(),
                paragraphs: Sequence[set] = ()):
    """(match, judgment, fact) of the fact in one release that plays the claim figure's part, or None.

    Its part: the fact whose sentence speaks of what the claim speaks of (weighted words) and whose
    own measure is the claim figure's (the words next to it: "cloud storage (17.8 %)", "in
    restitution"), then an exact figure before a bound, then the nearest value. A fact whose measure
    shares nothing with the claim figure's plays its part only in a sentence that restates the claim.
    """
    rows = [row for row in facts if comparable(index, figure, row)]
    synonyms = []
    if figure.get("counted") and not any(same_value(figure, row) for row in rows):
        # no fact of the release counts the claim's thing with its value: the same number of another noun
        # ("27 workers", "27 employees"; "217 guns", "217 firearms") may be it, in a slot like the claim's
        synonyms = [row for row in facts if row["unit"] == figure["unit"] and same_value(figure, row)
                    and all(row is not r for r in rows)]
        rows = rows + synonyms if rows else synonyms
    if figure["unit"] == "count" and set(stems(index, figure.get("counted") or "")[-1:]) & OCCURRENCES:
        # "shot him three times" is not "fired three times": what is counted is the verb's, and it must match
        verbs = verbs_before(index, claim, figure["start"])
        rows = [row for row in rows if verbs & verbs_before(index, row["sentence"], row["sentence"].find(row["surface"]))]
    charge = charge_of(index, claim)
    if charge:
        # "up to five years on the wire fraud count": a penalty of another count is not the claim's
        rows = [row for row in rows if charge <= set(stems(index, row["sentence"]))]
    candidates = [(row, role_stems_of(index, row)) for row in rows]
    # words of the claim figure's measure that single out one figure of the release weigh most: "encryption"
    # names one figure of a survey; "police officers" (the population of them all) and "live-streamed" (its
    # subject, in most of its paragraphs) hardly any
    population = set(stems(index, figure.get("population") or "")) if figure["unit"] == "percent" else set()
    role_stems = [w for w in dict.fromkeys(stems(index, figure.get("measure") or "")) if w in weights
                  and w not in population]
    claim_slot = [w for w in slot_of(index, claim, figure["start"], figure["end"]) if w in weights
                  and w not in population]
    role_weights = {w: weights[w] * math.log(1 + len(paragraphs) / (1 + sum(w in p for p in paragraphs)))
                    for w in set(role_stems) | set(claim_slot)}
    bare = figure["unit"] == "count" and not figure.get("counted")
    from .drafts import people_named
    persons = set(stems(index, " ".join(m.name.split()[-1] for m in people_named(claim))))
    scored = []
    for row, row_stems in candidates:
        passage = index.passage(row["passage_id"])
        near = set(stems(index, row["sentence"] + " " + row["measure"]))
        close = topic(claim_stems, near, weights)
        match = max(close, 0.9 * topic(claim_stems, near | set(stems(index, passage["text"])), weights))
        role = topic(role_stems, row_stems, role_weights) if role_stems else 0.0
        at = row["sentence"].find(row["surface"])
        slot = topic(claim_slot, slot_of(index, row["sentence"], at, at + len(row["surface"])), role_weights) \
            if claim_slot and at >= 0 else 0.0
        plays_part = match >= min_match and (role or not role_stems or close >= RESTATED)
        in_context = min_match < FIGURE_MIN
        # the claim's very value, in a slot sharing a word with the claim's, in a sentence naming the claim's people ("Mohan L. Nirala, 52,
        # … was sentenced today to 12 months"), plays its part however the rest of the claim is worded
        named_here = bool(persons) and persons <= near
        if not plays_part and not (in_context and (role >= STRONG_ROLE or ((role or slot) and same_value(figure, row)))) \
                and not (named_here and slot and same_value(figure, row)):
            continue
        if rows is not synonyms and any(row is r for r in synonyms) and not slot and close < RESTATED:
            continue  # another noun's number beside the claim's own nouns: only in a slot like the claim's
        if bare and slot < SAME_SLOT:
            continue  # a number that counts nothing named ("now 22") has only its slot to say what it is
        # the same person or organisation named in the fact's sentence or passage
        who = topic(names, near | set(stems(index, passage["text"])), weights) if names else 0.0
        scored.append((row, match, role, who, slot, close))
    if not scored:
        return None
    best_slot = max(s[4] for s in scored)
    best_in_sentence: Dict[str, float] = {}
    for item in scored:
        best_in_sentence[item[0]["sentence"]] = max(best_in_sentence.get(item[0]["sentence"], 0.0), item[4])

    def key(item):
        row, match, role, who, slot, close = item
        distance = abs(row["value"] - figure["value"]) / max(abs(figure["value"]), 1e-9)
        # the claim's very value in a slot like the claim's (as like as any, or much, and the likest of its
        # sentence: "up to 50 times stronger than heroin and 100 times stronger than morphine") is the figure
        # the claim restates
        # ("sentenced to [18 months] in prison"), not the same number in another slot ("[two years] of
        # supervised release" for "sentenced to [two years] in prison")
        restates = same_value(figure, row) and slot >= min(best_slot - SLOT_MARGIN, SAME_SLOT) \
            and slot >= best_in_sentence[row["sentence"]] - SLOT_MARGIN
        return (restates, round(match + role + who + slot, 1),
                row.get("qualifier") not in BOUNDS, -round(distance, 2), round(close, 2))

    row, match, *_ = max(scored, key=key)
    return match, judged(figure, row), row


def people_in_claim(claim: str, before: int) -> List[str]:
    """The surnames of the people a claim names together before its figure (at before): "Ames and Baird
    were each sentenced to 15 years", "Dana Ames, Lee Baird and Jo Cole …": a figure claimed
    for them all must hold for each (not "Cole, 24, led the ring with Ames and Baird")."""
    from .drafts import is_person

    out: List[str] = []
    for m in PEOPLE_RE.finditer(claim[:before]):
        for name in re.split(r"\s*,\s*|\s+and\s+", m.group(0)):
            tokens = [t for t in name.split() if t.lower() not in TITLE_WORDS]
            if tokens and is_person(name) and not figures_in_sentence(tokens[-1].lower() + " people"):
                out.append(tokens[-1])
    return list(dict.fromkeys(out)) if len(set(out)) >= 2 else []


def each_person(index, claim: str, figure: dict, doc_id: str) -> Optional[dict]:
    """For a claim figure said of several people named together, a fact of the release that gives one of them
    another value in the same slot ("Dana Ames, who was sentenced to 15 years …; Lee Baird, who was
    sentenced to 13 years" for "Ames and Baird were each sentenced to 15 years"), or None.

    A fact belongs to the person named last before it in its sentence (with those named together with them:
    "X and Y were sentenced to …"), whoever that is; it counts when that is one of the claim's people."""
    from .drafts import people_named

    people = people_in_claim(claim, figure["start"])
    if not people:
        return None
    claim_slot = slot_of(index, claim, figure["start"], figure["end"]) - set(stems(index, " ".join(people)))
    passages = {p["passage_id"]: p for p in index.passages_of([doc_id]).get(doc_id, [])}
    for row in index.records_of("facts", doc_id):
        if not comparable(index, figure, row) or agrees(figure, row) or row["passage_id"] not in passages:
            continue
        passage = passages[row["passage_id"]]
        sentence_at = passage["text"].find(row["sentence"])
        at = int(row["start"]) - int(passage["start"]) - sentence_at
        if sentence_at < 0 or not 0 <= at < len(row["sentence"]):
            continue
        named = [m for m in people_named(row["sentence"]) if m.end <= at
                 and not ALIAS_RE.search(row["sentence"][:m.start])]  # "Lee Baird, a.k.a. Big Lee"
        if not named:
            continue
        group = [named[-1]]  # the person named last before the figure, with those named together with them
        for earlier in reversed(named[:-1]):
            if not GROUP_GAP_RE.match(row["sentence"][earlier.end:group[-1].start]):
                break
            group.append(earlier)
        if not {m.name.split()[-1] for m in group} & set(people):
            continue
        slot = slot_of(index, row["sentence"], at, at + len(row["surface"]))
        if claim_slot and len(claim_slot & slot) < 0.5 * len(claim_slot):
            continue
        return row
    return None


def claim_names(claim: str) -> List[str]:
    """The names a claim gives (capitalised words inside the sentence, titles and numbers left out), as stems."""
    capitals = re.findall(r"(?<=[\w,;:’'] )[A-Z][\w’'-]+|^[A-Z][\w’'-]+(?= [A-Z])", claim.strip())
    names = [c for c in capitals if c.lower() not in TITLE_WORDS and not figures_in_sentence(c.lower() + " people")]
    return list(dict.fromkeys(content_stems(" ".join(names))))


def number_in_release(index, doc_id: str, figure: dict, names: List[str]) -> Optional[dict]:
    """A bare number of the claim ("now 22") written the same in a sentence of the release that names the
    claim's person ("Chambers, now 22-years-old", which extraction rightly leaves out as an age), as a fact."""
    digits = re.search(r"\d[\d,]*(?:\.\d+)?", figure["surface"])
    if not digits:
        return None
    number = re.compile(rf"(?<![\d,.$]){re.escape(digits.group(0))}(?!\d|,\d|\.\d)")
    for passage in index.passages_of([doc_id]).get(doc_id, []):
        for sentence in re.finditer(r"[^.!?]+[.!?]*", passage["text"]):
            hit = number.search(sentence.group(0))
            if hit and set(names) & set(stems(index, sentence.group(0))):
                start = int(passage["start"]) + sentence.start() + hit.start()
                return {"doc_id": doc_id, "passage_id": passage["passage_id"], "start": start,
                        "end": start + len(hit.group(0)), "surface": hit.group(0), "value": figure["value"],
                        "unit": figure["unit"], "qualifier": None, "sentence": sentence.group(0).strip()}
    return None


def judge_in_release(index, doc_id: str, claim: str, claim_figures, claim_stems, weights,
                     min_match: float = FIGURE_MIN):
    """(key, [(figure, (match, judgment, fact))], coverage) of a figure claim in one release, or None."""
    doc = index.document(doc_id)
    coverage = topic(claim_stems, set(stems(index, doc["title"] + " " + doc["data"]["text"])), weights)
    facts = index.records_of("facts", doc_id)
    names = [w for w in claim_names(claim) if w in weights]
    paragraphs = [set(stems(index, p["text"])) for p in index.passages_of([doc_id]).get(doc_id, [])]
    matched = [(f, m) for f in claim_figures
               if (m := best_figure(index, f, claim, facts, claim_stems, weights, min_match, names, paragraphs))]
    if min_match < FIGURE_MIN and names:
        matched += [(f, (min_match, "supported", literal)) for f in claim_figures
                    if all(f is not g for g, _ in matched) and f["unit"] == "count" and not f.get("counted")
                    and (literal := number_in_release(index, doc_id, f, names))]
    if not matched:
        return None
    # the release that restates more of the claim's figures, in passages closer to the claim's words
    same = sum(same_value(f, m[2]) for f, m in matched)
    closeness = sum(m[0] for _, m in matched)
    if min_match < FIGURE_MIN:
        # among the few releases a draft draws on: those that name the claim's people and organisations, then
        # the one that gives the claim's very values (a sentencing and a plea release of one case give
        # different sums)
        named = topic(names, set(stems(index, doc["title"] + " " + doc["data"]["text"])), weights) if names else 0.0
        return (round(named, 1), len(matched), same, round(closeness, 2), round(coverage, 2)), matched, coverage
    # over the whole corpus the same number in another release may be chance: closeness first
    return (len(matched), round(closeness, 1), same, round(closeness, 2), round(coverage, 2)), matched, coverage


def verify_figure(index, claim: str, releases: Optional[List[str]] = None,
                  claim_figures: Optional[List[dict]] = None) -> dict:
    """Find the release that speaks of what the claim measures, then judge each of the claim's figures there.

    With releases (those a draft draws on) the claim is judged in them first; another release counts
    only when it names the claim's people or places. The claim is supported only when each of its
    figures is; contradicted when the release gives another value for one of them.
    """
    claim_figures = claim_figures or figures_in_sentence(claim)
    surfaces = set(stems(index, " ".join(f["surface"] for f in claim_figures)))
    claim_stems = [w for w in dict.fromkeys(stems(index, claim)) if w not in surfaces]
    weights = idf(index, claim_stems)
    years = [int(y) for y in YEAR_IN_TEXT_RE.findall(claim)]
    best = None
    for doc_id in releases or []:
        found = judge_in_release(index, doc_id, claim, claim_figures, claim_stems, weights, CONTEXT_FIGURE_MIN)
        if found and found[2] >= CONTEXT_DOC_MIN and (best is None or found[0] > best[0]):
            best = found
    names = claim_names(claim)
    if best is None and (names or not releases):
        outside = [d for d, _ in releases_like(index, claim, 10, DOCS_CONSIDERED)] if releases else \
            similar_docs(index, claim, DOCS_CONSIDERED)
        for rank, doc_id in enumerate(outside):
            doc = index.document(doc_id)
            if years and doc.get("published") and int(doc["published"][:4]) < max(years):
                continue  # a release cannot report a figure for a year after its own
            if releases and not (names and set(names) <= set(stems(index, doc["data"]["text"]))):
                continue  # outside the draft's releases, only one about the claim's own people or places
            found = judge_in_release(index, doc_id, claim, claim_figures, claim_stems, weights)
            if found and found[2] >= DOC_MIN:
                key = found[0] + (-rank,)
                if best is None or key > best[0]:
                    best = (key,) + found[1:]
    if best is None:
        verdict, chosen, score = "not-found", [], 0.0
    else:
        _, matched, score = best
        judgments = [m[1] for _, m in matched]
        wrong = [(f, m) for f, m in matched if m[1] == "contradicted"]
        if wrong:
            verdict, chosen = "contradicted", wrong + [fm for fm in matched if fm not in wrong]
        elif len(matched) == len(claim_figures) and all(j == "supported" for j in judgments):
            verdict, chosen = "supported", matched
            for figure, (match, _, row) in matched:
                other = each_person(index, claim, figure, row["doc_id"])
                if other:  # "Ames and Baird were each sentenced to 15 years": Baird's is 13
                    verdict, chosen = "contradicted", [(figure, (match, "contradicted", other))] + matched
                    break
        else:
            verdict = "not-found"
            chosen = [fm for fm in matched if fm[1][1] == "bound"] + [fm for fm in matched if fm[1][1] != "bound"]
    evidence = [evidence_of(index, {**row, "text": row["sentence"]}, None, value=row["value"]) for _, (_, _, row) in chosen[:3]]
    return {"claim": claim, "speaker": None, "kind": "figure", "verdict": verdict, "score": round(score, 3),
            "explanation": explain_figure(verdict, chosen, claim_figures), "evidence": evidence}


def explain_figure(verdict: str, chosen, claim_figures) -> str:
    if verdict == "not-found" and chosen and chosen[0][1][1] == "bound":
        figure, (_, _, row) = chosen[0]
        return f"The source says only {row['surface']}, which does not give the claim's {figure['surface']}."
    if verdict == "not-found" and chosen:
        missing = [f["surface"] for f in claim_figures if all(f is not g for g, _ in chosen)]
        return f"The source gives no figure for {', '.join(missing)}; " \
               f"it gives {chosen[0][1][2]['surface']} for {chosen[0][0]['surface']}."
    if verdict == "not-found":
        return "No source gives a figure for this."
    figure, (_, _, row) = chosen[0]
    if verdict == "contradicted":
        return f"The source gives {row['surface']} where the claim says {figure['surface']}."
    return f"The source gives {row['surface']} for {figure['surface']}."


def claim_kind(claim: str, speaker: Optional[str]) -> str:
    """A quote (quotation marks, a speaker, or no figure in it) or a figure claim."""
    if speaker or any(ch in claim for ch in "“”\"") or not figures_in_sentence(claim):
        return "quote"
    return "figure"


def verify(index, claim: str, speaker: Optional[str] = None) -> dict:
    """One verdict, with evidence and citations, for a quote or a figure claim."""
    if not claim or not words(claim):
        raise QueryError("the claim has no words to check")
    if len(claim) > MAX_CLAIM_CHARS:
        raise QueryError(f"the claim is {len(claim):,} characters long; kb checks a quotation or a sentence "
                         f"of at most {MAX_CLAIM_CHARS:,} (check a whole text with --draft)")
    if claim_kind(claim, speaker) == "quote":
        return verify_quote(index, claim, speaker)
    return verify_figure(index, claim)


def verify_draft(index, text: str, progress: Callable[[int, int], None] = lambda done, total: None,
                 seconds: Optional[float] = None) -> dict:
    """A verdict for each claim of a draft, read as a whole, a count of each verdict, and the releases it was
    read against.

    At most MAX_DRAFT_CHARS of text and MAX_DRAFT_CLAIMS claims, and (seconds) a time limit: what
    was left unchecked is said in "stopped" rather than lost silently.
    """
    from .drafts import context_releases, draft_claims, sentence_figures

    if len(text) > MAX_DRAFT_CHARS:
        raise QueryError(f"the draft is {len(text):,} characters long; kb checks drafts of at most "
                         f"{MAX_DRAFT_CHARS:,}")
    found = draft_claims(text)
    todo = [c for c in found if len(c.text) <= MAX_CLAIM_CHARS and words(c.text)][:MAX_DRAFT_CLAIMS]
    releases = context_releases(index, text) if todo else []
    claims, started = [], time.monotonic()
    for done, claim in enumerate(todo):
        if seconds is not None and time.monotonic() - started > seconds:
            break
        if claim.kind == "quote":
            claims.append(verify_quote(index, claim.text, claim.speaker, releases))
        else:
            claims.append(verify_figure(index, claim.text, releases, sentence_figures(claim.text)))
        progress(done + 1, len(todo))
    summary: Dict[str, int] = {}
    for c in claims:
        summary[c["verdict"]] = summary.get(c["verdict"], 0) + 1
    out = {"claims": claims, "summary": summary, "read_against": releases}
    if len(claims) < len(found):
        out["stopped"] = f"checked {len(claims)} of the draft's {len(found)} claims"
    return out
