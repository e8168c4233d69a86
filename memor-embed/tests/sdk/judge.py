"""The official Python SDKs as judges of memor-embed's requests and reply reading.

For each case (an API, a model, a list of texts, optionally a vector length), the API's
official SDK (the versions memor-providers/tests/sdk/requirements.txt pins) sends its own
embeddings request, as its documentation shows the call, to a loopback server (base URL
127.0.0.1, a dummy key), which answers with the reply shape the API documents (the vectors are
made here, from the case, not from memor's code); the SDK reads it. Printed (one JSON document
on stdout): per case the request the SDK sent (path, headers, body), the reply's bytes, and
the vectors the SDK read. memor's side is tests/it/sdk_judge.rs, which runs this script.

Exit status 3 when an SDK is missing (the Rust test turns that into a failure under
MEMOR_REQUIRE_PYTHON=1).
"""

import base64
import json
import struct
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

try:
    import ollama
    import openai
    from google import genai
    from google.genai import types as gt
    from mistralai.client import Mistral
except ImportError as e:  # pragma: no cover
    print(f"missing SDK: {e}", file=sys.stderr)
    sys.exit(3)

KEY = "sk-judge-0123456789"


class Server:
    """Records each request and answers it with the next queued reply."""

    def __init__(self):
        self.recorded = []
        self.replies = []
        self.sent = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self):
                n = int(self.headers.get("content-length") or 0)
                body = self.rfile.read(n)
                outer.recorded.append({
                    "path": self.path,
                    "headers": {k.lower(): v for k, v in self.headers.items()},
                    "body": json.loads(body) if body else None,
                })
                data = outer.replies.pop(0)
                outer.sent.append(data.decode())
                self.send_response(200)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True).start()
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"


def made_vectors(n, dims):
    """n vectors of dims numbers that f32 holds exactly (multiples of 1/64)."""
    return [[((i * 7 + j * 3) % 129 - 64) / 64 for j in range(dims)] for i in range(n)]


def f32_base64(vector):
    return base64.b64encode(struct.pack(f"<{len(vector)}f", *vector)).decode()


def openai_reply(model, vectors, as_base64):
    data = [{"object": "embedding", "index": i, "embedding": f32_base64(v) if as_base64 else v}
            for i, v in enumerate(vectors)]
    return {"object": "list", "data": data, "model": model, "usage": {"prompt_tokens": 5, "total_tokens": 5}}


def run_openai(server, case, vectors):
    client = openai.OpenAI(base_url=server.base + "/v1", api_key=KEY, max_retries=0)
    server.replies.append(json.dumps(openai_reply(case["model"], vectors, True)).encode())
    kwargs = {"model": case["model"], "input": case["texts"]}
    if case.get("dimensions"):
        kwargs["dimensions"] = case["dimensions"]
    r = client.embeddings.create(**kwargs)
    return [list(d.embedding) for d in r.data]


def run_mistral(server, case, vectors):
    client = Mistral(api_key=KEY, server_url=server.base)
    reply = openai_reply(case["model"], vectors, False)
    reply["id"] = "emb-1"
    server.replies.append(json.dumps(reply).encode())
    kwargs = {"model": case["model"], "inputs": case["texts"]}
    if case.get("dimensions"):
        kwargs["output_dimension"] = case["dimensions"]
    r = client.embeddings.create(**kwargs)
    return [list(d.embedding) for d in r.data]


def run_gemini(server, case, vectors):
    client = genai.Client(api_key=KEY, http_options=gt.HttpOptions(base_url=server.base))
    server.replies.append(json.dumps({"embeddings": [{"values": v} for v in vectors]}).encode())
    config = gt.EmbedContentConfig(output_dimensionality=case["dimensions"]) if case.get("dimensions") else None
    r = client.models.embed_content(model=case["model"], contents=case["texts"], config=config)
    return [list(e.values) for e in r.embeddings]


def run_ollama(server, case, vectors):
    client = ollama.Client(host=server.base)
    server.replies.append(json.dumps({"model": case["model"], "embeddings": vectors}).encode())
    kwargs = {"model": case["model"], "input": case["texts"]}
    if case.get("dimensions"):
        kwargs["dimensions"] = case["dimensions"]
    r = client.embed(**kwargs)
    return [list(v) for v in r.embeddings]


RUN = {"openai": run_openai, "mistral": run_mistral, "gemini": run_gemini, "ollama": run_ollama}

TEXTS = ["The cat sat on the mat.", "Ünïcødé — 日本語のテキスト 🐈", "fn main() { println!(\"hi\"); }"]

CASES = [
    {"api": "openai", "model": "text-embedding-3-small", "texts": TEXTS},
    {"api": "openai", "model": "text-embedding-3-large", "texts": TEXTS[:1], "dimensions": 8},
    {"api": "mistral", "model": "mistral-embed", "texts": TEXTS},
    {"api": "mistral", "model": "codestral-embed", "texts": TEXTS[2:], "dimensions": 8},
    {"api": "gemini", "model": "gemini-embedding-001", "texts": TEXTS},
    {"api": "gemini", "model": "gemini-embedding-001", "texts": TEXTS[:1], "dimensions": 8},
    {"api": "ollama", "model": "all-minilm", "texts": TEXTS},
    {"api": "ollama", "model": "all-minilm", "texts": TEXTS[1:2], "dimensions": 8},
]


def main():
    out = []
    for case in CASES:
        server = Server()
        vectors = made_vectors(len(case["texts"]), case.get("dimensions") or 6)
        read = RUN[case["api"]](server, case, vectors)
        server.httpd.shutdown()
        out.append({**case, "requests": server.recorded, "replies": server.sent, "read": read})
    print(json.dumps(out, ensure_ascii=False))

if __name__ == "__main__":
    main()
