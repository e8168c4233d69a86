//! Python float text against CPython's own output for 299 doubles.

use memor_core::PyFloat;

use crate::fixtures;

#[test]
fn python_float_repr_and_json_dumps_text() {
    let data = fixtures::json("conformance/python_float_format.json");
    let samples = data["cases"].as_array().expect("cases");
    let mut checked = 0;
    for s in samples {
        let value = f64::from_bits(u64::from_str_radix(s["bits"].as_str().unwrap(), 16).unwrap());
        assert_eq!(PyFloat(value).to_string(), s["str"].as_str().unwrap(), "{s}");
        if !value.is_finite() {
            continue; // never written: NaN and infinities are refused (DECISIONS D6)
        }
        assert_eq!(memor_core::json::to_string(&value).unwrap(), s["json"].as_str().unwrap(), "{s}");
        checked += 1;
    }
    assert!(checked >= 296, "only {checked} samples");
}
