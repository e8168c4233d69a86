//! Resolving a field name (`prompt[responses][0][message]`) against the arguments map, with
//! Python's `dict` / `list` / `str` indexing rules (`get_field_object` in CPython).

use serde_json::{Map, Value};

use crate::error::FormatError;
use crate::scan::{self, Part};

/// What a field name resolves to.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Obj<'a> {
    /// A value from the arguments.
    Json(&'a Value),
    /// One character taken out of a string by an integer index (a Python `str` of length 1).
    Char(char),
}

/// Python's name of the type of `value` (for error messages).
pub(crate) fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "NoneType",
        Value::Bool(_) => "bool",
        Value::Number(n) if n.is_f64() => "float",
        Value::Number(_) => "int",
        Value::String(_) => "str",
        Value::Array(_) => "list",
        Value::Object(_) => "dict",
    }
}

/// Looks `field` (a field name found at byte `offset`) up in `args`.
pub(crate) fn resolve<'a>(field: &str, offset: usize, args: &'a Map<String, Value>) -> Result<Obj<'a>, FormatError> {
    let (arg_name, mut rest) = scan::split_name(field);
    let lookup_error = |reason: String| FormatError::Lookup { offset, field: field.to_owned(), reason };
    let positional = !matches!(scan::decimal_integer(arg_name), Ok(None));
    if arg_name.is_empty() || positional {
        return Err(FormatError::Positional { offset, field: field.to_owned() });
    }
    let mut obj = match args.get(arg_name) {
        Some(value) => Obj::Json(value),
        None => return Err(lookup_error(format!("no argument named {arg_name:?}"))),
    };
    loop {
        let (part, after) = match scan::next_part(rest) {
            Ok(Some(next)) => next,
            Ok(None) => return Ok(obj),
            Err(reason) => {
                return Err(FormatError::Syntax { offset, reason: reason.to_owned() });
            }
        };
        obj = match part {
            Part::Attr(attribute) => {
                return Err(FormatError::Attribute {
                    offset,
                    field: field.to_owned(),
                    attribute: attribute.to_owned(),
                });
            }
            Part::Index(index) => index_int(obj, index).map_err(lookup_error)?,
            Part::Key(key) => index_str(obj, key).map_err(lookup_error)?,
        };
        rest = after;
    }
}

/// `obj[index]` with an integer index.
fn index_int(obj: Obj<'_>, index: usize) -> Result<Obj<'_>, String> {
    match obj {
        Obj::Json(Value::Array(items)) => items
            .get(index)
            .map(Obj::Json)
            .ok_or_else(|| format!("list index {index} out of range (length {})", items.len())),
        Obj::Json(Value::String(s)) => {
            s.chars().nth(index).map(Obj::Char).ok_or_else(|| format!("string index {index} out of range"))
        }
        Obj::Char(c) if index == 0 => Ok(Obj::Char(c)),
        Obj::Char(_) => Err(format!("string index {index} out of range")),
        Obj::Json(Value::Object(_)) => Err(format!("no key {index} (the integer): dict keys are strings")),
        Obj::Json(other) => Err(format!("'{}' object is not subscriptable", type_name(other))),
    }
}

/// `obj[key]` with a string key.
fn index_str<'a>(obj: Obj<'a>, key: &str) -> Result<Obj<'a>, String> {
    match obj {
        Obj::Json(Value::Object(map)) => map.get(key).map(Obj::Json).ok_or_else(|| format!("no key {key:?}")),
        Obj::Json(Value::Array(_)) => Err(format!("list indices must be integers, not the string {key:?}")),
        Obj::Json(Value::String(_)) | Obj::Char(_) => {
            Err(format!("string indices must be integers, not the string {key:?}"))
        }
        Obj::Json(other) => Err(format!("'{}' object is not subscriptable", type_name(other))),
    }
}
