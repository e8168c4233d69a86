//! A format string parsed once, for callers that format the same template for many prompts
//! (memor-render renders a session's shared template thousands of times).
//!
//! Only the common shape is planned: literal text and fields that are plain lookups
//! (`{instruction}`, `{prompt[message]}`, `{responses[0][message]}`), with no conversion and no
//! format spec. Anything else, and any text [`format`](crate::format) would reject, gives no
//! plan: the caller formats normally, which also reports the error.

use crate::scan::{self, Markup, Part};

/// One step of a plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    /// Text to copy (with `{{`/`}}` already halved).
    Literal(String),
    /// `str()` of the value at this path.
    Lookup {
        /// The argument name (`prompt`).
        name: String,
        /// The `[key]` parts after it.
        path: Vec<PathPart>,
    },
}

/// One `[key]` of a lookup.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PathPart {
    /// `[text]`: a string key.
    Key(String),
    /// `[digits]`: an integer index.
    Index(usize),
}

/// The plan of `content`, if every field in it is a plain lookup.
pub fn plan(content: &str) -> Option<Vec<Step>> {
    let mut steps = Vec::new();
    let mut scan = Markup::new(content, 0);
    while let Some(piece) = scan.next_piece().ok()? {
        if !piece.literal.is_empty() {
            match steps.last_mut() {
                Some(Step::Literal(text)) => text.push_str(piece.literal),
                _ => steps.push(Step::Literal(piece.literal.to_owned())),
            }
        }
        let Some(field) = piece.field else { continue };
        if field.conversion.is_some() || !field.spec.is_empty() {
            return None;
        }
        let (name, mut rest) = scan::split_name(field.name);
        if name.is_empty() || !matches!(scan::decimal_integer(name), Ok(None)) {
            return None; // positional: always an error, which `format` reports
        }
        let mut path = Vec::new();
        while let Some((part, after)) = scan::next_part(rest).ok()? {
            path.push(match part {
                Part::Key(key) => PathPart::Key(key.to_owned()),
                Part::Index(index) => PathPart::Index(index),
                Part::Attr(_) => return None,
            });
            rest = after;
        }
        steps.push(Step::Lookup { name: name.to_owned(), path });
    }
    Some(steps)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plans_plain_lookups_only() {
        let key = |k: &str| PathPart::Key(k.into());
        assert_eq!(
            plan("{instruction}Prompt: {prompt[message]} {{x}} {responses[01][message]}"),
            Some(vec![
                Step::Lookup { name: "instruction".into(), path: vec![] },
                Step::Literal("Prompt: ".into()),
                Step::Lookup { name: "prompt".into(), path: vec![key("message")] },
                Step::Literal(" {x} ".into()),
                Step::Lookup { name: "responses".into(), path: vec![PathPart::Index(1), key("message")] },
            ])
        );
        for unplanned in ["{x!r}", "{x:>3}", "{0}", "{}", "{x.upper}", "{x", "}", "{a[}"] {
            assert_eq!(plan(unplanned), None, "{unplanned}");
        }
    }
}
