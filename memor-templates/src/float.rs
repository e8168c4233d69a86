//! Python's float-to-text core (`PyOS_double_to_string`): `repr`, and the `e`, `f`, `g` codes.
//!
//! CPython asks David Gay's `dtoa` for a digit string and a decimal-point position, then lays
//! them out (`format_float_short` in `Python/pystrtod.c`). Rust's exact and shortest float
//! formatting give the same correctly rounded digits (ties to even), so [`digits`] gets them
//! from `format!` and [`layout`] ports the layout step line by line.

/// Which digits `dtoa` is asked for.
#[derive(Clone, Copy)]
enum Mode {
    /// Mode 0: the shortest digits that round-trip.
    Shortest,
    /// Mode 2: at most this many significant digits (at least 1).
    Significant(usize),
    /// Mode 3: digits up to this many places after the decimal point.
    Fixed(usize),
}

/// A float presentation code as `PyOS_double_to_string` takes it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Code {
    /// `e`: scientific with `precision` digits after the point.
    Exp,
    /// `f`: fixed point with `precision` digits after the point.
    Fixed,
    /// `g`: general, `precision` significant digits.
    General,
    /// `r`: `repr` (shortest round-trip digits).
    Repr,
}

/// Options of `PyOS_double_to_string` (`Py_DTSF_*` flags and the upper-case codes).
#[derive(Clone, Copy, Default, Debug)]
pub(crate) struct Flags {
    /// `Py_DTSF_SIGN`: write `+` for non-negative values.
    pub(crate) sign: bool,
    /// `Py_DTSF_ADD_DOT_0`: make an integral positional result end in `.0`.
    pub(crate) add_dot_0: bool,
    /// `Py_DTSF_ALT`: the `#` alternate form (keep the point and trailing zeros).
    pub(crate) alt: bool,
    /// `Py_DTSF_NO_NEG_0`: the `z` option (a result that is zero loses its minus sign).
    pub(crate) no_neg_0: bool,
    /// Upper-case code (`E`, `F`, `G`): `E`, `INF`, `NAN`.
    pub(crate) upper: bool,
}

/// Python `repr(x)` / `str(x)` for a float.
pub(crate) fn repr(x: f64) -> String {
    to_string(x, Code::Repr, 0, Flags { add_dot_0: true, ..Flags::default() })
}

/// `PyOS_double_to_string(x, code, precision, flags)`.
pub(crate) fn to_string(x: f64, code: Code, precision: usize, flags: Flags) -> String {
    let negative = x.is_sign_negative();
    if !x.is_finite() {
        let mut out = String::new();
        if x.is_nan() {
            // CPython never writes a sign for a NaN, except the `+` it was asked for.
            if flags.sign {
                out.push('+');
            }
            out.push_str(if flags.upper { "NAN" } else { "nan" });
        } else {
            if negative {
                out.push('-');
            } else if flags.sign {
                out.push('+');
            }
            out.push_str(if flags.upper { "INF" } else { "inf" });
        }
        return out;
    }
    let (mode, precision) = match code {
        Code::Exp => {
            let p = precision.saturating_add(1);
            (Mode::Significant(p), p)
        }
        Code::Fixed => (Mode::Fixed(precision), precision),
        Code::General => {
            let p = precision.max(1);
            (Mode::Significant(p), p)
        }
        Code::Repr => (Mode::Shortest, 0),
    };
    let (digits, decpt) = digits(x.abs(), mode);
    let is_zero = digits.is_empty() || digits == "0";
    let negative = negative && !(flags.no_neg_0 && is_zero);
    layout(&digits, decpt, negative, code, precision, flags)
}

/// `_Py_dg_dtoa(x, mode, ndigits)` for a finite `x >= 0`: the digit string without trailing
/// zeros and the decimal-point position (`x ≈ 0.d₁d₂… × 10^decpt`).
fn digits(x: f64, mode: Mode) -> (String, i64) {
    if x == 0.0 {
        return ("0".to_owned(), 1);
    }
    match mode {
        Mode::Shortest => shortest(x),
        Mode::Significant(n) => from_exp(&format!("{x:.*e}", n.saturating_sub(1))),
        Mode::Fixed(n) => {
            let text = format!("{x:.n$}");
            let (int_part, frac_part) = text.split_once('.').unwrap_or((text.as_str(), ""));
            let all: String = int_part.chars().chain(frac_part.chars()).collect();
            let trimmed = all.trim_start_matches('0');
            let leading = all.len() - trimmed.len();
            let digits = trimmed.trim_end_matches('0');
            if digits.is_empty() {
                // dtoa's "no digits" case: the value rounds to zero at this precision.
                return (String::new(), -to_i64(n));
            }
            let decpt = to_i64(int_part.len()) - to_i64(leading);
            (digits.to_owned(), decpt)
        }
    }
}

/// Mode 0 for a finite `x > 0`: `memor_core::shortest_digits`, which also takes `dtoa`'s
/// even digit on exact ties.
fn shortest(x: f64) -> (String, i64) {
    let (digits, decpt) = memor_core::shortest_digits(x);
    (digits, i64::from(decpt))
}

/// Digits and decimal point from Rust's `{:e}` text (`1.2345e-5`, `7e0`).
fn from_exp(text: &str) -> (String, i64) {
    let (mantissa, exp) = text.split_once('e').unwrap_or((text, "0"));
    let exp: i64 = exp.parse().unwrap_or(0);
    let all: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let digits = all.trim_end_matches('0');
    if digits.is_empty() {
        return ("0".to_owned(), 1);
    }
    (digits.to_owned(), exp + 1)
}

fn to_i64(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// `format_float_short`'s layout of `digits`/`decpt` (see the CPython source for the picture
/// of the "virtual" zero-padded digit string this slices).
fn layout(digits: &str, mut decpt: i64, negative: bool, code: Code, precision: usize, flags: Flags) -> String {
    let digits_len = to_i64(digits.len());
    let precision = to_i64(precision);
    let mut vdigits_end = digits_len;
    let mut use_exp = false;
    match code {
        Code::Exp => {
            use_exp = true;
            vdigits_end = precision;
        }
        Code::Fixed => vdigits_end = decpt.saturating_add(precision),
        Code::General => {
            let limit = if flags.add_dot_0 { precision - 1 } else { precision };
            if decpt <= -4 || decpt > limit {
                use_exp = true;
            }
            if flags.alt {
                vdigits_end = precision;
            }
        }
        Code::Repr => {
            if decpt <= -4 || decpt > 16 {
                use_exp = true;
            }
        }
    }
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    vdigits_end = if !use_exp && flags.add_dot_0 { vdigits_end.max(decpt + 1) } else { vdigits_end.max(decpt) };

    let mut out = String::new();
    if negative {
        out.push('-');
    } else if flags.sign {
        out.push('+');
    }
    let zeros = |out: &mut String, n: i64| {
        for _ in 0..n.max(0) {
            out.push('0');
        }
    };
    if decpt <= 0 {
        zeros(&mut out, decpt - vdigits_start);
        out.push('.');
        zeros(&mut out, -decpt);
    } else {
        zeros(&mut out, -vdigits_start);
    }
    if 0 < decpt && decpt <= digits_len {
        let split = usize::try_from(decpt).unwrap_or(digits.len());
        let (int_digits, frac_digits) = digits.split_at(split.min(digits.len()));
        out.push_str(int_digits);
        out.push('.');
        out.push_str(frac_digits);
    } else {
        out.push_str(digits);
    }
    if digits_len < decpt {
        zeros(&mut out, decpt - digits_len);
        out.push('.');
        zeros(&mut out, vdigits_end - decpt);
    } else {
        zeros(&mut out, vdigits_end - digits_len);
    }
    if out.ends_with('.') && !flags.alt {
        out.pop();
    }
    if use_exp {
        out.push(if flags.upper { 'E' } else { 'e' });
        out.push(if exp < 0 { '-' } else { '+' });
        let magnitude = exp.unsigned_abs();
        if magnitude < 10 {
            out.push('0');
        }
        out.push_str(&magnitude.to_string());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected values from python3.11: repr(x), format(x, spec).
    #[test]
    fn repr_switches_to_exponent_outside_1e_minus_4_to_1e16() {
        assert_eq!(repr(3.0), "3.0");
        assert_eq!(repr(0.0001), "0.0001");
        assert_eq!(repr(0.00001), "1e-05");
        assert_eq!(repr(1e16), "1e+16");
        assert_eq!(repr(1234567890123456.8), "1234567890123456.8");
        assert_eq!(repr(-0.0), "-0.0");
        assert_eq!(repr(5e-324), "5e-324");
        assert_eq!(repr(1.2345678901234568e+17), "1.2345678901234568e+17");
    }

    #[test]
    fn repr_ties_between_shortest_candidates_go_to_even() {
        // Exactly …013.25 and …270.75: two 16-digit strings round-trip; Python picks the even.
        assert_eq!(repr(-914257405243013.2), "-914257405243013.2");
        assert_eq!(repr(1104817303147270.8), "1104817303147270.8");
        assert_eq!(repr(1510035632233768.2), "1510035632233768.2");
    }

    #[test]
    fn fixed_rounds_half_to_even_on_exact_ties() {
        let f = |x, p| to_string(x, Code::Fixed, p, Flags::default());
        assert_eq!(f(0.5, 0), "0");
        assert_eq!(f(1.5, 0), "2");
        assert_eq!(f(2.5, 0), "2");
        assert_eq!(f(0.125, 2), "0.12");
        assert_eq!(f(0.0001, 2), "0.00");
        assert_eq!(f(2.675, 2), "2.67");
    }
}
