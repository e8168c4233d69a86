//! memor's `update_message_from_xml`: a tree shaped like `xml_tree`'s, written out as
//! ElementTree serializes it (`ElementTree.tostring(element, encoding="unicode")` for each
//! top-level element, concatenated).

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::error::XmlError;

/// How deep elements may nest. memor's recursive builder hits Python's recursion limit a
/// little below 1,000 levels (991 from a top-level call) and reports the XML_TREE error, as
/// this does past this depth. (The walk here is a loop: the limit is for parity, not safety.)
const MAX_DEPTH: usize = 1000;

/// ElementTree's well-known namespace prefixes (`_namespace_map`), used before `ns0`, `ns1`…
const WELL_KNOWN: [(&str, &str); 7] = [
    ("http://www.w3.org/XML/1998/namespace", "xml"),
    ("http://www.w3.org/1999/xhtml", "html"),
    ("http://www.w3.org/1999/02/22-rdf-syntax-ns#", "rdf"),
    ("http://schemas.xmlsoap.org/wsdl/", "wsdl"),
    ("http://www.w3.org/2001/XMLSchema", "xs"),
    ("http://www.w3.org/2001/XMLSchema-instance", "xsi"),
    ("http://purl.org/dc/elements/1.1/", "dc"),
];

/// The text for `tree`, a map `tag -> [node, …]`.
pub(super) fn message_from_tree(tree: &Value) -> Result<String, XmlError> {
    let Value::Object(map) = tree else {
        return Err(XmlError::new("the tree is not an object"));
    };
    let mut out = String::new();
    for (tag, nodes) in map {
        for node in nodes_of(nodes, tag)? {
            let mut names = Names::default();
            let elements = flatten(tag, node_of(node, tag)?, &mut names)?;
            write(&mut out, &elements, &names)?;
        }
    }
    Ok(out)
}

/// An element of a top-level element's subtree.
struct Element<'v> {
    tag: &'v str,
    text: Option<&'v str>,
    has_children: bool,
    /// 0 for the top-level element.
    depth: usize,
}

/// The elements of the subtree of `tag`, in document order (without recursion), validated, and
/// their tags named in that order (as ElementTree's `_namespaces` walks them).
fn flatten<'v>(tag: &'v str, node: &'v Map<String, Value>, names: &mut Names) -> Result<Vec<Element<'v>>, XmlError> {
    let mut elements = Vec::new();
    let mut pending = vec![(tag, node, 0)];
    while let Some((tag, node, depth)) = pending.pop() {
        if depth >= MAX_DEPTH {
            return Err(XmlError::new(format!("elements nest more than {MAX_DEPTH} levels deep")));
        }
        names.add(tag)?;
        let mut children = Vec::new();
        for (key, nodes) in node.iter().filter(|&(key, _)| key != "text") {
            for child in nodes_of(nodes, key)? {
                children.push((key.as_str(), node_of(child, key)?, depth + 1));
            }
        }
        elements.push(Element { tag, text: text_of(node, tag)?, has_children: !children.is_empty(), depth });
        pending.extend(children.into_iter().rev());
    }
    Ok(elements)
}

/// Writes a top-level element's subtree as ElementTree does.
fn write(out: &mut String, elements: &[Element<'_>], names: &Names) -> Result<(), XmlError> {
    let mut open: Vec<&str> = Vec::new();
    for element in elements {
        close(out, &mut open, element.depth);
        let qname = names.qname(element.tag)?;
        out.push('<');
        out.push_str(qname);
        if element.depth == 0 {
            let mut decls: Vec<(&String, &String)> = names.namespaces.iter().collect();
            decls.sort_unstable_by_key(|&(_, prefix)| prefix);
            for (uri, prefix) in decls {
                out.push_str(" xmlns:");
                out.push_str(prefix);
                out.push_str("=\"");
                escape_attribute(out, uri);
                out.push('"');
            }
        }
        if element.text.is_none() && !element.has_children {
            out.push_str(" />");
            continue;
        }
        out.push('>');
        if let Some(text) = element.text {
            escape_text(out, text);
        }
        open.push(qname);
    }
    close(out, &mut open, 0);
    Ok(())
}

/// Writes the end tags of the open elements deeper than `depth` (`open[i]` is at depth `i`).
fn close(out: &mut String, open: &mut Vec<&str>, depth: usize) {
    while open.len() > depth {
        if let Some(qname) = open.pop() {
            out.push_str("</");
            out.push_str(qname);
            out.push('>');
        }
    }
}

/// The nodes of a tag, as memor iterates them: a list, or (iterating to nothing) an empty
/// string or map. Anything else makes Python fail (`TypeError`, or `AttributeError` on an item).
fn nodes_of<'v>(nodes: &'v Value, tag: &str) -> Result<&'v [Value], XmlError> {
    match nodes {
        Value::Array(nodes) => Ok(nodes),
        Value::String(s) if s.is_empty() => Ok(&[]),
        Value::Object(m) if m.is_empty() => Ok(&[]),
        _ => Err(XmlError::new(format!("the nodes of `{tag}` are not a list"))),
    }
}

/// A node, which must be a map.
fn node_of<'v>(node: &'v Value, tag: &str) -> Result<&'v Map<String, Value>, XmlError> {
    node.as_object().ok_or_else(|| XmlError::new(format!("a node of `{tag}` is not an object")))
}

/// A node's text if memor sets one: `node["text"]` when truthy, which must then be a string.
fn text_of<'v>(node: &'v Map<String, Value>, tag: &str) -> Result<Option<&'v str>, XmlError> {
    let truthy = match node.get("text") {
        None | Some(Value::Null) => false,
        Some(Value::String(s)) => return Ok(Some(s.as_str()).filter(|s| !s.is_empty())),
        Some(Value::Bool(b)) => *b,
        Some(Value::Number(n)) => n.as_f64().is_some_and(|f| f != 0.0),
        Some(Value::Array(a)) => !a.is_empty(),
        Some(Value::Object(m)) => !m.is_empty(),
    };
    if truthy { Err(XmlError::new(format!("the text of a `{tag}` node is not a string"))) } else { Ok(None) }
}

/// ElementTree's `_namespaces` for one top-level element: the written name of each tag, and
/// the prefix of each namespace URI.
#[derive(Default)]
struct Names {
    qnames: HashMap<String, String>,
    namespaces: HashMap<String, String>,
}

impl Names {
    /// ElementTree's `add_qname`: `{uri}local` becomes `prefix:local`.
    fn add(&mut self, tag: &str) -> Result<(), XmlError> {
        if self.qnames.contains_key(tag) {
            return Ok(());
        }
        let qname = match tag.strip_prefix('{') {
            None => tag.to_owned(),
            Some(rest) => {
                let Some((uri, local)) = rest.rsplit_once('}') else {
                    return Err(XmlError::new(format!("the tag `{tag}` opens a namespace with `{{` but has no `}}`")));
                };
                let prefix = match self.namespaces.get(uri) {
                    Some(prefix) => prefix.clone(),
                    None => {
                        let prefix = WELL_KNOWN
                            .iter()
                            .find(|&&(known, _)| known == uri)
                            .map_or_else(|| format!("ns{}", self.namespaces.len()), |&(_, p)| p.to_owned());
                        if prefix != "xml" {
                            self.namespaces.insert(uri.to_owned(), prefix.clone());
                        }
                        prefix
                    }
                };
                format!("{prefix}:{local}")
            }
        };
        self.qnames.insert(tag.to_owned(), qname);
        Ok(())
    }

    fn qname(&self, tag: &str) -> Result<&str, XmlError> {
        self.qnames.get(tag).map(String::as_str).ok_or_else(|| XmlError::new(format!("no name for the tag `{tag}`")))
    }
}

/// ElementTree's `_escape_cdata`: `&`, `<` and `>` only.
fn escape_text(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
}

/// ElementTree's `_escape_attrib` (for the `xmlns:nsN` values).
fn escape_attribute(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\r' => out.push_str("&#13;"),
            '\n' => out.push_str("&#10;"),
            '\t' => out.push_str("&#09;"),
            c => out.push(c),
        }
    }
}
