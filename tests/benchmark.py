"""Benchmark kb against baselines on the shared corpora (not part of the test run).

    python tests/benchmark.py [--shared ../shared] [--sizes 1000,5000,all] [--runs 10] [--jobs 2]
    python tests/benchmark.py --serve --corpus CORPUS --index INDEX [--clients 20] [--seconds 30]
    python tests/benchmark.py --cold --index INDEX [--runs 7] [--baseline-kb CMD --baseline-index DIR [--baseline-cwd DIR]]

For each corpus size it prints, in one table:
- kb: whole `kb index rebuild` time, releases and passages per second, index size, peak RSS of
  the main process and of the largest worker;
- bare Whoosh: the same passages added to a plain Whoosh schema with no extraction;
- SQLite FTS5 (porter tokenizer): the same passages inserted and searched;
- whole-process medians of `kb search` and `kb verify` over 20 fixed queries and claims, next to
  a whole-process FTS5 query, `rg -c -i` (or `grep -c -i` without ripgrep) over the raw text, and
  `python -c "import whoosh.index, whoosh.qparser"`;
- known-item search: queries made of three rare words of one release drawn from different
  paragraphs; the share found first by kb and by an FTS5 table of whole releases.
With --serve it measures `kb serve` instead, with a client of stdlib threads:
- the search page of a warm server over INDEX: median and 95th percentile over the 20 QUERIES
  (5 rounds), and the same page in-process with the index opened for each request, as `app.run`
  does, against kb serve's open indexes lent to requests;
- CLIENTS clients for SECONDS, each asking for a search page (4 in 5) or a draft check (1 in 5):
  requests, errors, median and p95 of each kind;
- the same load on a small index of its own (the seed and 1,000 releases of ../shared, in a temp
  folder) while `kb index update` and `kb index rebuild` run again and again, adding a release each
  time: errors, and whether the server answers from the newest build at the end.
With --cold it measures a cold `kb search` on an index already built (the whole shared corpus, as
users run it): for each of the 20 QUERIES, the median whole-process time of `kb search`, run in
turn with, as baselines, another kb (an earlier version, by its command and index), a whole-process
SQLite FTS5 query over the same releases (built from INDEX in a temp folder) and `rg -c -i` over
their raw text; then the median over the queries and the ratios.
The county corpus is read from ../shared only; nothing of it is written outside a temp folder.
"""
import argparse
import json
import os
import random
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

QUERIES = ["encryption", "child exploitation", "tax evasion", "wire fraud conspiracy", "civil rights",
           "\"Project Safe Childhood\"", "human trafficking", "money laundering", "health care fraud", "hate crime",
           "environmental crimes", "sentenced prison", "opioid", "bribery", "gang violence", "immigration fraud",
           "securities fraud", "domestic violence", "cybercrime ransomware", "firearms"]
CLAIMS = [("almost half of police officers say encryption hinders their investigations", None),
          ("in order to view material it must be decrypted", "Anna Borgström"),
          ("56 percent of police officers say live-streamed abuse is increasing", None)] * 7


def median_seconds(cmd, runs, env):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, env=env, capture_output=True)  # GNU grep stops at the first match when writing to /dev/null
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def make_corpus(shared: Path, size, folder: Path) -> int:
    """The seed plus `size` releases (both corpora interleaved), or everything with the HTML pages."""
    repo = Path(__file__).resolve().parent.parent
    shutil.copytree(repo / "corpus", folder)
    sources = [shared / "corpus/doj-opa-2009-2018/releases.jsonl", shared / "corpus/us-county-prosecutor-releases/releases.jsonl"]
    if size == "all":
        for src in sources:
            (folder / src.parent.name).mkdir()
            os.symlink(src, folder / src.parent.name / "releases.jsonl")
        os.symlink(shared / "corpus/doj-opa-2009-2018/html", folder / "doj-html")
        return sum(1 for src in sources for _ in open(src, "rb")) + 600 + 1
    handles = [open(src, "rb") for src in sources]
    with open(folder / "subset.jsonl", "wb") as out:
        for i in range(int(size)):
            out.write(handles[i % 2].readline())
    for h in handles:
        h.close()
    return int(size) + 1


def rebuild(corpus: Path, index: Path, jobs: int):
    env = dict(os.environ, KB_CORPUS=str(corpus), KB_INDEX=str(index))
    start = time.perf_counter()
    proc = subprocess.run(["/usr/bin/time", "-v", sys.executable, "-m", "kb", "index", "rebuild", "--jobs", str(jobs)],
                          env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr)
    counts = re.search(r"Indexed (\d+) release\(s\), (\d+) passages", proc.stderr)
    if proc.returncode or not counts:
        raise SystemExit(f"rebuild failed: {proc.stderr[-500:]}")
    return seconds, int(rss.group(1)) // 1024 if rss else None, int(counts.group(1)), int(counts.group(2))


def passages_of_index(index: Path):
    """(passage id, doc id, text) of every passage kb indexed, and each release's title and body."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from kb.index import open_index

    with open_index(index) as kb:
        passages = [(f["passage_id"], f["doc_id"], f["text"]) for _, f in kb.searcher("passages").reader().iter_docs()]
        docs = {d["doc_id"]: (d.get("title") or "", d["data"]["text"]) for d in kb.documents()}
    return passages, docs


def bare_whoosh(passages, folder: Path) -> float:
    from whoosh import index
    from whoosh.analysis import StemmingAnalyzer
    from whoosh.fields import ID, TEXT, Schema

    schema = Schema(passage_id=ID(stored=True, unique=True), doc_id=ID(stored=True),
                    text=TEXT(analyzer=StemmingAnalyzer(), stored=True))
    folder.mkdir()
    start = time.perf_counter()
    ix = index.create_in(str(folder), schema)
    with ix.writer(limitmb=512) as writer:
        for pid, did, text in passages:
            writer.add_document(passage_id=pid, doc_id=did, text=text)
    return time.perf_counter() - start


def fts5(passages, docs, path: Path):
    db = sqlite3.connect(path)
    start = time.perf_counter()
    db.execute("CREATE VIRTUAL TABLE passages USING fts5(passage_id UNINDEXED, doc_id UNINDEXED, text, tokenize='porter')")
    db.executemany("INSERT INTO passages VALUES (?, ?, ?)", passages)
    db.execute("CREATE VIRTUAL TABLE releases USING fts5(doc_id UNINDEXED, title, body, tokenize='porter')")
    db.executemany("INSERT INTO releases VALUES (?, ?, ?)", [(d, t, b) for d, (t, b) in docs.items()])
    db.commit()
    seconds = time.perf_counter() - start
    db.close()
    return seconds


def same_release(docs, found: str, wanted: str) -> bool:
    """The wanted release, or a copy of it (the corpora hold identical releases, and each HTML page
    is also a JSONL record): nine tenths of their words in common."""
    if found == wanted:
        return True
    a, b = (set(re.findall(r"\w+", docs[d][1].lower())) for d in (found, wanted))
    return bool(a and b) and len(a & b) / len(a | b) >= 0.9


def known_items(index: Path, db_path: Path, docs, n=60, seed=20261126):
    """Share of known-item queries (3 rare words from different paragraphs) whose release comes first."""
    from kb.index import open_index
    from kb.search import search

    rnd = random.Random(seed)
    kb = open_index(index)
    db = sqlite3.connect(db_path)
    freq = {}
    for _, body in docs.values():
        for w in set(re.findall(r"[a-z]{5,}", body.lower())):
            freq[w] = freq.get(w, 0) + 1
    ids = sorted(docs)
    kb_first = fts_first = tried = 0
    while tried < n:
        doc_id = rnd.choice(ids)
        paragraphs = [p for p in docs[doc_id][1].split("\n\n") if len(p) > 80]
        if len(paragraphs) < 3:
            continue
        chosen = rnd.sample(paragraphs, 3)
        query = []
        for p in chosen:
            rare = sorted(set(re.findall(r"[a-z]{5,}", p.lower())), key=lambda w: (freq.get(w, 0), w))
            if rare:
                query.append(rare[min(1, len(rare) - 1)])
        if len(query) < 3:
            continue
        tried += 1
        text = " ".join(query)
        hits = search(kb, text, limit=1)["results"]
        kb_first += bool(hits) and same_release(docs, hits[0]["citation"]["doc_id"], doc_id)
        row = db.execute("SELECT doc_id FROM releases WHERE releases MATCH ? ORDER BY rank LIMIT 1", (text,)).fetchone()
        fts_first += bool(row) and same_release(docs, row[0], doc_id)
    kb.close()
    return kb_first / n, fts_first / n


def raw_text_file(docs, folder: Path) -> Path:
    """Every release's title and text in one file, for rg or grep."""
    folder.mkdir()
    path = folder / "all.txt"
    with open(path, "w", encoding="utf-8") as fh:
        for title, body in docs.values():
            fh.write(title + "\n" + body + "\n")
    return path


SERVE_DRAFT = ("Almost half of police officers say encryption hinders their investigations.\n\n"
               "56 percent of police officers say live-streamed abuse is increasing.\n")


def percentile(values, share: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, int(share * len(ordered) + 0.999999) - 1))]


def start_server(corpus: Path, index: Path):
    """`kb serve --port 0` over corpus and index, its request log thrown away; (process, address)."""
    proc = subprocess.Popen([sys.executable, "-m", "kb", "--corpus", str(corpus), "--index", str(index), "serve",
                             "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    found = re.match(r"kb serve: (http://\S+/)", proc.stdout.readline())
    if not found:
        proc.kill()
        raise SystemExit("kb serve did not start")
    return proc, found.group(1)


def fetch(url: str, data: bytes = None):
    """(HTTP status or the error's name, seconds) of one request, its whole answer read."""
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(url, data=data, timeout=120) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as exc:
        exc.read()
        status = exc.code
    except OSError as exc:
        status = type(exc).__name__
    return status, time.perf_counter() - start


def search_page(base: str, query: str) -> str:
    return base + "?" + urlencode({"q": query})


def page_times(get, rounds: int):
    """Seconds of each search page over the QUERIES, after one round to warm up; get(query) → seconds."""
    for query in QUERIES:
        get(query)
    return [get(query) for _ in range(rounds) for query in QUERIES]


def served_pages(base: str, rounds: int):
    def get(query):
        status, seconds = fetch(search_page(base, query))
        if status != 200:
            raise SystemExit(f"search page for {query!r}: {status}")
        return seconds
    return page_times(get, rounds)


def in_process_pages(corpus: Path, index: Path, rounds: int):
    """Search page times through Flask's test client: kb serve's lent open indexes, and an index opened for each
    request (what calling app.run for each request would cost)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from kb.app import Settings
    from kb.web import create_app
    from kb.web.answers import Answers

    settings = Settings(corpus, index)
    out = {}
    for label, answers in (("lent open indexes", Answers(settings)), ("index opened per request", Answers(settings, uses=1))):
        client = create_app(settings, answers=answers).test_client()

        def get(query):
            start = time.perf_counter()
            assert client.get(search_page("/", query)).status_code == 200
            return time.perf_counter() - start
        out[label] = page_times(get, rounds)
    return out


def load(base: str, clients: int, seconds: float):
    """[(kind, status, seconds)] of `clients` threads asking for search pages and draft checks for `seconds`."""
    results, deadline = [], time.monotonic() + seconds
    draft = urlencode({"text": SERVE_DRAFT}).encode()

    def client(number):
        rnd = random.Random(number)
        while time.monotonic() < deadline:
            if rnd.random() < 0.2:
                results.append(("draft check", *fetch(base + "check", data=draft)))
            else:
                results.append(("search page", *fetch(search_page(base, rnd.choice(QUERIES)))))

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def report_load(label: str, results, clients: int, seconds: float):
    errors = [r for r in results if r[1] != 200]
    print(f"{label}: {clients} clients, {seconds:.0f} s: {len(results)} requests, {len(errors)} errors"
          + (f" ({', '.join(sorted({str(status) for _, status, _ in errors}))})" if errors else ""))
    for kind in ("search page", "draft check"):
        times = [t for k, _, t in results if k == kind]
        if times:
            print(f"  {kind:12} {len(times):5}  median {statistics.median(times) * 1000:6.0f} ms"
                  f"  p95 {percentile(times, 0.95) * 1000:6.0f} ms  max {max(times) * 1000:6.0f} ms")
    return not errors


def word_for(number: int) -> str:
    """A made-up word for the number, letters only (the tokenizer splits digits from letters)."""
    return "zqx" + "".join("abcdefghij"[int(d)] for d in str(number))


def load_during_updates(shared: Path, clients: int, seconds: float, jobs: int) -> bool:
    """The load on a small index of its own while updates and rebuilds add a release each time."""
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        corpus, index = tmp / "corpus", tmp / "index"
        make_corpus(shared, 1000, corpus)
        rebuild(corpus, index, jobs)
        proc, base = start_server(corpus, index)
        env = dict(os.environ, KB_CORPUS=str(corpus), KB_INDEX=str(index))
        stop, done, added = threading.Event(), [], [0]

        def change_the_index():
            while not stop.is_set():
                added[0] += 1
                record = {"id": f"bench-added-{added[0]}", "title": f"Added release {word_for(added[0])}",
                          "date": "2024-01-01", "publisher": "Benchmark",
                          "body": f"The word {word_for(added[0])} stands in this release only."}
                with open(corpus / "added.jsonl", "a", encoding="utf-8") as fh:
                    fh.write(json.dumps(record) + "\n")
                step = "rebuild" if added[0] % 3 == 0 else "update"
                run = subprocess.run([sys.executable, "-m", "kb", "index", step, "--jobs", "1", "--wait"], env=env,
                                     capture_output=True, text=True)
                done.append((step, run.returncode))

        changer = threading.Thread(target=change_the_index)
        changer.start()
        try:
            ok = report_load("while the index is updated", load(base, clients, seconds), clients, seconds)
        finally:
            stop.set()
            changer.join()
        newest = [r["citation"]["doc_id"] for r in json.loads(urllib.request.urlopen(
            base + "api/search?" + urlencode({"q": word_for(added[0])}), timeout=60).read())["results"]]
        proc.send_signal(2)
        proc.wait(timeout=30)
        steps = ", ".join(f"{sum(1 for s, _ in done if s == step)} {step}s" for step in ("update", "rebuild"))
        failed = sum(1 for _, code in done if code)
        moved = newest == [f"bench-added-{added[0]}"]
        print(f"  index changes during the load: {steps} ({failed} failed); newest release found after the last: {moved}")
        return ok and moved and not failed


def serve_benchmark(args) -> None:
    proc, base = start_server(args.corpus, args.index)
    try:
        times = served_pages(base, args.rounds)
        print(f"kb serve search page, warm, {len(QUERIES)} queries x {args.rounds}: median "
              f"{statistics.median(times) * 1000:.0f} ms, p95 {percentile(times, 0.95) * 1000:.0f} ms, "
              f"max {max(times) * 1000:.0f} ms")
        ok = report_load("mixed load", load(base, args.clients, args.seconds), args.clients, args.seconds)
    finally:
        proc.send_signal(2)
        proc.wait(timeout=30)
    for label, times in in_process_pages(args.corpus, args.index, args.rounds).items():
        print(f"search page in-process, {label}: median {statistics.median(times) * 1000:.0f} ms, "
              f"p95 {percentile(times, 0.95) * 1000:.0f} ms")
    ok = load_during_updates(args.shared, args.clients, args.seconds, args.jobs) and ok
    print("no errors" if ok else "ERRORS (see above)")


FTS_RELEASES = ("import sqlite3,sys; db=sqlite3.connect(sys.argv[1]); db.execute(\"SELECT doc_id, snippet(releases, 2, '*', '*', "
                "'…', 20) FROM releases WHERE releases MATCH ? ORDER BY rank LIMIT 10\", (sys.argv[2],)).fetchall()")


def process_seconds(cmd, env=None, cwd=None) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, env=env, cwd=cwd, capture_output=True)  # not /dev/null: GNU grep would stop at the first match
    return time.perf_counter() - start


def cold_benchmark(args) -> None:
    """Cold whole-process searches on an existing index, each run alternating with the baselines'."""
    grep = ["rg", "-c", "-i"] if shutil.which("rg") else ["grep", "-c", "-i"]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        passages, docs = passages_of_index(args.index)
        fts5(passages, docs, tmp / "fts.db")
        raw = raw_text_file(docs, tmp / "raw")
        commands = {"kb": ([sys.executable, "-m", "kb", "search"], dict(os.environ, KB_INDEX=str(args.index)), None)}
        if args.baseline_kb:
            commands["baseline kb"] = (args.baseline_kb.split() + ["search"],
                                       dict(os.environ, KB_INDEX=str(args.baseline_index)), args.baseline_cwd)
        medians = {name: [] for name in list(commands) + ["FTS5", grep[0]]}
        print(f"{len(docs)} releases; medians of {args.runs} whole-process runs, in ms")
        print(f"{'query':28} " + " ".join(f"{name:>12}" for name in medians))
        for query in QUERIES:
            times = {name: [] for name in medians}
            for _ in range(args.runs):  # in turn, so that a busy moment of the machine costs each the same
                for name, (cmd, env, cwd) in commands.items():
                    times[name].append(process_seconds(cmd + [query], env, cwd))
                times["FTS5"].append(process_seconds([sys.executable, "-c", FTS_RELEASES, str(tmp / "fts.db"), query]))
                times[grep[0]].append(process_seconds(grep + [query.strip('"').split()[0], str(raw)]))
            for name in medians:
                medians[name].append(statistics.median(times[name]))
            print(f"{query[:28]:28} " + " ".join(f"{medians[name][-1] * 1000:12.0f}" for name in medians))
        overall = {name: statistics.median(values) for name, values in medians.items()}
        print(f"{'median of the queries':28} " + " ".join(f"{overall[name] * 1000:12.0f}" for name in medians))
        print("ratios: " + ", ".join(f"kb/{name} {overall['kb'] / overall[name]:.2f}" for name in medians if name != "kb"))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parent.parent.parent / "shared")
    parser.add_argument("--sizes", default="1000,5000,all")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--serve", action="store_true", help="measure kb serve instead (needs --corpus and --index)")
    parser.add_argument("--corpus", type=Path, default=Path(os.environ.get("KB_CORPUS", "corpus")))
    parser.add_argument("--index", type=Path, default=Path(os.environ.get("KB_INDEX", "index")))
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--cold", action="store_true", help="cold kb search on INDEX against baselines")
    parser.add_argument("--baseline-kb", help="command of another kb to run as a baseline, e.g. 'OLDVENV/bin/python -m kb'")
    parser.add_argument("--baseline-index", type=Path, help="the index of the baseline kb")
    parser.add_argument("--baseline-cwd", type=Path, help="the folder to run the baseline kb in")
    args = parser.parse_args()
    if args.cold:
        return cold_benchmark(args)
    if args.serve:
        return serve_benchmark(args)
    grep = ["rg", "-c", "-i"] if shutil.which("rg") else ["grep", "-c", "-i"]
    env = dict(os.environ)
    import_time = median_seconds([sys.executable, "-c", "import whoosh.index, whoosh.qparser"], args.runs, env)
    help_time = median_seconds([sys.executable, "-m", "kb", "--help"], args.runs, env)
    print(f"whoosh import {import_time * 1000:.0f} ms; kb --help {help_time * 1000:.0f} ms; text search with {grep[0]}")
    for size in args.sizes.split(","):
        with tempfile.TemporaryDirectory() as tmp:
            tmp = Path(tmp)
            releases = make_corpus(args.shared, size, tmp / "corpus")
            seconds, rss, docs_n, passages_n = rebuild(tmp / "corpus", tmp / "index", args.jobs)
            build = next((tmp / "index").glob("build-*"))
            size_mb = sum(f.stat().st_size for f in build.iterdir()) / 2 ** 20
            passages, docs = passages_of_index(tmp / "index")
            whoosh_s = bare_whoosh(passages, tmp / "bare")
            fts_s = fts5(passages, docs, tmp / "fts.db")
            ki_kb, ki_fts = known_items(tmp / "index", tmp / "fts.db", docs)
            raw = raw_text_file(docs, tmp / "raw")
            env = dict(os.environ, KB_CORPUS=str(tmp / "corpus"), KB_INDEX=str(tmp / "index"))
            kb_search = statistics.median(median_seconds([sys.executable, "-m", "kb", "search", q], args.runs, env)
                                          for q in QUERIES)
            kb_verify = statistics.median(median_seconds([sys.executable, "-m", "kb", "verify", c] + (["--speaker", s] if s else []),
                                                         max(1, args.runs // 2), env) for c, s in CLAIMS[:10])
            fts_cmd = ("import sqlite3,sys; db=sqlite3.connect(sys.argv[1]); db.execute(\"SELECT doc_id, snippet(passages, 2, '*', '*', '…', 20) "
                       "FROM passages WHERE passages MATCH ? ORDER BY rank LIMIT 10\", (sys.argv[2],)).fetchall()")
            fts_q = statistics.median(median_seconds([sys.executable, "-c", fts_cmd, str(tmp / "fts.db"), q.strip('"')], args.runs, env)
                                      for q in QUERIES)
            rg_q = statistics.median(median_seconds(grep + [q.strip('"').split()[0], str(raw)], args.runs, env) for q in QUERIES)
            print(f"\n== {size} ({releases} releases in the corpus, {docs_n} indexed, {passages_n} passages)")
            print(f"kb rebuild            {seconds:8.1f} s  {docs_n / seconds:7.0f} releases/s  {passages_n / seconds:7.0f} passages/s"
                  f"  index {size_mb:.0f} MB  peak RSS main {rss} MB")
            print(f"bare Whoosh (1 proc)  {whoosh_s:8.1f} s   kb/bare = {seconds / whoosh_s:.2f}")
            print(f"SQLite FTS5 insert    {fts_s:8.1f} s   kb/FTS5 = {seconds / fts_s:.1f}")
            print(f"kb search (median)    {kb_search * 1000:8.0f} ms  kb/FTS5 {kb_search / fts_q:.2f}  kb/{grep[0]} {kb_search / rg_q:.2f}"
                  f"  kb/import {kb_search / import_time:.2f}")
            print(f"FTS5 query process    {fts_q * 1000:8.0f} ms;  {grep[0]} -c -i {rg_q * 1000:.0f} ms")
            print(f"kb verify (median)    {kb_verify * 1000:8.0f} ms")
            print(f"known-item first      kb {ki_kb:.2f}  FTS5 whole releases {ki_fts:.2f}  (60 queries)")


if __name__ == "__main__":
    main()
