"""Document → Quotes: the words inside quotation marks, with speaker, role and utterance (kb's own rules).

Quotation marks are paired per paragraph (curly “ ” and straight "; an apostrophe is never a
quote mark). A quotation that runs over paragraphs (left open, the next paragraph opening
again or closing later) gives one entry a paragraph sharing an utterance. Speakers come from
the attribution next to the quote ("…,” said NAME, ROLE. / NAME said: “…” / according to
NAME), with surnames and pronouns resolved to the person named before in the release.
"""
import re
import unicodedata
from dataclasses import dataclass
from typing import Dict, List, Optional, Tuple

from .models import Document, Passage, Quote

CUES = ("said|says|stated|states|added|adds|noted|notes|explained|explains|commented|comments|asked|asks|told|"
        "tells|continued|concluded|remarked|wrote|declared|emphasized|emphasised|stressed|recalled|observed")
NAME_TOKEN = r"(?:[A-Z](?:\.[A-Z])+\.?|[A-Z][\w’'\-]*\.?|de|van|von|da|del|la|bin)"
WHO = rf"{NAME_TOKEN}(?:,?\s+{NAME_TOKEN})*(?:,?\s+(?:of|for|at|in)\s+(?:the\s+)?{NAME_TOKEN}(?:\s+(?:of|for|and|the|{NAME_TOKEN}))*)?"
AFTER_CUE_RE = re.compile(rf"^\s*[,.]?\s*(?P<cue>{CUES}|according to)\s+(?P<who>.+)", re.S)
AFTER_NAME_RE = re.compile(rf"^\s*[,.]?\s*(?P<who>{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{0,8}}|he|she|they|we)\s+(?P<cue>{CUES})\b", re.S)
BEFORE_RE = re.compile(rf"(?P<who>(?:{NAME_TOKEN}|of|for|the|and|at)(?:[\s,]+(?:{NAME_TOKEN}|of|for|the|and|at))*|[Hh]e|[Ss]he|[Tt]hey|[Ww]e)\s+(?P<cue>{CUES})(?:\s+(?:that|in a statement|today|on \w+|yesterday))?\s*[,:.]?\s*$")
BEFORE_CUE_FIRST_RE = re.compile(rf"(?:\b(?P<cue>{CUES})|[Aa]ccording to)\s+(?P<who>[^,:;“\"]+?(?:,[^,:;“\"]+)?)\s*[,:]\s*$")
PRONOUNS = {"he", "she", "they", "we", "i"}
ABBREVIATIONS = {"u.s", "jr", "sr", "mr", "mrs", "ms", "dr", "st", "sen", "rep", "gov", "lt", "gen", "col", "sgt",
                 "capt", "det", "inc", "co", "corp", "ltd", "no", "fla", "calif", "ill", "va", "md", "pa", "mass",
                 "n.y", "d.c", "n.j", "tex", "ariz", "wash", "ore", "mich", "ga", "ala", "la", "ky", "tenn", "mo",
                 "okla", "wis", "minn", "conn", "colo", "nev", "miss", "ark", "kan", "neb", "del", "vt", "n.c", "s.c"}
TITLE_WORDS = set("""acting assistant associate attorney attorneys general deputy principal special agent agents charge
in u.s. us united states district director chief sheriff mayor senator sen. rep. representative supervisor state
state’s state's county commissioner president ceo cfo coo chair chairman chairwoman chairperson secretary governor gov.
lt. lieutenant captain capt. sergeant sgt. officer detective det. inspector superintendent judge justice dr. mr. mrs.
ms. professor prof. executive vice head manager spokesperson spokesman spokeswoman founder co-founder partner
minister commander administrator police the of for and at interim first senior trial council councilmember
councilman councilwoman assemblymember""".split())
ORG_RE = re.compile(r"^(?:the\s+)?(company|department|office|agency|organi[sz]ation|firm|group|ministry|police)$", re.I)
MIN_WORDS = 4


@dataclass
class Span:
    start: int
    end: int
    passage: Passage
    continues: bool = False  # same utterance as the span before (a quotation over paragraphs)


def quote_marks(text: str) -> List[Tuple[int, bool]]:
    """(position, is_opening) of the quotation marks of a paragraph; straight quotes by what surrounds them."""
    marks = []
    for m in re.finditer(r"[“”\"]", text):
        ch, i = m.group(0), m.start()
        if ch != '"':
            marks.append((i, ch == "“"))
            continue
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if i == 0 or before.isspace() or before in "([{—–-:" or (before in ".!?" and after.isalnum()):
            marks.append((i, True))
        elif after.isspace() or after in ".,;:!?)—–-" or i + 1 == len(text):
            marks.append((i, False))
    return marks


def closes_later(passages: List[Passage], pi: int) -> bool:
    """A later paragraph (within four) has a closing mark before any opening one."""
    for passage in passages[pi + 1:pi + 5]:
        marks = quote_marks(passage.text)
        if marks:
            return not marks[0][1]
    return False


def quoted_spans(passages: List[Passage]) -> List[Span]:
    """Every quoted span of a release, paired per paragraph, quotations over paragraphs joined up."""
    spans: List[Span] = []
    carry = False  # a quotation left open in the paragraph before
    for pi, passage in enumerate(passages):
        marks = quote_marks(passage.text)
        base = passage.start
        continuing = carry
        if carry and marks and not marks[0][1]:
            spans.append(Span(base, base + marks[0][0], passage, True))
            marks, continuing = marks[1:], False
        elif carry and not marks:
            spans.append(Span(base, passage.end, passage, True))
            carry = closes_later(passages, pi)
            continue
        carry = False
        opening = None
        for pos, is_opening in marks:
            if is_opening:
                if opening is not None:
                    spans.append(Span(base + opening + 1, base + pos, passage, continuing))
                    continuing = False
                opening = pos
            elif opening is not None:
                spans.append(Span(base + opening + 1, base + pos, passage, continuing))
                continuing, opening = False, None
        if opening is not None:
            spans.append(Span(base + opening + 1, passage.end, passage, continuing))
            nxt = passages[pi + 1].text.lstrip()[:1] if pi + 1 < len(passages) else ""
            carry = nxt in "“\"" or closes_later(passages, pi)
    return spans


def sentence_ends(text: str):
    """Positions of the sentence ends in text; abbreviations ("U.S.") and initials ("F.") do not count."""
    for m in re.finditer(r"[.!?](?=\s|$|[“\"])", text):
        word = re.findall(r"[\w.]+$", text[:m.start()])
        token = word[0].lower() if word else ""
        if len(token.replace(".", "")) == 1 or token in ABBREVIATIONS:
            continue
        yield m.start()


def sentence_rest(text: str) -> str:
    """text up to the end of its first sentence."""
    return text[:next(sentence_ends(text), len(text))]


def last_sentence(text: str) -> str:
    """The last sentence of text (where an attribution before a quote stands)."""
    ends = [e for e in sentence_ends(text) if text[e + 1:].strip()]
    return text[ends[-1] + 1:] if ends else text


CONNECTORS = {"of", "for", "the", "at", "in", "and", "with"}


def name_like(token: str) -> bool:
    bare = token.strip(",")
    return bool(re.match(r"^(?:[A-Z][\w’'\-]+|[A-Z]\.|Jr\.|Sr\.|III|II|IV)$", bare)) and bare.lower() not in TITLE_WORDS


def split_who(who: str) -> Tuple[Optional[str], Optional[str]]:
    """"Anna Borgström, CEO at NetClean" → (name, role); "City of Miami Police Chief Manuel Morales" → (Manuel Morales, the rest)."""
    who = re.split(r"[“\"(]", who)[0].strip(" ,.;:")
    who = re.sub(r"\s+(?:in a (?:news )?(?:statement|release)|today|yesterday|on \w+day)$", "", who)
    if not who:
        return None, None
    head, _, tail = who.partition(",")
    if tail and re.match(r"^\s*(?:Jr\.|Sr\.|III|II|IV)\b", tail):
        extra, _, tail = tail.strip().partition(",")
        head = f"{head} {extra}"
    tokens = head.split()
    runs, run = [], []
    for k, token in enumerate(tokens):
        if name_like(token):
            run.append(k)
        else:
            if run:
                runs.append(run)
            run = []
    if run:
        runs.append(run)
    if not runs:
        return None, None
    free = [r for r in runs if len(r) >= 2 and (r[0] == 0 or tokens[r[0] - 1].lower() not in CONNECTORS)]
    longer = [r for r in runs if len(r) >= 2]
    # the name is the last run of capitals that does not follow "of"/"the": "San Diego Police Chief
    # David Nisleit", "Matthew Friedrich of the Criminal Division"
    chosen = free[-1] if free else (longer[-1] if longer else runs[-1])
    if not free and len(chosen) >= 3 and chosen[0] > 0 and tokens[chosen[0] - 1].lower() in CONNECTORS:
        chosen = chosen[1:]  # "District of Oregon Kent Robinson": the place belongs to the role
    name = " ".join(tokens[k] for k in chosen).strip(" ,")
    rest = [t for k, t in enumerate(tokens) if k not in chosen]
    while rest and rest[0].lower() in CONNECTORS | {"today", "yesterday"} | {"Today"}:
        rest.pop(0)
    role_parts = [" ".join(rest).strip(" ,")] if rest else []
    if tail.strip():
        role_parts.append(tail.strip(" ,."))
    role = ", ".join(p for p in role_parts if p) or None
    if role and role.split()[0] in ("Today", "Yesterday"):
        role = " ".join(role.split()[1:]) or None
    return name, role


def name_words(name: Optional[str]) -> List[str]:
    """The words of a name as matched: case and accents folded; titles ("District Attorney") and initials out."""
    folded = "".join(ch for ch in unicodedata.normalize("NFKD", name or "") if not unicodedata.combining(ch)).casefold()
    return [w for w in re.findall(r"[^\W\d_]+", folded) if len(w) > 1 and w not in TITLE_WORDS]


def same_person(given: Optional[str], speaker: Optional[str]) -> bool:
    """Does a name given (kb quotes --speaker, kb verify --speaker, a draft's attribution) name a speaker?

    Yes when each word of it is a word of the speaker's name: "Borgström", "Anna Borgstrom" and
    "CEO Anna Borgström" name Anna Borgström; "Borg" and "Anna Berg" do not.
    """
    wanted, have = name_words(given), set(name_words(speaker))
    return bool(wanted) and all(w in have for w in wanted)


class People:
    """The people a release names: full names and roles, so that "said Borgström" finds Anna Borgström."""

    def __init__(self, document: Document):
        self.full: Dict[str, Tuple[str, Optional[str]]] = {}
        for m in re.finditer(rf"(?:(?:{NAME_TOKEN}|of|for|the)\s+){{0,8}}{NAME_TOKEN}\s+{NAME_TOKEN}", document.text):
            name, role = split_who(m.group(0))
            if name and 2 <= len(name.split()) <= 5:
                self.add(name, role, weak=True)

    def add(self, name: str, role: Optional[str], weak: bool = False):
        surname = name.split()[-1].strip(".,").lower()
        if surname in ("jr", "sr", "ii", "iii", "iv") and len(name.split()) > 2:
            surname = name.split()[-2].strip(".,").lower()
        known = self.full.get(surname)
        if known is None or (not weak and (len(name.split()) >= len(known[0].split()) or not known[1])):
            self.full[surname] = (name, role or (known[1] if known else None))
        elif known and not known[1] and role:
            self.full[surname] = (known[0], role)

    def resolve(self, name: str, role: Optional[str]) -> Tuple[str, Optional[str]]:
        tokens = name.split()
        key = tokens[-1].strip(".,").lower()
        known = self.full.get(key)
        if known and (len(tokens) == 1 or known[0].endswith(name) or name.endswith(known[0].split()[-1])):
            if len(tokens) <= len(known[0].split()):
                return known[0], role or known[1]
        return name, role


def attribution(text: str, start: int, end: int) -> Optional[Tuple[str, str]]:
    """(who, cue) of the attribution right after the quote or just before it, in its paragraph."""
    after = sentence_rest(text[end + 1:]) if end < len(text) else ""
    m = AFTER_CUE_RE.match(after)
    if m:
        return m.group("who"), m.group("cue")
    m = AFTER_NAME_RE.match(after)
    if m:
        return m.group("who"), m.group("cue")
    before = text[:max(0, start - 1)]
    before = last_sentence(re.split(r"[”\"]\s+(?=[A-Z])", before)[-1]) if before else ""
    m = BEFORE_CUE_FIRST_RE.search(before)
    if m and m.group("who")[:1].isupper():
        return m.group("who"), m.group("cue") or "according to"
    m = BEFORE_RE.search(before)
    if m:
        return m.group("who"), m.group("cue")
    return None


def quotes_of(document: Document, passages: List[Passage]) -> List[Quote]:
    """Every direct quote of a release with its speaker, role, cue and utterance."""
    people = People(document)
    found: List[dict] = []
    last_speaker: Optional[Tuple[str, Optional[str]]] = None
    for span in quoted_spans([p for p in passages if p.kind != "contact"]):
        text = document.text[span.start:span.end]
        stripped = text.strip()
        if not stripped:
            continue
        local_start = span.start - span.passage.start
        who_cue = attribution(span.passage.text, local_start, span.end - span.passage.start)
        forward = False
        if who_cue is None and not span.passage.text[span.end - span.passage.start + 1:].strip():
            following = next((p for p in passages if p.number == span.passage.number + 1), None)
            if following is not None:
                m = AFTER_NAME_RE.match(following.text) or AFTER_CUE_RE.match(following.text)
                if m and m.start("who") < 80:
                    who_cue, forward = (m.group("who"), m.group("cue")), True
        in_statement = bool(found) and found[-1]["passage"] is span.passage and found[-1]["speaker"]
        if len(stripped.split()) < MIN_WORDS and who_cue is None and not in_statement:
            continue  # a name or a term in quotation marks, not a statement
        speaker = role = cue = None
        if who_cue:
            who, cue = who_cue
            if who.strip().lower() in PRONOUNS:
                speaker, role = last_speaker or (None, None)
            elif ORG_RE.match(who.strip(" ,.")):
                speaker, role = document.publisher or who.strip(" ,."), None
            else:
                name, role = split_who(sentence_rest(who))
                if name:
                    speaker, role = people.resolve(name, role)
                    people.add(speaker, role)
        lead = len(text) - len(text.lstrip())
        found.append({"start": span.start + lead, "end": span.start + lead + len(stripped), "text": stripped,
                      "passage": span.passage, "speaker": speaker, "role": role, "cue": cue,
                      "continues": span.continues, "forward": forward})
        if speaker:
            last_speaker = (speaker, role)
    # Utterances: quotes of one paragraph (or a quotation over paragraphs) with one speaker.
    utterance = 0
    for i, q in enumerate(found):
        prev = found[i - 1] if i else None
        same = prev is not None and (q["continues"] or (prev["passage"] is q["passage"])) and (
            q["speaker"] is None or prev["speaker"] is None or q["speaker"] == prev["speaker"])
        adjacent = prev is not None and q["passage"].number == prev["passage"].number + 1
        if not same and adjacent and ((q["speaker"] is None and prev["cue"] is None)
                                      or (prev["forward"] and prev["speaker"] == q["speaker"])):
            same = True
        if same:
            q["speaker"], q["role"] = q["speaker"] or prev["speaker"], q["role"] or prev["role"]
        else:
            utterance += 1
        q["utterance"] = utterance
    # a statement whose attribution comes only in a later part: fill earlier parts of the utterance
    for i in range(len(found) - 1, 0, -1):
        if found[i - 1]["utterance"] == found[i]["utterance"] and not found[i - 1]["speaker"]:
            found[i - 1]["speaker"], found[i - 1]["role"] = found[i]["speaker"], found[i]["role"]
    return [
        Quote(id=f"{q['passage'].id}#q{n}", doc_id=document.id, passage_id=q["passage"].id, text=q["text"],
              speaker=q["speaker"], role=q["role"], cue=q["cue"], utterance=f"{document.id}#u{q['utterance']}",
              start=q["start"], end=q["end"])
        for n, q in enumerate(found, start=1)
    ]
