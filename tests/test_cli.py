"""The command line through CliRunner: exit codes, formats, citations and errors as DESIGN.md part A says."""
import csv
import hashlib
import io
import json

import pytest

from conftest import REPO, SEED_ID, Runner

CITATION_FIELDS = {"doc_id", "passage_id", "paragraph", "title", "publisher", "published", "place", "url",
                   "source", "sha256", "start", "end", "cite"}
SEED_SHA = hashlib.sha256((REPO / "corpus" / f"{SEED_ID}.txt").read_bytes()).hexdigest()


def test_search_encryption_cites_the_figure_paragraph(kb):
    out = kb.json("search", "encryption")
    assert out["query"] == "encryption" and out["total"] == 1
    top = out["results"][0]
    assert set(top) >= {"rank", "score", "id", "text", "highlights", "citation"}
    assert "encryption (49 %)" in top["text"]
    c = top["citation"]
    assert set(c) == CITATION_FIELDS
    assert (c["published"], c["publisher"], c["place"]) == ("2019-12-05", "NetClean", "Gothenburg, Sweden")
    assert c["sha256"] == SEED_SHA
    assert c["passage_id"] == f"{SEED_ID}#p{c['paragraph']}" == top["id"]
    assert c["cite"] == ("NetClean, “New report on child sexual abuse crime shows that it is common that children in "
                         "both the US and Europe live-stream sexual content – either voluntarily or as a result of "
                         f"grooming/extortion”, 5 December 2019, ¶{c['paragraph']}")
    assert [top["text"][h["start"]:h["end"]] for h in top["highlights"]] == ["encryption"]


def test_citation_offsets_point_into_the_shown_text(kb):
    top = kb.json("search", "darknet")["results"][0]
    c = top["citation"]
    text = kb.json("show", c["doc_id"])["text"]
    assert text[c["start"]:c["end"]] == top["text"]


def test_search_text_output_has_citation_line(kb):
    result = kb("search", "encryption")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "1 release(s) match 'encryption'; showing 1."
    assert "*encryption* (49 %)" in lines[3]
    assert lines[4].startswith("   — NetClean, “New report") and lines[4].endswith("5 December 2019, ¶8")


def test_search_words_in_different_paragraphs_still_find_the_release(kb):
    # "Philippines" and "Dropbox" never share a paragraph of the seed.
    out = kb.json("search", "Philippines Dropbox")
    assert out["total"] == 1 and out["results"][0]["citation"]["doc_id"] == SEED_ID


@pytest.mark.parametrize("args", [
    ["live-streaming", "--since", "2020-01-01"],
    ["live-streaming", "--until", "2019-12-04"],
    ["live-streaming", "--publisher", "Justice"],
    ["xylophone"],
])
def test_search_without_results_exits_1(kb, args):
    result = kb("search", *args)
    assert result.exit_code == 1
    assert result.stdout.startswith("No results for")


def test_search_filters_that_match(kb):
    out = kb.json("search", "live-streaming", "--since", "2019-12-05", "--until", "2019-12-05", "--publisher", "netclean")
    assert out["total"] == 1


def test_spelling_suggestion(kb):
    result = kb("search", "encrypton")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == ["No results for 'encrypton'.", "Did you mean: encryption"]


@pytest.mark.parametrize("query, message", [
    ('"unclosed', "Error: unclosed quotation mark in query '\"unclosed'"),
    ("AND", "Error: query 'AND' has only operators, no words"),
    ("title:", "Error: field title: in query 'title:' has no value"),
    ("colour:red", "Error: unknown field 'colour' in query; fields: body, place, published, publisher, title"),
    ("the", "Error: query 'the' has no words to search for (only stop words or operators)"),
])
def test_malformed_query_is_one_line_exit_2(kb, query, message):
    result = kb("search", query)
    assert result.exit_code == 2
    assert result.stderr.strip() == message
    assert result.stdout == ""


def test_bad_date_option(kb):
    result = kb("search", "x", "--since", "yesterday")
    assert result.exit_code == 2
    assert result.stderr.strip() == "Error: --since takes a date as YYYY-MM-DD, not 'yesterday'"


def test_whoosh_syntax_phrase_wildcard_field(kb):
    assert kb.json("search", '"cloud storage"')["total"] == 1
    assert kb.json("search", "encrypt*")["total"] == 1
    assert kb.json("search", "title:extortion")["total"] == 1
    assert kb("search", "encryption NOT netclean").exit_code == 1


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "md", "text"])
def test_every_format_of_search(kb, fmt):
    result = kb("search", "darknet", "--format", fmt)
    assert result.exit_code == 0
    out = result.stdout
    if fmt == "json":
        assert json.loads(out)["results"][0]["citation"]["sha256"] == SEED_SHA
    elif fmt == "jsonl":
        rows = [json.loads(line) for line in out.splitlines()]
        assert len(rows) == 1 and rows[0]["rank"] == 1
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out)))
        assert rows[0]["citation.doc_id"] == SEED_ID and rows[0]["highlights"]
    elif fmt == "md":
        assert out.startswith("## Search: darknet") and "**darknet**" in out.lower()
    else:
        assert "— NetClean" in out


def test_sources(kb):
    out = kb.json("sources")
    assert len(out["results"]) == 1
    row = out["results"][0]
    assert row["id"] == SEED_ID and row["published"] == "2019-12-05" and row["publisher"] == "NetClean"
    assert row["title"].startswith("New report on child sexual abuse crime shows")
    assert row["source"] == f"corpus/{SEED_ID}.txt" and row["sha256"] == SEED_SHA
    assert row["passages"] == 22
    result = kb("sources")
    assert result.exit_code == 0 and result.stdout.startswith(f"{SEED_ID}  2019-12-05  NetClean  New report")


def test_show_document_and_passage(kb):
    doc = kb.json("show", SEED_ID)
    assert doc["text"] == (REPO / "corpus" / f"{SEED_ID}.txt").read_text(encoding="utf-8")
    assert doc["passages"][0]["text"].startswith("The NetClean Report 2019 is released today.")
    kinds = [p["kind"] for p in doc["passages"]]
    assert kinds[-1] == "contact" and kinds.count("about") == 3 and kinds.count("bullet") == 6
    passage = kb.json("show", f"{SEED_ID}#p8")
    assert passage["citation"]["paragraph"] == 8
    assert [p["paragraph"] for p in passage["context"]] == [7, 8, 9]
    result = kb("show", f"{SEED_ID}#p8")
    assert result.exit_code == 0 and "> ¶8 One in ten" in result.stdout


@pytest.mark.parametrize("item", ["nope", f"{SEED_ID}#p99"])
def test_show_unknown_id(kb, item):
    result = kb("show", item)
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: no ") and len(result.stderr.strip().splitlines()) == 1


def test_limit(kb):
    assert len(kb.json("sources", "--limit", "1")["results"]) == 1
    result = kb("search", "x", "--limit", "-1")
    assert result.exit_code == 2


def test_missing_index_is_built_on_first_search(seed_corpus, tmp_path):
    run = Runner(seed_corpus, tmp_path / "fresh")
    result = run("search", "encryption")
    assert result.exit_code == 0
    assert "building it from" in result.stderr
    assert "*encryption* (49 %)" in result.stdout


def test_missing_corpus(tmp_path):
    run = Runner(tmp_path / "no-such", tmp_path / "index")
    result = run("index", "rebuild")
    assert result.exit_code == 2
    assert result.stderr.strip() == f"Error: corpus folder {str(tmp_path / 'no-such')!r} does not exist"


def test_folder_that_is_not_a_kb_index(seed_corpus, tmp_path):
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    (foreign / "_MAIN_1.toc").write_bytes(b"not ours")
    run = Runner(seed_corpus, foreign)
    for args in (["search", "x"], ["index", "rebuild"], ["index", "status"]):
        result = run(*args)
        assert result.exit_code == 2, args
        assert "is not a kb index" in result.stderr
    assert (foreign / "_MAIN_1.toc").read_bytes() == b"not ours"


def test_index_status(kb):
    out = json.loads(kb("index", "status", "--format", "json").stdout)
    assert out["documents"] == 1 and out["sources"] == 1
    assert (out["new"], out["changed"], out["removed"], out["up_to_date"]) == (0, 0, 0, True)


def test_help_lists_commands():
    from click.testing import CliRunner

    from kb.cli import cli

    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    for name in ("search", "show", "sources", "index"):
        assert f"  {name} " in result.stdout
