"""Bytes of a source → clean text: UTF-8, then Windows-1252, then detection; mojibake repaired."""
import codecs
import unicodedata

from ..errors import SourceError

# Characters that are neither text nor layout: a file full of them is not a press release.
_CONTROL = {chr(c) for c in range(32) if chr(c) not in "\n\t\r\f"} | {"\x7f"}


def decode_bytes(data: bytes, name: str = "source") -> str:
    """Decode a whole source file; raise SourceError for empty, binary or undecodable input."""
    if not data.strip():
        raise SourceError(f"{name}: empty file")
    wide = utf16_or_32(data)
    if wide:
        try:
            return clean_text(data.decode(wide), name)
        except UnicodeDecodeError:
            raise SourceError(f"{name}: broken {wide.upper()} text") from None
    if b"\x00" in data[:8192]:
        raise SourceError(f"{name}: binary file (NUL bytes)")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None:
            raise SourceError(f"{name}: cannot tell the text encoding")
        text = str(best)
    return clean_text(text, name)


def utf16_or_32(data: bytes):
    """"utf-32"/"utf-16" (with a byte order mark), "utf-16-le"/"utf-16-be" (without one, text whose every
    other byte is zero, as Windows tools write it), or None."""
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    sample = data[:4096]
    if len(sample) >= 8 and len(sample) % 2 == 0:
        odd, even = sample[1::2], sample[0::2]
        if odd.count(0) > 0.9 * len(odd) and not even.count(0):
            return "utf-16-le"
        if even.count(0) > 0.9 * len(even) and not odd.count(0):
            return "utf-16-be"
    return None


def clean_text(text: str, name: str = "source") -> str:
    """Normalise line ends, repair mojibake (keeping curly quotes) and refuse binary junk."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise SourceError(f"{name}: empty file")
    sample = text[:4096]
    if sum(ch in _CONTROL for ch in sample) > len(sample) * 0.05:
        raise SourceError(f"{name}: binary file (control characters)")
    from ftfy.badness import is_bad

    if is_bad(text):
        from ftfy import fix_text

        text = fix_text(text, uncurl_quotes=False, normalization="NFC")
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return "".join(ch for ch in text if ch not in _CONTROL) if any(ch in _CONTROL for ch in text) else text
