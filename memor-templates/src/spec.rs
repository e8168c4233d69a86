//! The format-spec mini-language: parsing `[[fill]align][sign][z][#][0][width][grouping]
//! [.precision][type]`, formatting strings with it, and sending each value type to its
//! formatter (`Python/formatter_unicode.c`).

use serde_json::Value;

use crate::decimal::decimal_value;
use crate::lookup::{Obj, type_name};
use crate::{MAX_WIDTH, number, repr};

/// Why a value could not be formatted with a spec.
#[derive(Debug)]
pub(crate) enum SpecError {
    /// Python would raise: the spec is invalid for this value.
    Invalid(String),
    /// The width or float precision is above [`MAX_WIDTH`].
    TooWide,
}

impl From<String> for SpecError {
    fn from(reason: String) -> Self {
        Self::Invalid(reason)
    }
}

impl From<&str> for SpecError {
    fn from(reason: &str) -> Self {
        Self::Invalid(reason.to_owned())
    }
}

/// Digit grouping requested by `,` or `_`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Grouping {
    /// No separator.
    None,
    /// `,` every three digits.
    Comma,
    /// `_` every three digits.
    Underscore,
    /// `_` every four digits (with `b`, `o`, `x`, `X`).
    UnderscoreFour,
}

/// A parsed format spec (CPython's `InternalFormatSpec`).
#[derive(Clone, Debug)]
pub(crate) struct Spec {
    /// Padding character.
    pub(crate) fill: char,
    /// `<`, `>`, `=` or `^`.
    pub(crate) align: char,
    /// `+`, `-` or ` `, if given.
    pub(crate) sign: Option<char>,
    /// `z`: negative zero becomes zero.
    pub(crate) no_neg_0: bool,
    /// `#`: alternate form.
    pub(crate) alternate: bool,
    /// Minimum width in characters.
    pub(crate) width: Option<usize>,
    /// Thousands separator.
    pub(crate) grouping: Grouping,
    /// Precision after `.`.
    pub(crate) precision: Option<usize>,
    /// Presentation type (`None` for floats without one).
    pub(crate) kind: Option<char>,
}

/// `get_integer` of the spec parser: a run of Unicode decimal digits at `chars[*pos..]`.
fn integer(chars: &[char], pos: &mut usize) -> Result<Option<usize>, SpecError> {
    let mut value: usize = 0;
    let mut seen = false;
    while let Some(digit) = chars.get(*pos).and_then(|&c| decimal_value(c)) {
        value = value
            .checked_mul(10)
            .and_then(|v| v.checked_add(digit as usize))
            .filter(|&v| isize::try_from(v).is_ok())
            .ok_or("Too many decimal digits in format string")?;
        seen = true;
        *pos += 1;
    }
    Ok(seen.then_some(value))
}

fn is_align(c: char) -> bool {
    matches!(c, '<' | '>' | '=' | '^')
}

/// `'x'` for a printable ASCII presentation type, else `'\x..'`, as CPython words it.
fn show_type(c: char) -> String {
    if c > ' ' && c < '\u{80}' { format!("'{c}'") } else { format!("'\\x{:x}'", u32::from(c)) }
}

/// CPython's "Unknown format code" error.
pub(crate) fn unknown_type(kind: char, type_name: &str) -> SpecError {
    SpecError::Invalid(format!("Unknown format code {} for object of type '{type_name}'", show_type(kind)))
}

impl Spec {
    /// `parse_internal_render_format_spec(spec, default_type, default_align)` for a value of
    /// Python type `type_name`.
    pub(crate) fn parse(
        spec: &str,
        default_type: Option<char>,
        default_align: char,
        type_name: &str,
    ) -> Result<Self, SpecError> {
        let chars: Vec<char> = spec.chars().collect();
        let at = |i: usize| chars.get(i).copied();
        let mut out = Self {
            fill: ' ',
            align: default_align,
            sign: None,
            no_neg_0: false,
            alternate: false,
            width: None,
            grouping: Grouping::None,
            precision: None,
            kind: default_type,
        };
        let mut pos = 0;
        let mut fill_given = false;
        let mut align_given = false;
        if let (Some(fill), Some(align)) = (at(0), at(1).filter(|&c| is_align(c))) {
            out.fill = fill;
            out.align = align;
            fill_given = true;
            align_given = true;
            pos = 2;
        } else if let Some(align) = at(0).filter(|&c| is_align(c)) {
            out.align = align;
            align_given = true;
            pos = 1;
        }
        if let Some(sign) = at(pos).filter(|c| matches!(c, '+' | '-' | ' ')) {
            out.sign = Some(sign);
            pos += 1;
        }
        if at(pos) == Some('z') {
            out.no_neg_0 = true;
            pos += 1;
        }
        if at(pos) == Some('#') {
            out.alternate = true;
            pos += 1;
        }
        if !fill_given && at(pos) == Some('0') {
            out.fill = '0';
            if !align_given && default_align == '>' {
                out.align = '=';
            }
            pos += 1;
        }
        out.width = integer(&chars, &mut pos)?;
        if at(pos) == Some(',') {
            out.grouping = Grouping::Comma;
            pos += 1;
        }
        if at(pos) == Some('_') {
            if out.grouping != Grouping::None {
                return Err("Cannot specify both ',' and '_'.".into());
            }
            out.grouping = Grouping::Underscore;
            pos += 1;
        }
        if at(pos) == Some(',') && out.grouping == Grouping::Underscore {
            return Err("Cannot specify both ',' and '_'.".into());
        }
        if at(pos) == Some('.') {
            pos += 1;
            out.precision = integer(&chars, &mut pos)?;
            if out.precision.is_none() {
                return Err("Format specifier missing precision".into());
            }
        }
        let rest = chars.get(pos..).unwrap_or_default();
        if rest.len() > 1 {
            let rest: String = rest.iter().collect();
            return Err(SpecError::Invalid(format!(
                "Invalid format specifier '{rest}' for object of type '{type_name}'"
            )));
        }
        if let Some(&kind) = rest.first() {
            out.kind = Some(kind);
        }
        if out.grouping != Grouping::None {
            match out.kind {
                None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => {}
                Some('b' | 'o' | 'x' | 'X') if out.grouping == Grouping::Underscore => {
                    out.grouping = Grouping::UnderscoreFour;
                }
                Some(kind) => {
                    let sep = if out.grouping == Grouping::Comma { ',' } else { '_' };
                    return Err(SpecError::Invalid(format!("Cannot specify '{sep}' with {}.", show_type(kind))));
                }
            }
        }
        if out.width.is_some_and(|w| w > MAX_WIDTH) {
            return Err(SpecError::TooWide);
        }
        Ok(out)
    }

    /// `(left, right)` padding of a text `len` characters long (`calc_padding`).
    pub(crate) fn padding(&self, len: usize) -> (usize, usize) {
        let total = self.width.map_or(len, |w| w.max(len));
        let left = match self.align {
            '>' => total - len,
            '^' => (total - len) / 2,
            _ => 0,
        };
        (left, total - len - left)
    }
}

/// Appends `n` copies of `c`.
pub(crate) fn push_n(out: &mut String, c: char, n: usize) {
    out.extend(std::iter::repeat_n(c, n));
}

/// `format_string_internal`: a `str` with a parsed spec.
fn format_str(value: &str, spec: &Spec) -> Result<String, SpecError> {
    if spec.sign.is_some() {
        return Err("Sign not allowed in string format specifier".into());
    }
    if spec.no_neg_0 {
        return Err("Negative zero coercion (z) not allowed in string format specifier".into());
    }
    if spec.alternate {
        return Err("Alternate form (#) not allowed in string format specifier".into());
    }
    if spec.align == '=' {
        return Err("'=' alignment not allowed in string format specifier".into());
    }
    let mut len = value.chars().count();
    let mut text = value;
    if let Some(precision) = spec.precision.filter(|&p| p < len) {
        let cut = value.char_indices().nth(precision).map_or(value.len(), |(i, _)| i);
        text = value.get(..cut).unwrap_or(value);
        len = precision;
    }
    let (left, right) = spec.padding(len);
    let mut out = String::with_capacity(text.len() + left + right);
    push_n(&mut out, spec.fill, left);
    out.push_str(text);
    push_n(&mut out, spec.fill, right);
    Ok(out)
}

/// `str.__format__(spec)`.
pub(crate) fn format_text(value: &str, spec: &str) -> Result<String, SpecError> {
    if spec.is_empty() {
        return Ok(value.to_owned());
    }
    let parsed = Spec::parse(spec, Some('s'), '<', "str")?;
    match parsed.kind {
        Some('s') => format_str(value, &parsed),
        Some(kind) => Err(unknown_type(kind, "str")),
        None => Err(unknown_type('\0', "str")),
    }
}

/// `format(obj, spec)` for a looked-up field value (after any conversion was applied).
pub(crate) fn format_obj(obj: Obj<'_>, spec: &str) -> Result<String, SpecError> {
    let value = match obj {
        Obj::Char(c) => return format_text(c.encode_utf8(&mut [0; 4]), spec),
        Obj::Json(value) => value,
    };
    match value {
        Value::String(s) => format_text(s, spec),
        Value::Bool(b) if spec.is_empty() => Ok(repr::py_str(&Value::Bool(*b))),
        Value::Bool(b) => number::format_int(i128::from(*b), spec, "bool"),
        Value::Number(n) if n.is_f64() => number::format_float(n.as_f64().unwrap_or(f64::NAN), spec, "float"),
        Value::Number(n) => {
            let int = n.as_i64().map(i128::from).or_else(|| n.as_u64().map(i128::from)).unwrap_or_default();
            number::format_int(int, spec, "int")
        }
        Value::Null | Value::Array(_) | Value::Object(_) if spec.is_empty() => Ok(repr::py_str(value)),
        other => {
            Err(SpecError::Invalid(format!("unsupported format string passed to {}.__format__", type_name(other))))
        }
    }
}
