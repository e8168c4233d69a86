"""Side by side: Python memor 1.1 and memor-core on the same 10,000-message session file.

Needs `pip install memor==1.1`. Run from the repository root:

    python3 bench/side_by_side.py [N]

Python builds and saves the session (the same generator as shared/bench/memor_py_baseline.py),
then both sides time load, save and get_size on that file, best of several runs, one after the
other on the same machine. Prints the timings, the ratios and the Rust throughput.
"""
import os, random, subprocess, sys, tempfile, time, warnings

warnings.simplefilter("ignore")
from memor import LLMModel, Prompt, Response, Session


def make_session(n, seed=7):
    rnd = random.Random(seed)
    words = ("alpha beta gamma delta memory context window token prompt response model "
             "the of and to in is that for it as with was on be at by this had not are but from").split()
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
    return min(times) * 1000


n = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
d = tempfile.mkdtemp()
path, out = os.path.join(d, "session.json"), os.path.join(d, "out.json")
session = make_session(n)
session.save(path)
size = os.path.getsize(path)
loaded = Session(file_path=path, init_check=False)
py = {
    "load": best(5, lambda: Session(file_path=path, init_check=False)),
    "save": best(5, lambda: loaded.save(out)),
    "get_size": best(5, loaded.get_size),
}
build = subprocess.run(["cargo", "build", "--release", "-q", "-p", "memor-core", "--example", "time_files"], check=True)
rust_out = subprocess.run(["target/release/examples/time_files", path, "20"], check=True, capture_output=True, text=True).stdout
rust = {line.split("\t")[0]: float(line.split("\t")[1].split()[0]) for line in rust_out.strip().splitlines()}
print(f"file: {n} messages, {size} bytes")
print(f"{'op':<10}{'python ms':>12}{'rust ms':>12}{'ratio':>10}{'rust MB/s':>12}")
for op in ("load", "save", "get_size"):
    ratio = py[op] / rust[op]
    print(f"{op:<10}{py[op]:>12.1f}{rust[op]:>12.3f}{ratio:>9.0f}x{size / 1e6 / (rust[op] / 1000):>12.0f}")
