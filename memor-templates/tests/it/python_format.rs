//! `format` against Python 3.11 outcomes in `tests/data/python_format_cases.json`: every
//! presentation type and spec option on ints, floats, strings, bools, None, lists and dicts,
//! conversions, nesting, and 2,500 random brace/bracket soups.

use crate::support::{data_dir, load};

#[test]
fn format_matches_python() {
    let doc = load(&data_dir().join("python_format_cases.json"));
    let shared = doc["shared_args"].as_object().unwrap();
    let cases = doc["cases"].as_array().unwrap();
    let mut failures = Vec::new();
    for case in cases {
        let content = case["content"].as_str().unwrap();
        let args = case.get("args").map_or(shared, |a| a.as_object().unwrap());
        let got = memor_templates::format(content, args);
        let ok = match (case.get("value"), &got) {
            (Some(want), Ok(text)) => want.as_str() == Some(text.as_str()),
            (None, Err(_)) => true,
            _ => false,
        };
        if !ok {
            failures.push(format!("{content:?} {args:?}: got {got:?}, want {case}"));
        }
    }
    println!("python_format_cases: {} checked, {} matched", cases.len(), cases.len() - failures.len());
    assert_eq!(cases.len(), doc["count"].as_u64().unwrap() as usize);
    assert!(failures.is_empty(), "{} mismatches: {failures:#?}", failures.len());
}
