"""Dates as press releases write them ("5 December, 2019", "Dec. 5, 2019", "5.12.2019") → ISO."""
import re
from datetime import date
from typing import Optional

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
# A month as releases write it, and a year: the one definition of each (figures.py and verify.py use them).
MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
# months in Spanish, the other language of the corpora ("21 de mayo de 2026"): figures.py leaves them out
MONTH_ES = r"(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)"
YEAR = r"(?:1[89]|20)\d\d"
YEAR_RE = re.compile(rf"^{YEAR}$")
YEAR_IN_TEXT_RE = re.compile(rf"\b{YEAR}\b")

# Each pattern names its parts; numeric dotted dates are day first (European datelines),
# slashed dates month first (US usage).
DATE_PATTERNS = [
    re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"),
    re.compile(r"(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?P<mon>" + MONTH + r"),?\s+(?P<y>\d{4})", re.I),
    re.compile(r"(?P<mon>" + MONTH + r")\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})", re.I),
    re.compile(r"(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})"),
    re.compile(r"(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4})"),
]
DATE_RE = re.compile("|".join("(?:%s)" % re.sub(r"\?P<\w+>", "", p.pattern) for p in DATE_PATTERNS), re.I)


def to_iso(match) -> Optional[str]:
    """The ISO date of a match of one of DATE_PATTERNS, or None when it is no real date."""
    parts = match.groupdict()
    month = int(parts["m"]) if parts.get("m") else MONTHS.get(parts["mon"].lower().rstrip("."))
    try:
        return date(int(parts["y"]), month, int(parts["d"])).isoformat()
    except (TypeError, ValueError):
        return None


def parse_date(text: str, anchored: bool = False) -> Optional[str]:
    """The first date in text as YYYY-MM-DD (or None); anchored: it must start the text."""
    if not text:
        return None
    best = None
    for pattern in DATE_PATTERNS:
        match = pattern.match(text.strip()) if anchored else pattern.search(text)
        if match and (best is None or match.start() < best.start()):
            iso = to_iso(match)
            if iso:
                best = match
                best_iso = iso
    return best_iso if best is not None else None


def valid_iso(text: str) -> Optional[str]:
    """text if it begins with a real ISO date (its date part), else None."""
    match = DATE_PATTERNS[0].match(text or "")
    return to_iso(match) if match else None
