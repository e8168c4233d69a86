"""Writes `cl100k_base.vocab` and `o200k_base.vocab`: OpenAI's byte-pair vocabularies in the
form memor-tokenize's build script reads.

Run from the workspace root:

    python3 memor-tokenize/data/make_vocab.py [DIR]

DIR holds OpenAI's rank files `cl100k_base.tiktoken` and `o200k_base.tiktoken` (the ones
tiktoken downloads from openaipublic.blob.core.windows.net; the tiktoken-rs crate embeds the
same files, and by default they are taken from its copy under ~/.cargo/registry/src). Each is
checked against the SHA-256 that tiktoken itself expects, so the vocabularies are OpenAI's.

A `.vocab` file holds every token in rank order (rank 0 first, no gaps), each as one byte of
length (1-128) followed by the token's bytes.
"""

import base64
import glob
import hashlib
import os
import sys

# tiktoken_ext/openai_public.py's `expected_hash` of each file.
EXPECTED = {
    "cl100k_base": "223921b76ee99bde995b7ff738513eef100fb51d18c93597a113bcffe865b2a7",
    "o200k_base": "446a9538cb6c348e3516120d7c08b09f57c36495e2acfffe59a5bf8b0cfb1a2d",
}
HERE = os.path.dirname(os.path.abspath(__file__))


def source_dir():
    if len(sys.argv) > 1:
        return sys.argv[1]
    found = sorted(glob.glob(os.path.expanduser("~/.cargo/registry/src/*/tiktoken-rs-*/assets")))
    if not found:
        raise SystemExit("no tiktoken-rs assets under ~/.cargo/registry/src: run `cargo fetch`, or pass DIR")
    return found[-1]


def main():
    src = source_dir()
    for name, expected in EXPECTED.items():
        raw = open(os.path.join(src, f"{name}.tiktoken"), "rb").read()
        digest = hashlib.sha256(raw).hexdigest()
        if digest != expected:
            raise SystemExit(f"{name}.tiktoken: SHA-256 {digest}, tiktoken expects {expected}")
        tokens = {}
        for line in raw.splitlines():
            if line.strip():
                token, rank = line.split()
                tokens[int(rank)] = base64.b64decode(token)
        if sorted(tokens) != list(range(len(tokens))):
            raise SystemExit(f"{name}: the ranks are not 0..{len(tokens)}")
        out = bytearray()
        for rank in range(len(tokens)):
            token = tokens[rank]
            if not 1 <= len(token) <= 255:
                raise SystemExit(f"{name}: token {rank} is {len(token)} bytes long")
            out.append(len(token))
            out += token
        path = os.path.join(HERE, f"{name}.vocab")
        with open(path, "wb") as f:
            f.write(out)
        print(f"{path}: {len(tokens)} tokens, {len(out)} bytes")


main()
