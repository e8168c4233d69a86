//! memor's three estimators on the 366 strings of `estimator_corpus.json`, with its debug
//! intermediates, and the word lists against `estimator_lists.json`.

use memor_tokenize::Estimator;
use memor_tokenize::estimators::{openai, universal};
use serde_json::Value;

use crate::fixtures;

fn entries() -> Vec<Value> {
    let corpus = fixtures::testdata("conformance/estimator_corpus.json");
    let entries = corpus["entries"].as_array().unwrap().clone();
    assert_eq!(entries.len(), corpus["count"].as_u64().unwrap() as usize);
    assert_eq!(entries.len(), 366);
    entries
}

#[test]
fn corpus_values_match_memor() {
    let mut checked = 0;
    for entry in entries() {
        let (id, text) = (entry["id"].as_str().unwrap(), entry["text"].as_str().unwrap());
        for estimator in Estimator::ALL {
            let want = entry[estimator.memor_name()].as_u64().unwrap() as usize;
            assert_eq!(estimator.estimate(text), want, "{id} {} {text:?}", estimator.memor_name());
            checked += 1;
        }
    }
    assert_eq!(checked, 3 * 366);
}

/// 2,000 seeded random strings built to exercise every rule (`tests/data/gen_estimators.py`),
/// with memor 1.1's estimates.
#[test]
fn random_strings_match_memor() {
    let data = fixtures::data("estimator_random.json");
    let cases = data["cases"].as_array().unwrap();
    assert_eq!(cases.len(), 2000);
    let mut code = 0;
    for case in cases {
        let text = case["text"].as_str().unwrap();
        code += usize::from(universal::is_code(text));
        for estimator in Estimator::ALL {
            let want = case[estimator.memor_name()].as_u64().unwrap() as usize;
            assert_eq!(estimator.estimate(text), want, "{} {text:?}", estimator.memor_name());
        }
    }
    // Both rule sets are well covered.
    assert!((300..1700).contains(&code), "{code} of the strings are code");
}

#[test]
fn corpus_intermediates_match_memor() {
    for entry in entries() {
        let (id, text, debug) = (entry["id"].as_str().unwrap(), entry["text"].as_str().unwrap(), &entry["debug"]);
        let is_code = universal::is_code(text);
        assert_eq!(is_code, debug["is_code"].as_bool().unwrap(), "{id} is_code {text:?}");
        let preprocessed = if is_code { text.into() } else { universal::preprocess(text) };
        let want_preprocessed = debug["preprocessed"].as_str().unwrap_or(text);
        assert_eq!(preprocessed, want_preprocessed, "{id} preprocessed");
        let tokens: Vec<&str> = universal::tokens(&preprocessed).collect();
        // The corpus leaves out the list (not the count) for its longest text.
        if let Some(want) = debug["tokens"].as_array() {
            let want: Vec<&str> = want.iter().map(|t| t.as_str().unwrap()).collect();
            assert_eq!(tokens, want, "{id} tokens {text:?}");
        }
        assert_eq!(tokens.len() as u64, debug["token_count"].as_u64().unwrap(), "{id} token_count");
        // The unrounded estimates, to the last bit.
        let raw = openai::raw_estimate(text);
        assert_eq!(raw, debug["openai_raw_estimate"].as_f64().unwrap(), "{id} raw estimate {text:?}");
        assert_eq!(raw * 1.05, debug["openai_raw_estimate_x1_05"].as_f64().unwrap(), "{id} raw estimate x1.05");
    }
}

#[test]
fn estimators_have_memor_names_and_ids() {
    assert_eq!(Estimator::default(), Estimator::Universal);
    for e in Estimator::ALL {
        assert_eq!(Estimator::from_name(e.id()), Some(e));
        assert_eq!(Estimator::from_name(e.memor_name()), Some(e));
    }
    assert_eq!(Estimator::from_name("DEFAULT"), None);
}

/// `str.isspace` code points from the data file: each separates tokens (spec §14.4).
#[test]
fn python_whitespace_separates_tokens() {
    let lists = fixtures::testdata("conformance/estimator_lists.json");
    for cp in lists["python_isspace_codepoints"].as_array().unwrap() {
        let c = char::from_u32(cp.as_u64().unwrap() as u32).unwrap();
        let text = format!("ab{c}cd");
        assert_eq!(universal::tokens(&text).collect::<Vec<_>>(), ["ab", "cd"], "U+{:04X}", c as u32);
    }
    // U+200B ZERO WIDTH SPACE is not whitespace to Python.
    assert_eq!(universal::tokens("ab\u{200B}cd").collect::<Vec<_>>(), ["ab", "\u{200B}", "cd"]);
}
