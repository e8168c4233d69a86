//! Unit tests of [`format`](crate::format) for the tricky rules; every expected value was
//! produced by running the same `str.format` call in python3.11.

use serde_json::{Map, Value, json};

use crate::{FormatError, format};

fn args() -> Map<String, Value> {
    let v = json!({
        "a": 7, "w": 6, "s": ">4", "n": null, "t": true, "f": 3.0,
        "p": {"message": "héllo", "items": ["x", "y"], "}": "brace"}
    });
    v.as_object().cloned().unwrap_or_default()
}

fn ok(content: &str) -> String {
    format(content, &args()).unwrap_or_else(|e| format!("ERROR {e}"))
}

fn err(content: &str) -> FormatError {
    match format(content, &args()) {
        Err(e) => e,
        Ok(text) => FormatError::Syntax { offset: usize::MAX, reason: format!("unexpectedly rendered {text:?}") },
    }
}

#[test]
fn doubled_braces_are_literal() {
    assert_eq!(ok("{{a}} {{{a}}}"), "{a} {7}");
}

#[test]
fn spec_fields_nest_one_level() {
    assert_eq!(ok("{a:{w}}"), "     7");
    assert_eq!(ok("{f:>{w}.{w}}"), "   3.0");
    assert_eq!(ok("{p[message]:{s}}"), "héllo");
    assert!(matches!(err("{a:{w:{s}}}"), FormatError::Recursion { offset: 5 }));
}

#[test]
fn integer_keys_index_lists_and_strings() {
    assert_eq!(ok("{p[items][01]}"), "y");
    assert_eq!(ok("{p[message][1]}"), "é");
    assert_eq!(ok("{p[message][1]!r}"), "'é'");
    assert!(matches!(err("{p[items][-1]}"), FormatError::Lookup { .. }));
    assert!(matches!(err("{p[items][2]}"), FormatError::Lookup { .. }));
    assert!(matches!(err("{a[0]}"), FormatError::Lookup { .. }));
}

#[test]
fn brackets_take_braces_literally() {
    assert_eq!(ok("{p[}]}"), "brace");
}

#[test]
fn values_render_as_python_str() {
    assert_eq!(ok("{t} {t:>5} {t!r}"), "True     1 True");
    assert_eq!(ok("{n} {f} {p[items]}"), "None 3.0 ['x', 'y']");
    assert_eq!(ok(r"{p[items]!a} {p[message]!a}"), r"['x', 'y'] 'h\xe9llo'");
    assert_eq!(ok("{a!s:>3}"), "  7");
}

#[test]
fn python_errors_are_errors() {
    assert!(matches!(err("{0}"), FormatError::Positional { offset: 0, .. }));
    assert!(matches!(err("{}"), FormatError::Positional { .. }));
    assert!(matches!(err("{p.message}"), FormatError::Attribute { .. }));
    assert!(matches!(err("{p[missing]}"), FormatError::Lookup { .. }));
    assert!(matches!(err("{a!x}"), FormatError::Conversion { conversion: 'x', .. }));
    assert!(matches!(err("{n:>3}"), FormatError::Spec { .. }));
    assert!(matches!(err("ab}"), FormatError::Syntax { offset: 2, .. }));
    assert!(matches!(err("x {a"), FormatError::Syntax { offset: 2, .. }));
    assert!(matches!(err("{a:100001}"), FormatError::TooWide { .. }));
}

#[test]
fn messages_say_what_and_where() {
    assert_eq!(err("Hi {p[missing]}").to_string(), "field {p[missing]} at byte 3: no key \"missing\"");
}
