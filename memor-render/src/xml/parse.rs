//! An XML 1.0 well-formedness parser for memor's `<root>` + text + `</root>` documents that
//! accepts exactly what expat 2.5.0 accepts in namespace mode, configured as Python's
//! ElementTree (behind defusedxml) configures it.
//!
//! Only the text is parsed, as the content of the wrapping `<root>` element: closing that
//! element from inside the text leaves the final `</root>` (and anything before it) after the
//! document element, which expat refuses. There is no DTD in content, so the only entities are
//! the five predefined ones. The parser is a loop with an explicit stack: no recursion, so no
//! nesting depth can overflow the call stack (expat itself has no depth limit either).

use super::chars::{is_name_char, is_name_start, is_xml_char, is_xml_space};
use super::error::XmlError;
use super::ns::Scopes;

/// What the parser reports, in document order, for the elements inside the wrapping root.
pub(super) trait Sink {
    /// An element starts; `uri` is its namespace (`None`: no namespace).
    fn start(&mut self, uri: Option<&str>, local: &str) -> Result<(), XmlError>;
    /// Character data, decoded and with line ends normalized, in pieces.
    fn text(&mut self, text: &str);
    /// The innermost open element ends.
    fn end(&mut self) -> Result<(), XmlError>;
}

/// Checks well-formedness only.
impl Sink for () {
    fn start(&mut self, _: Option<&str>, _: &str) -> Result<(), XmlError> {
        Ok(())
    }
    fn text(&mut self, _: &str) {}
    fn end(&mut self) -> Result<(), XmlError> {
        Ok(())
    }
}

/// Parses `text` as the content of `<root>…</root>`, reporting to `sink`.
pub(super) fn parse(text: &str, sink: &mut impl Sink) -> Result<(), XmlError> {
    let mut parser = Parser { text, bytes: text.as_bytes(), pos: 0, sink, open: Vec::new(), ns: Scopes::default() };
    parser.content()
}

/// How a name may contain colons.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Colons {
    /// Not at all (PI targets, entity names): a colon ends the name.
    No,
    /// A qualified name (element and attribute names): at most one, followed by a name start.
    Qualified,
    /// Anywhere (end tags, which must repeat the start tag's name anyway).
    Any,
}

/// A name: its byte range in the text and the position of its colon.
#[derive(Clone, Copy)]
struct Name {
    start: usize,
    end: usize,
    colon: Option<usize>,
}

/// An element that is open.
struct Open {
    name: Name,
    /// The namespace scopes' mark from before its bindings.
    mark: usize,
}

/// An attribute of the start tag being read.
struct Attr {
    name: Name,
    /// The normalized value, kept for namespace declarations only.
    value: Option<String>,
}

struct Parser<'t, 's, S> {
    text: &'t str,
    bytes: &'t [u8],
    pos: usize,
    sink: &'s mut S,
    open: Vec<Open>,
    ns: Scopes<'t>,
}

impl<'t, S: Sink> Parser<'t, '_, S> {
    fn err<T>(&self, what: &str) -> Result<T, XmlError> {
        Err(XmlError::at(self.pos, what))
    }

    fn str(&self, start: usize, end: usize) -> &'t str {
        self.text.get(start..end).unwrap_or_default()
    }

    fn name_str(&self, name: Name) -> &'t str {
        self.str(name.start, name.end)
    }

    fn byte(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn byte_at(&self, offset: usize) -> Option<u8> {
        self.bytes.get(self.pos + offset).copied()
    }

    fn at(&self, s: &[u8]) -> bool {
        self.bytes.get(self.pos..).is_some_and(|rest| rest.starts_with(s))
    }

    fn char(&self) -> Option<char> {
        self.text.get(self.pos..).and_then(|rest| rest.chars().next())
    }

    /// Whether the byte at `pos` starts a character XML 1.0 forbids (control characters other
    /// than tab, line feed and carriage return; U+FFFE; U+FFFF).
    fn forbidden_char(&self) -> bool {
        match self.byte() {
            Some(b) if b < 0x20 => !matches!(b, b'\t' | b'\n' | b'\r'),
            Some(0xEF) => self.byte_at(1) == Some(0xBF) && matches!(self.byte_at(2), Some(0xBE | 0xBF)),
            _ => false,
        }
    }

    fn expect(&mut self, b: u8, what: &str) -> Result<(), XmlError> {
        if self.byte() == Some(b) {
            self.pos += 1;
            Ok(())
        } else {
            self.err(what)
        }
    }

    /// Skips XML white space; whether there was any.
    fn skip_space(&mut self) -> bool {
        let start = self.pos;
        while self.byte().is_some_and(|b| is_xml_space(char::from(b))) {
            self.pos += 1;
        }
        self.pos > start
    }

    /// Hands `start..pos` to the sink as text.
    fn flush(&mut self, start: usize) {
        if start < self.pos {
            let text = self.str(start, self.pos);
            self.sink.text(text);
        }
    }

    /// The content of the wrapping root element, up to the end of the text.
    fn content(&mut self) -> Result<(), XmlError> {
        let mut run = self.pos;
        while let Some(b) = self.byte() {
            match b {
                b'<' => {
                    self.flush(run);
                    self.markup()?;
                    run = self.pos;
                }
                b'&' => {
                    self.flush(run);
                    let c = self.reference()?;
                    self.sink.text(c.encode_utf8(&mut [0; 4]));
                    run = self.pos;
                }
                b']' if self.at(b"]]>") => return self.err("`]]>` in character data"),
                b'\r' => {
                    self.flush(run);
                    self.newline();
                    run = self.pos;
                }
                _ if self.forbidden_char() => return self.err("character not allowed in XML"),
                _ => self.pos += 1,
            }
        }
        self.flush(run);
        match self.open.last() {
            Some(open) => Err(XmlError::at(open.name.start, "element never closed")),
            None => Ok(()),
        }
    }

    /// A carriage return (and a line feed after it) in text: one line feed.
    fn newline(&mut self) {
        self.sink.text("\n");
        self.pos += 1;
        if self.byte() == Some(b'\n') {
            self.pos += 1;
        }
    }

    /// Markup starting with the `<` at `pos`.
    fn markup(&mut self) -> Result<(), XmlError> {
        if self.at(b"</") {
            self.pos += 2;
            self.end_tag()
        } else if self.at(b"<!--") {
            self.pos += 4;
            self.comment()
        } else if self.at(b"<![CDATA[") {
            self.pos += 9;
            self.cdata()
        } else if self.at(b"<?") {
            self.pos += 2;
            self.pi()
        } else if self.at(b"<!") {
            self.err("markup declaration in content (DOCTYPE or other `<!`)")
        } else {
            self.pos += 1;
            self.start_tag()
        }
    }

    /// A name at `pos`, following expat's tokenizer in namespace mode.
    fn name(&mut self, colons: Colons) -> Result<Name, XmlError> {
        let start = self.pos;
        match self.char() {
            Some(c) if is_name_start(c) => self.pos += c.len_utf8(),
            _ => return self.err("name expected"),
        }
        let mut colon = None;
        while let Some(c) = self.char() {
            if c == ':' && colons != Colons::No {
                if colons == Colons::Qualified {
                    if colon.is_some() {
                        return self.err("second colon in a name");
                    }
                    colon = Some(self.pos);
                    if !self.text.get(self.pos + 1..).and_then(|r| r.chars().next()).is_some_and(is_name_start) {
                        self.pos += 1;
                        return self.err("a name's colon must be followed by a name start character");
                    }
                }
                self.pos += 1;
            } else if is_name_char(c) {
                self.pos += c.len_utf8();
            } else {
                break;
            }
        }
        Ok(Name { start, end: self.pos, colon })
    }

    /// A reference after `&` (at `pos`): the character it stands for.
    fn reference(&mut self) -> Result<char, XmlError> {
        self.pos += 1;
        if self.byte() != Some(b'#') {
            let name = self.name(Colons::No)?;
            self.expect(b';', "`;` expected after an entity name")?;
            return match self.name_str(name) {
                "lt" => Ok('<'),
                "gt" => Ok('>'),
                "amp" => Ok('&'),
                "apos" => Ok('\''),
                "quot" => Ok('"'),
                _ => Err(XmlError::at(name.start, "undefined entity")),
            };
        }
        let start = self.pos - 1;
        self.pos += 1;
        let radix = if self.byte() == Some(b'x') {
            self.pos += 1;
            16
        } else {
            10
        };
        let digits = self.pos;
        let mut value: u32 = 0;
        while let Some(d) = self.byte().and_then(|b| char::from(b).to_digit(radix)) {
            // Anything past U+10FFFF is invalid; stop growing there.
            value = (value * radix + d).min(0x11_0000);
            self.pos += 1;
        }
        if self.pos == digits {
            return self.err("digits expected in a character reference");
        }
        self.expect(b';', "`;` expected after a character reference")?;
        match char::from_u32(value) {
            Some(c) if is_xml_char(c) => Ok(c),
            _ => Err(XmlError::at(start, "reference to invalid character number")),
        }
    }

    /// A start tag after its `<`.
    fn start_tag(&mut self) -> Result<(), XmlError> {
        let name = self.name(Colons::Qualified)?;
        let mut attrs = Vec::new();
        let empty = loop {
            let spaced = self.skip_space();
            match self.byte() {
                Some(b'>') => {
                    self.pos += 1;
                    break false;
                }
                Some(b'/') => {
                    self.pos += 1;
                    self.expect(b'>', "`>` expected after `/` in a tag")?;
                    break true;
                }
                Some(_) if spaced => attrs.push(self.attribute()?),
                _ => return self.err("`>`, `/>` or white space and an attribute expected"),
            }
        };
        let mark = self.ns.mark();
        self.check_attributes(&mut attrs)?;
        let (prefix, local) = self.split(name);
        let uri = match prefix {
            Some(prefix) => match self.ns.lookup(prefix) {
                Some(uri) => Some(uri),
                None => return Err(XmlError::at(name.start, "unbound prefix")),
            },
            None => self.ns.default_ns(),
        };
        self.sink.start(uri, local)?;
        if empty {
            self.ns.pop_to(mark);
            self.sink.end()
        } else {
            self.open.push(Open { name, mark });
            Ok(())
        }
    }

    /// A qualified name's prefix (if any) and local part.
    fn split(&self, name: Name) -> (Option<&'t str>, &'t str) {
        match name.colon {
            Some(colon) => (Some(self.str(name.start, colon)), self.str(colon + 1, name.end)),
            None => (None, self.name_str(name)),
        }
    }

    /// An attribute, from its name to its closing quote.
    fn attribute(&mut self) -> Result<Attr, XmlError> {
        let name = self.name(Colons::Qualified)?;
        self.skip_space();
        self.expect(b'=', "`=` expected after an attribute name")?;
        self.skip_space();
        let quote = match self.byte() {
            Some(q @ (b'"' | b'\'')) => q,
            _ => return self.err("quoted attribute value expected"),
        };
        self.pos += 1;
        let raw = self.name_str(name);
        let mut value = (raw == "xmlns" || raw.starts_with("xmlns:")).then(String::new);
        self.attribute_value(quote, value.as_mut())?;
        Ok(Attr { name, value })
    }

    /// An attribute value after its opening quote, normalized into `out` if given (references
    /// replaced, each tab, line feed, carriage return or CR LF pair made one space).
    fn attribute_value(&mut self, quote: u8, mut out: Option<&mut String>) -> Result<(), XmlError> {
        let mut run = self.pos;
        loop {
            let Some(b) = self.byte() else {
                return self.err("attribute value never closed");
            };
            if b == quote {
                if let Some(out) = out.as_deref_mut() {
                    out.push_str(self.str(run, self.pos));
                }
                self.pos += 1;
                return Ok(());
            }
            match b {
                b'<' => return self.err("`<` in an attribute value"),
                b'&' | b'\t' | b'\n' | b'\r' => {
                    if let Some(out) = out.as_deref_mut() {
                        out.push_str(self.str(run, self.pos));
                    }
                    let c = if b == b'&' {
                        self.reference()?
                    } else {
                        self.pos += 1;
                        if b == b'\r' && self.byte() == Some(b'\n') {
                            self.pos += 1;
                        }
                        ' '
                    };
                    if let Some(out) = out.as_deref_mut() {
                        out.push(c);
                    }
                    run = self.pos;
                }
                _ if self.forbidden_char() => return self.err("character not allowed in XML"),
                _ => self.pos += 1,
            }
        }
    }

    /// expat's checks on a start tag's attributes: no duplicates (by name, then by expanded
    /// name), namespace declarations that may be made (and are made here), bound prefixes.
    fn check_attributes(&mut self, attrs: &mut [Attr]) -> Result<(), XmlError> {
        if attrs.len() > 1 {
            let mut names: Vec<&str> = attrs.iter().map(|a| self.name_str(a.name)).collect();
            names.sort_unstable();
            if names.windows(2).any(|w| w[0] == w[1]) {
                return self.err("duplicate attribute");
            }
        }
        for attr in attrs.iter_mut() {
            if let Some(uri) = attr.value.take() {
                // `xmlns` binds the default namespace, `xmlns:p` the prefix `p`.
                let (xmlns_colon, prefix) = self.split(attr.name);
                if let Err(why) = self.ns.bind(xmlns_colon.map(|_| prefix), uri) {
                    return Err(XmlError::at(attr.name.start, why));
                }
            }
        }
        let mut expanded = Vec::new();
        for attr in attrs.iter() {
            let raw = self.name_str(attr.name);
            if raw == "xmlns" || raw.starts_with("xmlns:") {
                continue;
            }
            if let (Some(prefix), local) = self.split(attr.name) {
                match self.ns.lookup(prefix) {
                    Some(uri) => expanded.push((uri, local)),
                    None => return Err(XmlError::at(attr.name.start, "unbound prefix")),
                }
            }
        }
        expanded.sort_unstable();
        if expanded.windows(2).any(|w| w[0] == w[1]) {
            return self.err("duplicate attribute (same namespace and local name)");
        }
        Ok(())
    }

    /// An end tag after its `</`.
    fn end_tag(&mut self) -> Result<(), XmlError> {
        let name = self.name(Colons::Any)?;
        self.skip_space();
        self.expect(b'>', "`>` expected in an end tag")?;
        let Some(open) = self.open.pop() else {
            return Err(XmlError::at(name.start, "end tag closes the wrapping root element"));
        };
        if self.name_str(open.name) != self.name_str(name) {
            return Err(XmlError::at(name.start, "mismatched tag"));
        }
        self.ns.pop_to(open.mark);
        self.sink.end()
    }

    /// A comment after its `<!--`.
    fn comment(&mut self) -> Result<(), XmlError> {
        loop {
            match self.byte() {
                None => return self.err("comment never closed"),
                Some(b'-') if self.at(b"--") => {
                    return if self.at(b"-->") {
                        self.pos += 3;
                        Ok(())
                    } else {
                        self.err("`--` in a comment")
                    };
                }
                _ if self.forbidden_char() => return self.err("character not allowed in XML"),
                _ => self.pos += 1,
            }
        }
    }

    /// A CDATA section after its `<![CDATA[`: its text goes to the sink.
    fn cdata(&mut self) -> Result<(), XmlError> {
        let mut run = self.pos;
        loop {
            match self.byte() {
                None => return self.err("CDATA section never closed"),
                Some(b']') if self.at(b"]]>") => {
                    self.flush(run);
                    self.pos += 3;
                    return Ok(());
                }
                Some(b'\r') => {
                    self.flush(run);
                    self.newline();
                    run = self.pos;
                }
                _ if self.forbidden_char() => return self.err("character not allowed in XML"),
                _ => self.pos += 1,
            }
        }
    }

    /// A processing instruction after its `<?`.
    fn pi(&mut self) -> Result<(), XmlError> {
        let target = self.name(Colons::No)?;
        if self.name_str(target).eq_ignore_ascii_case("xml") {
            return Err(XmlError::at(
                target.start,
                "XML declaration not at the start of the document (or a reserved PI target)",
            ));
        }
        if self.at(b"?>") {
            self.pos += 2;
            return Ok(());
        }
        if !self.skip_space() {
            return self.err("white space or `?>` expected after a PI target");
        }
        loop {
            match self.byte() {
                None => return self.err("processing instruction never closed"),
                Some(b'?') if self.at(b"?>") => {
                    self.pos += 2;
                    return Ok(());
                }
                _ if self.forbidden_char() => return self.err("character not allowed in XML"),
                _ => self.pos += 1,
            }
        }
    }
}
