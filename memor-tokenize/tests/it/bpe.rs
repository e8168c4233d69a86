//! The exact counters against Python tiktoken's token ids (`tests/data/tiktoken_ids.json`,
//! written by `tests/data/gen_tiktoken.py`).

use memor_tokenize::{CounterRegistry, Encoding};

use crate::fixtures;

#[test]
fn token_ids_match_tiktoken() {
    let data = fixtures::data("tiktoken_ids.json");
    let cases = data["cases"].as_array().unwrap();
    assert_eq!(cases.len(), data["count"].as_u64().unwrap() as usize);
    assert!(cases.len() >= 600);
    let mut checked = 0;
    for case in cases {
        let text = case["text"].as_str().unwrap();
        for encoding in Encoding::ALL {
            let want: Vec<u32> =
                case[encoding.id()].as_array().unwrap().iter().map(|id| id.as_u64().unwrap() as u32).collect();
            assert_eq!(encoding.encode(text), want, "{} {text:?}", encoding.id());
            assert_eq!(encoding.count(text), want.len(), "{} count {text:?}", encoding.id());
            checked += 1;
        }
    }
    assert_eq!(checked, 2 * cases.len());
}

#[test]
fn encodings_are_registered_counters() {
    let registry = CounterRegistry::with_builtins();
    for encoding in Encoding::ALL {
        assert_eq!(Encoding::from_id(encoding.id()), Some(encoding));
        let counter = registry.get(encoding.id()).unwrap();
        assert_eq!(counter.id(), encoding.id());
        // tiktoken: "hello world" is [15339, 1917] in cl100k_base and [24912, 2375] in o200k_base.
        assert_eq!(counter.count("hello world"), 2);
    }
    assert_eq!(Encoding::from_id("p50k_base"), None);
}

/// A whitespace run long enough to overflow fancy-regex's stack in tiktoken (Python and
/// tiktoken-rs both panic on a million spaces before a letter) is counted, not a panic.
/// Python tiktoken gives 3908 tokens for 500,000 spaces and an `x`, in both encodings.
#[test]
fn long_whitespace_runs_are_counted() {
    let text = format!("{}x", " ".repeat(500_000));
    for encoding in Encoding::ALL {
        assert_eq!(encoding.count(&text), 3908, "{}", encoding.id());
    }
    let text = format!("{}x", " ".repeat(1_000_000));
    for encoding in Encoding::ALL {
        assert!(encoding.count(&text) > 3908, "{}", encoding.id());
    }
}

/// A long text is counted in two halves on two threads, with each distinct piece encoded
/// once: the count is still the length of the ids (which are encoded whole, by the other
/// path), on texts made of every fixture case, in two orders.
#[test]
fn long_texts_count_as_their_ids() {
    let data = fixtures::data("tiktoken_ids.json");
    let texts: Vec<&str> = data["cases"].as_array().unwrap().iter().map(|c| c["text"].as_str().unwrap()).collect();
    let mut forward = String::new();
    while forward.len() < 600 << 10 {
        for t in &texts {
            forward.push_str(t);
            forward.push_str(" and ");
        }
    }
    let backward: String = texts.iter().rev().flat_map(|t| [*t, "\n"]).collect::<String>().repeat(40);
    assert!(backward.len() > 300 << 10);
    for text in [&forward, &backward] {
        for encoding in Encoding::ALL {
            assert_eq!(encoding.count(text), encoding.encode(text).len(), "{}", encoding.id());
        }
    }
}
