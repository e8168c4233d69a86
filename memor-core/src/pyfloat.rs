//! Python's `repr(float)`: the float text memor writes in JSON, templates and warnings.

use std::fmt::{self, Write};

/// Displays an `f64` exactly as Python 3's `repr()` and `str()` do.
///
/// Shortest round-trip digits; positional notation when the decimal exponent is in
/// `-4..16` (always with a fractional part, `3.0`), scientific otherwise (`1e-05`, `1e+16`).
/// Non-finite values print as `nan`, `inf` and `-inf`.
///
/// ```
/// use memor_core::PyFloat;
/// assert_eq!(PyFloat(3.0).to_string(), "3.0");
/// assert_eq!(PyFloat(1e-5).to_string(), "1e-05");
/// assert_eq!(PyFloat(1e16).to_string(), "1e+16");
/// assert_eq!(PyFloat(0.1 + 0.2).to_string(), "0.30000000000000004");
/// ```
#[derive(Clone, Copy, Debug)]
pub struct PyFloat(pub f64);

impl fmt::Display for PyFloat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let v = self.0;
        if v.is_nan() {
            return f.write_str("nan");
        }
        if v.is_infinite() {
            return f.write_str(if v < 0.0 { "-inf" } else { "inf" });
        }
        // Rust's `{:e}` gives the shortest round-trip digits: `-1.2345e-5`, `1e16`, `0e0`.
        let mut buf = StackStr::<40>::default();
        write!(buf, "{v:e}")?;
        let sci = buf.as_str();
        let (negative, sci) = match sci.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, sci),
        };
        let (mantissa, exp) = sci.split_once('e').ok_or(fmt::Error)?;
        let exp: i32 = exp.parse().map_err(|_| fmt::Error)?;
        let mut digits = StackStr::<24>::default();
        for c in mantissa.chars().filter(|&c| c != '.') {
            digits.write_char(c)?;
        }
        let digits = digits.as_str();
        if negative {
            f.write_char('-')?;
        }
        if (-4..16).contains(&exp) {
            write_positional(f, digits, exp)
        } else {
            let (first, rest) = digits.split_at(1);
            f.write_str(first)?;
            if !rest.is_empty() {
                write!(f, ".{rest}")?;
            }
            let sign = if exp < 0 { '-' } else { '+' };
            write!(f, "e{sign}{:02}", exp.unsigned_abs())
        }
    }
}

/// `digits` × 10^(exp - len + 1) in positional notation, always with a fractional part.
fn write_positional(f: &mut fmt::Formatter<'_>, digits: &str, exp: i32) -> fmt::Result {
    if exp < 0 {
        f.write_str("0.")?;
        for _ in 0..(-exp - 1) {
            f.write_char('0')?;
        }
        return f.write_str(digits);
    }
    let int_len = exp as usize + 1;
    if digits.len() <= int_len {
        f.write_str(digits)?;
        for _ in digits.len()..int_len {
            f.write_char('0')?;
        }
        f.write_str(".0")
    } else {
        let (int_part, frac) = digits.split_at(int_len);
        write!(f, "{int_part}.{frac}")
    }
}

/// A fixed-capacity string on the stack, so formatting a float allocates nothing.
struct StackStr<const N: usize> {
    buf: [u8; N],
    len: usize,
}

impl<const N: usize> Default for StackStr<N> {
    fn default() -> Self {
        Self {
            buf: [0; N],
            len: 0,
        }
    }
}

impl<const N: usize> StackStr<N> {
    fn as_str(&self) -> &str {
        // Only whole `&str`s are ever appended, so the bytes are valid UTF-8.
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or_default()
    }
}

impl<const N: usize> Write for StackStr<N> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len + s.len();
        self.buf
            .get_mut(self.len..end)
            .ok_or(fmt::Error)?
            .copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}
