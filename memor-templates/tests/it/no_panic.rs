//! `format` returns (never panics) on pseudo-random brace soups with multi-byte characters,
//! deep nesting and huge numbers.

use serde_json::json;

/// Deterministic xorshift, so failures reproduce without a fuzzing dependency.
fn next(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

#[test]
fn random_inputs_never_panic() {
    const PIECES: &[&str] = &[
        "{",
        "}",
        "[",
        "]",
        ":",
        "!",
        ".",
        "a",
        "s",
        "0",
        "9",
        "٣",
        "é",
        "😀",
        "\u{0}",
        "#",
        ",",
        "_",
        "%",
        "z",
        "<",
        "^",
        "=",
        "+",
        " ",
        "c",
        "x",
        "{a:{s}}",
        "99999999999999999999",
        "100001",
        "[0]",
        "[k]",
        "!r",
        "!a",
    ];
    let args = json!({
        "a": 1.5e300, "s": ">3", "c": [65, "é"], "x": 1_114_112, "k": {"k": "v"},
        "é": 55296, "😀": "😀", "0": 0
    });
    let args = args.as_object().unwrap();
    let mut state = 0x9E37_79B9_7F4A_7C15_u64;
    let mut ok = 0;
    for _ in 0..50_000 {
        let len = next(&mut state) % 14;
        let text: String = (0..len).map(|_| PIECES[(next(&mut state) % PIECES.len() as u64) as usize]).collect();
        if memor_templates::format(&text, args).is_ok() {
            ok += 1;
        }
    }
    assert!(ok > 0);
}
