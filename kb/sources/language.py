"""The language of a release, by counting common words (offline, no model): en, es, vi, fr, de, or "und"."""
import re

STOP_WORDS = {
    "en": set("the and of to in a is that for on with was as by at from his her he she it be has have are were this "
              "said will an or not which who their they".split()),
    "es": set("el la los las de del y en que es por para con una un se su sus al lo como más pero fue son está "
              "dijo este esta".split()),
    "fr": set("le la les des du de et en que est pour dans une un sur au aux par pas qui ne se ce cette sont a".split()),
    "de": set("der die das und in den von zu mit ist des sich dem nicht ein eine auf für im sie es wurde".split()),
}
VIETNAMESE_RE = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.I)
WORD_RE = re.compile(r"[^\W\d_]+")


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the language most of text's common words belong to."""
    sample = text[:5000].lower()
    words = WORD_RE.findall(sample)
    if not words:
        return "und"
    if len(VIETNAMESE_RE.findall(sample)) > 0.05 * len(words):
        return "vi"
    counts = {lang: sum(w in stops for w in words) for lang, stops in STOP_WORDS.items()}
    best = max(counts, key=counts.get)
    return best if counts[best] >= max(2, 0.05 * len(words)) else "und"


def language_code(value: str) -> str:
    """A language tag as kb keeps it: its primary subtag in lower case ("en-US" → "en"; "und" stays "und")."""
    return (value or "").strip().lower().replace("_", "-").split("-")[0] or "und"
