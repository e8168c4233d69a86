"""Side by side, as a user runs them: the `memor` command (a whole process each time) and
Python memor 1.1 in-process (its load included), on session files of mixed ASCII and
non-ASCII text at 1k, 10k and 100k messages.

Needs `pip install memor==1.1` and a release build of the CLI. Run from the repository root:

    cargo build --release -p memor-cli --bin memor
    python3 bench/cli_side_by_side.py [N ...] [--memor PATH] [--runs R]

For each file it prints, per operation, Python's and the CLI's best time of R runs, the ratio,
the CLI's throughput (file bytes per second of the whole process), and the CLI's peak resident
memory against the file's size (GNU time's `%M`). The cost per message shows
whether cost grows linearly with the session.

The `tokens cl100k` row is exact counting: `memor tokens FILE --counter cl100k_base` (load,
render to memor's text, count) against a whole Python process running tiktoken on that same
text, read from a file (`pip install tiktoken==0.14.0`; its rank file is seeded from the
tiktoken-rs crate's copy, as memor-tokenize/tests/data/gen_tiktoken.py does, where the
download host is unreachable). Both sides' start-up is included and the counts must agree.
"""
import argparse, glob, hashlib, os, random, shutil, subprocess, sys, tempfile, time, warnings

warnings.simplefilter("ignore")
from memor import LLMModel, Prompt, RenderFormat, Response, Session


def make_session(n, seed=7):
    rnd = random.Random(seed)
    words = ("alpha beta gamma delta memory context window token prompt response model "
             "the of and to in is that for it as with was on be at by this had not are but from "
             "café naïve 東京 データ 模型 привет мир emoji😀 größe").split()
    msgs = []
    for i in range(n):
        text = " ".join(rnd.choice(words) for _ in range(rnd.randint(20, 120)))
        if i % 2 == 0:
            msgs.append(Prompt(message=text, init_check=False))
        else:
            msgs.append(Response(message=text, temperature=0.7, score=0.9, model=LLMModel.GPT_4, tokens=len(text) // 4))
    return Session(title="bench", messages=msgs, init_check=False)


def best(runs, fn):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def run_cli(cmd):
    """Seconds of one whole `memor` process."""
    start = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed: {proc.stderr.decode()}")
    return elapsed


def peak_rss(cmd):
    """Peak resident memory (bytes) of one `memor` process, from GNU time: a child of this
    (large) Python process would count the pages it shared with us before its exec."""
    proc = subprocess.run(["/usr/bin/time", "-f", "%M", *cmd], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          check=True, text=True)
    return int(proc.stderr.strip().splitlines()[-1]) * 1024


TIKTOKEN = ("import sys, tiktoken\n"
            "text = open(sys.argv[1], encoding='utf-8').read()\n"
            "print(len(tiktoken.get_encoding('cl100k_base').encode(text, disallowed_special=())))\n")


def seed_tiktoken_cache(d):
    """tiktoken's cache holding cl100k_base, copied from the tiktoken-rs crate when found."""
    found = sorted(glob.glob(os.path.expanduser("~/.cargo/registry/src/*/tiktoken-rs-*/assets")))
    if found:
        url = "https://openaipublic.blob.core.windows.net/encodings/cl100k_base.tiktoken"
        shutil.copyfile(os.path.join(found[-1], "cl100k_base.tiktoken"),
                        os.path.join(d, hashlib.sha1(url.encode()).hexdigest()))
        os.environ["TIKTOKEN_CACHE_DIR"] = d


def count_output(cmd):
    return int(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.strip())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("sizes", nargs="*", type=int, default=[1000, 10000, 100000])
    ap.add_argument("--memor", default=os.path.join(os.environ.get("CARGO_TARGET_DIR", "target"), "release", "memor"))
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    d = tempfile.mkdtemp()
    seed_tiktoken_cache(d)
    rows = []
    for n in args.sizes:
        path, out = os.path.join(d, f"session{n}.json"), os.path.join(d, f"out{n}.json")
        make_session(n).save(path)
        size = os.path.getsize(path)
        runs = max(1, args.runs if n < 100000 else args.runs // 2)
        load = lambda: Session(file_path=path, init_check=False)
        ops = {
            "check": (lambda: load(), ["check", path]),
            "check --kind": (lambda: load(), ["check", path, "--kind", "session"]),
            "save": (lambda: load().save(out), ["save", path, "-o", out]),
            "size": (lambda: load().get_size(), ["size", path]),
            "render openai": (lambda: load().render(RenderFormat.OPENAI), ["render", path, "--format", "openai"]),
            "search": (lambda: load().search("memory context"), ["search", path, "memory context"]),
            "tokens universal": (lambda: load().estimate_tokens(), ["tokens", path]),
        }
        text_path = os.path.join(d, f"text{n}.txt")
        with open(text_path, "w", encoding="utf-8") as f:
            f.write(load().render(RenderFormat.STRING))
        tiktoken_cmd = [sys.executable, "-c", TIKTOKEN, text_path]
        cl100k = ["tokens", path, "--counter", "cl100k_base"]
        ours, theirs = count_output([args.memor, *cl100k]), count_output(tiktoken_cmd)
        if ours != theirs:
            raise SystemExit(f"cl100k_base counts differ on {path}: memor {ours}, tiktoken {theirs}")
        ops["tokens cl100k"] = (lambda: run_cli(tiktoken_cmd), cl100k)
        for op, (py_fn, cli_args) in ops.items():
            py = best(runs, py_fn)
            t = min(run_cli([args.memor, *cli_args]) for _ in range(runs))
            rss = peak_rss([args.memor, *cli_args])
            rows.append((n, size, op, py, t, rss))
            print(f"{n:>7} {op:<17} python {py * 1000:>9.1f} ms  memor {t * 1000:>8.1f} ms  {py / t:>6.1f}x"
                  f"  {size / 1e6 / t:>6.0f} MB/s  {t / n * 1e6:>6.2f} us/msg  peak {rss / size:>5.2f}x file", flush=True)
    os.system(f"rm -rf {d}")


main()
