//! Numbers that remember whether they were written as an integer or a float.

use std::fmt;

use crate::PyFloat;

/// A non-negative sampling or timing value: `temperature`, `score`, `top_p`, `inference_time`,
/// a size threshold.
///
/// memor keeps Python's int/float distinction (`"temperature": 3` stays `3`, `3.0` stays
/// `3.0`), so this type does too. Equality is numeric, as in Python (`Int(1) == Float(1.0)`).
#[derive(Clone, Copy, Debug)]
pub enum Number {
    /// Written without a fractional part.
    Int(u64),
    /// Written as Python writes a float.
    Float(f64),
}

impl Number {
    /// The value as `f64` (exact for integers below 2^53).
    pub fn as_f64(self) -> f64 {
        match self {
            Number::Int(i) => i as f64,
            Number::Float(f) => f,
        }
    }
}

impl PartialEq for Number {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Number::Int(a), Number::Int(b)) => a == b,
            _ => self.as_f64() == other.as_f64(),
        }
    }
}

impl From<f64> for Number {
    fn from(v: f64) -> Self {
        Number::Float(v)
    }
}

impl From<f32> for Number {
    fn from(v: f32) -> Self {
        Number::Float(f64::from(v))
    }
}

impl From<u64> for Number {
    fn from(v: u64) -> Self {
        Number::Int(v)
    }
}

impl From<u32> for Number {
    fn from(v: u32) -> Self {
        Number::Int(u64::from(v))
    }
}

/// Python's `str()`: `3`, `3.0`, `1e-05`.
impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Number::Int(i) => write!(f, "{i}"),
            Number::Float(v) => PyFloat(*v).fmt(f),
        }
    }
}
