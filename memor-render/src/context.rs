//! [`Context`]: what a renderer can ask while it renders — the text of a message (memor's
//! STRING render) — and where it leaves warnings.

use memor_core::json::WithoutTemplate;
use memor_core::{Document, Prompt, PyFloat, Session};
use serde_json::{Map, Value};

use crate::{Error, MessageRef, Result, Warning};

/// The state of one render call.
#[derive(Debug)]
pub struct Context {
    show_warning: bool,
    warnings: Vec<Warning>,
}

impl Context {
    pub(crate) fn new(show_warning: bool) -> Self {
        Context { show_warning, warnings: Vec::new() }
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

    /// Records a warning if warnings are wanted.
    pub fn warn(&mut self, warning: Warning) {
        if self.show_warning {
            self.warnings.push(warning);
        }
    }

    /// A message's text, memor's STRING render: a response's message, or what a prompt's
    /// template makes of the prompt (memor's `MemorRenderError` when it cannot).
    pub fn text(&mut self, message: MessageRef<'_>) -> Result<String> {
        match message {
            MessageRef::Response(r) => Ok(r.message().to_owned()),
            MessageRef::Prompt(p) => prompt_text(p),
        }
    }

    /// memor's message size check, run at the start of every message render (a renderer that
    /// renders a session itself calls it for each message).
    pub fn check_message_size(&mut self, message: MessageRef<'_>) {
        if !self.show_warning {
            return;
        }
        if let Some(threshold) = exceeded(message.warnings(), || message.get_size()) {
            let size = message.get_size();
            self.warnings.push(Warning::message_size(message.id(), size, &threshold));
        }
    }

    /// memor's session size check.
    pub(crate) fn check_session_size(&mut self, session: &Session) {
        if let Some(threshold) = exceeded(session.warnings(), || session.get_size()) {
            self.warnings.push(Warning::session_size(session.get_size(), &threshold));
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

fn prompt_text(prompt: &Prompt) -> Result<String> {
    let Some(content) = prompt.template().content() else {
        return Err(Error::render("the template has no content"));
    };
    memor_templates::format(content, &template_arguments(prompt)).map_err(|e| Error::render(e.to_string()))
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
