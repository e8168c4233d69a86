//! Loading: memor's `from_json` for each kind, phase for phase (spec §6.5, §7.5, §9.5, §11.5).
//!
//! Phase A reads the fields whose absence or shape memor reports as a `*_STRUCT` error
//! (required keys, role, dates, nested objects); phase B checks values in memor's order with
//! memor's per-field messages. Anything wrong inside a nested object is the outer object's
//! structure error, as in memor, with the inner message kept in [`Error::detail`].

use std::borrow::Cow;
use std::fmt::Display;
use std::sync::Arc;

use serde_json::{Map, Value};

use super::read::{self, Raw, Slots};
use crate::message::Base;
use crate::parts::Parts;
use crate::validate::{self, positive_number, probability};
use crate::{
    AnyDocument, Error, Kind, Message, Number, Prompt, PromptTemplate, Response, Result, Role, Session, Timestamp, id,
};

type Pairs<'r, 'a> = &'r [(Cow<'a, str>, Raw<'a>)];

/// Parses `text` and loads it with `load`, turning a syntax error into `kind`'s structure error.
pub(crate) fn from_text<T>(text: &str, kind: Kind, load: impl FnOnce(&Raw<'_>) -> Result<T>) -> Result<T> {
    let raw = read::parse(text).map_err(|e| Error::structure(kind, e.to_string()))?;
    load(&raw)
}

/// A JSON object being loaded as `kind`: its pairs from a parse tree, or the table a
/// streamed message was read into.
struct Obj<'r, 'a> {
    fields: Fields<'r, 'a>,
    kind: Kind,
}

#[derive(Clone, Copy)]
enum Fields<'r, 'a> {
    Pairs(Pairs<'r, 'a>),
    Slots(&'r Slots<'a>),
}

impl<'r, 'a> Obj<'r, 'a> {
    fn of(raw: &'r Raw<'a>, kind: Kind) -> Result<Self> {
        match raw {
            Raw::Object(pairs) => Ok(Obj { fields: Fields::Pairs(pairs), kind }),
            other => Err(Error::structure(kind, format!("expected a JSON object, found {}", other.type_name()))),
        }
    }

    #[inline]
    fn get(&self, key: &str) -> Option<&'r Raw<'a>> {
        match self.fields {
            Fields::Pairs(pairs) => Raw::get(pairs, key),
            Fields::Slots(slots) => slots.get(key),
        }
    }

    fn required(&self, key: &str) -> Result<&'r Raw<'a>> {
        self.get(key).ok_or_else(|| Error::structure(self.kind, format!("missing field `{key}`")))
    }

    fn bad(&self, key: &str, why: impl Display) -> Error {
        Error::structure(self.kind, format!("field `{key}`: {why}"))
    }

    fn role(&self) -> Result<Role> {
        match self.required("role")? {
            Raw::Str(s) => {
                s.parse().map_err(|_| self.bad("role", format_args!("`{s}` is not system, user or assistant")))
            }
            other => Err(self.bad("role", format_args!("expected a string, found {}", other.type_name()))),
        }
    }

    fn date(&self, key: &str) -> Result<Timestamp> {
        match self.required(key)? {
            Raw::Str(s) => Timestamp::parse(s)
                .ok_or_else(|| self.bad(key, format_args!("`{s}` does not match `%Y-%m-%d %H:%M:%S %z`"))),
            other => Err(self.bad(key, format_args!("expected a date string, found {}", other.type_name()))),
        }
    }
}

/// A structure error of `kind` for an error inside the nested object at `at`.
fn nested(kind: Kind, at: impl Display, inner: Error) -> Error {
    let detail = match inner.detail() {
        Some(d) => format!("{at}: {inner} ({d})"),
        None => format!("{at}: {inner}"),
    };
    Error::structure(kind, detail)
}

fn string(raw: &Raw<'_>, param: &'static str) -> Result<String> {
    match raw {
        Raw::Str(s) => Ok(s.clone().into_owned()),
        _ => Err(Error::NotString { param: param.into() }),
    }
}

/// `memor_version`: any string (the common one is shared, not copied).
fn version(raw: &Raw<'_>) -> Result<Cow<'static, str>> {
    match raw {
        Raw::Str(s) if s == crate::MEMOR_VERSION => Ok(Cow::Borrowed(crate::MEMOR_VERSION)),
        other => string(other, "memor_version").map(Cow::Owned),
    }
}

fn opt_string(raw: Option<&Raw<'_>>, param: &'static str) -> Result<Option<String>> {
    match raw {
        None | Some(Raw::Null) => Ok(None),
        Some(raw) => string(raw, param).map(Some),
    }
}

/// An integer literal: its value, or why it has none here.
enum IntLiteral {
    Value(u64),
    Negative(i64),
    TooLarge,
}

fn int_literal(text: &str) -> IntLiteral {
    match text.parse::<u64>() {
        Ok(v) => IntLiteral::Value(v),
        Err(_) => match text.parse::<i64>() {
            Ok(0) => IntLiteral::Value(0),
            Ok(v) => IntLiteral::Negative(v),
            Err(_) => IntLiteral::TooLarge,
        },
    }
}

/// memor's `positive integer` rule for a loaded value. Booleans and integers beyond 64 bits
/// are refused with memor's message (DECISIONS D7).
fn pos_int(raw: &Raw<'_>, param: &'static str) -> Result<u64> {
    match raw {
        Raw::Int(text) => match int_literal(text) {
            IntLiteral::Value(v) => Ok(v),
            IntLiteral::Negative(_) | IntLiteral::TooLarge => Err(Error::NotPositiveInteger { param: param.into() }),
        },
        _ => Err(Error::NotPositiveInteger { param: param.into() }),
    }
}

fn opt_pos_int(raw: Option<&Raw<'_>>, param: &'static str) -> Result<Option<u64>> {
    match raw {
        None | Some(Raw::Null) => Ok(None),
        Some(raw) => pos_int(raw, param).map(Some),
    }
}

/// A sampling value: memor's probability (`0..=1`) or positive-number rule.
#[derive(Clone, Copy, PartialEq)]
enum Range {
    Probability,
    Positive,
}

fn opt_number(raw: Option<&Raw<'_>>, param: &'static str, range: Range) -> Result<Option<Number>> {
    let invalid = || match range {
        Range::Probability => Error::NotProbability { param: param.into() },
        Range::Positive => Error::NotPositiveNumber { param: param.into() },
    };
    let number = match raw {
        None | Some(Raw::Null) => return Ok(None),
        Some(Raw::Float(f)) => Number::Float(*f),
        Some(Raw::Int(text)) => match int_literal(text) {
            IntLiteral::Value(v) => Number::Int(v),
            IntLiteral::Negative(_) => return Err(invalid()),
            IntLiteral::TooLarge if text.starts_with('-') || range == Range::Probability => {
                return Err(invalid());
            }
            IntLiteral::TooLarge => {
                return Err(Error::IntegerTooLarge { param: param.into() });
            }
        },
        // Strings, lists, objects and (DECISIONS D7) booleans.
        Some(_) => return Err(invalid()),
    };
    match range {
        Range::Probability => probability(param, number),
        Range::Positive => positive_number(param, number),
    }
    .map(Some)
}

fn message_id(raw: Option<&Raw<'_>>) -> Result<String> {
    match raw {
        None => Ok(id::new_id()),
        Some(Raw::Str(s)) if id::is_valid_id(s) => Ok(s.clone().into_owned()),
        // memor leaks Python's AttributeError/TypeError for non-string ids (DECISIONS D11).
        Some(_) => Err(Error::InvalidId),
    }
}

fn warnings(raw: Option<&Raw<'_>>) -> Result<Map<String, Value>> {
    let map = match raw {
        None => return Ok(Map::new()),
        // memor's check looks at the keys only: make it before converting any value.
        Some(Raw::Object(pairs)) if pairs.iter().any(|(k, _)| !matches!(k.as_ref(), "size" | "tokens")) => {
            return Err(Error::WarningsStructure);
        }
        Some(Raw::Object(pairs)) => object(pairs).map_err(|e| e.into_error("warnings"))?,
        Some(_) => return Err(Error::WarningsStructure),
    };
    validate::warnings(&map)?;
    Ok(map)
}

fn custom_map(raw: &Raw<'_>) -> Result<Option<Map<String, Value>>> {
    match raw {
        Raw::Null => Ok(None),
        Raw::Object(pairs) => object(pairs).map(Some).map_err(|e| e.into_error("custom_map")),
        _ => Err(Error::CustomMap),
    }
}

/// A number that JSON allows but a `serde_json::Value` (and DECISIONS D6/D7) does not.
struct BadNumber {
    too_large: bool,
    path: Vec<String>,
}

impl BadNumber {
    fn into_error(mut self, root: &str) -> Error {
        self.path.push(root.to_owned());
        self.path.reverse();
        let param = Cow::Owned(self.path.join("."));
        if self.too_large { Error::IntegerTooLarge { param } } else { Error::NotFinite { param } }
    }
}

fn object(pairs: Pairs<'_, '_>) -> Result<Map<String, Value>, BadNumber> {
    let mut map = Map::with_capacity(pairs.len());
    for (k, v) in pairs {
        let v = value(v).map_err(|mut e| {
            e.path.push(k.clone().into_owned());
            e
        })?;
        // Python's dict: a repeated key keeps its first position and its last value.
        map.insert(k.clone().into_owned(), v);
    }
    Ok(map)
}

fn value(raw: &Raw<'_>) -> Result<Value, BadNumber> {
    Ok(match raw {
        Raw::Null => Value::Null,
        Raw::Bool(b) => Value::Bool(*b),
        Raw::Str(s) => Value::String(s.clone().into_owned()),
        Raw::Float(f) => serde_json::Number::from_f64(*f)
            .map(Value::Number)
            .ok_or(BadNumber { too_large: false, path: Vec::new() })?,
        Raw::Int(text) => match int_literal(text) {
            IntLiteral::Value(v) => Value::from(v),
            IntLiteral::Negative(v) => Value::from(v),
            IntLiteral::TooLarge => {
                return Err(BadNumber { too_large: true, path: Vec::new() });
            }
        },
        Raw::Array(items) => Value::Array(
            items
                .iter()
                .enumerate()
                .map(|(i, item)| {
                    value(item).map_err(|mut e| {
                        e.path.push(i.to_string());
                        e
                    })
                })
                .collect::<Result<_, _>>()?,
        ),
        Raw::Object(pairs) => Value::Object(object(pairs)?),
    })
}

/// The elements memor's `for x in value` visits: a list's items, or a dict's keys (strings).
fn elements<'r, 'a>(raw: &'r Raw<'a>, obj: &Obj<'_, '_>, key: &str) -> Result<Vec<Element<'r, 'a>>> {
    match raw {
        Raw::Array(items) => Ok(items.iter().map(Element::Value).collect()),
        Raw::Object(pairs) => Ok(pairs.iter().map(|(k, _)| Element::Text(k)).collect()),
        Raw::Str(s) if s.is_empty() => Ok(Vec::new()),
        other => Err(obj.bad(key, format_args!("expected a list, found {}", other.type_name()))),
    }
}

enum Element<'r, 'a> {
    Value(&'r Raw<'a>),
    /// A string handed to a nested `from_json`, which parses it as JSON text.
    Text(&'r str),
}

/// memor's nested `X().from_json(element)`: an object, or a string of JSON text.
fn load_nested<T>(element: Element<'_, '_>, kind: Kind, load: fn(&Raw<'_>) -> Result<T>) -> Result<T> {
    match element {
        Element::Value(Raw::Str(text)) => from_text(text, kind, load),
        Element::Text(text) => from_text(text, kind, load),
        Element::Value(raw) => load(raw),
    }
}

pub(crate) fn response(raw: &Raw<'_>) -> Result<Response> {
    response_fields(&Obj::of(raw, Kind::Response)?)
}

fn response_fields(o: &Obj<'_, '_>) -> Result<Response> {
    let message = o.required("message")?;
    let score = o.required("score")?;
    let temperature = o.required("temperature")?;
    let model = o.required("model")?;
    let role = o.role()?;
    let memor_version = o.required("memor_version")?;
    let date_created = o.date("date_created")?;
    let date_modified = o.date("date_modified")?;

    let message = string(message, "message")?;
    let score = opt_number(Some(score), "score", Range::Probability)?;
    let temperature = opt_number(Some(temperature), "temperature", Range::Positive)?;
    let top_k = opt_pos_int(o.get("top_k"), "top_k")?;
    let top_p = opt_number(o.get("top_p"), "top_p", Range::Probability)?;
    let gpu = opt_string(o.get("gpu"), "gpu")?;
    let tokens = opt_pos_int(o.get("tokens"), "tokens")?;
    let inference_time = opt_number(o.get("inference_time"), "inference_time", Range::Positive)?;
    let model = match model {
        Raw::Null => crate::models::DEFAULT.to_owned(),
        other => string(other, "model")?,
    };
    let id = message_id(o.get("id"))?;
    let warnings = warnings(o.get("warnings"))?;
    let memor_version = version(memor_version)?;
    // Not memor's: the provider's metadata, an object when present.
    let provider_metadata = match o.get("provider_metadata") {
        None | Some(Raw::Null) => None,
        Some(Raw::Object(pairs)) => Some(Box::new(object(pairs).map_err(|e| e.into_error("provider_metadata"))?)),
        Some(_) => return Err(o.bad("provider_metadata", "expected a JSON object")),
    };
    let parts = parts(o)?;
    let warnings = Base::boxed_warnings(warnings);
    let base = Base { message, role, tokens, id, warnings, date_created, date_modified, memor_version, parts };
    Ok(Response { base, score, temperature, top_k, top_p, inference_time, model, gpu, provider_metadata })
}

/// Not memor's: the tool calls, tool results, images and reasoning state of a message, when
/// present.
fn parts(o: &Obj<'_, '_>) -> Result<Parts> {
    let mut values = [None, None, None, None];
    for (slot, key) in values.iter_mut().zip(crate::parts::KEYS) {
        if let Some(raw) = o.get(key) {
            *slot = Some(value(raw).map_err(|e| e.into_error(key))?);
        }
    }
    // Most messages are text alone.
    if values.iter().all(Option::is_none) {
        return Ok(Parts::default());
    }
    Parts::from_values(values).map_err(|(field, why)| o.bad(&field, why))
}

/// What one load shares between the prompts it reads: identical templates (in a session,
/// usually all of them) become one copy-on-write `Arc` instead of one copy per prompt.
#[derive(Default)]
pub(crate) struct Templates<'a> {
    basic: Option<Arc<PromptTemplate>>,
    last: Option<(Raw<'a>, Arc<PromptTemplate>)>,
    /// The text `last` was read from, when streamed: the parser may skip that text next time
    /// (see `Parser::known_template`), and the prompt then takes `last` as it is.
    last_text: Option<&'a str>,
}

impl<'a> Templates<'a> {
    fn get(&mut self, raw: Option<&Raw<'a>>) -> Result<Arc<PromptTemplate>> {
        let Some(raw) = raw else {
            return Ok(self.basic.get_or_insert_with(|| Arc::new(PromptTemplate::basic_prompt())).clone());
        };
        if let Some((last, shared)) = &self.last {
            if last == raw {
                return Ok(shared.clone());
            }
        }
        let loaded = Arc::new(load_nested(Element::Value(raw), Kind::Template, template)?);
        self.last = Some((raw.clone(), loaded.clone()));
        Ok(loaded)
    }
}

/// A prompt file.
pub(crate) fn prompt_file(raw: &Raw<'_>) -> Result<Prompt> {
    prompt_fields(&Obj::of(raw, Kind::Prompt)?, &mut Templates::default())
}

fn prompt_fields<'a>(o: &Obj<'_, 'a>, templates: &mut Templates<'a>) -> Result<Prompt> {
    let kind = Kind::Prompt;
    let message = o.required("message")?;
    let responses = elements(o.required("responses")?, o, "responses")?
        .into_iter()
        .enumerate()
        .map(|(i, e)| {
            load_nested(e, Kind::Response, response).map_err(|err| nested(kind, format_args!("responses[{i}]"), err))
        })
        .collect::<Result<Vec<_>>>()?;
    let role = o.role()?;
    let template = match o.fields {
        // The parser skipped this text as the one `last` was read from.
        Fields::Slots(slots) if slots.same_template => match &templates.last {
            Some((_, shared)) => shared.clone(),
            None => return Err(Error::structure(kind, "field `template`: skipped but never read")),
        },
        _ => templates.get(o.get("template")).map_err(|err| nested(kind, "template", err))?,
    };
    if let Fields::Slots(slots) = o.fields {
        if let Some(text) = slots.template_text() {
            templates.last_text = Some(text);
        }
    }
    let memor_version = o.required("memor_version")?;
    let date_created = o.date("date_created")?;
    let date_modified = o.date("date_modified")?;
    let selected = o.required("selected_response_index")?;

    let message = string(message, "message")?;
    let tokens = opt_pos_int(o.get("tokens"), "tokens")?;
    let id = message_id(o.get("id"))?;
    let warnings = warnings(o.get("warnings"))?;
    let memor_version = version(memor_version)?;
    let selected_response_index = pos_int(selected, "selected_response_index")?;
    let parts = parts(o)?;
    let warnings = Base::boxed_warnings(warnings);
    let base = Base { message, role, tokens, id, warnings, date_created, date_modified, memor_version, parts };
    Ok(Prompt { base, responses, selected_response_index, template })
}

pub(crate) fn template(raw: &Raw<'_>) -> Result<PromptTemplate> {
    let o = Obj::of(raw, Kind::Template)?;
    let content = o.required("content")?;
    let title = o.required("title")?;
    let map = o.required("custom_map")?;
    let memor_version = o.required("memor_version")?;
    let date_created = o.date("date_created")?;
    let date_modified = o.date("date_modified")?;

    let content = opt_string(Some(content), "content")?;
    let title = opt_string(Some(title), "title")?;
    let custom_map = custom_map(map)?;
    let memor_version = version(memor_version)?;
    // Not memor's: which engine renders the template (absent for memor's own).
    let engine = opt_string(o.get("engine"), "engine")?.filter(|e| e != crate::MEMOR_ENGINE);
    Ok(PromptTemplate { title, content, custom_map, date_created, date_modified, memor_version, engine })
}

/// A session file. Its messages are streamed: each is converted as soon as it is read, so
/// the parse tree never holds more than one message. Anything unusual (a repeated key, a
/// message that does not load, ...) sends the text through [`session`], which reads the
/// whole tree first and so decides, and words its error, exactly as memor does.
pub(crate) fn session_text(text: &str) -> Result<Session> {
    match streamed(text) {
        Some((_, session)) => Ok(session),
        None => from_text(text, Kind::Session, session),
    }
}

/// The streamed load of a session, with the top-level tree it leaves (every key but
/// `messages`); `None` whenever [`session`] must decide.
fn streamed(text: &str) -> Option<(Raw<'_>, Session)> {
    streamed_split(text, read::SPLIT_FROM)
}

/// [`streamed`], with `messages` read in two parts from `split_from` bytes.
fn streamed_split(text: &str, split_from: usize) -> Option<(Raw<'_>, Session)> {
    let (top, parts) = read::parse_streaming::<Messages<'_>>(text, "messages", split_from)?;
    let mut parts = parts.into_iter();
    let mut messages = parts.next()?.messages;
    for part in parts {
        append_releasing(&mut messages, part.messages);
    }
    let session = Obj::of(&top, Kind::Session).and_then(|o| session_rest(&o, messages)).ok()?;
    Some((top, session))
}

/// A session whose messages are already loaded (by [`window`](super::window)), from the
/// text of its top level with an empty array in their place; with whether its `"type"` is
/// `"Session"`. `None` whenever [`session`] must decide.
pub(crate) fn streamed_around(text: &str, messages: Vec<Message>) -> Option<(bool, Session)> {
    let (top, parts) = read::parse_streaming::<Messages<'_>>(text, "messages", usize::MAX)?;
    if parts.iter().any(|part| !part.messages.is_empty()) {
        return None;
    }
    let Raw::Object(pairs) = &top else { return None };
    let is_session = matches!(Raw::get(pairs, "type"), Some(Raw::Str(t)) if t == "Session");
    let session = Obj::of(&top, Kind::Session).and_then(|o| session_rest(&o, messages)).ok()?;
    Some((is_session, session))
}

/// Moves `more` onto the end of `messages`, giving `more`'s memory back as it goes: a message
/// is 384 bytes, so holding the second half of a large session twice (in its part's list and
/// in the whole) raised the peak of a 100k-message load by 16 MB.
pub(crate) fn append_releasing(messages: &mut Vec<Message>, mut more: Vec<Message>) {
    const CHUNK: usize = 4096;
    messages.reserve_exact(more.len());
    more.reverse();
    while !more.is_empty() {
        let keep = more.len().saturating_sub(CHUNK);
        messages.extend(more.drain(keep..).rev());
        more.shrink_to_fit();
    }
}

/// The messages of one part of a streamed session.
#[derive(Default)]
pub(crate) struct Messages<'a> {
    pub(crate) messages: Vec<Message>,
    templates: Templates<'a>,
}

impl<'a> read::Elements<'a> for Messages<'a> {
    fn element(&mut self, p: &mut read::Parser<'a>) -> bool {
        let mut slots = Slots::default();
        let loaded = p.object_slots(&mut slots).is_ok()
            && push_message(&mut self.messages, Fields::Slots(&slots), &mut self.templates).is_ok();
        p.known_template = self.templates.last_text;
        loaded
    }
}

/// A file of the kind its `"type"` names (none: a template), parsed once. A text that starts
/// as a session's (`{"type": "Session"`, as memor writes it) is streamed first, and kept when
/// its top level's `"type"` is indeed `"Session"`; anything else is read into one tree, whose
/// `"type"` decides which loader reads it. The same answers as [`Kind::of_json`] then the
/// kind's own `from_json`, without parsing twice.
pub(crate) fn any(text: &str) -> Result<AnyDocument> {
    if starts_as_session(text) {
        if let Some((Raw::Object(top), session)) = streamed(text) {
            if matches!(Raw::get(&top, "type"), Some(Raw::Str(t)) if t == "Session") {
                return Ok(AnyDocument::Session(session));
            }
        }
    }
    // A text whose kind cannot be told: an object too wide to read, or an unknown type.
    let raw = read::parse(text).map_err(|e| match e.too_wide() {
        Some((line, column)) => Error::TooWide { line, column },
        None => Error::UnknownType,
    })?;
    let kind = match &raw {
        Raw::Object(pairs) => match Raw::get(pairs, "type") {
            None => Kind::from_type_field(None),
            Some(Raw::Str(t)) => Kind::from_type_field(Some(t)),
            Some(_) => None,
        },
        _ => None,
    };
    Ok(match kind.ok_or(Error::UnknownType)? {
        Kind::Prompt => AnyDocument::Prompt(prompt_file(&raw)?),
        Kind::Response => AnyDocument::Response(response(&raw)?),
        Kind::Session => AnyDocument::Session(session(&raw)?),
        Kind::Template => AnyDocument::Template(template(&raw)?),
    })
}

/// Whether `text` starts as memor writes a session: `{"type": "Session"`.
pub(crate) fn starts_as_session(text: &str) -> bool {
    text.trim_start()
        .strip_prefix('{')
        .map(str::trim_start)
        .and_then(|t| t.strip_prefix("\"type\""))
        .map(str::trim_start)
        .and_then(|t| t.strip_prefix(':'))
        .is_some_and(|t| t.trim_start().starts_with("\"Session\""))
}

/// A session, from a whole tree.
pub(crate) fn session(raw: &Raw<'_>) -> Result<Session> {
    let kind = Kind::Session;
    let o = Obj::of(raw, kind)?;
    // memor's phase A reads these before the messages.
    o.required("title")?;
    o.required("messages_status")?;
    let mut templates = Templates::default();
    let mut messages = Vec::new();
    for (i, element) in elements(o.required("messages")?, &o, "messages")?.into_iter().enumerate() {
        let pushed = match element {
            Element::Value(Raw::Object(pairs)) => push_message(&mut messages, Fields::Pairs(pairs), &mut templates),
            _ => Err(Error::structure(kind, "expected a JSON object")),
        };
        pushed.map_err(|e| nested(kind, format_args!("messages[{i}]"), e))?;
    }
    session_rest(&o, messages)
}

/// Loads one element of a session's `messages` and appends it.
fn push_message<'a>(messages: &mut Vec<Message>, fields: Fields<'_, 'a>, templates: &mut Templates<'a>) -> Result<()> {
    let prompt = Obj { fields, kind: Kind::Prompt };
    let response = Obj { fields, kind: Kind::Response };
    let message = match prompt.get("type") {
        None => Err(Error::structure(Kind::Session, "missing field `type`")),
        Some(Raw::Str(t)) if t == "Prompt" => prompt_fields(&prompt, templates).map(Message::from),
        Some(Raw::Str(t)) if t == "Response" => response_fields(&response).map(Message::from),
        // memor re-loads the previous message object in place and appends it again
        // (spec Q14), so both entries end up holding this element's data.
        Some(_) => {
            let reloaded = match messages.last() {
                Some(Message::Prompt(_)) => prompt_fields(&prompt, templates).map(Message::from),
                Some(Message::Response(_)) => response_fields(&response).map(Message::from),
                None => Err(Error::structure(Kind::Session, "unknown `type` on the first message")),
            };
            if let (Ok(m), Some(last)) = (&reloaded, messages.last_mut()) {
                *last = m.clone();
            }
            reloaded
        }
    }?;
    messages.push(message);
    Ok(())
}

/// Everything of a session but its messages, which are already loaded.
fn session_rest(o: &Obj<'_, '_>, messages: Vec<Message>) -> Result<Session> {
    let title = o.required("title")?;
    let status = o.required("messages_status")?;
    o.required("messages")?;
    let memor_version = o.required("memor_version")?;
    let date_created = o.date("date_created")?;
    let date_modified = o.date("date_modified")?;

    let title = opt_string(Some(title), "title")?;
    let warnings = warnings(o.get("warnings"))?;
    let render_counter = match o.get("render_counter") {
        None => 0,
        Some(raw) => pos_int(raw, "render_counter")?,
    };
    let status = match status {
        Raw::Array(items) => items
            .iter()
            .map(|s| match s {
                Raw::Bool(b) => Some(*b),
                _ => None,
            })
            .collect::<Option<Vec<bool>>>(),
        _ => None,
    }
    .ok_or(Error::NotListOf { param: "status".into(), type_name: "booleans" })?;
    if status.len() != messages.len() {
        return Err(Error::StatusLength);
    }
    let memor_version = version(memor_version)?;
    Ok(Session { title, messages, status, render_counter, warnings, date_created, date_modified, memor_version })
}

/// The `"type"` of a JSON object text: `Some(None)` when it has none, `None` when the text is
/// not an object or its type is not a string.
pub(crate) fn type_field(text: &str) -> Option<Option<String>> {
    match read::parse(text).ok()? {
        Raw::Object(pairs) => match Raw::get(&pairs, "type") {
            None => Some(None),
            Some(Raw::Str(t)) => Some(Some(t.clone().into_owned())),
            Some(_) => None,
        },
        _ => None,
    }
}

/// Whether the streamed and the whole-tree session loaders agree on `text` (same session, or
/// the same error). For tests and the fuzzer only.
#[doc(hidden)]
pub fn __streaming_agrees(text: &str) -> bool {
    // In one part, as a small text is read, and in two wherever a seam is found.
    [usize::MAX, 0].into_iter().all(|split_from| {
        let streamed = match streamed_split(text, split_from) {
            Some((_, session)) => Ok(session),
            None => from_text(text, Kind::Session, session),
        };
        agree(text, streamed, from_text(text, Kind::Session, session))
    }) && windowed_reads(text).all(|read| match read {
        Some((_, _, windowed)) => agree(text, Ok(windowed), from_text(text, Kind::Session, session)),
        None => true,
    })
}

/// Whether a file of `text` is read a window at a time (in every window of the tests),
/// rather than whole. For tests only.
#[doc(hidden)]
pub fn __windowed(text: &str) -> bool {
    windowed_reads(text).all(|read| read.is_some())
}

/// `text` read as a file a window at a time, in one part and in two, through each of the
/// tests' windows: a byte at a time, a few, and as files are read.
fn windowed_reads(text: &str) -> impl Iterator<Item = Option<super::window::Loaded>> + '_ {
    [1, 7, 300, super::window::WINDOW].into_iter().flat_map(move |chunk| {
        let open = || Some(std::io::Cursor::new(text.as_bytes()));
        let split = super::window::split(open, text.len() as u64, chunk).map(|(loaded, _)| loaded);
        [super::window::session(text.as_bytes(), chunk, text.len() as u64), split]
    })
}

/// Whether two loads of `text` give the same session or the same error.
fn agree(text: &str, streamed: Result<Session>, whole: Result<Session>) -> bool {
    match (streamed, whole) {
        (Ok(a), Ok(b)) => {
            // Ids missing from the text are drawn afresh by each load: mask them.
            let masked = |s: &Session| {
                let mut out = super::to_string(s).unwrap_or_default();
                for m in &s.messages {
                    let ids = std::iter::once(m.id())
                        .chain(m.as_prompt().into_iter().flat_map(|p| p.responses().iter().map(Response::id)));
                    for id in ids.filter(|id| !text.contains(id)) {
                        out = out.replace(id, "<generated>");
                    }
                }
                out
            };
            masked(&a) == masked(&b)
        }
        (Err(a), Err(b)) => a.to_string() == b.to_string() && a.detail() == b.detail(),
        _ => false,
    }
}
