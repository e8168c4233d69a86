//! `py_repr` / `py_ascii` on Python's 368 string samples and `py_str` on its 299 floats.

use serde_json::{Number, Value};

use crate::support::{conformance_dir, load};

#[test]
fn string_repr_and_ascii_match_python() {
    let doc = load(&conformance_dir().join("python_str_repr.json"));
    let cases = doc["cases"].as_array().unwrap();
    let mut checked = 0;
    let mut failures = Vec::new();
    for case in cases {
        let text = case["text"].as_str().unwrap();
        let value = Value::String(text.to_owned());
        checked += 1;
        if memor_templates::py_repr(&value) != case["repr"].as_str().unwrap() {
            failures.push(format!("repr {text:?}"));
        }
        if memor_templates::py_ascii(&value) != case["ascii"].as_str().unwrap() {
            failures.push(format!("ascii {text:?}"));
        }
    }
    println!("python_str_repr: {checked} strings, {} mismatches", failures.len());
    assert_eq!(checked, 368);
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn float_str_matches_python() {
    let doc = load(&conformance_dir().join("python_float_format.json"));
    let cases = doc["cases"].as_array().unwrap();
    let (mut checked, mut skipped) = (0, 0);
    let mut failures = Vec::new();
    for case in cases {
        let bits = u64::from_str_radix(case["bits"].as_str().unwrap(), 16).unwrap();
        let Some(number) = Number::from_f64(f64::from_bits(bits)) else {
            skipped += 1;
            continue;
        };
        checked += 1;
        let got = memor_templates::py_str(&Value::Number(number));
        if got != case["str"].as_str().unwrap() {
            failures.push(format!("{bits:016x}: got {got}, want {}", case["str"]));
        }
    }
    println!(
        "python_float_format: {checked} finite floats checked, {skipped} non-finite skipped, {} mismatches",
        failures.len()
    );
    assert_eq!(checked + skipped, 299);
    assert!(failures.is_empty(), "{failures:#?}");
}
