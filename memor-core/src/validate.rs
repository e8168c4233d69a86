//! memor's value checks (spec §4), shared by constructors, setters and loaders.

use serde_json::{Map, Value};

use crate::{Error, Number, Result};

/// memor's `positive` number rule (≥ 0), plus DECISIONS D6: finite.
pub(crate) fn positive_number(param: &'static str, value: Number) -> Result<Number> {
    if let Number::Float(v) = value {
        if v < 0.0 {
            return Err(Error::NotPositiveNumber { param: param.into() });
        }
        if !v.is_finite() {
            return Err(Error::NotFinite { param: param.into() });
        }
    }
    Ok(value)
}

/// memor's probability rule (0 ≤ v ≤ 1), plus DECISIONS D6: NaN is rejected.
pub(crate) fn probability(param: &'static str, value: Number) -> Result<Number> {
    let v = value.as_f64();
    if v.is_nan() {
        return Err(Error::NotFinite { param: param.into() });
    }
    if !(0.0..=1.0).contains(&v) {
        return Err(Error::NotProbability { param: param.into() });
    }
    Ok(value)
}

/// Applies `check` when a value is present (memor accepts `None` everywhere it checks).
pub(crate) fn optional<T>(value: Option<T>, check: impl FnOnce(T) -> Result<T>) -> Result<Option<T>> {
    value.map(check).transpose()
}

/// memor's warnings structure rule (§4.12): keys ⊆ {size, tokens}, every value an object.
pub(crate) fn warnings(map: &Map<String, Value>) -> Result<()> {
    let ok = map.iter().all(|(k, v)| matches!(k.as_str(), "size" | "tokens") && v.is_object());
    if ok { Ok(()) } else { Err(Error::WarningsStructure) }
}

/// `warnings["size"] = {"enable": True, "threshold": threshold}`.
pub(crate) fn set_size_warning(warnings: &mut Map<String, Value>, threshold: Number) -> Result<()> {
    let threshold = positive_number("threshold", threshold)?;
    let value = match threshold {
        Number::Int(i) => Value::from(i),
        Number::Float(f) => Value::from(f),
    };
    let mut size = Map::new();
    size.insert("enable".into(), Value::Bool(true));
    size.insert("threshold".into(), value);
    warnings.insert("size".into(), Value::Object(size));
    Ok(())
}

/// `warnings["size"] = {"enable": False, "threshold": 0}`.
pub(crate) fn reset_size_warning(warnings: &mut Map<String, Value>) {
    let mut size = Map::new();
    size.insert("enable".into(), Value::Bool(false));
    size.insert("threshold".into(), Value::from(0u64));
    warnings.insert("size".into(), Value::Object(size));
}
