"""The reliability probe behind docs/reliability.md: every class of fault and hostile input, through the CLI.

    .venv/bin/python -m tests.reliability.probe --rounds 5 --out docs/reliability-results.md

`--rounds` scales the repeated classes (concurrency, kills, random bytes); the soak test runs it with more.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import random
import shutil
import signal
import sqlite3
import tempfile
import time
import zipfile
from pathlib import Path

from tests.reliability.harness import Tally, corpus_state, finish, markdown, run, run_inline, start, write_jsonl

SENTENCES = [
    "About {n},000 people live under siege in district {d}, the UN said on Monday.",
    "Aid convoys with {n} trucks reached district {d} after a 48-hour pause in the fighting.",
    "The council approved a budget of {n}.5 million euros for district {d} on Tuesday.",
]


def records(count: int, prefix: str, seed: int = 0) -> list[dict]:
    rng = random.Random(seed)
    return [
        {
            "id": f"{prefix}-{i}",
            "text": " ".join(s.format(n=rng.randint(2, 999), d=f"{prefix}{i}") for s in rng.sample(SENTENCES, 2)),
        }
        for i in range(count)
    ]


def fresh_corpus(folder: Path, name: str, count: int) -> Path:
    index_dir = folder / f"indexes-{name}-{time.monotonic_ns()}"
    data = write_jsonl(folder / f"{name}-base.jsonl", records(count, "base"))
    result = run_inline(["index", "add", name, str(data)], index_dir)
    assert result.code == 0, result.stderr
    return index_dir


# ---- concurrency -----------------------------------------------------------------------------------------------------


def concurrent_rebuild_and_add(folder: Path, rounds: int) -> Tally:
    tally = Tally("rebuild while an add runs (defect 1)", "`index rebuild base &` then `index add base more.jsonl`")
    more = write_jsonl(folder / "more.jsonl", records(50, "more"))
    for round_number in range(rounds):
        index_dir = fresh_corpus(folder, "base", 300)
        rebuild = start(["index", "rebuild", "base"], index_dir)
        time.sleep(random.Random(round_number).uniform(0, 1.5))
        add = start(["index", "add", "base", str(more)], index_dir)
        results = [finish(rebuild), finish(add)]
        state = corpus_state(index_dir, "base")
        ok = bool(state and state["documents"] == 350 and state["consistent"] and not state["duplicates"])
        for result in results:
            tally.add(result, state_ok=ok, clear=result.code == 0, note=f"round {round_number}")
    return tally


def concurrent_same_adds(folder: Path, rounds: int) -> Tally:
    tally = Tally("two adds of the same files at once (defect 2)", "two `index add base same.jsonl` at once")
    same = write_jsonl(folder / "same.jsonl", records(100, "same", seed=1))
    versions = [write_jsonl(folder / f"v{v}.jsonl", records(20, "same", seed=v + 2)) for v in (1, 2)]
    for round_number in range(rounds):
        index_dir = fresh_corpus(folder, "base", 50)
        single = corpus_state(index_dir, "base")
        results = [finish(p) for p in [start(["index", "add", "base", str(same)], index_dir) for _ in range(2)]]
        state = corpus_state(index_dir, "base")
        ok = bool(state and state["documents"] == 150 and not state["duplicates"] and state["consistent"])
        for result in results:
            tally.add(result, state_ok=ok, clear=result.code == 0, note=f"same files, round {round_number}")
        # the same ids with different texts: one version of each document survives, with only its passages
        results = [finish(p) for p in [start(["index", "add", "base", str(v)], index_dir) for v in versions]]
        state = corpus_state(index_dir, "base")
        ok = bool(state and state["documents"] == 150 and state["consistent"] and not state["duplicates"])
        for result in results:
            tally.add(result, state_ok=ok, clear=result.code == 0, note=f"two versions, round {round_number}")
        del single
    return tally


_WRITER_LOOP = """
import json, sys
from factcheck.documents import Document
from factcheck.embed import HashEmbedder
from factcheck.store import IndexStore
index_dir, rounds = sys.argv[1], int(sys.argv[2])
embedder = HashEmbedder()
corpus = IndexStore(index_dir).open("base", embedder)
for i in range(rounds):
    corpus.add_documents([Document.from_text(f"Batch {i}: {n} trucks reached district {i}.", doc_id=f"w{i}-{n}")
                          for n in range(20)], embedder)
    corpus.remove_documents([f"w{i}-{n}" for n in range(10)])
"""


def readers_during_commits(folder: Path, rounds: int) -> Tally:
    """Opens, searches and listings in this process while another process commits as fast as it can."""
    import subprocess
    import sys

    from factcheck.errors import FactcheckError
    from factcheck.store import IndexStore

    tally = Tally(
        "open, search and list while a writer commits (defect 3)",
        "a process adding and removing documents in a loop beside `search` and `index list`",
    )
    index_dir = fresh_corpus(folder, "base", 100)
    failures: list[str] = []
    writer = subprocess.Popen(
        [sys.executable, "-c", _WRITER_LOOP, str(index_dir), str(rounds * 40)],
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
        stderr=subprocess.PIPE,
    )
    store = IndexStore(index_dir)
    while writer.poll() is None:
        try:
            corpus = store.open("base")
            ok = corpus.index.ntotal == len(corpus.passages) == corpus.manifest.passages
            corpus.search_lexical(["trucks"], top_k=3)
            [info] = store.list()
            ok = ok and info.problem is None
        except (FactcheckError, OSError) as error:
            ok = False
            failures.append(f"{type(error).__name__}: {str(error)[:200]}")
        tally.add_check(ok, note=failures[-1] if failures and not ok else None)
    error_output = writer.stderr.read().decode("utf-8", "replace")
    tally.add_check(writer.returncode == 0 and "Traceback" not in error_output, note=error_output[-300:])
    state = corpus_state(index_dir, "base")
    tally.add_check(bool(state and state["consistent"] and state["documents"] == 100 + rounds * 40 * 10))
    return tally


# ---- damaged corpora -------------------------------------------------------------------------------------------------


def _damage(path: Path, how: str, rng: random.Random) -> None:
    if how == "delete":
        path.unlink()
    elif how == "empty":
        path.write_bytes(b"")
    elif how == "truncate":
        path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2])
    elif how == "flip bytes":
        data = bytearray(path.read_bytes())
        for _ in range(8):
            if data:
                data[rng.randrange(len(data))] ^= rng.randrange(1, 256)
        path.write_bytes(bytes(data))
    elif how == "link to /etc/passwd":
        path.unlink()
        os.symlink("/etc/passwd", path)


def damaged_corpora(folder: Path, rounds: int) -> Tally:
    tally = Tally(
        "damaged corpus files, then the advised repair (defects 6, 7)",
        "damage one file, `search base siege`, then `index rebuild base`",
    )
    template = fresh_corpus(folder, "base", 30)
    names = sorted(str(p.relative_to(template / "base")) for p in (template / "base").rglob("*") if p.is_file())
    names = [n for n in names if not n.startswith(".")]
    ways = ["delete", "empty", "truncate", "flip bytes", "link to /etc/passwd"]
    rng = random.Random(0)
    for name in names:
        for how in ways:
            for _ in range(1 if how != "flip bytes" else max(1, rounds)):
                index_dir = folder / f"damaged-{time.monotonic_ns()}"
                shutil.copytree(template, index_dir, symlinks=True)
                _damage(index_dir / "base" / name, how, rng)
                searched = run_inline(["search", "base", "siege"], index_dir)
                clear = searched.code == 0 or "index rebuild base" in searched.stderr
                tally.add(searched, clear=clear, note=f"search after {how} {name}")
                rebuilt = run_inline(["index", "rebuild", "base"], index_dir)
                state = corpus_state(index_dir, "base")
                documents_hit = name.startswith("documents.")
                if documents_hit:
                    # the stored documents themselves: what survives is reported, the rest named to add again
                    ok = (
                        rebuilt.code == 1
                        and "add its files again" in rebuilt.stderr
                        or (
                            rebuilt.code == 0
                            and state is not None
                            and state["consistent"]
                            and (state["documents"] == 30 or "Add these files again" in rebuilt.stderr)
                        )
                    )
                else:
                    ok = rebuilt.code == 0 and state is not None and state["documents"] == 30 and state["consistent"]
                tally.add(
                    rebuilt,
                    state_ok=ok,
                    clear=rebuilt.code == 0 or "factcheck" in rebuilt.stderr,
                    note=f"rebuild after {how} {name}",
                )
    # a deleted manifest: the next add is refused, the rebuild restores everything
    index_dir = folder / f"no-manifest-{time.monotonic_ns()}"
    shutil.copytree(template, index_dir)
    (index_dir / "base" / "manifest.json").unlink()
    extra = write_jsonl(folder / "extra.jsonl", records(5, "extra"))
    added = run_inline(["index", "add", "base", str(extra)], index_dir)
    tally.add(added, clear=added.code == 1 and "index rebuild base" in added.stderr, note="add without manifest")
    rebuilt = run_inline(["index", "rebuild", "base"], index_dir)
    state = corpus_state(index_dir, "base")
    tally.add(rebuilt, state_ok=bool(state and state["documents"] == 30), note="rebuild without manifest")
    return tally


# ---- hostile inputs --------------------------------------------------------------------------------------------------


def _bomb(path: Path, unpacked: int) -> Path:
    """A valid-looking .docx whose body unpacks to `unpacked` bytes of spaces."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        with archive.open("word/document.xml", "w", force_zip64=True) as handle:
            handle.write(b'<?xml version="1.0"?><w:document><w:body><w:p><w:r><w:t>')
            chunk = b" " * (1 << 24)
            for _ in range(unpacked // len(chunk)):
                handle.write(chunk)
            handle.write(b"</w:t></w:r></w:p></w:body></w:document>")
    return path


def hostile_inputs(folder: Path, rounds: int) -> Tally:
    tally = Tally(
        "hostile and oversized inputs (defects 4, 10)",
        "`extract` / `index add` of a zip bomb, 50 MB one-line text, 10 MB CSV field, 45 MB JSONL line, deep HTML",
    )
    index_dir = folder / "hostile-indexes"
    sentence = "The minister said that 600,000 people live under siege and 48 trucks entered the city, officials said "
    line = (sentence * (50_000_000 // len(sentence) + 1))[:50_000_000]
    (folder / "line50m.txt").write_text(line)
    (folder / "line1m.txt").write_text(line[:999_000])
    (folder / "field10m.csv").write_text('id,text\n1,"' + "word " * 2_000_000 + '"\n')
    (folder / "line45m.jsonl").write_text(json.dumps({"id": "x", "text": "word " * 9_000_000}) + "\n")
    depth = 100_000
    (folder / "deep.html").write_text(
        "<html><body>" + "<div>" * depth + "<p>Some 8,000 residents left Darayya.</p>" + "</div>" * depth + "</body>"
    )
    bomb = _bomb(folder / "bomb.docx", 4 * 1024**3)
    cases = [
        (["extract", str(bomb)], "unpack"),
        (["index", "add", "x", str(bomb)], "unpack"),
        (["extract", str(folder / "line50m.txt")], "over the limit"),
        (["extract", str(folder / "line1m.txt")], None),  # just under the limit: must finish, in linear time
        (["index", "add", "x", str(folder / "field10m.csv")], "over the limit"),
        (["index", "add", "x", str(folder / "line45m.jsonl")], "over the limit"),
        (["extract", str(folder / "deep.html")], None),
    ]
    for arguments, refusal in cases:
        result = run(arguments, index_dir)
        clear = (result.code == 1 and refusal in result.stderr) if refusal else result.code == 0
        tally.add(result, clear=clear, note=" ".join(arguments[:1] + [Path(arguments[-1]).name]))
        tally.notes.append(
            f"{arguments[0]} {Path(arguments[-1]).name}: exit {result.code} in {result.seconds:.1f} s, "
            f"{result.peak_mb:.0f} MB"
        )
    rng = random.Random(1)
    for extension in (".txt", ".md", ".html", ".pdf", ".docx", ".csv", ".jsonl"):
        for n in range(rounds):
            path = folder / f"random{n}{extension}"
            path.write_bytes(rng.randbytes(rng.randrange(1, 20_000)))
            result = run_inline(["extract", str(path)], index_dir)
            tally.add(result, clear=result.code in (0, 1), note=path.name)
    return tally


# ---- names, links, review databases, exports, backups, kills -------------------------------------------------------


def names_and_links(folder: Path) -> Tally:
    tally = Tally("names and symbolic links (defect 11)", "`index add $'nl\\n' x.jsonl`, planted links, linked folders")
    index_dir = fresh_corpus(folder, "base", 5)
    data = write_jsonl(folder / "few.jsonl", records(3, "few"))
    result = run_inline(["index", "add", "nl\n", str(data)], index_dir)
    tally.add(result, clear=result.code == 1 and "Invalid corpus name" in result.stderr, note="name with newline")
    victim = folder / "victim.txt"
    victim.write_text("precious")
    manifest = json.loads((index_dir / "base" / "manifest.json").read_text())
    following = manifest["generation"] + 1
    for kind, suffix in (("documents", ".jsonl"), ("passages", ".jsonl"), ("index", ".faiss")):
        os.symlink(victim, index_dir / "base" / f"{kind}.{following}{suffix}")
    result = run_inline(["index", "add", "base", str(data)], index_dir)
    tally.add(result, state_ok=victim.read_text() == "precious", note="planted next-generation links")
    source = folder / "linked-folder"
    source.mkdir()
    (source / "inside.txt").write_text("Some 8,000 residents left Darayya on Friday.")
    os.symlink("/etc/passwd", source / "passwd.txt")
    result = run_inline(["index", "add", "folder", str(source)], index_dir)
    state = corpus_state(index_dir, "folder")
    leaked = state is None or any("passwd" in d for d in state["texts"])
    tally.add(result, state_ok=not leaked, clear="symbolic link" in result.stderr, note="link out of a folder")
    elsewhere = fresh_corpus(folder, "real", 3)
    os.symlink(elsewhere / "real", index_dir / "linked")
    result = run_inline(["index", "remove", "linked"], index_dir)
    tally.add(result, state_ok=(elsewhere / "real" / "manifest.json").exists(), note="remove a linked corpus")
    return tally


def review_databases(folder: Path, rounds: int) -> Tally:
    tally = Tally("foreign, empty and random review databases (defect 9)", "`export --reviews FILE`")
    rng = random.Random(2)
    candidates = {"empty": b"", "text": b"not a database\n" * 50}
    foreign = folder / "foreign.db"
    with sqlite3.connect(foreign) as connection:
        connection.execute("CREATE TABLE people (name TEXT)")
    connection.close()
    candidates["foreign sqlite"] = foreign.read_bytes()
    for n in range(rounds):
        candidates[f"random {n}"] = rng.randbytes(rng.randrange(1, 10_000))
        candidates[f"sqlite header {n}"] = b"SQLite format 3\x00" + rng.randbytes(rng.randrange(100, 10_000))
    for label, data in candidates.items():
        path = folder / f"reviews-{label.replace(' ', '-')}.sqlite3"
        path.write_bytes(data)
        result = run_inline(["export", "--reviews", str(path)], folder)
        unchanged = path.read_bytes() == data and not Path(str(path) + "-wal").exists()
        tally.add(result, state_ok=unchanged, clear=result.code == 1, note=label)
    return tally


def exports(rounds: int) -> Tally:
    import csv

    from factcheck.export import to_csv_bytes

    tally = Tally(
        "CSV export of hostile cells (defect 8)", "cells with CR/LF, leading spaces and =+-@ through `export`"
    )
    rng = random.Random(3)
    alphabet = ["=", "+", "-", "@", "\r", "\n", "\t", " ", "\u00a0", "a", "1", '"', ","]
    for _ in range(rounds * 200):
        cells = ["".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 8))) for _ in range(3)]
        data = to_csv_bytes([{f"c{i}": cell for i, cell in enumerate(cells)}]).decode("utf-8")
        rows = list(csv.reader(io.StringIO(data, newline="")))
        ok = len(rows) == 2 and not any(c.lstrip().startswith(("=", "+", "-", "@")) for c in rows[1])
        tally.add_check(ok, note=repr(cells))
    return tally


def backups(folder: Path, rounds: int) -> Tally:
    tally = Tally(
        "backup while writing, restore, hostile archives", "`backup corpus base --out b.tar` beside `index add`"
    )
    for n in range(rounds):
        index_dir = fresh_corpus(folder, "base", 100)
        batch = write_jsonl(folder / f"during{n}.jsonl", records(30, f"during{n}"))
        adding = start(["index", "add", "base", str(batch)], index_dir)
        time.sleep(random.Random(n).uniform(0, 1.5))
        archive = folder / f"b{n}.tar"
        tally.add(run(["backup", "corpus", "base", "--out", str(archive)], index_dir), note="backup")
        tally.add(finish(adding), note="add during backup")
        restored = run(["restore", "corpus", str(archive), "--as", "copy"], index_dir)
        state = corpus_state(index_dir, "copy")
        ok = bool(state and state["consistent"] and state["documents"] in (100, 130))
        tally.add(restored, state_ok=ok, note="restore")
    for n, member in enumerate(["../escape.jsonl", "/tmp/absolute.jsonl", "base/notes.txt"]):
        path = folder / f"hostile{n}.tar"
        import tarfile

        with tarfile.open(path, "w") as archive:
            for name in ("base/manifest.json", member):
                info = tarfile.TarInfo(name)
                info.size = 2
                archive.addfile(info, io.BytesIO(b"{}"))
        result = run_inline(["restore", "corpus", str(path), "--as", f"h{n}"], folder / "hostile-restore")
        tally.add(result, state_ok=not (folder / "escape.jsonl").exists(), clear=result.code == 1, note=member)
    return tally


def kills(folder: Path, rounds: int) -> Tally:
    tally = Tally("SIGKILL during add, rebuild, remove-docs, restore", "kill -9 at a random moment, then open")
    rng = random.Random(4)
    for n in range(rounds * 4):
        index_dir = fresh_corpus(folder, "base", 300)
        operation = ["add", "rebuild", "remove-docs", "restore"][n % 4]
        if operation == "add":
            arguments = ["index", "add", "base", str(write_jsonl(folder / f"k{n}.jsonl", records(200, f"k{n}")))]
        elif operation == "rebuild":
            arguments = ["index", "rebuild", "base"]
        elif operation == "remove-docs":
            arguments = ["index", "remove-docs", "base", *[f"base-{i}" for i in range(100)]]
        else:
            archive = folder / f"k{n}.tar"
            assert run_inline(["backup", "corpus", "base", "--out", str(archive)], index_dir).code == 0
            arguments = ["restore", "corpus", str(archive), "--replace"]
        process = start(arguments, index_dir)
        # Kill inside the change: once the writer holds the corpus lock, at a random moment of its commit.
        _wait_for_writer(index_dir / "base", process)
        time.sleep(rng.uniform(0, 0.3))
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        finish(process)
        after = corpus_state(index_dir, "base")
        ok = bool(after and after["consistent"] and not after["duplicates"])
        expected = {300, 500, 200}  # before; after the add; after the removal (rebuild and restore keep 300)
        killed = process.returncode == -signal.SIGKILL
        tally.kills += killed
        tally.add_check(ok and after["documents"] in expected, note=f"{operation}: {after and after['documents']}")
        follow = run_inline(
            ["index", "add", "base", str(write_jsonl(folder / f"f{n}.jsonl", records(2, f"f{n}")))], index_dir
        )
        tally.add(follow, state_ok=follow.code == 0, note=f"add after killed {operation}")
    tally.notes.append(f"{tally.kills} of {rounds * 4} processes were killed inside their change (the rest had ended)")
    return tally


def _wait_for_writer(directory: Path, process, limit: float = 120) -> None:
    """Return once another process holds the corpus's writer lock (or the process has ended)."""
    import fcntl

    deadline = time.monotonic() + limit
    while process.poll() is None and time.monotonic() < deadline:
        with open(directory / ".lock", "a") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return
            fcntl.flock(handle, fcntl.LOCK_UN)
        time.sleep(0.005)


CLASSES = ("rebuild", "same", "readers", "damage", "hostile", "links", "reviews", "export", "backup", "kills")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--only", action="append", choices=CLASSES)
    parser.add_argument("--out", help="write the Markdown table here too")
    arguments = parser.parse_args(argv)
    tallies = probe(arguments.rounds, arguments.only)
    table = markdown(tallies)
    notes = "\n".join(f"- {t.name}: {note}" for t in tallies for note in t.notes)
    print(table + ("\n\n" + notes if notes else ""))
    if arguments.out:
        Path(arguments.out).write_text(table + "\n\n" + notes + "\n", encoding="utf-8")
    return 1 if any(t.failures for t in tallies) else 0


def probe(rounds: int, only: list[str] | None = None) -> list[Tally]:
    chosen = only or list(CLASSES)
    with tempfile.TemporaryDirectory(prefix="factcheck-probe-") as temporary:
        folder = Path(temporary)
        steps = {
            "rebuild": lambda: concurrent_rebuild_and_add(folder, rounds),
            "same": lambda: concurrent_same_adds(folder, rounds),
            "readers": lambda: readers_during_commits(folder, rounds),
            "damage": lambda: damaged_corpora(folder, rounds),
            "hostile": lambda: hostile_inputs(folder, rounds),
            "links": lambda: names_and_links(folder),
            "reviews": lambda: review_databases(folder, rounds),
            "export": lambda: exports(rounds),
            "backup": lambda: backups(folder, rounds),
            "kills": lambda: kills(folder, rounds),
        }
        tallies = []
        for name in chosen:
            started = time.perf_counter()
            tallies.append(steps[name]())
            print(f"{name}: {tallies[-1].cases} cases in {time.perf_counter() - started:.0f} s", flush=True)
        return tallies


if __name__ == "__main__":
    raise SystemExit(main())
