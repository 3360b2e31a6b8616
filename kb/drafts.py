"""Drafts read as a whole: their claims, the speaker the draft gives each quotation, the releases they draw on.

A reporter's draft attributes its quotations in the ways news writing does: `"…," said X`,
`"…," X said`, `X said [that …] "…"`, `according to X`, `"…," he said` (the person last
named in the paragraph, else the draft's last speaker), a quotation split around its attribution (`"…," X said, "…"`), and a quotation
with no attribution of its own that continues the one before it in the paragraph. The speaker
found so is the one the draft claims: `kb verify` judges the quotation against that name.

The releases a draft draws on are found from all its words together (names, places,
organisations, dates and distinctive words: the draft's rarest words ranked by BM25), so a
claim is judged in the release the draft is about, not in whichever release shares a few of
its words.
"""
import re
from dataclasses import dataclass
from typing import List, Optional, Tuple

from .figures import figures_in_sentence
from .quotes import CUES, MIN_WORDS, NAME_TOKEN, TITLE_WORDS, quote_marks, split_who

DRAFT_CUES = CUES + "|vowed|promised|warned|argued|insisted|pledged|announced|testified|acknowledged|conceded|wrote"
CUE_RE = re.compile(rf"\b(?:{DRAFT_CUES})\b|\b[Aa]ccording to\b")
PRONOUN_RE = re.compile(r"\b(?:he|she|they)\s*$|^\s*(?:he|she|they)\b", re.I)
NAME_RUN_RE = re.compile(rf"{NAME_TOKEN}(?:[ \t]+{NAME_TOKEN})*")
SENTENCE_CUT_RE = re.compile(r"(?<=[a-z]{2}\.)[ \t]+")  # "… in Brooklyn. New York Attorney General …"
# words that make a run of capitals an organisation or a place, not a person
ORG_WORDS = set("""department office service division bureau agency commission court county city state university
foundation company inc llc corp corporation police navy army base district authority administration association
council board committee center centre house school hospital bank group fund program programme unit task force
""".split())
MAX_ATTRIBUTION_WORDS = 20  # an attribution is a name, a role and a cue; a longer run of words is a sentence …
MAX_LEAD_WORDS = 50  # … though one before the quotation may say more ("X said that tricking young sailors … "…"")
CONTEXT_WORDS = 25  # the draft's rarest words that find its releases
CONTEXT_SHARE = 0.5  # a release scoring at least this share of the best one is read too
CONTEXT_MAX = 4


@dataclass
class DraftClaim:
    """A quotation or a figure sentence of a draft: its words, the speaker the draft gives, where it stands."""

    text: str
    kind: str  # "quote" or "figure"
    speaker: Optional[str]
    start: int


@dataclass
class Mention:
    """A person named in the draft: where, and by which full name."""

    start: int
    end: int
    name: str


def is_person(name: str) -> bool:
    """A name, not an organisation or a place ("Wildlife Service", "Orange County")."""
    return not any(re.sub(r"[’']s$", "", w.lower()).strip(".,") in ORG_WORDS for w in name.split())


def name_runs(text: str):
    """(start, words) of each run of capitalised words, cut at sentence ends ("Brooklyn. New York …")."""
    for m in NAME_RUN_RE.finditer(text):
        pos = m.start()
        for cut in SENTENCE_CUT_RE.finditer(m.group(0)):
            yield pos, text[pos:m.start() + cut.start()]
            pos = m.start() + cut.end()
        yield pos, text[pos:m.end()]


def people_named(text: str) -> List[Mention]:
    """Where the draft names a person: runs of capitals read as "role, name" (split_who), organisations left out,
    a surname alone resolved to the full name named before ("Gonzalez" → Eric Gonzalez)."""
    full: dict = {}
    mentions: List[Mention] = []
    for start, run in name_runs(text):
        end = start + len(run)
        before = text[max(0, start - 8):start]
        if re.search(r"\b(?:of|of the|for the|at the)\s+$", before) or re.match(r"[’']s\b", text[end:end + 2]):
            continue  # an affiliation ("of the Justice Department") or a possessive ("Austin's sentencing")
        name, _ = split_who(run)
        if not name or not is_person(name):
            continue
        at = start + max(run.find(name), 0)
        tokens = [t for t in name.split() if t.lower() not in TITLE_WORDS]
        if len(tokens) >= 2:
            full[tokens[-1].lower()] = name
            mentions.append(Mention(at, end, name))
        elif len(tokens) == 1 and tokens[0].lower() in full:
            mentions.append(Mention(at, end, full[tokens[0].lower()]))
    return mentions


def quotations(paragraph: str) -> List[Tuple[int, int]]:
    """(start, end) of the words inside each pair of quotation marks of a paragraph (an unclosed one runs to its end)."""
    spans, opening = [], None
    for pos, is_opening in quote_marks(paragraph):
        if is_opening and opening is None:
            opening = pos
        elif not is_opening and opening is not None:
            spans.append((opening + 1, pos))
            opening = None
    if opening is not None:
        spans.append((opening + 1, len(paragraph)))
    return spans


def sentence_bounds(paragraph: str) -> List[int]:
    """Positions just after each sentence end outside quotation marks (". " then a capital or a quote mark)."""
    inside = bytearray(len(paragraph))
    for s, e in quotations(paragraph):
        inside[s:e] = b"\x01" * (e - s)
    ends = []
    for m in re.finditer(r"[.!?][”\"]?\s+(?=[A-Z“\"])", paragraph):
        if not inside[m.start()] and not re.search(r"\b(?:[A-Z]|U\.S|Mr|Mrs|Ms|Dr|St|Jr|Sr)\.$", paragraph[:m.start() + 1]):
            ends.append(m.end())
    return ends


def speaker_in(attribution: str, before: bool, people: List[Mention], offset: int, last_person: Optional[str]):
    """The speaker an attribution names, or None; before: the attribution stands before the quotation."""
    cues = list(CUE_RE.finditer(attribution))
    if not cues or len(attribution.split()) > (MAX_LEAD_WORDS if before else MAX_ATTRIBUTION_WORDS):
        return None
    cue = cues[-1] if before else cues[0]
    subject = attribution[:cue.start()]
    if before:
        subject = re.split(r"[“\"”]", subject)[-1]
    named = [p for p in people if offset + (len(attribution) - len(attribution.lstrip())) <= p.start
             and p.end <= offset + cue.start()]
    if PRONOUN_RE.search(subject) and not named:
        return last_person
    if named:
        return named[-1].name
    if cue.group(0).lower() != "according to" and subject.strip(" ,.;:“”\"'"):
        return None  # a subject that names no one ("prosecutors said"): not a person's words
    after = [p for p in people if offset + cue.end() <= p.start <= offset + cue.end() + 60]
    if after:
        return after[0].name
    if re.match(r"\s*(?:he|she|they)\b", attribution[cue.end():], re.I):
        return last_person
    return None


def quote_claims(text: str, start: int, people: List[Mention], last_speaker: Optional[str] = None) -> List[DraftClaim]:
    """The quotations of one paragraph (at start in the draft), each with the speaker the draft gives.

    A pronoun ("he said") is the person last named in the paragraph before the quotation, or else the
    last speaker of the draft ("… said Rackauckas. / Graham was paroled. / "…," he said."), or else
    the person last named before."""
    spans = quotations(text)
    ends = sentence_bounds(text)
    out: List[DraftClaim] = []
    for i, (s, e) in enumerate(spans):
        sentence_start = max([0] + [b for b in ends if b <= s])
        sentence_end = min([len(text)] + [b for b in ends if b > e])
        before_from = max(sentence_start, spans[i - 1][1] + 1 if i else 0)
        after_to = min(sentence_end, spans[i + 1][0] - 1 if i + 1 < len(spans) else len(text))
        last = [p for p in people if p.end <= start + s]
        in_paragraph = [p for p in last if p.start >= start]
        last_person = (in_paragraph[-1].name if in_paragraph else None) or (out[-1].speaker if out else None) \
            or last_speaker or (last[-1].name if last else None)
        speaker = speaker_in(text[e + 1:after_to], False, people, start + e + 1, last_person) if e < after_to else None
        if speaker is None and before_from < s:
            speaker = speaker_in(text[before_from:s - 1], True, people, start + before_from, last_person)
        if speaker is None and out and not CUE_RE.search(text[before_from:after_to]):
            speaker = out[-1].speaker  # a quotation that goes on from the one before it
        words = text[s:e].strip()
        if len(words.split()) >= MIN_WORDS or (speaker and len(words.split()) >= 2):
            out.append(DraftClaim(words, "quote", speaker, start + s))  # not a name or a term in quotation marks
    # a quotation attributed only by the one after it in the paragraph ("…" she said first, then "…")
    for earlier, later in zip(out, out[1:]):
        if earlier.speaker is None:
            earlier.speaker = later.speaker
    return out


AGE_RE = re.compile(r"(?:[A-Za-z.],\s*|\b(?:now|aged|age)\s+|\b(?:was|is)\s+(?:only\s+|just\s+)?)(?P<age>\d{1,3})(?!,\d)"
                    r"(?=\s*,|\s+when\b|-years?-old\b|[.;]?$)|\b(?P<adjective>\d{1,3})-years?-old\b")


def sentence_figures(sentence: str) -> List[dict]:
    """The figures of a draft's sentence; where it has none, the ages it gives ("Aimee Hidalgo, 28,", "a
    45-year-old man", "now 22", "was 18 when …"), which a reporter checks like any other number (extraction
    leaves them out of a release's figures, so they are looked for as written)."""
    found = figures_in_sentence(sentence)
    if found:
        return found
    ages = []
    for m in AGE_RE.finditer(sentence):
        group = "age" if m.group("age") else "adjective"
        ages.append({"start": m.start(group), "end": m.end(group), "surface": m.group(group), "unit": "count",
                     "value": float(m.group(group)), "qualifier": None, "kind": "count", "counted": None,
                     "measure": "age", "population": None})
    return ages


def draft_claims(text: str) -> List[DraftClaim]:
    """Every quotation of a draft with its claimed speaker, and every sentence that states a figure
    (inside or outside quotation marks; a date is not a figure), in reading order."""
    from .models import Document
    from .passages import passages_of
    from .sources.layout import body_blocks, classify

    doc = Document(id="draft", text=text, blocks=tuple(classify(text, body_blocks(text))))
    people = people_named(text)
    claims: List[DraftClaim] = []
    last_speaker: Optional[str] = None
    for passage in passages_of(doc):
        if passage.kind == "heading":
            continue
        quotes = quote_claims(passage.text, passage.start, people, last_speaker)
        last_speaker = next((q.speaker for q in reversed(quotes) if q.speaker), last_speaker)
        claims += quotes
        for s, e in passage.sentences:
            sentence = text[s:e].strip()
            if sentence_figures(sentence):
                claims.append(DraftClaim(sentence, "figure", None, s))
    return sorted(claims, key=lambda c: c.start)


def context_releases(index, text: str) -> List[str]:
    """Ids of the releases a draft draws on: those its rarest words, taken together, find best."""
    from .verify import releases_like

    ranked = releases_like(index, text, CONTEXT_WORDS, CONTEXT_MAX)
    return [doc_id for doc_id, score in ranked if score >= CONTEXT_SHARE * ranked[0][1]] if ranked else []
