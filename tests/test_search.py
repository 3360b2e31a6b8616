"""Search as people type it: function words, phrases, most-of-the-words ranking, figures, filters, snippets.

The releases below are written for these tests in the shape of DOJ and county releases.
"""
import json
import subprocess
import sys

import pytest

from conftest import Runner
from kb.query import read_query

LONG_PARAGRAPH = " ".join([
    "WASHINGTON A Maryland seafood dealer was sentenced today to 18 months in prison for a scheme to hide the true weight of striped bass caught by commercial fishermen.",
    "The dealer, who ran a state check-in station, recorded lower weights and higher fish counts on state forms.",
    "The scheme let fishermen keep catching rockfish beyond their quotas for three seasons.",
    "Investigators from the state natural resources police examined thousands of check-in forms.",
    "They found that more than 68,000 pounds of rockfish were never reported to the state.",
    "The dealer was also ordered to pay a fine of $36,000 and restitution of $164,040 to the state fisheries fund.",
    "The case was investigated by the Fish and Wildlife Service and the state natural resources police.",
    "It was prosecuted by trial attorneys of the Environmental Crimes Section.",
    "Those who illegally harvest rockfish will be investigated and prosecuted, the Assistant Attorney General said.",
    "The fishery along the East Coast depends on honest reporting by every check-in station.",
    "State officials said the dealer's licence was revoked last year and will not be renewed.",
    "Two fishermen who used the station pleaded guilty earlier and await sentencing in federal court in Baltimore.",
])
RELEASES = [
    {"id": "t-life", "title": "Springfield man sentenced for killing his neighbor", "date": "2016-05-02",
     "publisher": "Kings County District Attorney", "body":
     "BROOKLYN A Springfield man was sentenced to life in prison today for killing his neighbor's dog and then "
     "his neighbor during an argument over a fence.\n\nThe defendant, 82-year-old Harold Vance, was convicted in March."},
    {"id": "t-for-life", "title": "Ferry captain barred from sailing", "date": "2016-06-10",
     "publisher": "U.S. Department of Justice", "body":
     "WASHINGTON A ferry captain was sentenced for life-threatening negligence and barred for life from sailing.\n\n"
     "He must also pay $2.3 billion in penalties, the court ruled."},
    {"id": "t-money", "title": "Contractor ordered to repay county", "date": "2014-03-03",
     "publisher": "Orange County District Attorney", "body":
     "SANTA ANA A paving contractor was ordered to pay $2.3 million in restitution to the county for inflated invoices.\n\n"
     "The contractor billed for 243 defendants' worth of paperwork that was never filed."},
    {"id": "t-fish", "title": "Seafood dealer sentenced in rockfish scheme", "date": "2012-02-01",
     "publisher": "U.S. Department of Justice", "body": LONG_PARAGRAPH},
    {"id": "t-pastor", "title": "Former pastor sentenced", "date": "2017-09-12",
     "publisher": "U.S. Department of Justice", "body":
     "PORTLAND A former pastor was sentenced to 135 months in prison for transporting images of abuse.\n\n"
     "He was arrested after a search of his church office in Salem."},
    {"id": "t-paving", "title": "Paving company fined", "date": "2015-04-04", "publisher": "Orange County District Attorney",
     "body": "SANTA ANA The county office of consumer protection fined a paving company that had also resurfaced a "
             "church parking lot without a permit."},
    {"id": "t-es", "title": "Condenado por fraude", "date": "2020-01-10", "publisher": "Fiscalía del Condado",
     "body": "La Fiscalía anunció hoy que el acusado fue condenado a prisión por fraude contra los clientes del taller. "
             "El juez dijo que la pena será de cinco años de prisión y que la empresa pagará una multa."},
]


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    corpus = tmp_path_factory.mktemp("corpus")
    (corpus / "releases.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in RELEASES) + "\n",
                                           encoding="utf-8")
    runner = Runner(corpus, tmp_path_factory.mktemp("index") / "index")
    assert runner("index", "rebuild", "--jobs", "1").exit_code == 0
    return runner


def ids(out):
    return [r["citation"]["doc_id"] for r in out["results"]]


def test_function_words_do_not_fail_beside_a_spanish_release(run):
    out = run.json("search", "sentenced to prison")
    assert set(ids(out)) >= {"t-life", "t-pastor", "t-fish"} and "t-es" not in ids(out)
    assert ids(run.json("search", "the honest reporting of the fishery")) == ["t-fish"]
    assert ids(run.json("search", "condenado a prisión")) == ["t-es"]


def test_quoted_phrase_keeps_its_function_words(run):
    assert ids(run.json("search", '"sentenced to life"')) == ["t-life"]
    assert set(ids(run.json("search", "sentenced to life"))) == {"t-life", "t-for-life"}


def test_a_release_lacking_one_word_is_still_ranked_first(run):
    out = run.json("search", "pastor sentenced for transporting images from his Portland basement")
    assert ids(out)[0] == "t-pastor"
    assert out["results"][0]["missing"] == ["basement"]
    header = run("search", "pastor sentenced for transporting images from his Portland basement").stdout.splitlines()[0]
    assert header == ("1 release(s) match 'pastor sentenced for transporting images from his Portland basement'; "
                      "showing 1, the first with 5 of its 6 words.")


def test_words_close_together_and_in_order_rank_higher(run):
    # both releases hold "church" and "office"; only one has them side by side, in this order
    assert ids(run.json("search", "church office")) == ["t-pastor", "t-paving"]


@pytest.mark.parametrize("query, first", [
    ("$2.3 million", "t-money"),
    ('"$2.3 million"', "t-money"),
    ("135 months", "t-pastor"),
    ("243 defendants", "t-money"),
    ("82-year-old", "t-life"),
    ("neighbor's dog", "t-life"),
    ("Harold Vance", "t-life"),
])
def test_figures_names_and_possessives_match_as_written(run, query, first):
    assert ids(run.json("search", query))[0] == first


def test_filters_combine_with_natural_queries(run):
    assert ids(run.json("search", "sentenced to prison", "--publisher", "Kings")) == ["t-life"]
    assert set(ids(run.json("search", "sentenced", "--since", "2016-01-01", "--until", "2016-12-31"))) == \
        {"t-life", "t-for-life"}
    assert run("search", '"sentenced to life"', "--since", "2017-01-01").exit_code == 1


def test_snippet_is_a_sentence_or_two_and_its_citation_is_its_span(run):
    out = run.json("search", "restitution fisheries fund")
    top = out["results"][0]
    assert top["citation"]["doc_id"] == "t-fish"
    assert len(top["text"]) <= 300 and "restitution of $164,040 to the state fisheries fund" in top["text"]
    doc = run.json("show", "t-fish")
    c = top["citation"]
    assert doc["text"][c["start"]:c["end"]] == top["text"]
    assert [top["text"][h["start"]:h["end"]] for h in top["highlights"]] == ["restitution", "fisheries", "fund"]
    # the scraped page's one paragraph is cut into passages of a few sentences
    assert len(doc["passages"]) > 1 and all(len(p["text"]) <= 1200 for p in doc["passages"])
    assert c["passage_id"] == top["id"] and c["passage_id"] in [p["id"] for p in doc["passages"]]


def test_text_output_marks_cuts_and_missing_words(run):
    lines = run("search", "rockfish quotas xylophone").stdout.splitlines()
    assert lines[3] == ("   … The scheme let fishermen keep catching *rockfish* beyond their *quotas* for three seasons. "
                        "Investigators from the state natural resources police examined thousands of check-in forms. …")
    assert lines[4] == "   missing: xylophone"


def test_boolean_operators_drop_function_words(run):
    assert set(ids(run.json("search", "prison AND the OR fence"))) >= {"t-life"}
    assert run("search", "sentenced AND NOT life").exit_code == 0
    assert "t-life" not in ids(run.json("search", "sentenced AND NOT life"))


def test_facts_and_quotes_read_queries_the_same_way(run):
    assert run("facts", "the restitution to the county").exit_code == 0
    assert run("quotes", "the").exit_code == 2


@pytest.mark.parametrize("query, mode, words, dropped, phrases", [
    ("sentenced to prison", "natural", ["sentenced", "prison"], ["to"], []),
    ('"sentenced to life" Smith', "natural", ["Smith"], [], [(None, "sentenced to life")]),
    ("son charged with murder", "natural", ["son", "charged", "murder"], ["with"], []),
    ("neighbor's dog", "natural", ["neighbor's", "dog"], [], []),
    ("fraud AND the OR bribery", "boolean", ["fraud", "bribery"], ["the"], []),
])
def test_query_reading(query, mode, words, dropped, phrases):
    fields = ["body", "title", "place", "published", "publisher"]
    reading = read_query(query, fields, fields)
    assert (reading.mode, reading.words, reading.dropped, reading.phrases) == (mode, words, dropped, phrases)


def test_boolean_reading_removes_the_operators_function_words_leave_dangling():
    fields = ["body", "title"]
    assert read_query("fraud AND the OR bribery", fields, fields).boolean == "fraud OR bribery"
    assert read_query("NOT the fraud", fields, fields).boolean == "NOT fraud"
    assert read_query("published:[2019 TO 2020] fraud", fields + ["published"], fields).boolean == \
        "published:[2019 TO 2020] fraud"


def test_whoosh_is_imported_without_the_modules_kb_never_reaches_and_they_still_work():
    """kb.whoosh_import keeps urllib.request, asyncio and Whoosh's English word variations out of a
    search's start; what imports them afterwards gets the real modules, and Whoosh's stand-in
    functions load them when called."""
    code = (
        "import sys, kb.index\n"
        "print(sorted(m for m in ('urllib.request', 'asyncio', 'whoosh.lang.morph_en') if m in sys.modules))\n"
        "import whoosh.compat, asyncio, urllib.request\n"
        "print(asyncio.run.__module__, whoosh.compat.urlretrieve('file:///dev/null')[0] == '/dev/null' or 'x')\n"
        "from whoosh.query.terms import variations\n"
        "print('sentences' in variations('sentence'))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.splitlines()
    assert out == ["[]", "asyncio.runners True", "True"]
