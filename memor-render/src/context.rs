//! [`Context`]: what a renderer can ask while it renders — the text of a message (memor's
//! STRING render) — and where it leaves warnings.

use std::borrow::Cow;
use std::collections::HashMap;

use memor_core::json::WithoutTemplate;
use memor_core::{Document, Prompt, PyFloat, Response, Session};
use memor_templates::EngineRegistry;
use memor_templates::plan::{self, PathPart, Step};
use serde_json::{Map, Value};

use crate::{Error, MessageRef, Result, Warning};

/// The state of one render call.
#[derive(Debug)]
pub struct Context {
    show_warning: bool,
    warnings: Vec<Warning>,
    /// Template contents already planned in this call (a session's prompts share templates).
    plans: HashMap<String, Option<Vec<Step>>>,
    /// The content planned last, by address: prompts loaded together share one template, so
    /// this usually answers without hashing.
    last: Option<(usize, usize, Option<Vec<Step>>)>,
}

impl Context {
    pub(crate) fn new(show_warning: bool) -> Self {
        Context { show_warning, warnings: Vec::new(), plans: HashMap::new(), last: None }
    }

    pub(crate) fn into_warnings(self) -> Vec<Warning> {
        self.warnings
    }

    /// Whether warnings are wanted (memor's `show_warning`). Inside a session render this is
    /// always true for the messages, as in memor (spec Q21).
    pub fn show_warning(&self) -> bool {
        self.show_warning
    }

    pub(crate) fn set_show_warning(&mut self, show: bool) {
        self.show_warning = show;
    }

    /// Records a warning if warnings are wanted (and emits it through `tracing` at WARN).
    pub fn warn(&mut self, warning: Warning) {
        if self.show_warning {
            self.push(warning);
        }
    }

    fn push(&mut self, warning: Warning) {
        tracing::warn!(category = ?warning.category, "{}", warning.message);
        self.warnings.push(warning);
    }

    /// A message's text, memor's STRING render: a response's message, or what a prompt's
    /// template makes of the prompt (memor's `MemorRenderError` when it cannot).
    pub fn text<'m>(&mut self, message: MessageRef<'m>) -> Result<Cow<'m, str>> {
        let prompt = match message {
            MessageRef::Response(r) => return Ok(Cow::Borrowed(r.message())),
            MessageRef::Prompt(p) => p,
        };
        let template = prompt.template();
        let Some(content) = template.content() else {
            return Err(Error::render("the template has no content"));
        };
        if template.engine() != memor_core::MEMOR_ENGINE {
            let engine = EngineRegistry::global().get(template.engine()).map_err(|e| Error::render(e.to_string()))?;
            return engine.render(content, &template_arguments(prompt)).map(Cow::Owned).map_err(Error::engine);
        }
        if let Some(steps) = self.plan(content) {
            if let Some(text) = follow(steps, prompt) {
                return Ok(text);
            }
        }
        memor_templates::format(content, &template_arguments(prompt))
            .map(Cow::Owned)
            .map_err(|e| Error::engine(e.into()))
    }

    /// The plan of a template's content, made once per call.
    fn plan(&mut self, content: &str) -> Option<&[Step]> {
        let key = (content.as_ptr() as usize, content.len());
        if self.last.as_ref().is_none_or(|(ptr, len, _)| (*ptr, *len) != key) {
            if !self.plans.contains_key(content) {
                self.plans.insert(content.to_owned(), plan::plan(content));
            }
            let steps = self.plans.get(content).cloned().flatten();
            self.last = Some((key.0, key.1, steps));
        }
        self.last.as_ref().and_then(|(_, _, steps)| steps.as_deref())
    }

    /// memor's message size check, run at the start of every message render (a renderer that
    /// renders a session itself calls it for each message).
    pub fn check_message_size(&mut self, message: MessageRef<'_>) {
        if !self.show_warning {
            return;
        }
        if let Some(threshold) = exceeded(message.warnings(), || message.get_size()) {
            let size = message.get_size();
            self.push(Warning::message_size(message.id(), size, &threshold));
        }
    }

    /// memor's session size check.
    pub(crate) fn check_session_size(&mut self, session: &Session) {
        if let Some(threshold) = exceeded(session.warnings(), || session.get_size()) {
            self.push(Warning::session_size(session.get_size(), &threshold));
        }
    }
}

/// The arguments memor formats a prompt's template with (spec §7.6): `prompt` (its JSON
/// without template), `response` (the selected one, if any), `responses`, then the custom
/// map, whose keys may shadow those three (spec Q18).
pub fn template_arguments(prompt: &Prompt) -> Map<String, Value> {
    let mut args = Map::new();
    args.insert("prompt".into(), serde_json::to_value(WithoutTemplate(prompt)).unwrap_or(Value::Null));
    if let Some(r) = prompt.selected_response() {
        args.insert("response".into(), r.to_value());
    }
    args.insert("responses".into(), Value::Array(prompt.responses().iter().map(Document::to_value).collect()));
    if let Some(map) = prompt.template().custom_map() {
        for (k, v) in map {
            args.insert(k.clone(), v.clone());
        }
    }
    args
}

/// A plan's text for `prompt`, for the lookups memor's templates use: a string from the
/// custom map, `prompt[message]`, `response[message]`, `responses[N][message]`. `None` for any
/// other lookup (the caller then formats with all arguments, which decides exactly). Borrows
/// when the text is one piece of the prompt, as with memor's default template.
fn follow<'p>(steps: &[Step], prompt: &'p Prompt) -> Option<Cow<'p, str>> {
    let custom = prompt.template().custom_map();
    let piece = |step: &Step| match step {
        Step::Lookup { name, path } => lookup(name, path, prompt, custom).map(Cow::Borrowed),
        Step::Literal(text) => Some(Cow::Owned(text.clone())),
    };
    // Literal steps are never empty (the plan drops empty text): with none, and at most one
    // non-empty lookup, the text is a borrowed piece of the prompt.
    let mut single: Option<&'p str> = None;
    let mut borrowable = true;
    for step in steps {
        match step {
            Step::Literal(_) => borrowable = false,
            Step::Lookup { name, path } => {
                let text = lookup(name, path, prompt, custom)?;
                if !text.is_empty() {
                    borrowable &= single.is_none();
                    single = Some(text);
                }
            }
        }
    }
    if borrowable {
        return Some(Cow::Borrowed(single.unwrap_or("")));
    }
    let mut out = String::new();
    for step in steps {
        out.push_str(&piece(step)?);
        if out.len() > memor_templates::RENDER_BASE_LIMIT {
            // Long texts are the exact path's to judge (it knows the render limit).
            return None;
        }
    }
    Some(Cow::Owned(out))
}

fn lookup<'p>(
    name: &str,
    path: &[PathPart],
    prompt: &'p Prompt,
    custom: Option<&'p Map<String, Value>>,
) -> Option<&'p str> {
    // The custom map's keys come last in memor's arguments, so they shadow the rest (Q18).
    if let Some(value) = custom.and_then(|m| m.get(name)) {
        return match (value, path) {
            (Value::String(s), []) => Some(s),
            _ => None,
        };
    }
    let message = PathPart::Key("message".to_owned());
    match (name, path) {
        ("prompt", [key]) if *key == message => Some(prompt.message()),
        ("response", [key]) if *key == message => prompt.selected_response().map(Response::message),
        ("responses", [PathPart::Index(i), key]) if *key == message => {
            prompt.responses().get(*i).map(Response::message)
        }
        _ => None,
    }
}

/// memor's size-warning rule: `warnings["size"]["enable"]` is truthy, the threshold is a
/// number (booleans count) and `size()` exceeds it. Returns the threshold as Python prints it.
fn exceeded(warnings: &Map<String, Value>, size: impl FnOnce() -> usize) -> Option<String> {
    let settings = warnings.get("size")?;
    if !settings.get("enable").is_some_and(truthy) {
        return None;
    }
    let (limit, text) = match settings.get("threshold")? {
        Value::Bool(b) => (f64::from(u8::from(*b)), if *b { "True" } else { "False" }.to_owned()),
        Value::Number(n) if n.is_f64() => {
            let f = n.as_f64()?;
            (f, PyFloat(f).to_string())
        }
        Value::Number(n) => (n.as_f64()?, n.to_string()),
        _ => return None,
    };
    (size() as f64 > limit).then_some(text)
}

/// Python's truth value of a JSON value.
fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|f| f != 0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
    }
}
