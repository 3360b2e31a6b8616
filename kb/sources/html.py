"""Reader for .html and .htm press releases: metadata from meta tags, JSON-LD and <time>; the main content as text."""
import json
import re
from typing import List, Optional, Tuple

from ..dates import parse_date, valid_iso
from ..errors import SourceError
from ..models import Document
from .language import detect_language, language_code
from .layout import classify, dateline, squash

JUNK_TAGS = ["script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
             "iframe", "svg", "button", "select", "input", "object", "embed", "canvas", "dialog"]
JUNK_NAME_RE = re.compile(
    r"(?:^|[-_\s])(?:nav|navbar|navigation|menu|menus|footer|share|sharing|social|breadcrumbs?|sidebar|related"
    r"|skip|cookie|cookies|banner|subscribe|newsletter|pager|pagination|comments?|widget|toolbar|masthead"
    r"|header|topbar|utility|promo|advert|ads|modal|popup|element-hidden|visually-hidden|sr-only|print)(?:$|[-_\s])",
    re.I,
)
BLOCK_TAGS = ["p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "dd", "dt", "td", "th", "figcaption"]
BLOCK_SET = set(BLOCK_TAGS)
DATE_META = ["article:published_time", "og:published_time", "og:article:published_time", "dcterms.date",
             "dcterms.issued", "dcterms.created", "dc.date", "dc.date.issued", "date", "pubdate", "publishdate",
             "publish-date", "publication_date", "sailthru.date", "parsely-pub-date", "citation_date"]
TITLE_META = ["og:title", "twitter:title", "dcterms.title", "dc.title", "citation_title"]
PUBLISHER_META = ["og:site_name", "dcterms.publisher", "dc.publisher", "article:publisher", "application-name"]
TITLE_SPLIT_RE = re.compile(r"\s+[|–—•»]\s+|\s+-\s+")


def meta_values(soup) -> dict:
    """Lower-cased name/property → content of every <meta> tag (the first of each name wins)."""
    values = {}
    for tag in soup.find_all("meta"):
        key = (tag.get("property") or tag.get("name") or tag.get("itemprop") or "").strip().lower()
        content = (tag.get("content") or "").strip()
        if key and content and key not in values:
            values[key] = content
    return values


def json_ld(soup) -> List[dict]:
    """The objects of every JSON-LD block (those inside @graph lists too); broken blocks are ignored."""
    found: List[dict] = []

    def walk(obj):
        if isinstance(obj, list):
            for item in obj:
                walk(item)
        elif isinstance(obj, dict):
            found.append(obj)
            walk(obj.get("@graph", []))

    for tag in soup.find_all("script", attrs={"type": re.compile(r"ld\+json", re.I)}):
        try:
            walk(json.loads(tag.string or ""))
        except (ValueError, RecursionError):
            continue
    return found


def first(*values) -> Optional[str]:
    for value in values:
        if isinstance(value, dict):
            value = value.get("name")
        if isinstance(value, list):
            value = next((v for v in value if isinstance(v, str)), None)
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())
    return None


def junk(tag) -> bool:
    if tag.attrs is None:
        return False
    names = " ".join(tag.get("class") or []) + " " + (tag.get("id") or "") + " " + (tag.get("role") or "")
    if tag.get("role") in ("navigation", "banner", "contentinfo", "search", "complementary"):
        return True
    if tag.get("hidden") is not None or tag.get("aria-hidden") == "true":
        return True
    return bool(JUNK_NAME_RE.search(names))


def content_root(soup):
    """The element holding the release: the <article> (or main region) with the most paragraph text."""
    candidates = soup.find_all(["article", "main"]) + soup.find_all(attrs={"role": "main"})
    candidates += soup.find_all(attrs={"itemprop": "articleBody"})
    best, best_len = None, 0
    for tag in candidates:
        length = paragraph_text(tag)
        if length > best_len or (length == best_len and best is not None and tag in best.descendants):
            best, best_len = tag, length
    return best or soup.body or soup


def paragraph_text(tag) -> int:
    return sum(len(p.get_text()) for p in tag.find_all("p"))


def remove_junk(root) -> None:
    """Drop navigation, menus, share widgets and footers inside root, but never most of its text."""
    total = paragraph_text(root)
    for tag in root.find_all(JUNK_TAGS) + root.find_all(junk):
        if not tag.decomposed and paragraph_text(tag) <= 0.5 * total:
            tag.decompose()


def blocks_of(root) -> List[Tuple[str, str]]:
    """(text, kind) of each innermost block element, in order; loose text falls back to lines."""
    blocks = []
    for tag in root.find_all(BLOCK_TAGS):
        if any(child.name in BLOCK_SET for child in tag.find_all(True)):
            continue
        text = " ".join(tag.get_text(" ").split())
        if not text:
            continue
        kind = "bullet" if tag.name == "li" else "heading" if tag.name in ("h1", "h2", "h3", "h4", "h5", "h6") else "body"
        blocks.append((text, kind))
    loose = " ".join(root.get_text(" ").split())
    if sum(len(t) for t, _ in blocks) < 0.5 * len(loose):
        blocks = [(" ".join(line.split()), "body") for line in root.get_text("\n").split("\n") if line.strip()]
    return blocks


def read_html(text: str, doc_id: str, source: str, sha256: str, defaults: Optional[dict] = None) -> Document:
    """A Document from the text of an HTML page (defaults: metadata already known, e.g. from a JSONL record)."""
    from bs4 import BeautifulSoup

    defaults = defaults or {}
    try:
        soup = BeautifulSoup(text, "lxml")
        meta = meta_values(soup)
        ld = [o for o in json_ld(soup) if isinstance(o, dict)]
        article_ld = next((o for o in ld if "datePublished" in o or "headline" in o), {})
        page_title = first(soup.title.get_text() if soup.title else None)
        title = first(defaults.get("title"), *(meta.get(k) for k in TITLE_META), article_ld.get("headline"))
        h1 = [first(h.get_text(" ")) for h in soup.find_all("h1")]
        if not title and page_title:
            title = TITLE_SPLIT_RE.split(page_title)[0]
        title = title or next((h for h in h1 if h), None) or ""
        time_tag = soup.find("time", attrs={"datetime": True})
        dc_date = soup.find(attrs={"property": re.compile(r"^dc(terms)?:date$"), "content": True})
        date_text = first(
            defaults.get("date"), *(meta.get(k) for k in DATE_META), article_ld.get("datePublished"),
            article_ld.get("dateCreated"), time_tag.get("datetime") if time_tag else None,
            dc_date.get("content") if dc_date else None,
        )
        publisher = first(defaults.get("publisher"), *(meta.get(k) for k in PUBLISHER_META),
                          article_ld.get("publisher"), article_ld.get("sourceOrganization"))
        if not publisher and page_title and len(TITLE_SPLIT_RE.split(page_title)) > 1:
            publisher = TITLE_SPLIT_RE.split(page_title)[-1]
        canonical = soup.find("link", rel="canonical")
        url = first(defaults.get("url"), meta.get("og:url"), canonical.get("href") if canonical else None)
        html_tag = soup.find("html")
        language = language_code(first(html_tag.get("lang") if html_tag else None, meta.get("language")) or "en")
        for tag in soup.find_all(["script", "style", "noscript", "template"]):
            tag.decompose()
        root = content_root(soup)
        remove_junk(root)
        blocks = [(t, k) for t, k in blocks_of(root) if squash(t) != squash(title)]
    except RecursionError:
        raise SourceError(f"{source}: HTML nested too deeply to read") from None
    if not blocks:
        raise SourceError(f"{source}: no text in the HTML page")
    parts, spans, pos = [], [], 0
    for text_block, kind in blocks:
        spans.append((pos, pos + len(text_block), kind))
        parts.append(text_block)
        pos += len(text_block) + 2
    body = "\n\n".join(parts)
    spans = classify(body, spans)
    place, dated = dateline([body[s:e] for s, e, k in spans if k == "body"])
    published = valid_iso(date_text or "") or parse_date(date_text or "") or dated
    return Document(
        id=doc_id, text=body, title=title, published=published, publisher=publisher,
        place=defaults.get("place") or place, url=url, source=source,
        language=(defaults.get("language") or (detected if (detected := detect_language(body)) != "und" else language)),
        sha256=sha256, extra=tuple(sorted((defaults.get("extra") or {}).items())), blocks=tuple(spans),
    )
