#!/usr/bin/env python3
"""Side-by-side benchmark: memor-store (Rust, SQLite) vs Memento (memento-llm 0.3.3,
Python, SQLAlchemy ORM over SQLite).

Workload (identical on both sides, each side gets its own fresh SQLite file):

1. "turn by turn": create one conversation, then for i in range(TURNS):
     - add one user message:      f"user message {i}: " + a ~200-char sentence
                                  mixing ASCII and non-ASCII ("café naïve 東京 😀")
     - add one assistant reply:   f"assistant reply {i}: " + a similar sentence,
                                  model "gpt-4o-mini"
     - commit (one commit per turn: the turn is durable before the next starts).
   Reported as turns/s (only the TURNS loop is timed, not schema/conversation
   creation).
2. "load": load the whole conversation back LOADS times, i.e. what an app does
   to get the history it sends to the model; reported as mean and median ms/load.

Memento side (in-process, timed with time.perf_counter), using its own API:
    engine = sqlalchemy.create_engine("sqlite:///PATH")
    memento.models.Base.metadata.create_all(engine)
    conv = memento.crud.create_conversation(session, "memor-bench")   # -> Conversation
    rec = memento.recorder.Recorder.from_conversation(session, conv.id)
    per turn:  rec.add_message(role="user", content=...)
               rec.add_openai_response(<ChatCompletion-shaped object>)  # no network
               rec.save(session)          # = session.commit() + refresh + reload
    per load:  with Session(engine) as s:                    # fresh session, so the
                   rec = Recorder.from_conversation(s, id)   # identity map can't
                   history = rec.to_openai_format()          # serve it from memory
  Notes on memento-llm 0.3.3 (read from its installed source):
    * `from memento import Recorder` does NOT work (memento/__init__.py is empty);
      import from memento.recorder.
    * The README's `recorder.commit_new_messages(session)` does not exist in 0.3.3;
      the method is `Recorder.save(session)`.
    * `add_openai_response` reads `response.choices[0].message.tools`; a real
      openai-python ChatCompletionMessage has `tool_calls`, not `tools`, and raises
      AttributeError there.  So we pass an attribute-style (SimpleNamespace) object
      shaped like an OpenAI ChatCompletion that also carries `message.tools = None`.
      A plain dict does not work (it uses attribute access).
    * Memento has no model column: "gpt-4o-mini" is accepted in the response
      object but not stored.

memor side (subprocess), run from the repo root:
    cargo run --release -q -p memor-store --example workload -- \
        --db PATH --turns N --loads K
  which must print one JSON line:
    {"turns": N, "turn_per_s": float, "load_ms_median": float,
     "load_ms_mean": float, "messages": 2N}
  The example is built first (`cargo build --release -q -p memor-store
  --example workload`) so compile time never leaks into the run or its timeout.

Usage:
    pip install memento-llm==0.3.3
    python3 bench/store_side_by_side.py                    # both sides, 1000 turns, 20 loads
    python3 bench/store_side_by_side.py --only memento     # Memento half only
    python3 bench/store_side_by_side.py --only memor --turns 10000
    python3 bench/store_side_by_side.py --repo /path/to/memor --json

Options: --turns (default 1000), --loads (default 20), --repo (default: the parent
of this script's directory, i.e. REPO when the script lives at
REPO/bench/store_side_by_side.py), --only memento|memor, --workdir (where the
SQLite files go; default a fresh temp dir, deleted afterwards unless --keep-db),
--memento-wal (put Memento's SQLite in WAL mode; default: SQLite/SQLAlchemy
defaults, i.e. what a Memento user gets), --json (also print a JSON summary).

Speedups in the table are memor/memento: turn-by-turn = memor turns/s divided by
Memento turns/s; load = Memento ms/load divided by memor ms/load.  One run each.

Python 3.11 standard library only, plus memento-llm (and the SQLAlchemy it pulls in).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

USER_SENTENCE = (
    "The café on the corner serves a naïve but honest espresso; we met there before "
    "flying to 東京 for the conference, and everyone agreed the trip was worth every "
    "yen 😀 See you next week, same place!"
)
ASSISTANT_SENTENCE = (
    "Sure! Here is a naïve summary: the café near the station in 東京 opens at seven, "
    "the espresso is strong, the croissants are fresh, and the staff are friendly 😀 "
    "Let me know if you need directions."
)
MODEL = "gpt-4o-mini"
AGENT = "memor-bench"


def user_text(i: int) -> str:
    return f"user message {i}: " + USER_SENTENCE


def assistant_text(i: int) -> str:
    return f"assistant reply {i}: " + ASSISTANT_SENTENCE


class BenchError(RuntimeError):
    """A side failed in a way we can explain to the user."""


# --------------------------------------------------------------------------- Memento


def import_memento():
    try:
        import sqlalchemy  # noqa: F401
        from sqlalchemy import create_engine, event
        from sqlalchemy.orm import Session
        from memento import crud, models
        from memento.recorder import Recorder
    except ImportError as exc:  # pragma: no cover - depends on environment
        raise BenchError(
            f"memento-llm is not importable ({exc}).\n"
            "Install it with:  pip install memento-llm==0.3.3"
        ) from exc
    return SimpleNamespace(
        create_engine=create_engine,
        event=event,
        Session=Session,
        crud=crud,
        models=models,
        Recorder=Recorder,
        sqlalchemy_version=sqlalchemy.__version__,
    )


def memento_version() -> str:
    try:
        from importlib.metadata import version

        return version("memento-llm")
    except Exception:
        return "unknown"


def fake_chat_completion(i: int, content: str) -> SimpleNamespace:
    """An object shaped like openai's ChatCompletion, built without any network call.

    memento 0.3.3's add_openai_response() reads response.choices[0].message.{role,
    content,tools}; `tools` is not an OpenAI field, so it is set explicitly here.
    """
    message = SimpleNamespace(
        role="assistant",
        content=content,
        tool_calls=None,
        function_call=None,
        refusal=None,
        tools=None,  # what memento 0.3.3 actually reads
    )
    return SimpleNamespace(
        id=f"chatcmpl-bench-{i}",
        object="chat.completion",
        created=int(time.time()),
        model=MODEL,
        choices=[SimpleNamespace(index=0, message=message, finish_reason="stop", logprobs=None)],
        usage=SimpleNamespace(prompt_tokens=50, completion_tokens=50, total_tokens=100),
        system_fingerprint=None,
    )


def run_memento(db_path: Path, turns: int, loads: int, wal: bool) -> dict:
    m = import_memento()
    if db_path.exists():
        raise BenchError(f"Memento DB {db_path} already exists; refusing to reuse it")
    engine = m.create_engine(f"sqlite:///{db_path}")
    if wal:
        @m.event.listens_for(engine, "connect")
        def _wal(dbapi_conn, _record):  # pragma: no cover - trivial
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.close()

    m.models.Base.metadata.create_all(engine)
    with engine.connect() as conn:
        journal = conn.exec_driver_sql("PRAGMA journal_mode").scalar()
        synchronous = conn.exec_driver_sql("PRAGMA synchronous").scalar()

    with m.Session(engine) as session:
        conv_id = m.crud.create_conversation(session, AGENT).id

    # 1. turn by turn: one Recorder, one commit (Recorder.save) per turn.
    with m.Session(engine) as session:
        recorder = m.Recorder.from_conversation(session, conv_id)
        t0 = time.perf_counter()
        for i in range(turns):
            recorder.add_message(role="user", content=user_text(i))
            recorder.add_openai_response(fake_chat_completion(i, assistant_text(i)))
            recorder.save(session)
        turn_s = time.perf_counter() - t0

    # 2. load: fresh Session each time (as a request handler would), so nothing is
    #    served from a warm identity map.
    times_ms = []
    history = None
    for _ in range(loads):
        t0 = time.perf_counter()
        with m.Session(engine) as session:
            rec = m.Recorder.from_conversation(session, conv_id)
            history = rec.to_openai_format()
        times_ms.append((time.perf_counter() - t0) * 1000.0)

    engine.dispose()

    # sanity checks (outside the timed regions)
    if history is not None:
        if len(history) != 2 * turns:
            raise BenchError(f"Memento loaded {len(history)} messages, expected {2 * turns}")
        if turns:
            expect_first = {"role": "user", "content": user_text(0)}
            expect_last = {"role": "assistant", "content": assistant_text(turns - 1)}
            if history[0] != expect_first or history[-1] != expect_last:
                raise BenchError(
                    f"Memento round-trip mismatch: first={history[0]!r} last={history[-1]!r}"
                )

    return {
        "turns": turns,
        "turn_per_s": turns / turn_s if turn_s > 0 else float("inf"),
        "turn_total_s": turn_s,
        "load_ms_median": statistics.median(times_ms) if times_ms else float("nan"),
        "load_ms_mean": statistics.fmean(times_ms) if times_ms else float("nan"),
        "messages": len(history) if history is not None else None,
        "db_bytes": db_path.stat().st_size,
        "sqlite": f"journal_mode={journal}, synchronous={synchronous}",
        "versions": f"memento-llm {memento_version()}, SQLAlchemy {m.sqlalchemy_version}",
    }


# --------------------------------------------------------------------------- memor

REQUIRED_KEYS = ("turns", "turn_per_s", "load_ms_median", "load_ms_mean", "messages")


def _tail(text: str, n: int = 25) -> str:
    lines = text.strip().splitlines()
    return "\n".join("    " + l for l in lines[-n:]) or "    (empty)"


def run_memor(repo: Path, db_path: Path, turns: int, loads: int, timeout: float) -> dict:
    cargo = shutil.which("cargo")
    if cargo is None:
        raise BenchError("`cargo` not found on PATH; the memor side needs a Rust toolchain")
    if not (repo / "Cargo.toml").is_file():
        raise BenchError(
            f"{repo} has no Cargo.toml; pass the memor workspace root with --repo"
        )
    if db_path.exists():
        raise BenchError(f"memor DB {db_path} already exists; refusing to reuse it")

    build = [cargo, "build", "--release", "-q", "-p", "memor-store", "--example", "workload"]
    try:
        b = subprocess.run(build, cwd=repo, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise BenchError(f"building the memor workload example timed out after {timeout:.0f}s")
    if b.returncode != 0:
        hint = ""
        if "no example target named" in b.stderr or "package(s) `memor-store` not found" in b.stderr \
                or "did not match any packages" in b.stderr:
            hint = ("\n  hint: the `workload` example of crate memor-store does not exist "
                    "(yet) in this checkout")
        raise BenchError(
            f"`{' '.join(build[1:])}` failed (exit {b.returncode}) in {repo}:{hint}\n"
            f"{_tail(b.stderr)}"
        )

    cmd = [cargo, "run", "--release", "-q", "-p", "memor-store", "--example", "workload",
           "--", "--db", str(db_path), "--turns", str(turns), "--loads", str(loads)]
    t0 = time.perf_counter()
    try:
        p = subprocess.run(cmd, cwd=repo, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise BenchError(f"memor workload timed out after {timeout:.0f}s")
    wall = time.perf_counter() - t0
    if p.returncode != 0:
        raise BenchError(
            f"memor workload failed (exit {p.returncode}):\n  stderr:\n{_tail(p.stderr)}\n"
            f"  stdout:\n{_tail(p.stdout)}"
        )

    result = None
    for line in reversed(p.stdout.strip().splitlines()):
        line = line.strip()
        if not line.startswith("{"):
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(obj, dict) and all(k in obj for k in REQUIRED_KEYS):
            result = obj
            break
    if result is None:
        raise BenchError(
            "memor workload printed no JSON line with keys "
            f"{', '.join(REQUIRED_KEYS)}:\n  stdout:\n{_tail(p.stdout)}"
        )
    try:
        for k in ("turn_per_s", "load_ms_median", "load_ms_mean"):
            result[k] = float(result[k])
    except (TypeError, ValueError) as exc:
        raise BenchError(f"memor JSON has a non-numeric field: {exc}: {result!r}")
    problems = []
    if result["turns"] != turns:
        problems.append(f"turns={result['turns']!r}, expected {turns}")
    if result["messages"] != 2 * turns:
        problems.append(f"messages={result['messages']!r}, expected {2 * turns}")
    if problems:
        raise BenchError("memor workload result is inconsistent: " + "; ".join(problems))
    result["wall_s"] = wall
    if db_path.exists():
        result["db_bytes"] = db_path.stat().st_size
    return result


# --------------------------------------------------------------------------- report


def fmt(v, spec: str) -> str:
    if v is None:
        return "-"
    if isinstance(v, str):
        return v
    return format(v, spec)


def ratio(num, den):
    if num is None or den is None or den == 0:
        return None
    return num / den


def print_table(turns: int, loads: int, memento: dict | None, memor: dict | None,
                errors: dict) -> dict:
    def get(side, key):
        return side.get(key) if side else None

    def status(side_name, side):
        if side is not None:
            return None
        return "FAILED" if side_name in errors else "skipped"

    rows = [
        ("turn by turn (turns/s)", "turn_per_s", ".1f"),
        ("load median (ms)", "load_ms_median", ".3f"),
        ("load mean (ms)", "load_ms_mean", ".3f"),
        ("messages stored", "messages", "d"),
        ("db file (KiB)", "db_kib", ".0f"),
    ]
    for side in (memento, memor):
        if side and side.get("db_bytes") is not None:
            side["db_kib"] = side["db_bytes"] / 1024

    speed_turn = ratio(get(memor, "turn_per_s"), get(memento, "turn_per_s"))
    speed_load_med = ratio(get(memento, "load_ms_median"), get(memor, "load_ms_median"))
    speed_load_mean = ratio(get(memento, "load_ms_mean"), get(memor, "load_ms_mean"))
    speedups = {"turn_per_s": speed_turn, "load_ms_median": speed_load_med,
                "load_ms_mean": speed_load_mean}

    print()
    print(f"Workload: {turns} turns (= {2 * turns} messages, 1 commit/turn), {loads} loads; one run")
    w0, w1 = 24, 14
    print(f"{'':{w0}} {'memento':>{w1}} {'memor':>{w1}} {'memor/memento':>{w1}}")
    print("-" * (w0 + 3 * (w1 + 1)))
    for label, key, spec in rows:
        a = status("memento", memento) or fmt(get(memento, key), spec)
        b = status("memor", memor) or fmt(get(memor, key), spec)
        s = speedups.get(key)
        c = f"{s:.1f}x" if s is not None else ("-" if key not in speedups else "n/a")
        print(f"{label:{w0}} {a:>{w1}} {b:>{w1}} {c:>{w1}}")
    print()
    if memento:
        print(f"memento: {memento['versions']}; SQLite {memento['sqlite']}; "
              f"turn loop {memento['turn_total_s']:.2f}s")
    if memor and "wall_s" in memor:
        print(f"memor:   workload process wall time {memor['wall_s']:.2f}s (includes process start)")
    print(f"python {platform.python_version()} on {platform.platform()}")
    for side, msg in errors.items():
        print(f"\n{side} FAILED:\n{msg}", file=sys.stderr)
    return speedups


def main(argv=None) -> int:
    default_repo = Path(__file__).resolve().parent.parent
    ap = argparse.ArgumentParser(
        description="memor-store vs Memento (memento-llm 0.3.3) conversation-store benchmark",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=__doc__.split("Usage:")[1] if "Usage:" in __doc__ else None,
    )
    ap.add_argument("--turns", type=int, default=1000, help="turns (user+assistant) (default 1000)")
    ap.add_argument("--loads", type=int, default=20, help="full-history loads (default 20)")
    ap.add_argument("--repo", type=Path, default=default_repo,
                    help=f"memor workspace root for cargo (default {default_repo})")
    ap.add_argument("--only", choices=("memento", "memor"), help="run only one side")
    ap.add_argument("--workdir", type=Path, default=None,
                    help="directory for the SQLite files (default: fresh temp dir)")
    ap.add_argument("--keep-db", action="store_true", help="do not delete the SQLite files")
    ap.add_argument("--memento-wal", action="store_true",
                    help="run Memento's SQLite in WAL mode (default: stock settings)")
    ap.add_argument("--memor-timeout", type=float, default=3600.0,
                    help="seconds allowed for building and for running the memor example")
    ap.add_argument("--json", action="store_true", help="also print a JSON summary line")
    args = ap.parse_args(argv)
    if args.turns < 1 or args.loads < 1:
        ap.error("--turns and --loads must be >= 1")

    if args.workdir is None:
        workdir = Path(tempfile.mkdtemp(prefix="memor-vs-memento-"))
        cleanup = not args.keep_db
    else:
        workdir = args.workdir.resolve()
        workdir.mkdir(parents=True, exist_ok=True)
        cleanup = False
    stamp = f"{os.getpid()}-{time.strftime('%Y%m%d-%H%M%S')}"
    memento_db = workdir / f"memento-{stamp}.sqlite3"
    memor_db = workdir / f"memor-{stamp}.sqlite3"

    memento_res = memor_res = None
    errors: dict[str, str] = {}
    try:
        if args.only in (None, "memento"):
            print(f"[memento] {args.turns} turns, {args.loads} loads -> {memento_db}", file=sys.stderr)
            try:
                memento_res = run_memento(memento_db, args.turns, args.loads, args.memento_wal)
            except BenchError as exc:
                errors["memento"] = str(exc)
        if args.only in (None, "memor"):
            print(f"[memor]   {args.turns} turns, {args.loads} loads -> {memor_db} "
                  f"(cargo in {args.repo})", file=sys.stderr)
            try:
                memor_res = run_memor(args.repo.resolve(), memor_db, args.turns, args.loads,
                                      args.memor_timeout)
            except BenchError as exc:
                errors["memor"] = str(exc)
        speedups = print_table(args.turns, args.loads, memento_res, memor_res, errors)
        if args.json:
            print(json.dumps({"turns": args.turns, "loads": args.loads, "memento": memento_res,
                              "memor": memor_res, "speedup_memor_over_memento": speedups,
                              "errors": errors}, ensure_ascii=False))
    finally:
        if cleanup:
            shutil.rmtree(workdir, ignore_errors=True)
        else:
            print(f"SQLite files kept in {workdir}", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
