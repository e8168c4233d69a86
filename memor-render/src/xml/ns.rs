//! Namespace scopes, with the checks expat makes when a prefix is bound (its `addBinding`).

use std::collections::HashMap;

/// The namespace the `xml` prefix is always bound to.
const XML_NS: &str = "http://www.w3.org/XML/1998/namespace";
/// The namespace of `xmlns` attributes, which nothing may be bound to.
const XMLNS_NS: &str = "http://www.w3.org/2000/xmlns/";

/// The namespace bindings in force at a point of the document.
#[derive(Default)]
pub(super) struct Scopes<'t> {
    /// For each prefix (`""` for the default namespace), the URIs bound to it, innermost last.
    /// An empty URI for the default namespace means "no namespace".
    bound: HashMap<&'t str, Vec<String>>,
    /// The prefixes bound so far, in order, so that an element's bindings can be undone.
    pushed: Vec<&'t str>,
}

impl<'t> Scopes<'t> {
    /// A mark to give [`Scopes::pop_to`] when the element that is starting ends.
    pub(super) fn mark(&self) -> usize {
        self.pushed.len()
    }

    /// Undoes the bindings made since `mark`.
    pub(super) fn pop_to(&mut self, mark: usize) {
        while self.pushed.len() > mark {
            if let Some(prefix) = self.pushed.pop() {
                if let Some(uris) = self.bound.get_mut(prefix) {
                    uris.pop();
                }
            }
        }
    }

    /// Binds `prefix` (`None`: the default namespace) to `uri`, an attribute's normalized value.
    /// The error says why expat refuses the binding.
    pub(super) fn bind(&mut self, prefix: Option<&'t str>, uri: String) -> Result<(), &'static str> {
        if prefix == Some("xmlns") {
            return Err("reserved prefix (xmlns) must not be declared or undeclared");
        }
        if prefix.is_some() && uri.is_empty() {
            return Err("must not undeclare prefix");
        }
        // ElementTree asks expat to report names as `uri}local`: a `}` in a URI is refused.
        if uri.contains('}') {
            return Err("syntax error (namespace URI contains the separator `}`)");
        }
        if (prefix == Some("xml")) != (uri == XML_NS) {
            return Err(if prefix == Some("xml") {
                "reserved prefix (xml) must not be undeclared or bound to another namespace name"
            } else {
                "prefix must not be bound to one of the reserved namespace names"
            });
        }
        if uri == XMLNS_NS {
            return Err("prefix must not be bound to one of the reserved namespace names");
        }
        let key = prefix.unwrap_or("");
        self.bound.entry(key).or_default().push(uri);
        self.pushed.push(key);
        Ok(())
    }

    /// The URI bound to `prefix`, if any.
    pub(super) fn lookup(&self, prefix: &str) -> Option<&str> {
        if prefix == "xml" {
            return Some(XML_NS);
        }
        self.innermost(prefix)
    }

    /// The default namespace, if one is in force (an empty URI means none).
    pub(super) fn default_ns(&self) -> Option<&str> {
        self.innermost("").filter(|uri| !uri.is_empty())
    }

    fn innermost(&self, key: &str) -> Option<&str> {
        self.bound.get(key).and_then(|uris| uris.last()).map(String::as_str)
    }
}
