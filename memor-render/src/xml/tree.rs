//! Building memor's `xml_tree` map from the parser's events.

use serde_json::{Map, Value};

use super::chars::is_py_space;
use super::error::XmlError;
use super::parse::Sink;

/// How deep elements may nest in a tree. memor's recursive `_parse_xml_element` hits Python's
/// recursion limit a little below 1,000 levels (996 from a top-level call); deeper trees are
/// refused here too, which also keeps dropping the resulting `Value` cheap on the stack.
pub(super) const MAX_DEPTH: usize = 1000;

/// An element being read.
struct Frame {
    /// Its tag, `{uri}local` when namespaced.
    tag: String,
    node: Map<String, Value>,
    /// Its leading text so far (until its first child element starts).
    text: String,
    /// Whether a child element has started (the leading text is then complete).
    has_child: bool,
}

impl Frame {
    /// Ends the leading text: stripped of Python white space, kept only if not empty.
    fn close_text(&mut self) {
        if !self.has_child {
            self.has_child = true;
            let text = self.text.trim_matches(is_py_space);
            if !text.is_empty() {
                self.node.insert("text".to_owned(), Value::String(text.to_owned()));
            }
            self.text = String::new();
        }
    }
}

/// Collects the root's child elements into memor's map `tag -> [node, …]`.
#[derive(Default)]
pub(super) struct TreeSink {
    /// The root's children so far.
    top: Map<String, Value>,
    /// The open elements, outermost first.
    stack: Vec<Frame>,
}

impl TreeSink {
    /// The map built (the parser must have succeeded).
    pub(super) fn finish(self) -> Value {
        Value::Object(self.top)
    }
}

impl Sink for TreeSink {
    fn start(&mut self, uri: Option<&str>, local: &str) -> Result<(), XmlError> {
        if self.stack.len() >= MAX_DEPTH {
            return Err(XmlError::new(format!("elements nest more than {MAX_DEPTH} levels deep")));
        }
        if let Some(parent) = self.stack.last_mut() {
            parent.close_text();
        }
        let tag = match uri {
            Some(uri) => format!("{{{uri}}}{local}"),
            None => local.to_owned(),
        };
        self.stack.push(Frame { tag, node: Map::new(), text: String::new(), has_child: false });
        Ok(())
    }

    fn text(&mut self, text: &str) {
        // The root's own text is dropped, and so is everything after an element's first child.
        if let Some(frame) = self.stack.last_mut() {
            if !frame.has_child {
                frame.text.push_str(text);
            }
        }
    }

    fn end(&mut self) -> Result<(), XmlError> {
        let Some(mut frame) = self.stack.pop() else {
            return Err(XmlError::new("end of an element that never started"));
        };
        frame.close_text();
        let siblings = match self.stack.last_mut() {
            Some(parent) => &mut parent.node,
            None => &mut self.top,
        };
        match siblings.get_mut(&frame.tag) {
            Some(Value::Array(list)) => list.push(Value::Object(frame.node)),
            // Quirk Q22: memor appends to `node["text"]`, a string when the parent has leading
            // text, and Python raises `AttributeError`.
            Some(_) => {
                return Err(XmlError::new(
                    "a child element named `text` in an element that has text (memor fails \
                     with AttributeError, quirk Q22)",
                ));
            }
            None => {
                siblings.insert(frame.tag, Value::Array(vec![Value::Object(frame.node)]));
            }
        }
        Ok(())
    }
}
