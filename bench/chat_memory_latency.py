#!/usr/bin/env python3
"""How long a `memor chat` turn takes with long-term memory on, against the same turn
without it: the reply should wait only for the provider and recall, never for
consolidation (which runs in the background after the reply is printed).

A fake OpenAI-compatible server on 127.0.0.1 answers chat turns after CHAT_MS and the
memory steps (filter, extract, decide, reflect: told apart by the shipped prompts' words)
after STEP_MS, with JSON a real model could give. Three runs of TURNS turns each, every
one a fresh SQLite store:

  store    memor chat --store DB --conversation c            (no memory)
  memory   memor chat --store DB --conversation c --memory   (recall before, index and
                                                              consolidate after each turn)

A turn's latency is from writing the line to reading the reply's line. Usage:

  cargo build --release -p memor-cli
  python3 bench/chat_memory_latency.py [--turns 30] [--chat-ms 50] [--step-ms 400]
"""

import argparse
import http.server
import json
import os
import statistics
import subprocess
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def rules(prompt):
    lines = []
    for line in prompt.splitlines():
        if line.startswith("[") and "] " in line:
            label, text = line[1:].split("] ", 1)
            if text.startswith("(written ") and ") " in text:
                text = text.split(") ", 1)[1]
            lines.append((label, text))
    if "Score how much each tells" in prompt:
        return {"messages": [{"id": l, "score": 3} for l, _ in lines]}
    if "Write down what these messages" in prompt:
        return {"observations": [{"message": l, "text": "The user said: " + t, "when": None} for l, t in lines]}
    if "Decide what to do with the observation" in prompt:
        return {"action": "ADD", "id": None, "text": None}
    if "Group the observations by theme" in prompt:
        obs = [l for l, _ in lines if l.startswith("o")]
        return {"insights": [{"theme": "self", "text": "The user talks a lot", "supports": obs, "revises": None}]}
    return None


class Handler(http.server.BaseHTTPRequestHandler):
    chat_ms = 50
    step_ms = 400
    steps = 0

    def log_message(self, *args):
        pass

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        prompt = body["messages"][-1]["content"]
        answer = rules(prompt)
        if answer is None:
            time.sleep(Handler.chat_ms / 1000)
            content = "Noted."
        else:
            Handler.steps += 1
            time.sleep(Handler.step_ms / 1000)
            content = json.dumps(answer)
        reply = json.dumps({"id": "c", "object": "chat.completion", "created": 1, "model": "fake",
                            "choices": [{"index": 0, "message": {"role": "assistant", "content": content},
                                         "finish_reason": "stop"}],
                            "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(reply)))
        self.end_headers()
        self.wfile.write(reply)


def run(binary, url, turns, memory):
    db = os.path.join(tempfile.mkdtemp(), "chat.db")
    args = [binary, "chat", "--provider", "openai", "--model", "fake", "--base-url", url,
            "--store", db, "--conversation", "c", "--user", "ana"]
    if memory:
        args.append("--memory")
    child = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                             env={**os.environ, "OPENAI_API_KEY": "sk-bench"}, text=True, bufsize=1)
    latencies = []
    for i in range(turns):
        start = time.perf_counter()
        child.stdin.write(f"I visited city number {i} on my trip and liked its food\n")
        child.stdin.flush()
        child.stdout.readline()
        latencies.append((time.perf_counter() - start) * 1000)
    t = time.perf_counter()
    child.stdin.close()
    child.wait()
    return latencies, (time.perf_counter() - t) * 1000


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--turns", type=int, default=30)
    p.add_argument("--chat-ms", type=int, default=50)
    p.add_argument("--step-ms", type=int, default=400)
    p.add_argument("--binary", default=os.path.join(ROOT, "target", "release", "memor"))
    a = p.parse_args()
    Handler.chat_ms, Handler.step_ms = a.chat_ms, a.step_ms
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/v1"
    print(f"{a.turns} turns, provider {a.chat_ms} ms per chat reply, {a.step_ms} ms per memory step")
    for name, memory in [("store", False), ("memory", True)]:
        Handler.steps = 0
        lat, tail = run(a.binary, url, a.turns, memory)
        q = statistics.quantiles(lat, n=20)
        print(f"{name:7} turn p50 {statistics.median(lat):7.1f} ms  p95 {q[18]:7.1f} ms  max {max(lat):7.1f} ms"
              f"  | memory-step calls {Handler.steps:3}, exit waited {tail:6.0f} ms for the last job")


if __name__ == "__main__":
    main()
