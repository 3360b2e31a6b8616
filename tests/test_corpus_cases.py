"""Corpus cases at scale: identical releases under two ids, and releases not in English."""
import json
import shutil

import pytest

from conftest import REPO, Runner

SAME_BODY = ("WASHINGTON A man from Springfield pleaded guilty today to smuggling parrots across the border.\n\n"
             "He faces up to 20 years in prison, said the prosecutor.")
TAX = ("WASHINGTON A Springfield tax preparer, Jonas Smith, was sentenced today to 41 months in prison for "
       "preparing false returns that claimed $1.2 million in refunds for his clients from 2009 to 2013.\n\n"
       "According to court documents, Smith inflated deductions and invented business losses on the returns. "
       "Smiths clients were unaware of the false entries, and the refunds were deposited into accounts he controlled.\n\n"
       "The case was investigated by IRS Criminal Investigation and prosecuted by the Tax Division.")
SPANISH = ("La Fiscalía anunció hoy que el acusado fue condenado por fraude contra los clientes del taller. "
           "El juez dijo que la pena será de cinco años de prisión y que la empresa pagará una multa a los clientes.")


@pytest.fixture
def run(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(REPO / "corpus", corpus)
    records = [
        {"id": "r-1", "title": "Parrot smuggler pleads guilty", "date": "2015-03-02", "publisher": "DOJ", "body": SAME_BODY},
        {"id": "r-2", "title": "Parrot smuggler pleads guilty", "date": "2015-03-02", "publisher": "DOJ", "body": SAME_BODY},
        {"id": "t-1", "title": "Tax preparer sentenced", "date": "2015-04-01", "publisher": "DOJ", "body": TAX},
        {"id": "t-2", "title": "Tax preparer sentenced", "date": "2015-06-11", "publisher": "DOJ",
         "body": TAX.replace("Jonas Smith", "Ella Warren").replace("Smiths", "Warrens").replace("41", "17")
                    .replace("Springfield", "Dayton").replace("1.2 million", "310,000").replace("2009", "2011")},
        {"id": "es-1", "title": "Condenado por fraude", "date": "2020-01-10", "publisher": "Fiscalía", "body": SPANISH},
    ]
    (corpus / "cases.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n",
                                        encoding="utf-8")
    (corpus / "pages").mkdir()
    (corpus / "pages" / "t-1.html").write_text(
        "<html><head><title>Tax preparer sentenced</title><meta property='og:title' content='Tax preparer sentenced'>"
        "<meta name='dcterms.date' content='2015-04-01'></head><body><article>"
        + "".join(f"<p>{p}</p>" for p in TAX.replace("today", "Thursday").replace("Smiths", "Smith’s").split("\n\n"))
        + "</article></body></html>", encoding="utf-8")
    runner = Runner(corpus, tmp_path / "index")
    assert runner("index", "rebuild", "--jobs", "1").exit_code == 0
    return runner


def test_identical_releases_are_listed_once_with_their_copies(run):
    rows = json.loads(run("sources", "--format", "json").stdout)["results"]
    parrots = [r for r in rows if r["title"] == "Parrot smuggler pleads guilty"]
    assert [(r["id"], r["copies"]) for r in parrots] == [("r-1", ["r-2"])]
    assert json.loads(run("show", "r-1", "--format", "json").stdout)["copies"] == ["r-2"]
    out = json.loads(run("search", "parrots", "--format", "json").stdout)
    assert [(r["citation"]["doc_id"], r["copies"]) for r in out["results"]] == [("r-1", ["r-2"])]
    assert out["total"] == 1


def test_a_page_and_its_record_with_a_few_words_changed_are_one_release(run):
    # the HTML page keeps its curly quotes and says "Thursday"; the record lost them and says "today"
    rows = json.loads(run("sources", "--format", "json").stdout)["results"]
    tax = [(r["id"], r["copies"]) for r in rows if "tax preparer" in r["title"].lower()]
    assert tax == [("t-2", []), ("t-1", ["pages/t-1"])]
    out = json.loads(run("search", "Jonas Smith tax preparer", "--format", "json").stdout)
    assert [(r["citation"]["doc_id"], r["copies"]) for r in out["results"]] == [("t-1", ["pages/t-1"]), ("t-2", [])]
    assert out["total"] == 2
    # a release of the same template about someone else stays a release of its own
    assert json.loads(run("search", "Warren tax preparer", "--format", "json").stdout)["results"][0]["copies"] == []


def test_a_spanish_release_is_searchable_unstemmed_and_without_facts(run):
    shown = json.loads(run("show", "es-1", "--format", "json").stdout)
    assert shown["language"] == "es"
    assert "Language: es: indexed without English stemming" in run("show", "es-1").stdout
    assert json.loads(run("search", "fiscalía", "--format", "json").stdout)["results"][0]["citation"]["doc_id"] == "es-1"
    # no English stemming: "clientes" is found as written, "cliente" is not
    assert run("search", "clientes").exit_code == 0
    found = json.loads(run("search", "cliente", "--format", "json").stdout)["results"]
    assert "es-1" not in [r["citation"]["doc_id"] for r in found]
    assert run("facts", "--doc", "es-1").exit_code == 1
    english = json.loads(run("show", "r-1", "--format", "json").stdout)
    assert english["language"] == "en"
    assert json.loads(run("facts", "--doc", "r-1", "--format", "json").stdout)["results"][0]["surface"] == "up to 20 years"


def test_a_copys_figures_and_quotes_are_listed_once(run):
    docs = [r["citation"]["doc_id"] for r in json.loads(run("facts", "41 months", "--format", "json").stdout)["results"]]
    assert "t-1" in docs and "pages/t-1" not in docs
    listed = [r["citation"]["doc_id"] for r in json.loads(run("facts", "--limit", "0", "--format", "json").stdout)["results"]]
    assert "r-1" in listed and "r-2" not in listed and "pages/t-1" not in listed
    # asked for by id, a copy still shows its own
    assert json.loads(run("facts", "--doc", "r-2", "--format", "json").stdout)["results"]


@pytest.mark.parametrize("path", sorted((REPO / "tests" / "data").glob("audit-*.jsonl")), ids=lambda p: p.name)
def test_judged_audit_samples_hold_no_county_text(path):
    """The county prosecutor corpus's licence is unclear: its records are kept as ids and judgements only."""
    allowed = {"id", "doc_id", "source", "is_figure", "value_ok", "unit_ok", "measure_ok", "qualifier_ok",
               "verdict", "strict_correct", "error_category", "is_quote", "span_ok", "speaker_ok", "role_ok",
               "speaker_named_in_release"}
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(rows) >= 60
    assert all(set(row) <= allowed for row in rows if row["source"] == "da")
    assert all(row["verdict"] in ("correct", "wrong", "unsure") for row in rows)
