"""Side by side: Python memor 1.1 and this workspace on the same 10,000-message session file.

Needs `pip install memor==1.1`. Run from the repository root:

    python3 bench/side_by_side.py [N]

Python builds and saves the session (the same generator as shared/bench/memor_py_baseline.py),
then both sides time load, save and get_size (memor-core), and render to OpenAI and to a string
and a plain search (memor-render) on that file, best of several runs, one after the other on the
same machine. Prints the timings, the ratios and the Rust throughput.
"""
import os, random, subprocess, sys, tempfile, time, warnings

warnings.simplefilter("ignore")
from memor import LLMModel, Prompt, RenderFormat, Response, Session


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
    "render_openai": best(5, lambda: loaded.render(RenderFormat.OPENAI, enable_counter=False)),
    "render_string": best(5, lambda: loaded.render(RenderFormat.STRING, enable_counter=False)),
    "search_plain": best(5, lambda: loaded.search("memory context")),
}
rust = {}
for package, example in (("memor-core", "time_files"), ("memor-render", "time_render")):
    subprocess.run(["cargo", "build", "--release", "-q", "-p", package, "--example", example], check=True)
    text = subprocess.run([f"target/release/examples/{example}", path, "20"], check=True, capture_output=True, text=True).stdout
    rust.update({line.split("\t")[0]: float(line.split("\t")[1].split()[0]) for line in text.strip().splitlines()})
print(f"file: {n} messages, {size} bytes")
print(f"{'operation':<20}{'python ms':>11}{'rust ms':>10}{'ratio':>8}{'rust MB/s':>11}")
rows = [("load", "load"), ("save (fsync'd)", "save"), ("to_json", "to_json"), ("from_json", "from_json"),
        ("get_size", "get_size"), ("render openai value", "render_openai"), ("render openai json", "render_openai_json"),
        ("render string", "render_string"), ("search plain", "search_plain")]
python_of = {"save (fsync'd)": "save", "to_json": "save", "from_json": "load", "render openai value": "render_openai",
             "render openai json": "render_openai"}
for label, key in rows:
    p = py[python_of.get(label, key)]
    r = rust[key]
    print(f"{label:<20}{p:>11.1f}{r:>10.3f}{p / r:>7.0f}x{size / 1e6 / (r / 1000):>11.0f}")
