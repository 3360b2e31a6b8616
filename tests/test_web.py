"""`kb serve` through Flask's test client: every page and API route, escaping, limits, errors, API = CLI JSON."""
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from io import BytesIO
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import REPO, SEED_ID, Runner
from kb.app import Settings
from kb.cli import cli
from kb.web import create_app

HOSTILE_TITLE = 'Harbour <script>alert("x")</script> audit \x1b]0;x\x07finds idle cranes'
RELEASES = [  # written for these tests
    {"id": "harbour/2021-audit", "title": HOSTILE_TITLE, "date": "2021-03-04",
     "publisher": "Examplehaven Port Authority", "url": "javascript:alert(1)",
     "body": "The harbour audit found that 12 of 40 cranes stood idle during 2020.\n\n"
             "“Every idle crane costs the harbour money, and we will put them back to work by spring,” said "
             "Mara Lindqvist, director of the Examplehaven Port Authority.\n\n"
             "The audit also counted 3 <b>unsafe</b> gantries <img src=x onerror=alert(1)>."},
    {"id": "harbour/2022-follow-up", "title": "Cranes back at work, harbour follow-up finds", "date": "2022-05-01",
     "publisher": "Examplehaven Port Authority", "url": "https://example.org/harbour/2022",
     "body": "A year later, 35 of 40 cranes were working again.\n\n"
             "The port authority said the repairs cost 2 million dollars."},
]
TRUE_AND_FALSE = ("56 percent of police officers say live-streamed abuse is increasing.\n\n"
                  "65 percent of police officers say live-streamed abuse is increasing.\n")
SEED_URL = f"/release/{SEED_ID}"


def build(corpus: Path, index: Path, *command):
    result = CliRunner().invoke(cli, ["--corpus", str(corpus), "--index", str(index), "index", *command, "--jobs", "1"])
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("web-corpus")
    (folder / "netclean").mkdir()
    (folder / "netclean" / f"{SEED_ID.split('/')[1]}.txt").write_bytes((REPO / "corpus" / f"{SEED_ID}.txt").read_bytes())
    (folder / "harbour.jsonl").write_text("".join(json.dumps(r) + "\n" for r in RELEASES), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def index(corpus, tmp_path_factory):
    index = tmp_path_factory.mktemp("web-index") / "index"
    build(corpus, index, "rebuild")
    return index


@pytest.fixture(scope="module")
def client(corpus, index):
    return create_app(Settings(corpus, index)).test_client()


@pytest.fixture(scope="module")
def kb(corpus, index):
    return Runner(corpus, index)


def page(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.get_data(as_text=True)[-500:]
    return response.get_data(as_text=True)


# -- pages ------------------------------------------------------------------------------------
@pytest.mark.parametrize("url, shows", [
    ("/", ['name="q"', 'name="since"', 'name="until"', 'name="publisher"']),
    ("/check", ['<textarea id="text" name="text"', 'type="file"', 'enctype="multipart/form-data"']),
    ("/facts", ['name="unit"', '<a href="/facts?limit=10">all of them in text order</a>']),
    ("/facts?limit=10", ["<strong class=\"figure\">450</strong>"]),
    ("/facts?q=police&unit=percent", ["<strong class=\"figure\">56 percent</strong>", 'value="police"']),
    (f"/facts?doc={SEED_ID}&limit=50", ["sixty-four"]),
    ("/quotes?speaker=Borgstr%C3%B6m", ["Anna Borgström", "CEO at NetClean", "is webcam shows"]),
    ("/quotes?q=crane", ["Mara Lindqvist", "Every idle crane costs the harbour money"]),
    ("/speakers", ['<a href="/quotes?speaker=Anna+Borgstr%C3%B6m">Anna Borgström</a>', "Mara Lindqvist"]),
    ("/speakers?q=Lindqvist", ["Mara Lindqvist"]),
    ("/sources", ["Cranes back at work", "New report on child sexual abuse crime", f'href="/facts?doc={SEED_ID}"']),
    ("/status", ["Up to date with the corpus.", "<dt>Releases</dt><dd>3</dd>"]),
])
def test_each_page_shows_what_its_command_gives(client, url, shows):
    html = page(client, url)
    for text in shows:
        assert text in html


def test_search_page_shows_marked_snippet_citation_and_more_passages(client):
    html = page(client, "/?q=encryption")
    assert 'value="encryption"' in html  # the URL holds the query, and the box shows it again
    assert "is <mark>encryption</mark> (49 %)" in html
    assert f'href="{SEED_URL}?start=2847&amp;end=3021#p8"' in html  # the citation opens the release at ¶8
    assert 'class="copy" data-copy="NetClean, “New report on child sexual abuse crime' in html
    assert f'More passages from this release:\n          <a href="{SEED_URL}#p10">¶10</a>' in html


def test_search_page_filters_and_suggestion(client):
    assert "No results for “encryption”." in page(client, "/?q=encryption&since=2020-01-01")
    assert "Cranes back at work" in page(client, "/?q=cranes&publisher=Examplehaven&since=2022")
    assert 'Did you mean: <a href="/?q=encryption">encryption</a>' in page(client, "/?q=encrypton")


def test_search_page_pages_through_results(client):
    first = page(client, "/?q=cranes&limit=1")
    assert "2 releases match; showing 1–1." in first
    assert '<a rel="next" href="/?q=cranes&amp;limit=1&amp;offset=1">Next 1 →</a>' in first
    second = page(client, "/?q=cranes&limit=1&offset=1")
    assert "showing 2–2." in second and '<ol class="results" start="2">' in second and 'rel="next"' not in second
    titles = [re.findall(r'<h2><a href="/release/([^"]+)">', html) for html in (first, second)]
    assert sorted(sum(titles, [])) == ["harbour/2021-audit", "harbour/2022-follow-up"]


def test_release_page_has_metadata_numbered_paragraphs_and_marks_the_cited_span(client, kb):
    doc = kb.json("show", SEED_ID)
    html = page(client, f"{SEED_URL}?start=2847&end=3021")
    for text in ("NetClean", "2019-12-05", "Gothenburg, Sweden", f"corpus/{SEED_ID}.txt", doc["sha256"]):
        assert text in html
    assert len(re.findall(r'<p id="p\d+" class="passage', html)) == len(doc["passages"]) == 22
    paragraphs = html[html.index('<div class="paragraphs">'):html.index('<aside')]
    cited = re.findall(r'<mark class="cited">(.*?)</mark>', paragraphs)
    assert cited == [doc["text"][2847:3021]]
    assert re.search(r'<p id="p8" class="passage kind-body">.*<mark class="cited">Aside from', html, re.S)
    side = html[html.index('<aside class="side"'):]
    assert "<strong>56 percent</strong>" in side and "Anna Borgström" in side
    assert 'href="/release/' + SEED_ID + '?start=' in side  # each figure links to its span


def test_a_passage_id_opens_its_release_at_the_paragraph(client):
    response = client.get(f"/release/{SEED_ID}%23p8")
    assert response.status_code == 302 and response.headers["Location"].endswith(f"{SEED_URL}#p8")


def test_corpus_text_is_escaped_and_stripped_of_control_characters(client):
    for url in ("/release/harbour/2021-audit", "/?q=cranes", "/sources", "/quotes?q=crane", "/facts?q=cranes"):
        html = page(client, url)
        assert "<script>alert" not in html and "<img src=x" not in html and "<b>unsafe" not in html, url
        assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", html), url
        assert "]0;x" not in html, url
        assert len(re.findall("<script", html)) == len(re.findall(r'<script src="/static/kb\.js" defer></script>', html)), url
    release = page(client, "/release/harbour/2021-audit")
    assert "Harbour &lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; audit finds idle cranes" in release
    assert "&lt;b&gt;unsafe&lt;/b&gt;" in release
    assert 'href="javascript' not in release and "javascript:alert(1)" in release  # shown, never a link
    assert '<a href="https://example.org/harbour/2022"' in page(client, "/release/harbour/2022-follow-up")


def test_every_response_carries_the_security_headers(client):
    for url in ("/", "/?q=encryption", "/api/search?q=encryption", "/release/nope", "/static/kb.js"):
        headers = client.get(url).headers
        csp = headers["Content-Security-Policy"]
        assert "default-src 'self'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert headers["X-Content-Type-Options"] == "nosniff" and headers["X-Frame-Options"] == "DENY"


def test_static_files_are_served_from_the_package(client):
    assert client.get("/static/kb.css").status_code == 200
    script = client.get("/static/kb.js")
    assert script.status_code == 200 and b"Copy citation" in script.data


def test_only_this_machine_names_are_answered(client):
    assert client.get("/", headers={"Host": "127.0.0.1:8080"}).status_code == 200
    assert client.get("/", headers={"Host": "[::1]:8080"}).status_code == 200
    assert client.get("/", headers={"Host": "rebinding.example:8080"}).status_code == 400  # DNS rebinding


# -- errors -----------------------------------------------------------------------------------
@pytest.mark.parametrize("url, status, message", [
    ("/release/no/such/release", 404, "no document with id &#39;no/such/release&#39;"),
    ('/?q="unclosed', 400, "unclosed quotation mark"),
    ("/?q=crane&since=yesterday", 400, "--since takes a date as YYYY-MM-DD"),
    ("/?q=crane&limit=ten", 400, "limit takes a whole number"),
    (f"/release/{SEED_ID}?start=%C2%B2&end=9", 400, "start takes a whole number"),
    ("/?q=crane&offset=5000", 400, "pages go as far as result 1000"),
    ("/facts?unit=furlongs", 400, "unit is one of percent"),
    ("/no-such-page", 404, "Not Found"),
    ("/api/search", 400, "q is required"),
    ("/api/release/no-such-release", 404, "no document with id"),
])
def test_errors_are_one_line_with_the_right_status(client, url, status, message):
    response = client.get(url)
    body = response.get_data(as_text=True)
    assert response.status_code == status and message in body
    assert "Traceback" not in body
    if url.startswith("/api/"):
        assert list(json.loads(body)) == ["error"]
    else:
        assert len(re.findall(r'<p class="error" role="alert">[^\n<]+</p>', body)) == 1


# -- draft check ------------------------------------------------------------------------------
def test_check_marks_each_claim_in_place_with_its_verdict(client):
    html = client.post("/check", data={"text": TRUE_AND_FALSE.replace("\n", "\r\n")}).get_data(as_text=True)
    assert '<span class="chip v-supported">1 supported</span>' in html
    assert '<span class="chip v-contradicted">1 contradicted</span>' in html
    marks = re.findall(r'<mark class="claim v-([a-z-]+)" id="mark-(\d)">(.*?)<a class="verdict" href="#claim-(\d)"', html)
    assert marks == [("supported", "1", "56 percent of police officers say live-streamed abuse is increasing.", "1"),
                     ("contradicted", "2", "65 percent of police officers say live-streamed abuse is increasing.", "2")]
    detail = html[html.index('id="claim-2"'):]
    assert "The source gives 56 percent where the claim says 65 percent." in detail
    assert "56 percent indicated that this type of crime is on the increase." in detail
    assert f'href="{SEED_URL}?start=1363&amp;end=1373#p3"' in detail


def test_check_shows_the_word_diff_of_a_near_verbatim_quote(client):
    draft = "“In order to view material it must be decrypted,” said Anna Borgström.\n"
    html = client.post("/check", data={"text": draft}).get_data(as_text=True)
    assert '<mark class="claim v-near-verbatim"' in html
    assert ('<del title="in the source, not in the claim">needs to</del> '
            '<ins title="in the claim, not in the source">must</ins>') in html


def test_check_reads_an_uploaded_file_and_refuses_others(client):
    upload = {"file": (BytesIO(TRUE_AND_FALSE.encode()), "draft.md"), "text": ""}
    html = client.post("/check", data=upload, content_type="multipart/form-data").get_data(as_text=True)
    assert "2 claims checked" in html
    for name, data, message in [("draft.pdf", b"%PDF", "is not a .txt or .md file"),
                                ("draft.txt", b"\xff\xfe\x00bad", "is not UTF-8 text")]:
        response = client.post("/check", data={"file": (BytesIO(data), name)}, content_type="multipart/form-data")
        assert response.status_code == 400 and message in response.get_data(as_text=True)
    response = client.post("/check", data={"text": "  \n"})
    assert response.status_code == 400 and "paste a draft" in response.get_data(as_text=True)


def test_a_body_over_one_megabyte_gets_a_clear_413(client):
    big = "The harbour had 12 cranes. " * 40000  # 1.08 MB
    response = client.post("/check", data={"text": big}, content_type="multipart/form-data")
    assert response.status_code == 413
    assert "The draft is larger than 1 MB" in response.get_data(as_text=True)
    response = client.post("/api/verify", json={"draft": big})
    assert response.status_code == 413 and "larger than 1 MB" in response.get_json()["error"]


def test_a_draft_check_stops_at_its_time_limit_and_says_so(corpus, index):
    hurried = create_app(Settings(corpus, index), draft_seconds=0.05).test_client()
    draft = TRUE_AND_FALSE * 40
    started = time.monotonic()
    response = hurried.post("/check", data={"text": draft})
    html = response.get_data(as_text=True)
    assert response.status_code == 503 and "The check stopped after 0.05 s, its time limit" in html
    assert "65 percent of police officers" in html  # the draft stays in the box
    assert time.monotonic() - started < 5
    deadline = time.monotonic() + 5
    while any(t.name == "kb-draft-check" for t in threading.enumerate()) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(t.name == "kb-draft-check" for t in threading.enumerate())  # the check itself ended
    response = hurried.post("/api/verify", json={"draft": draft})
    assert response.status_code == 503 and "stopped after 0.05 s" in response.get_json()["error"]


@pytest.mark.parametrize("fmt", ["json", "md"])
def test_check_exports_the_report_as_the_command_line_does(client, kb, tmp_path, fmt):
    draft = tmp_path / "draft.md"
    draft.write_text(TRUE_AND_FALSE, encoding="utf-8")
    response = client.post("/check/export", data={"text": TRUE_AND_FALSE, "format": fmt})
    assert response.status_code == 200
    assert response.headers["Content-Disposition"] == f'attachment; filename="kb-check.{fmt}"'
    cli_out = kb("verify", "--draft", str(draft), "--format", fmt).stdout
    if fmt == "json":
        assert json.loads(response.data) == json.loads(cli_out)
    else:
        assert response.get_data(as_text=True) == cli_out


# -- the JSON API = the command line's JSON ---------------------------------------------------
@pytest.mark.parametrize("url, args", [
    ("/api/search?q=encryption", ["search", "encryption"]),
    ("/api/search?q=cranes&since=2022&publisher=Examplehaven&limit=5",
     ["search", "cranes", "--since", "2022", "--publisher", "Examplehaven", "--limit", "5"]),
    ("/api/search?q=encrypton", ["search", "encrypton"]),
    (f"/api/release/{SEED_ID}", ["show", SEED_ID]),
    (f"/api/release/{SEED_ID}%23p8", ["show", f"{SEED_ID}#p8"]),
    ("/api/release/harbour/2021-audit", ["show", "harbour/2021-audit"]),
    ("/api/facts?q=police&unit=percent", ["facts", "police", "--unit", "percent"]),
    ("/api/facts?doc=harbour/2021-audit&limit=0", ["facts", "--doc", "harbour/2021-audit", "--limit", "0"]),
    ("/api/quotes?speaker=Borgstr%C3%B6m", ["quotes", "--speaker", "Borgström"]),
    ("/api/quotes?q=crane", ["quotes", "crane"]),
    ("/api/speakers", ["speakers"]),
    ("/api/speakers?q=director", ["speakers", "director"]),
    ("/api/sources", ["sources"]),
    ("/api/sources?limit=1", ["sources", "--limit", "1"]),
    ("/api/status", ["index", "status"]),
])
def test_api_gives_the_json_of_the_command_line(client, kb, url, args):
    response = client.get(url)
    assert response.status_code == 200 and response.mimetype == "application/json"
    assert json.loads(response.data) == kb.json(*args)


@pytest.mark.parametrize("body, args", [
    ({"claim": "in order to view material it must be decrypted", "speaker": "Anna Borgström"},
     ["verify", "in order to view material it must be decrypted", "--speaker", "Anna Borgström"]),
    ({"claim": "65 percent of police officers say live-streamed abuse is increasing"},
     ["verify", "65 percent of police officers say live-streamed abuse is increasing"]),
    ({"claim": "We will put every crane back to work by spring", "speaker": "Mara Lindqvist"},
     ["verify", "We will put every crane back to work by spring", "--speaker", "Mara Lindqvist"]),
])
def test_api_verify_gives_the_json_of_the_command_line(client, kb, body, args):
    assert client.post("/api/verify", json=body).get_json() == kb.json(*args)
    assert client.post("/api/verify", data=body).get_json() == kb.json(*args)  # as form fields too


def test_api_verify_of_a_draft_gives_the_json_of_verify_draft(client, kb, tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(TRUE_AND_FALSE, encoding="utf-8")
    assert client.post("/api/verify", json={"draft": TRUE_AND_FALSE}).get_json() == kb.json("verify", "--draft", str(draft))


def test_api_verify_needs_a_claim_or_a_draft(client):
    response = client.post("/api/verify", json={"speaker": "Anna Borgström"})
    assert response.status_code == 400 and response.get_json() == {"error": "give a claim (with a speaker, for a quote) or a draft"}
    assert client.get("/api/verify").status_code == 405


# -- a long-running server and the index changing under it --------------------------------------
def test_the_page_moves_to_a_new_build_without_restart_and_answers_during_a_rebuild(tmp_path):
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    corpus.mkdir()
    (corpus / "lighthouse.txt").write_text("Title: Lighthouse keeper retires\nDate: 2020-01-02\nPublisher: Coast Guild\n\n"
                                           "The keeper of the north lighthouse retired after 31 years.\n", encoding="utf-8")
    build(corpus, index, "rebuild")
    web = create_app(Settings(corpus, index)).test_client()
    assert "No results" in page(web, "/?q=zeppelin")
    (corpus / "zeppelin.txt").write_text("Title: Zeppelin lands at the harbour\nDate: 2020-02-03\nPublisher: Coast Guild\n\n"
                                         "A zeppelin landed at the harbour on Monday, the first in 80 years.\n", encoding="utf-8")
    build(corpus, index, "update")
    assert "Zeppelin lands at the harbour" in page(web, "/?q=zeppelin")

    statuses = []
    rebuild = threading.Thread(target=build, args=(corpus, index, "rebuild"))
    rebuild.start()
    while rebuild.is_alive() or not statuses:
        statuses.append(web.get("/?q=lighthouse").status_code)
    rebuild.join()
    assert set(statuses) == {200} and "Lighthouse keeper retires" in page(web, "/?q=lighthouse")


def test_a_damaged_index_is_a_one_line_error_and_the_page_recovers_after_a_rebuild(tmp_path):
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    shutil.copytree(REPO / "corpus", corpus)
    build(corpus, index, "rebuild")
    web = create_app(Settings(corpus, index)).test_client()
    current = json.loads((index / "kb-index.json").read_text())["current"]
    segment = max((index / current).glob("passages_*.*"), key=lambda p: p.stat().st_size)
    data = bytearray(segment.read_bytes())
    for i in range(100, len(data), 7):
        data[i] = (data[i] * 31 + 7) % 256
    segment.write_bytes(bytes(data))
    response = web.get("/?q=encryption")
    assert response.status_code == 503
    assert f"the index at {index} is damaged or was not built by kb (" in response.get_data(as_text=True)
    build(corpus, index, "rebuild")
    assert "<mark>encryption</mark>" in page(web, "/?q=encryption")


# -- the command ------------------------------------------------------------------------------
def serve(corpus, index, *args):
    return subprocess.Popen([sys.executable, "-m", "kb", "--corpus", str(corpus), "--index", str(index), "serve", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO)


def test_kb_serve_prints_its_address_answers_and_stops_cleanly_on_ctrl_c(corpus, index):
    server = serve(corpus, index, "--port", "0")
    try:
        line = server.stdout.readline()
        url = re.match(r"kb serve: (http://127\.0\.0\.1:\d+/) \(Ctrl-C stops it\)$", line.strip()).group(1)
        with urllib.request.urlopen(url + "?q=encryption", timeout=10) as response:
            assert response.status == 200 and b"<mark>encryption</mark>" in response.read()
        busy = serve(corpus, index, "--port", url.rsplit(":", 1)[1].strip("/"))
        _, err = busy.communicate(timeout=30)
        assert busy.returncode == 2 and err.strip().splitlines()[-1].startswith("Error: cannot serve on 127.0.0.1:")
    finally:
        server.send_signal(signal.SIGINT)
        _, err = server.communicate(timeout=10)
    assert server.returncode == 0 and err.rstrip().endswith("Stopped.") and "Traceback" not in err


def test_kb_serve_on_another_host_warns_that_the_network_can_read_the_corpus(corpus, index):
    server = serve(corpus, index, "--host", "0.0.0.0", "--port", "0")
    try:
        assert server.stdout.readline().startswith("kb serve: http://0.0.0.0:")
    finally:
        server.send_signal(signal.SIGINT)
        _, err = server.communicate(timeout=10)
    assert "Warning: serving on 0.0.0.0" in err and "can read the corpus" in err


def test_the_command_line_starts_without_flask():
    code = "import sys, kb.cli; sys.exit('flask' in sys.modules or 'kb.web' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)}).returncode == 0
