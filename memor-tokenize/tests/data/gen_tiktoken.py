"""Token ids from OpenAI's Python tiktoken, for memor-tokenize's exact-counter tests.

Run from the workspace root (writes memor-tokenize/tests/data/tiktoken_ids.json):

    pip install tiktoken==0.14.0
    python3 memor-tokenize/tests/data/gen_tiktoken.py

tiktoken downloads its rank files from openaipublic.blob.core.windows.net. Where that host is
unreachable, this script seeds tiktoken's cache with the copies embedded in the tiktoken-rs crate
(found under ~/.cargo/registry/src; override with TIKTOKEN_RS_ASSETS=<dir>). tiktoken checks the
files against OpenAI's SHA-256 before using them, so the encodings are OpenAI's own definitions
(`tiktoken.get_encoding`), pattern and special tokens included.

The strings: memor's estimator corpus (testdata/conformance/estimator_corpus.json), a hand-written
list (prose, code, CJK, emoji, whitespace runs, special-token lookalikes), and seeded random
mixtures of those pieces. Ids come from `encode_ordinary` (special tokens count as plain text).
"""

import glob
import hashlib
import json
import os
import random
import shutil
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
OUT = os.path.join(ROOT, "memor-tokenize", "tests", "data", "tiktoken_ids.json")
URL = "https://openaipublic.blob.core.windows.net/encodings/{}.tiktoken"
NAMES = ["cl100k_base", "o200k_base"]


def seed_cache():
    """Point tiktoken's cache at copies of the rank files, named as tiktoken names them."""
    assets = os.environ.get("TIKTOKEN_RS_ASSETS")
    if not assets:
        found = sorted(glob.glob(os.path.expanduser("~/.cargo/registry/src/*/tiktoken-rs-*/assets")))
        if not found:
            return
        assets = found[-1]
    cache = tempfile.mkdtemp(prefix="tiktoken-cache-")
    for name in NAMES:
        key = hashlib.sha1(URL.format(name).encode()).hexdigest()
        shutil.copyfile(os.path.join(assets, name + ".tiktoken"), os.path.join(cache, key))
    os.environ["TIKTOKEN_CACHE_DIR"] = cache


HAND = [
    "",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    "hello world",
    "Hello, world!",
    "The quick brown fox jumps over the lazy dog.",
    "I'm sure they'll say it's fine, but we've seen what you'd do.",
    "DON'T SHOUT. I'LL LISTEN. WE'RE HERE. THEY'VE GONE.",
    "naïve café résumé coöperate Ångström",
    "Straße, Maß, Fuß; İstanbul; ǅemal",
    "Привет, как дела? Всё хорошо.",
    "Γειά σου Κόσμε",
    "مرحبا بالعالم، كيف حالك؟",
    "שלום עולם",
    "नमस्ते दुनिया",
    "สวัสดีชาวโลก",
    "你好，世界！今天天气很好。",
    "人工智能正在改变世界，大型语言模型可以生成文本、翻译语言和回答问题。",
    "こんにちは世界。カタカナとひらがなと漢字。",
    "東京都渋谷区神南1-2-3",
    "안녕하세요 세계",
    "😀😃😄😁😆😅😂🤣",
    "👨‍👩‍👧‍👦 family, 🏳️‍🌈 flag, 👍🏽 thumbs",
    "emoji at end 🚀",
    "🇫🇷🇩🇪🇯🇵",
    "e\u0301 combining, a\u0308, n\u0303",
    "zero\u200bwidth\u200bspace and \u200dZWJ",
    "\u00a0non-breaking\u00a0space\u3000ideographic space",
    "tabs\tand\t\ttabs",
    "trailing spaces   ",
    "   leading spaces",
    "a  b   c    d     e",
    "line1\nline2\n\nline4\n\n\n",
    "mixed \n \n  \n   \n",
    "windows\r\nline\r\nendings\r\n",
    "    indented\n        more\n            most",
    "\n\n\n\n\n\n\n\n\n\n",
    " \t \t \n\t\n",
    "x" * 300,
    " " * 100,
    "ab" * 100,
    "1234567890" * 5,
    "3.14159 2.71828 1e-10 -42 +7 0x1F 0b1010 1_000_000",
    "Numbers: 1, 12, 123, 1234, 12345, 123456, 1234567.",
    "١٢٣٤٥ ٦٧٨٩٠ and ５６７ fullwidth",
    "²³ superscripts ½ fractions Ⅻ roman",
    "<|endoftext|>",
    "before <|endoftext|> after",
    "<|fim_prefix|><|fim_middle|><|fim_suffix|><|endofprompt|>",
    "def hello():\n    print(\"Hello, world!\")\n",
    "fn main() {\n    let v: Vec<u32> = (0..10).collect();\n    println!(\"{:?}\", v);\n}\n",
    "#include <stdio.h>\nint main(void) { printf(\"%d\\n\", 42); return 0; }",
    "SELECT id, name FROM users WHERE age > 30 ORDER BY name DESC;",
    "const f = (a, b) => a ?? b; // nullish\nlet x = obj?.prop?.[key];",
    "<div class=\"container\"><p>Hello &amp; welcome</p></div>",
    "{\"key\": [1, 2, 3], \"nested\": {\"a\": null, \"b\": true}}",
    "https://example.com/path/to/page?query=1&other=two#frag",
    "user@example.com, +1 (555) 123-4567",
    "$HOME/.config/memor/settings.toml",
    "C:\\Users\\name\\Documents\\file.txt",
    "if (x <= 10 && y >= 20 || z != 30) { return x << 2 >> 1; }",
    "a+=1; b-=2; c*=3; d/=4; e%=5; f**=6;",
    "!!!???...,,,;;;:::",
    "—–-‒ dashes … ellipsis “quotes” ‘single’ «guillemets»",
    "Tab\tseparated\tvalues\n1\t2\t3",
    "CamelCaseIdentifier snake_case_identifier SCREAMING_SNAKE kebab-case-id",
    "HTTPServer XMLHttpRequest iPhone eBay McDonald's",
    "'s 't 're 've 'm 'll 'd",
    "'S 'T 'RE 'VE 'M 'LL 'D",
    "it's", "IT'S", "it’s",
    "rock'n'roll o'clock y'all'd've",
    "'quoted' \"double\" `backtick`",
    "    \n    \n",
    "x \n y",
    "x  \n  y",
    "end with newline\n",
    "end with spaces and newline  \n",
    "\u2028line separator\u2029paragraph separator",
    "\x0b\x0c vertical tab and form feed",
    "\x1c\x1d\x1e\x1f ascii separators",
    "\u0085 next line",
    "control \x00 \x01 \x7f chars",
    "ﬁ ﬂ ligatures and ℌ𝔢𝔩𝔩𝔬 math fraktur",
    "𝐁𝐨𝐥𝐝 𝑰𝒕𝒂𝒍𝒊𝒄 𝟙𝟚𝟛",
    "ⓐⓑⓒ ① ② ③",
    "The year 2024 had 366 days; 2025 has 365.",
    "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.",
    "Supercalifragilisticexpialidocious antidisestablishmentarianism pneumonoultramicroscopicsilicovolcanoconiosis",
    " " * 5000 + "x",
    "\n" * 3000 + "end",
    " \n" * 2000,
    "\t " * 2000 + "x",
    " \t\u3000\u00a0" * 1000 + "x",
    "a" * 5000,
    "!" * 3000,
    "9" * 3001,
    "汉" * 2000,
    "😀" * 1000,
]

PIECES = [
    "the", "The", " of", "and", "memor", "token", "counting", "'s", "'ll", "don't", "I'M",
    " ", "  ", "   ", "\t", "\n", "\n\n", "\r\n", " \n", "\u3000", "\u00a0",
    "123", "4567", "3.14", "١٢٣", "²",
    "你好", "世界", "日本語", "한국어", "Привет", "مرحبا", "ñ", "é", "e\u0301",
    "😀", "👍🏽", "🇯🇵", "👨‍👩‍👧",
    "(", ")", "{", "}", "[", "]", "=>", "==", "!=", "::", "->", "...", "/", "//", "\\", "\"", "'", "`",
    "fn", "def", "return", "println!", "self.value", "snake_case", "CamelCase", "URL", "http://x.io",
    "<|endoftext|>", "<", ">", "&", "#", "@", "$", "%", "^", "*", "_", "~", "|",
]


def random_strings(n, seed=20250101):
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        k = rng.randint(1, 40)
        out.append("".join(rng.choice(PIECES) for _ in range(k)))
    return out


def main():
    seed_cache()
    import tiktoken

    encodings = {name: tiktoken.get_encoding(name) for name in NAMES}
    with open(os.path.join(ROOT, "testdata", "conformance", "estimator_corpus.json"), encoding="utf-8") as f:
        corpus = [e["text"] for e in json.load(f)["entries"]]

    texts, seen = [], set()
    for text in HAND + corpus + random_strings(200):
        if text not in seen:
            seen.add(text)
            texts.append(text)

    cases = [{"text": t, **{name: enc.encode_ordinary(t) for name, enc in encodings.items()}} for t in texts]
    doc = {
        "_doc": "Token ids from Python tiktoken's encode_ordinary; generated by gen_tiktoken.py (see its docstring).",
        "tiktoken_version": tiktoken.__version__,
        "python_version": sys.version.split()[0],
        "count": len(cases),
        "cases": cases,
    }
    # One case per line, so that a change shows as a readable diff.
    head = json.dumps({k: v for k, v in doc.items() if k != "cases"}, ensure_ascii=False)[:-1]
    lines = [json.dumps(case, ensure_ascii=False, separators=(",", ":")) for case in cases]
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(head + ', "cases": [\n' + ",\n".join(lines) + "\n]}\n")
    print(f"wrote {len(cases)} cases to {OUT}")


if __name__ == "__main__":
    main()
