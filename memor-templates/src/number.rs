//! `int.__format__` and `float.__format__`: presentation types, sign, `#` prefixes, digit
//! grouping and `=` padding (`format_long_internal`, `format_float_internal`,
//! `calc_number_widths`, `fill_number` and `_PyUnicode_InsertThousandsGrouping` in CPython).
//!
//! The `n` type uses the C locale (no grouping, `.` as decimal point): memor never calls
//! `setlocale`, so that is what Python uses there.

use crate::MAX_WIDTH;
use crate::float::{self, Code, Flags};
use crate::spec::{Grouping, Spec, SpecError, push_n, unknown_type};

/// `int.__format__(spec)` for a value of Python type `type_name` (`int` or `bool`).
pub(crate) fn format_int(value: i128, spec: &str, type_name: &str) -> Result<String, SpecError> {
    if spec.is_empty() {
        return Ok(value.to_string());
    }
    let parsed = Spec::parse(spec, Some('d'), '>', type_name)?;
    match parsed.kind {
        Some('b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n') => int_internal(value, &parsed),
        // `PyNumber_Float`: an i64/u64 always converts (rounded to nearest).
        Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') => float_internal(value as f64, &parsed),
        Some(kind) => Err(unknown_type(kind, type_name)),
        None => Err(unknown_type('\0', type_name)),
    }
}

/// `float.__format__(spec)`.
pub(crate) fn format_float(value: f64, spec: &str, type_name: &str) -> Result<String, SpecError> {
    if spec.is_empty() {
        return Ok(float::repr(value));
    }
    let parsed = Spec::parse(spec, None, '>', type_name)?;
    match parsed.kind {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => float_internal(value, &parsed),
        Some(kind) => Err(unknown_type(kind, type_name)),
    }
}

/// `format_long_internal`.
fn int_internal(value: i128, spec: &Spec) -> Result<String, SpecError> {
    if spec.precision.is_some() {
        return Err("Precision not allowed in integer format specifier".into());
    }
    if spec.no_neg_0 {
        return Err("Negative zero coercion (z) not allowed in integer format specifier".into());
    }
    if spec.kind == Some('c') {
        if spec.sign.is_some() {
            return Err("Sign not allowed with integer format specifier 'c'".into());
        }
        if spec.alternate {
            return Err("Alternate form (#) not allowed with integer format specifier 'c'".into());
        }
        let ch = u32::try_from(value).ok().filter(|&cp| cp <= 0x10_ffff).ok_or("%c arg not in range(0x110000)")?;
        let ch = char::from_u32(ch)
            .ok_or("%c of a surrogate code point gives a lone surrogate, which this port cannot hold")?;
        // The character is laid out as "remainder" text: no digits to group.
        return Ok(layout(false, "", "", false, ch.encode_utf8(&mut [0; 4]), spec));
    }
    let magnitude = value.unsigned_abs();
    let (digits, prefix) = match spec.kind {
        Some('b') => (format!("{magnitude:b}"), "0b"),
        Some('o') => (format!("{magnitude:o}"), "0o"),
        Some('x') => (format!("{magnitude:x}"), "0x"),
        Some('X') => (format!("{magnitude:X}"), "0X"),
        _ => (magnitude.to_string(), ""),
    };
    let prefix = if spec.alternate { prefix } else { "" };
    Ok(layout(value < 0, prefix, &digits, false, "", spec))
}

/// `format_float_internal`.
fn float_internal(mut value: f64, spec: &Spec) -> Result<String, SpecError> {
    if spec.precision.is_some_and(|p| p > MAX_WIDTH) {
        return Err(SpecError::TooWide);
    }
    let mut flags = Flags { alt: spec.alternate, no_neg_0: spec.no_neg_0, ..Flags::default() };
    let mut default_precision = 6;
    let mut code = match spec.kind {
        None => {
            flags.add_dot_0 = true;
            default_precision = 0;
            Code::Repr
        }
        Some('e' | 'E') => Code::Exp,
        Some('f' | 'F' | '%') => Code::Fixed,
        _ => Code::General,
    };
    flags.upper = matches!(spec.kind, Some('E' | 'F' | 'G'));
    let percent = spec.kind == Some('%');
    if percent {
        value *= 100.0;
    }
    let precision = match spec.precision {
        Some(p) => {
            if code == Code::Repr {
                code = Code::General;
            }
            p
        }
        None => default_precision,
    };
    let mut text = float::to_string(value, code, precision, flags);
    if percent {
        text.push('%');
    }
    let (negative, body) = match text.strip_prefix('-') {
        Some(body) => (true, body),
        None => (false, text.as_str()),
    };
    // `parse_number`: leading digits, an optional `.`, then the rest (exponent, `%`, `inf`).
    let int_end = body.find(|c: char| !c.is_ascii_digit()).unwrap_or(body.len());
    let (digits, after) = body.split_at(int_end);
    let (decimal, remainder) = match after.strip_prefix('.') {
        Some(rest) => (true, rest),
        None => (false, after),
    };
    Ok(layout(negative, "", digits, decimal, remainder, spec))
}

/// `calc_number_widths` + `fill_number`:
/// `<lpad><sign><prefix><spad><grouped digits><.><remainder><rpad>`.
fn layout(negative: bool, prefix: &str, digits: &str, decimal: bool, remainder: &str, spec: &Spec) -> String {
    let sign = match spec.sign {
        Some('+') => Some(if negative { '-' } else { '+' }),
        Some(' ') => Some(if negative { '-' } else { ' ' }),
        _ => negative.then_some('-'),
    };
    let non_digits = usize::from(sign.is_some()) + prefix.len() + usize::from(decimal) + remainder.chars().count();
    let min_width = match spec.width {
        Some(width) if spec.fill == '0' && spec.align == '=' => width.saturating_sub(non_digits),
        _ => 0,
    };
    let grouped = if digits.is_empty() { String::new() } else { group(digits, min_width, spec.grouping) };
    let used = non_digits + grouped.len();
    let padding = spec.width.map_or(0, |w| w.saturating_sub(used));
    let (left, middle, right) = match spec.align {
        '<' => (0, 0, padding),
        '^' => (padding / 2, 0, padding - padding / 2),
        '=' => (0, padding, 0),
        _ => (padding, 0, 0),
    };
    let mut out = String::with_capacity(used + padding);
    push_n(&mut out, spec.fill, left);
    out.extend(sign);
    out.push_str(prefix);
    push_n(&mut out, spec.fill, middle);
    out.push_str(&grouped);
    if decimal {
        out.push('.');
    }
    out.push_str(remainder);
    push_n(&mut out, spec.fill, right);
    out
}

/// `_PyUnicode_InsertThousandsGrouping`: ASCII `digits` with separators, left-padded with
/// zeros (separators included) to at least `min_width` characters.
fn group(digits: &str, min_width: usize, grouping: Grouping) -> String {
    let (size, sep) = match grouping {
        Grouping::None => (0, ""),
        Grouping::Comma => (3, ","),
        Grouping::Underscore => (3, "_"),
        Grouping::UnderscoreFour => (4, "_"),
    };
    // Pieces are collected right to left, then reversed.
    let mut pieces: Vec<String> = Vec::new();
    let mut remaining = digits.len();
    let mut min_width = min_width;
    let mut use_sep = false;
    let mut push_group = |len: usize, remaining: &mut usize, use_sep: bool| {
        let chars = (*remaining).min(len);
        let zeros = len.saturating_sub(*remaining);
        let mut piece = "0".repeat(zeros);
        piece.push_str(digits.get(*remaining - chars..*remaining).unwrap_or_default());
        if use_sep {
            piece.push_str(sep);
        }
        pieces.push(piece);
        *remaining -= chars;
    };
    let mut finished = false;
    if size > 0 {
        loop {
            let len = size.min(remaining.max(min_width).max(1));
            push_group(len, &mut remaining, use_sep);
            use_sep = true;
            min_width = min_width.saturating_sub(len);
            if remaining == 0 && min_width == 0 {
                finished = true;
                break;
            }
            min_width = min_width.saturating_sub(sep.len());
        }
    }
    if !finished {
        let len = remaining.max(min_width).max(1);
        push_group(len, &mut remaining, use_sep);
    }
    pieces.iter().rev().map(String::as_str).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected values from python3.11: format(value, spec).
    #[test]
    fn zero_padding_is_grouped_like_the_digits() {
        assert_eq!(format_int(1234, "08,", "int").ok().as_deref(), Some("0,001,234"));
        assert_eq!(format_int(1234, "010,", "int").ok().as_deref(), Some("00,001,234"));
        assert_eq!(format_int(-123456, "0=+10_x", "int").ok().as_deref(), Some("-0001_e240"));
        assert_eq!(format_float(-1234567.891, "020,.3f", "float").ok().as_deref(), Some("-000,001,234,567.891"));
    }

    #[test]
    fn int_presentation_types() {
        let f = |v, s| format_int(v, s, "int").ok();
        assert_eq!(f(255, "#x").as_deref(), Some("0xff"));
        assert_eq!(f(255, "#X").as_deref(), Some("0XFF"));
        assert_eq!(f(1234, "_b").as_deref(), Some("100_1101_0010"));
        assert_eq!(f(65, "10c").as_deref(), Some("         A"));
        assert_eq!(f(10, "e").as_deref(), Some("1.000000e+01"));
        assert_eq!(f(1, "%").as_deref(), Some("100.000000%"));
        assert_eq!(f(-5, "05d").as_deref(), Some("-0005"));
        assert!(f(65, ".2d").is_none());
        assert!(f(65, "+c").is_none());
    }

    #[test]
    fn float_general_and_default_types() {
        let f = |v, s| format_float(v, s, "float").ok();
        assert_eq!(f(1.5, ".0").as_deref(), Some("2e+00"));
        assert_eq!(f(123.0, ".3").as_deref(), Some("1.23e+02"));
        assert_eq!(f(1e20, "#").as_deref(), Some("1.e+20"));
        assert_eq!(f(1.0, "#.3g").as_deref(), Some("1.00"));
        assert_eq!(f(1.0, ".3g").as_deref(), Some("1"));
        assert_eq!(f(0.0, "#g").as_deref(), Some("0.00000"));
        assert_eq!(f(0.1, ".12").as_deref(), Some("0.1"));
        assert_eq!(f(1e20, "G").as_deref(), Some("1E+20"));
        assert_eq!(f(-0.04, "z.1f").as_deref(), Some("0.0"));
        assert_eq!(f(1234.5, ",.2%").as_deref(), Some("123,450.00%"));
        assert_eq!(f(12345.678, "^+15,.2e").as_deref(), Some("   +1.23e+04   "));
        assert_eq!(f(1234567.0, "n").as_deref(), Some("1.23457e+06"));
        assert_eq!(f(1.23456, ">8.3f").as_deref(), Some("   1.235"));
    }
}
