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
        let (digits, decpt) = shortest_digits(v.abs());
        let negative = v.is_sign_negative();
        let exp = decpt - 1;
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

/// The shortest digits that round-trip to `x` (finite, ≥ 0), without trailing zeros, and the
/// decimal point's position: `x ≈ 0.d₁d₂… × 10^decpt`, as David Gay's `dtoa` (mode 0) gives
/// them to CPython.
///
/// Rust's `{:e}` gives the same digits except when `x` lies exactly halfway between two
/// shortest candidates (`914257405243013.25`): `dtoa` takes the one with the even last digit.
/// That needs `x` to have an exact decimal expansion only one digit longer than the shortest,
/// which only values with few fractional bits can have, so only those are checked.
pub fn shortest_digits(x: f64) -> (String, i32) {
    if x == 0.0 {
        return ("0".to_owned(), 1);
    }
    let mut buf = StackStr::<40>::default();
    let _ = write!(buf, "{x:e}");
    let (digits, decpt) = split_exp(buf.as_str());
    if !may_tie(x) {
        return (digits, decpt);
    }
    // The exact decimal value of an f64 has at most 767 significant digits.
    let (exact, exact_decpt) = split_exp(&format!("{x:.767e}"));
    let n = digits.len();
    if exact.len() != n + 1 || !exact.ends_with('5') {
        return (digits, decpt);
    }
    let lower = &exact[..n];
    let (even, even_decpt) = if lower.bytes().last().is_some_and(|d| (d - b'0') % 2 == 0) {
        (lower.trim_end_matches('0').to_owned(), exact_decpt)
    } else {
        increment(lower, exact_decpt)
    };
    if format!("0.{even}e{even_decpt}").parse::<f64>() == Ok(x) { (even, even_decpt) } else { (digits, decpt) }
}

/// Whether `x`'s exact decimal expansion can be short enough (≤ 18 significant digits) for a
/// tie: `m × 2^-k` with `m` odd has about `log10(m) + 0.7k` of them.
fn may_tie(x: f64) -> bool {
    let bits = x.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1 << 52) - 1);
    let (mantissa, exp2) = if exponent == 0 { (fraction, -1074) } else { (fraction | (1 << 52), exponent - 1075) };
    let lowest = exp2 + mantissa.trailing_zeros() as i32;
    lowest > -27
}

/// `0.digits × 10^decpt` plus one unit in the last digit, without trailing zeros.
fn increment(digits: &str, decpt: i32) -> (String, i32) {
    let mut bytes = digits.as_bytes().to_vec();
    while let Some(last) = bytes.pop() {
        if last != b'9' {
            bytes.push(last + 1);
            return (String::from_utf8_lossy(&bytes).into_owned(), decpt);
        }
    }
    // All nines: 0.99…9 + one unit = 0.1 × 10^(decpt + 1).
    ("1".to_owned(), decpt + 1)
}

/// Digits (no trailing zeros) and decimal point of Rust's `{:e}` text (`1.2345e-5`, `7e0`).
fn split_exp(text: &str) -> (String, i32) {
    let (mantissa, exp) = text.split_once('e').unwrap_or((text, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let digits = digits.trim_end_matches('0');
    if digits.is_empty() { ("0".to_owned(), 1) } else { (digits.to_owned(), exp + 1) }
}

/// A fixed-capacity string on the stack, so formatting a float allocates nothing.
struct StackStr<const N: usize> {
    buf: [u8; N],
    len: usize,
}

impl<const N: usize> Default for StackStr<N> {
    fn default() -> Self {
        Self { buf: [0; N], len: 0 }
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
        self.buf.get_mut(self.len..end).ok_or(fmt::Error)?.copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::PyFloat;

    /// Values exactly halfway between two shortest digit strings, with CPython 3.11's repr.
    #[test]
    fn ties_take_the_even_digit_as_python_does() {
        let cases = [
            ("43110f9611b1549b", "1200552955106598.8"),
            ("431164eb6ea0d53f", "1224009235051855.8"),
            ("42e71bb6be6b92ac", "203262379908245.38"),
            ("42adc3f297c81c60", "16363712930830.188"),
            ("430981877c13ad4a", "897411664999849.2"),
            ("42e45b769d0add14", "179064516663016.62"),
            ("430e2935df18d15e", "1061195081783851.8"),
            ("43028286c5b7193a", "651258116891431.2"),
            ("42e6d8e9081a1e44", "200967026954482.12"),
            ("42ecc148bde3488c", "252931797359172.38"),
            ("42eac5009aca223c", "235467368190225.88"),
            ("4306c4ece7a9c0da", "801121408202779.2"),
        ];
        for (bits, python) in cases {
            let x = f64::from_bits(u64::from_str_radix(bits, 16).unwrap());
            assert_eq!(PyFloat(x).to_string(), python, "{bits}");
            assert_eq!(PyFloat(-x).to_string(), format!("-{python}"), "{bits}");
        }
        // Exactly 914257405243013.25, halfway between ...013.2 and ...013.3.
        assert_eq!(PyFloat(-(914_257_405_243_013.0 + 0.25)).to_string(), "-914257405243013.2");
    }

    #[test]
    fn increment_carries() {
        assert_eq!(super::increment("199", 3), ("2".to_owned(), 3));
        assert_eq!(super::increment("99", 3), ("1".to_owned(), 4));
    }
}
