//! memor's XML helpers (spec §15): `contains_xml`, `xml_tree`, `update_message_from_xml`.
//!
//! memor wraps a message's STRING render as `<root>` + text + `</root>` and parses it with
//! expat 2.5.0 (through defusedxml and ElementTree, namespace-aware). This module has its own
//! parser, written to accept what that expat accepts and to build the same trees (checked on the
//! golden data and on a few hundred thousand generated inputs against memor itself). It expands
//! no entity but the five predefined ones, reads no DTD, and never recurses.
//!
//! * [`contains_xml`] — memor's tag-detection regex, and optionally a well-formedness check;
//! * [`xml_tree`] — the map `tag -> [node, …]` of the root's child elements;
//! * [`message_from_tree`] — the text `update_message_from_xml` builds from such a map.

mod chars;
mod error;
mod ns;
mod parse;
mod scan;
mod tables;
mod tree;
mod write;

use serde_json::Value;

pub use error::XmlError;

/// memor's `contains_xml(verify)` on an already rendered text.
///
/// Whether `text` contains something memor's regex
/// `<[A-Za-z_][\w.\-]*(?:\s[^<>]*)?/?>` (Python `\w` and `\s`) takes for a tag: `<a>`,
/// `<br/>`, `<x attr='1'>` do; `<1a>`, `< a>`, `<é>`, `<ns:a>` do not. With `verify`, also
/// whether `<root>` + text + `</root>` is well-formed XML (so `<a>x</b>` and `<br>` give false).
pub fn contains_xml(text: &str, verify: bool) -> bool {
    scan::contains_tag(text) && (!verify || parse::parse(text, &mut ()).is_ok())
}

/// memor's `xml_tree` on an already rendered text.
///
/// Parses `<root>` + text + `</root>` and returns a JSON object mapping each tag of the root's
/// child elements (in order of first appearance) to the list of its nodes. A node is an object
/// with `"text"` (the element's text before its first child element, stripped of Python white
/// space; present only if not empty) followed by one key per child tag, likewise. Namespaced
/// tags read `{uri}local`; attributes, tails and the root's own text are dropped.
///
/// # Errors
///
/// When the document is not well-formed; when an element with text has a child element named
/// `text` (memor crashes there, quirk Q22); when elements nest more than 1,000 levels deep
/// (memor hits Python's recursion limit just below that).
pub fn xml_tree(text: &str) -> Result<Value, XmlError> {
    let mut sink = tree::TreeSink::default();
    parse::parse(text, &mut sink)?;
    Ok(sink.finish())
}

/// memor's `update_message_from_xml(tree)`: the message text built from such a tree.
///
/// Each node becomes an element, written by ElementTree's rules: `<tag>text…</tag>` or
/// `<tag />`; only `&`, `<`, `>` escaped in text; tags written verbatim, except `{uri}local`,
/// which gets a prefix (`ns0`, `ns1`… or a well-known one such as `html`) declared on its
/// top-level element. An empty object gives `""`.
///
/// # Errors
///
/// When `tree` is not an object, a tag's nodes are not a list (an empty string or object counts
/// as an empty list, as in Python), a node is not an object, a truthy `"text"` is not a string,
/// a tag starts with `{` but has no `}`, or elements nest more than 1,000 levels deep.
pub fn message_from_tree(tree: &Value) -> Result<String, XmlError> {
    write::message_from_tree(tree)
}
