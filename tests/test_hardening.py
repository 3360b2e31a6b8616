"""Nothing in a corpus, an index folder, a signal or a neighbour can hang, hijack or break kb.

Each case was reproduced on the code before this hardening (see the closing note of the issue):
a pickle in an index folder ran code, FIFOs and /dev/zero hung a rebuild, link loops blew up
the walk, a killed worker left the rebuild waiting forever, a killed first build broke the
folder, builds were deleted under a long reader, forked workers held the lock after kill -9,
SIGTERM left the build and lock behind, and corpus text wrote to the terminal and spreadsheet.
"""
import csv
import io
import json
import os
import shutil
import signal
import time
from pathlib import Path

import pytest

from conftest import REPO, Runner, kb_process, seed_and_synthetic, synthetic_jsonl, wait_for_build_dir
from kb.pipeline import run_task

ESC = "\x1b]0;owned\x07\x1b[2J\x9b31m"  # set the window title, clear the screen, C1 CSI


@pytest.fixture
def seed(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(REPO / "corpus", corpus)
    run = Runner(corpus, tmp_path / "index")
    assert run("index", "rebuild", "--jobs", "1").exit_code == 0
    return run


def current(index: Path) -> Path:
    return index / json.loads((index / "kb-index.json").read_text())["current"]


# -- 1. an index folder runs no code -------------------------------------------------------------
def test_a_pickle_in_the_table_of_contents_does_not_run(seed, tmp_path):
    from whoosh.fields import Schema
    from whoosh.filedb.filestore import FileStorage
    from whoosh.index import TOC

    marker = tmp_path / "pwned"

    class Payload(Schema):
        def __reduce__(self):
            return os.system, (f"touch {marker}",)

    build = current(seed.index)
    for toc in build.glob("_docs_*.toc"):
        toc.unlink()
    TOC(Payload(), [], 1).write(FileStorage(str(build)), "docs")
    result = seed("search", "encryption")
    assert not marker.exists()
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        f"Error: the index at {seed.index} is damaged or was not built by kb (UnpicklingError); run `kb index rebuild`"]


def test_the_restricted_unpickler_refuses_what_a_kb_index_does_not_hold():
    import pickle

    from kb.safepickle import loads

    assert loads(pickle.dumps({"a": (1, 2.5, b"x", [None])})) == {"a": (1, 2.5, b"x", [None])}
    with pytest.raises(pickle.UnpicklingError, match="posix.system is not part of a kb index"):
        loads(pickle.dumps(os.system))
    with pytest.raises(pickle.UnpicklingError, match="whoosh.compat"):
        loads(b"cwhoosh.compat\nexec_\n(S'1'\ntR.")


@pytest.mark.parametrize("pointer", [
    {"format": "kb-index/3", "current": "build-x"},
    {"format": "kb-index/3", "current": ".."},
    {"format": "kb-index/3", "current": "../elsewhere"},
    {"format": "kb-index/3", "current": ["build-20260101T000000-abcdef"]},
])
def test_a_forged_pointer_is_refused(seed, pointer):
    (seed.index / "build-x").mkdir()
    (seed.index / "build-x" / "manifest.json").write_text("{}")
    (seed.index / "kb-index.json").write_text(json.dumps(pointer))
    result = seed("search", "encryption")
    assert result.exit_code == 2
    assert result.stderr.strip() == f"Error: {seed.index} is damaged or was not built by kb; run `kb index rebuild`"


def test_a_build_with_a_forged_manifest_is_refused(seed):
    build = current(seed.index)
    (build / "manifest.json").write_text("{}")
    result = seed("search", "encryption")
    assert result.exit_code == 2
    assert result.stderr.strip() == f"Error: {seed.index} is not a complete kb index; run `kb index rebuild`"


# -- 2. no hang -------------------------------------------------------------------------------------
def test_fifos_devices_and_link_loops_are_skipped_quickly(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(REPO / "corpus", corpus)
    os.mkfifo(corpus / "pipe.txt")
    os.symlink("/dev/zero", corpus / "zero.txt")
    os.symlink(".", corpus / "loop-a")
    os.symlink(".", corpus / "loop-b")
    os.symlink("/etc/passwd", corpus / "leak.txt")
    run = Runner(corpus, tmp_path / "index")
    started = time.monotonic()
    result = run("index", "rebuild", "--jobs", "1")
    assert result.exit_code == 0, result.stderr
    assert time.monotonic() - started < 30
    assert "Indexed 1 release(s)" in result.stderr
    for reason in ("pipe.txt: not a regular file (a FIFO, device or socket)",
                   "zero.txt: a link to /dev/zero, which is not a press-release file",
                   "leak.txt: a link to /etc/passwd, which is not a press-release file"):
        assert f"  skipped: {reason}" in result.stderr
    for args in (["index", "update"], ["index", "status"]):
        assert run(*args).exit_code == 0
    assert run("search", "root").exit_code == 1


def test_links_inside_the_corpus_are_followed_once_and_deeper_links_out_are_not(tmp_path):
    shelf, secret = tmp_path / "shelf", tmp_path / "secret"
    for folder, name in ((shelf, "far"), (secret, "notes")):
        folder.mkdir()
        (folder / f"{name}.txt").write_text(f"Title: {name}\n\nA release about a faraway zeppelin.\n")
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    (corpus / "sub" / "one.txt").write_text("Title: One\n\nA release about a dirigible.\n")
    os.symlink(corpus / "sub" / "one.txt", corpus / "again.txt")  # the same file twice
    os.symlink(secret / "notes.txt", corpus / "sub" / "notes.txt")  # deeper than the top, leading out
    os.symlink(shelf, corpus / "shelf")  # a folder linked at the top: the owner's choice
    run = Runner(corpus, tmp_path / "index")
    result = run("index", "rebuild", "--jobs", "1")
    assert result.exit_code == 0, result.stderr
    assert "again.txt: the same file as sub/one.txt (read once)" in result.stderr
    assert f"sub/notes.txt: a link to {secret / 'notes.txt'}, outside the corpus" in result.stderr
    ids = {r["id"] for r in run.json("sources")["results"]}
    assert ids == {"sub/one", "shelf/far"}
    strict = Runner(corpus, tmp_path / "strict")
    assert strict("index", "rebuild", "--links", "inside").exit_code == 0
    assert {r["id"] for r in strict.json("sources")["results"]} == {"sub/one"}


def dies_on_a_later_task(task):
    """A worker's task that kills its process, as the out-of-memory killer does (module level: sent by name)."""
    if task[0] == "lines" and task[2][0][0] > 100:
        os.kill(os.getpid(), signal.SIGKILL)
    return run_task(task)


def test_a_killed_worker_fails_the_rebuild_in_one_line_and_frees_the_lock(tmp_path, monkeypatch):
    import kb.pipeline

    corpus = tmp_path / "corpus"
    shutil.copytree(REPO / "corpus", corpus)
    synthetic_jsonl(corpus / "synthetic.jsonl", 300)
    real = kb.pipeline.run_task
    monkeypatch.setattr(kb.pipeline, "run_task", dies_on_a_later_task)
    run = Runner(corpus, tmp_path / "index")
    started = time.monotonic()
    result = run("index", "rebuild", "--jobs", "2")
    assert time.monotonic() - started < 30
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        "Error: a worker process died (killed, perhaps for want of memory); nothing was changed"]
    monkeypatch.setattr(kb.pipeline, "run_task", real)
    assert run("index", "rebuild", "--jobs", "2").exit_code == 0


def test_a_figure_dense_sentence_and_a_huge_claim_stay_fast(seed):
    from kb.figures import figures_in_sentence

    started = time.monotonic()
    found = figures_in_sentence("Officers seized and 12 percent " * 2000)
    assert len(found) == 2000 and time.monotonic() - started < 2
    started = time.monotonic()
    result = seed("verify", "twelve percent of officers " * 4000)
    assert time.monotonic() - started < 5
    assert result.exit_code == 2
    assert result.stderr.strip() == ("Error: the claim is 108,000 characters long; kb checks a quotation or a "
                                     "sentence of at most 3,000 (check a whole text with --draft)")


# -- 3. crash-safe at every point -------------------------------------------------------------------
@pytest.fixture
def bigger(tmp_path):
    """A corpus big enough for a rebuild to be caught in the middle, not yet indexed."""
    return Runner(seed_and_synthetic(tmp_path, 800), tmp_path / "index")


@pytest.fixture(scope="module")
def bigger_built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bigger")
    corpus = seed_and_synthetic(folder, 800)
    assert Runner(corpus, folder / "index")("index", "rebuild", "--jobs", "1").exit_code == 0
    return folder


@pytest.fixture
def bigger_indexed(bigger_built, tmp_path):
    """The bigger corpus with its index built (a copy of one built once for this module)."""
    shutil.copytree(bigger_built / "corpus", tmp_path / "corpus")
    shutil.copytree(bigger_built / "index", tmp_path / "index")
    return Runner(tmp_path / "corpus", tmp_path / "index")


def a_rebuild_can_start(run) -> bool:
    """A new rebuild takes the lock and starts writing (stopped there: finishing it proves nothing more)."""
    process = kb_process(run.corpus, run.index, "index", "rebuild", "--jobs", "1")
    try:
        wait_for_build_dir(run.index, process)
        return True
    finally:
        process.kill()
        process.wait()


def test_a_killed_first_build_is_repaired_by_the_next_command(bigger):
    process = kb_process(bigger.corpus, bigger.index, "index", "rebuild", "--jobs", "1")
    wait_for_build_dir(bigger.index, process)
    process.kill()
    process.wait()
    assert not (bigger.index / "kb-index.json").exists() and list(bigger.index.glob("build-*"))
    result = bigger("search", "encryption")
    assert result.exit_code == 0 and "building it from" in result.stderr
    assert len(list(bigger.index.glob("build-*"))) == 1


def test_concurrent_first_searches_wait_for_one_build(bigger):
    searches = [kb_process(bigger.corpus, bigger.index, "search", "encryption") for _ in range(2)]
    outcomes = [(s.wait(timeout=300), s.communicate()) for s in searches]
    assert [code for code, _ in outcomes] == [0, 0], outcomes
    assert sum("Indexed 801 release(s)" in err for _, (_, err) in outcomes) == 1
    assert len(list(bigger.index.glob("build-*"))) == 1


def test_a_long_reader_keeps_its_build_through_two_updates(bigger_indexed):
    from kb.index import open_index
    from kb.search import search

    reader = open_index(bigger_indexed.index)
    first = search(reader, "encryption")["total"]
    for n, topic in enumerate(["a zeppelin over the bay", "a dirigible above the harbour"]):
        (bigger_indexed.corpus / f"new-{n}.txt").write_text(f"Title: New {n}\n\nA release about encryption of {topic}.\n")
        assert bigger_indexed("index", "update").exit_code == 0
    assert search(reader, "encryption")["total"] == first
    assert search(reader, "surveyed police officers")["total"] >= 1  # reads further into its build
    reader.close()
    assert bigger_indexed.json("search", "encryption")["total"] == first + 2
    assert bigger_indexed("index", "update").exit_code == 0  # the reader let go: its build may now go
    assert len(list(bigger_indexed.index.glob("build-*"))) <= 2


# -- 4. the lock dies with its process; signals clean up --------------------------------------------
def test_kill_9_of_a_rebuild_frees_the_lock_at_once(bigger_indexed):
    process = kb_process(bigger_indexed.corpus, bigger_indexed.index, "index", "rebuild", "--jobs", "2")
    wait_for_build_dir(bigger_indexed.index, process)
    process.kill()
    process.wait()
    assert a_rebuild_can_start(bigger_indexed)  # the workers neither live on nor keep the lock
    deadline = time.time() + 10
    while processes_using(bigger_indexed.index) and time.time() < deadline:
        time.sleep(0.1)
    assert processes_using(bigger_indexed.index) == []


def processes_using(index: Path) -> list:
    """Pids of the processes (workers included) started for this index."""
    marker = f"KB_INDEX={index}".encode()
    pids = []
    for environ in Path("/proc").glob("[0-9]*/environ"):
        try:
            if marker in environ.read_bytes().split(b"\0"):
                pids.append(int(environ.parent.name))
        except OSError:
            pass
    return pids


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_signals_stop_a_rebuild_cleanly(bigger_indexed, sig):
    before = current(bigger_indexed.index).name
    process = kb_process(bigger_indexed.corpus, bigger_indexed.index, "index", "rebuild", "--jobs", "2")
    wait_for_build_dir(bigger_indexed.index, process)
    process.send_signal(sig)
    _, err = process.communicate(timeout=60)
    assert process.returncode != 0, err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    assert [p.name for p in bigger_indexed.index.glob("build-*")] == [before]
    assert bigger_indexed.json("search", "encryption")["total"] > 0
    assert a_rebuild_can_start(bigger_indexed)


# -- 5. output that cannot be turned against the reader ---------------------------------------------
@pytest.fixture
def hostile(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    record = {"id": "esc-1", "title": f"Title {ESC} <script>alert(1)</script>", "date": "2020-01-02",
              "publisher": f"Office {ESC}", "url": f"https://example.org/{ESC}", "place": f"Place {ESC}",
              "body": f"SPRINGFIELD The court fined the firm $2.3 million{ESC}, prosecutors said.\n\n"
                      f"“We will not stop{ESC} until every victim is repaid,” said Dana {ESC}Whitfield, the prosecutor."}
    formula = {"id": "formula-1", "title": "=HYPERLINK(\"http://evil.example\",\"click\")", "date": "2020-01-03",
               "publisher": "+Office", "body": "A release about a paving contract and its $1,200 fine."}
    (corpus / "releases.jsonl").write_text(json.dumps(record) + "\n" + json.dumps(formula) + "\n", encoding="utf-8")
    (corpus / f"odd{ESC}name.txt").write_text("Title: Odd\n\nA release whose file name holds escapes.\n")
    run = Runner(corpus, tmp_path / "index")
    assert run("index", "rebuild", "--jobs", "1").exit_code == 0
    return run


@pytest.mark.parametrize("args", [
    ["search", "fined"], ["search", "fined", "--format", "md"], ["search", "fined", "--format", "csv"],
    ["show", "esc-1"], ["sources"], ["sources", "--format", "md"], ["facts"], ["quotes"], ["speakers"],
    ["quotes", "--format", "csv"], ["facts", "--format", "md"],
])
def test_no_control_character_reaches_the_reader(hostile, args):
    result = hostile(*args)
    assert result.exit_code == 0, result.stderr
    assert not any(ch in result.stdout for ch in "\x1b\x07\x9b\x00\r"), repr(result.stdout)


def test_json_keeps_the_text_exact_but_escaped(hostile):
    result = hostile("show", "esc-1", "--format", "json")
    assert "\x1b" not in result.stdout and "\x9b" not in result.stdout and "\\u009b" in result.stdout
    assert json.loads(result.stdout)["title"] == f"Title {ESC} <script>alert(1)</script>"


def test_csv_cells_never_start_a_formula(hostile):
    rows = list(csv.DictReader(io.StringIO(hostile("sources", "--format", "csv").stdout)))
    formula = next(r for r in rows if r["id"] == "formula-1")
    assert formula["title"] == "'=HYPERLINK(\"http://evil.example\",\"click\")"
    assert formula["publisher"] == "'+Office"


def test_markdown_escapes_html_and_links(hostile):
    out = hostile("sources", "--format", "md").stdout
    assert "<script>" not in out and "&lt;script&gt;alert\\(1\\)&lt;/script&gt;" in out
    out = hostile("search", "paving", "--format", "md").stdout
    assert "=HYPERLINK\\(\"http://evil.example\",\"click\"\\)" in out


def test_a_file_name_with_escapes_or_a_hash_cannot_be_an_id(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "weird#p1.txt").write_text("Title: Weird\n\nA release with a hash in its file name.\n")
    (corpus / "new\nline.txt").write_text("Title: Line\n\nA release with a line break in its file name.\n")
    (corpus / "fine.txt").write_text("Title: Fine\n\nA release about encryption.\n")
    run = Runner(corpus, tmp_path / "index")
    result = run("index", "rebuild", "--jobs", "1")
    assert result.exit_code == 0
    assert "Indexed 1 release(s)" in result.stderr
    assert result.stderr.count("a file name with '#' or a control character cannot be a document id") == 2


# -- 6. the smaller ones ----------------------------------------------------------------------------
def test_a_short_english_text_gets_its_figures(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "short.txt").write_text("Title: Fine\n\nFined $5,000.\n")
    run = Runner(corpus, tmp_path / "index")
    assert run("index", "rebuild", "--jobs", "1").exit_code == 0
    assert run.json("show", "short")["language"] == "und"
    assert [f["value"] for f in run.json("facts")["results"]] == [5000]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32", "utf-16-le"])
def test_utf16_and_utf32_files_are_read(tmp_path, encoding):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "wide.txt").write_bytes("Title: Wide\n\nA release about a zeppelin — café.\n".encode(encoding))
    run = Runner(corpus, tmp_path / "index")
    assert run("index", "rebuild", "--jobs", "1").exit_code == 0
    assert run.json("show", "wide")["text"] == "A release about a zeppelin — café.\n"


@pytest.mark.parametrize("data, message", [
    (b"\x00\x01\x02\x03" * 100, "binary file (NUL bytes)"),
    ("Der Zeuge sagte: «Ich war nicht dort.» 56 Prozent".encode("latin-1"), None),
])
def test_a_draft_that_is_not_utf8_gets_one_line_or_is_read(seed, tmp_path, data, message):
    draft = tmp_path / "draft.txt"
    draft.write_bytes(data)
    result = seed("verify", "--draft", str(draft))
    if message:
        assert result.exit_code == 2 and result.stderr.strip() == f"Error: draft {str(draft)!r}: {message}"
    else:
        assert result.exit_code in (0, 1) and "Traceback" not in result.stderr


def test_an_index_that_is_a_file_and_usage_errors_are_one_line(seed, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    for args, message in [
        (["--index", str(blocker), "search", "x"], f"Error: {blocker} is a file, not an index folder"),
        (["search"], "Error: Missing argument 'QUERY'."),
        (["search", "x", "--bogus"], "Error: No such option '--bogus'."),
    ]:
        from click.testing import CliRunner

        from kb.cli import cli

        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 2
        assert result.stderr.strip().splitlines() == [message], result.stderr

