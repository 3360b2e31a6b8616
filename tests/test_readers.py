"""Readers: synthetic fixtures for each format and failure, a real DOJ page, and no input that crashes them."""
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import DOJ_HTML, REPO, SEED_ID
from kb.errors import SourceError
from kb.passages import passages_of
from kb.sources import read_document, read_record
from kb.sources.decode import decode_bytes

SEED = (REPO / "corpus" / f"{SEED_ID}.txt").read_bytes()

HTML_PAGE = """<!doctype html><html lang="en"><head>
<title>Acme recalls widgets | Acme Newsroom</title>
<meta property="og:site_name" content="Acme Corp">
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "Acme recalls 40,000 widgets", "datePublished": "2021-03-04T09:00:00Z"}</script>
<style>p { color: red }</style><script>var tracking = "menu text";</script>
</head><body>
<nav class="main-menu"><ul><li>Home</li><li>Products</li></ul></nav>
<div class="share-buttons"><a>Share on Twitter</a></div>
<article><h1>Acme recalls 40,000 widgets</h1>
<p>SPRINGFIELD, Ill. – Acme Corp said today it recalls 40,000 widgets.</p>
<p>“Safety comes first,” said Jane Roe, CEO of Acme.</p>
<ul><li>Widgets sold in 2020</li><li>Refunds in full</li></ul>
</article>
<footer>Copyright Acme · Privacy policy</footer></body></html>"""


def test_seed_metadata_inferred():
    doc = read_document(SEED, f"{SEED_ID}.txt")
    assert doc.id == SEED_ID
    assert doc.title.startswith("New report on child sexual abuse crime shows") and doc.title.endswith("grooming/extortion")
    assert (doc.published, doc.publisher, doc.place) == ("2019-12-05", "NetClean", "Gothenburg, Sweden")
    assert doc.text == SEED.decode("utf-8")
    passages = passages_of(doc)
    assert passages[0].text.startswith("The NetClean Report 2019 is released today.")
    assert [p.kind for p in passages[-4:]] == ["about", "about", "about", "contact"]
    assert all(doc.text[p.start:p.end] == p.text for p in passages)
    assert [p.id for p in passages[:2]] == [f"{SEED_ID}#p1", f"{SEED_ID}#p2"]


def test_sentences_keep_offsets():
    doc = read_document(SEED, f"{SEED_ID}.txt")
    p3 = passages_of(doc)[2]
    sentences = [doc.text[s:e] for s, e in p3.sentences]
    assert sentences[1] == "56 percent indicated that this type of crime is on the increase."
    assert len(sentences) == 3


def test_header_block_wins_over_inference():
    text = ("Title: Acme opens a plant\nDate: 2022-01-31\nPublisher: Acme\nPlace: Oslo, Norway\nURL: https://acme.example/1\n\n"
            "Acme opened a plant today.\n\n- It employs 300 people.\n- It cost $2 million.\n").encode()
    doc = read_document(text, "acme/plant.md")
    assert (doc.id, doc.title, doc.published, doc.publisher, doc.place, doc.url) == (
        "acme/plant", "Acme opens a plant", "2022-01-31", "Acme", "Oslo, Norway", "https://acme.example/1")
    assert doc.text.startswith("Acme opened a plant today.")
    assert [p.kind for p in passages_of(doc)] == ["body", "bullet", "bullet"]


def test_html_metadata_and_main_content():
    doc = read_document(HTML_PAGE.encode(), "acme/recall.html")
    assert (doc.title, doc.published, doc.publisher, doc.place) == (
        "Acme recalls 40,000 widgets", "2021-03-04", "Acme Corp", "SPRINGFIELD, Ill.")
    assert doc.text.startswith("SPRINGFIELD, Ill. – Acme Corp said today")
    for junk in ("Home", "Share on Twitter", "Copyright", "tracking", "color: red"):
        assert junk not in doc.text
    assert [p.kind for p in passages_of(doc)] == ["body", "body", "bullet", "bullet"]


@pytest.mark.parametrize("meta, expected", [
    ('<meta property="article:published_time" content="2020-02-03T10:00:00+01:00">', "2020-02-03"),
    ('<meta name="dcterms.date" content="2018-07-09">', "2018-07-09"),
    ('<time datetime="2017-05-06">May 6</time>', "2017-05-06"),
    ('<span property="dc:date" content="2009-01-14T00:00:00-05:00">Wednesday</span>', "2009-01-14"),
])
def test_html_dates(meta, expected):
    page = f"<html><head><title>T</title></head><body>{meta}<p>Some release text here.</p></body></html>"
    assert read_document(page.encode(), "x.html").published == expected


def test_windows_1252_and_bom():
    text = "Title: Caf\u00e9 news\n\n\u201cGood,\u201d said Zo\u00eb.\n"
    assert read_document(text.encode("cp1252"), "a.txt").text == "\u201cGood,\u201d said Zo\u00eb.\n"
    assert read_document(b"\xef\xbb\xbf" + text.encode("utf-8"), "a.txt").title == "Caf\u00e9 news"


def test_mojibake_is_repaired_keeping_curly_quotes():
    broken = "\u201cThe caf\u00e9 is open,\u201d she said.".encode("utf-8").decode("latin-1").encode("utf-8")
    assert decode_bytes(broken) == "\u201cThe caf\u00e9 is open,\u201d she said."


@pytest.mark.parametrize("data, reason", [
    (b"", "empty file"),
    (b"   \n\n  ", "empty file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
])
def test_unreadable_files(data, reason):
    with pytest.raises(SourceError, match=reason):
        read_document(data, "bad.txt")


@pytest.mark.parametrize("line, reason", [
    (b'{"id": "a", "body": "text', "not a JSON line"),
    (b'[1, 2]', "not an object"),
    (b'{"id": "a", "title": "no body"}', "has no body or html"),
    (b'{"id": "../../etc/passwd", "body": "x"}', "is not a plain name"),
])
def test_bad_jsonl_records(line, reason):
    with pytest.raises(SourceError, match=reason):
        read_record(line, "c/releases.jsonl", 3)


def test_jsonl_record_with_body_and_extras():
    record = {"id": "r1", "title": "T", "date": "2010-05-19", "publisher": "P", "url": "u",
              "body": "WASHINGTON The first paragraph.\n\nThe second.", "topics": ["Tax"]}
    doc = read_record(json.dumps(record).encode(), "c/releases.jsonl", 1)
    assert (doc.id, doc.published, doc.place, dict(doc.extra)) == ("r1", "2010-05-19", "WASHINGTON", {"topics": '["Tax"]'})
    assert [p.text for p in passages_of(doc)] == ["WASHINGTON The first paragraph.", "The second."]


@pytest.mark.skipif(not (DOJ_HTML / "release_12660.html").exists(), reason="shared DOJ pages not present")
def test_real_doj_page():
    doc = read_document((DOJ_HTML / "release_12660.html").read_bytes(), "doj/release_12660.html")
    assert doc.title == "Seven Defendants Convicted for Participation in International Child Exploitation Enterprise"
    assert doc.published == "2009-01-14"
    assert doc.text.startswith("WASHINGTON AND PENSACOLA, Fla. Seven U.S. defendants")
    for junk in ("Justice News", "Share on", "FOR IMMEDIATE RELEASE", "Office of Public Affairs\n"):
        assert junk not in doc.text


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=2000), st.sampled_from(["a.txt", "a.md", "a.html", "a.htm"]))
def test_no_bytes_crash_a_file_reader(data, name):
    try:
        doc = read_document(data, name)
    except SourceError:
        return
    assert_well_formed(doc)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=1500), st.sampled_from(["a.txt", "a.html"]))
def test_no_text_crashes_a_file_reader(text, name):
    try:
        doc = read_document(text.encode("utf-8", "surrogatepass"), name)
    except SourceError:
        return
    assert_well_formed(doc)


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.binary(max_size=500), st.dictionaries(
    st.sampled_from(["id", "title", "date", "body", "html", "url", "publisher"]),
    st.one_of(st.text(max_size=200), st.integers(), st.none(), st.lists(st.text(max_size=5), max_size=2)),
).map(lambda d: json.dumps(d).encode())))
def test_no_line_crashes_the_jsonl_reader(line):
    try:
        doc = read_record(line, "c/r.jsonl", 1)
    except SourceError:
        return
    given = json.loads(line).get("id")
    assert doc.id == (str(given) if isinstance(given, (str, int)) and str(given).strip() else "c/r/1")
    assert_well_formed(doc)


def assert_well_formed(doc):
    """What every reader promises: some text, passages that are slices of it, in order, with sentences inside
    (a file that is only a title has no passage)."""
    passages = passages_of(doc)
    assert doc.text.strip() and (passages or {k for _, _, k in doc.blocks} <= {"title", "byline", "end"})
    assert [p.number for p in passages] == list(range(1, len(passages) + 1))
    assert all(doc.text[p.start:p.end] == p.text and p.text.strip() for p in passages)
    assert all(p.start <= s <= e <= p.end for p in passages for s, e in p.sentences)
    assert all(a.end <= b.start for a, b in zip(passages, passages[1:]))
