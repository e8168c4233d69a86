//! `Serialize` for the model: the shape of memor's `to_json()`, key order included.

use serde::ser::{Serialize, SerializeMap, Serializer};

use crate::{MEMOR_VERSION, Message, Number, Prompt, PromptTemplate, Response, Session, Timestamp};

/// A date as memor writes it.
struct Date<'a>(&'a Timestamp);

impl Serialize for Date<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut buf = [0u8; 40];
        s.serialize_str(self.0.format_into(&mut buf))
    }
}

impl Serialize for Number {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match *self {
            Number::Int(i) => s.serialize_u64(i),
            Number::Float(f) => s.serialize_f64(f),
        }
    }
}

impl Serialize for Response {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let b = &self.base;
        let mut m = s.serialize_map(Some(16))?;
        m.serialize_entry("type", "Response")?;
        m.serialize_entry("message", &b.message)?;
        m.serialize_entry("warnings", b.warnings())?;
        m.serialize_entry("score", &self.score)?;
        m.serialize_entry("temperature", &self.temperature)?;
        m.serialize_entry("top_k", &self.top_k)?;
        m.serialize_entry("tokens", &b.tokens)?;
        m.serialize_entry("inference_time", &self.inference_time)?;
        m.serialize_entry("top_p", &self.top_p)?;
        m.serialize_entry("role", b.role.as_str())?;
        m.serialize_entry("model", &self.model)?;
        m.serialize_entry("gpu", &self.gpu)?;
        m.serialize_entry("id", &b.id)?;
        m.serialize_entry("memor_version", MEMOR_VERSION)?;
        m.serialize_entry("date_created", &Date(&b.date_created))?;
        m.serialize_entry("date_modified", &Date(&b.date_modified))?;
        if let Some(metadata) = &self.provider_metadata {
            m.serialize_entry("provider_metadata", metadata)?;
        }
        b.parts.serialize_entries(&mut m)?;
        m.end()
    }
}

/// A prompt serialized without its `template` key (memor's `save_template=False`).
#[derive(Clone, Copy, Debug)]
pub struct WithoutTemplate<'a>(pub &'a Prompt);

fn serialize_prompt<S: Serializer>(p: &Prompt, with_template: bool, s: S) -> Result<S::Ok, S::Error> {
    let b = &p.base;
    let mut m = s.serialize_map(Some(12))?;
    m.serialize_entry("type", "Prompt")?;
    m.serialize_entry("message", &b.message)?;
    m.serialize_entry("warnings", b.warnings())?;
    m.serialize_entry("responses", &p.responses)?;
    m.serialize_entry("selected_response_index", &p.selected_response_index)?;
    m.serialize_entry("tokens", &b.tokens)?;
    m.serialize_entry("role", b.role.as_str())?;
    m.serialize_entry("id", &b.id)?;
    if with_template {
        m.serialize_entry("template", &*p.template)?;
    }
    m.serialize_entry("memor_version", MEMOR_VERSION)?;
    m.serialize_entry("date_created", &Date(&b.date_created))?;
    m.serialize_entry("date_modified", &Date(&b.date_modified))?;
    b.parts.serialize_entries(&mut m)?;
    m.end()
}

impl Serialize for Prompt {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        serialize_prompt(self, true, s)
    }
}

impl Serialize for WithoutTemplate<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        serialize_prompt(self.0, false, s)
    }
}

/// A template without a custom map is written with `"custom_map": null`, which memor loads;
/// memor itself fails to write one (spec Q7).
impl Serialize for PromptTemplate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(6))?;
        m.serialize_entry("title", &self.title)?;
        m.serialize_entry("content", &self.content)?;
        m.serialize_entry("memor_version", MEMOR_VERSION)?;
        m.serialize_entry("custom_map", &self.custom_map)?;
        m.serialize_entry("date_created", &Date(&self.date_created))?;
        m.serialize_entry("date_modified", &Date(&self.date_modified))?;
        if let Some(engine) = &self.engine {
            m.serialize_entry("engine", engine)?;
        }
        m.end()
    }
}

impl Serialize for Message {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Message::Prompt(p) => p.serialize(s),
            Message::Response(r) => r.serialize(s),
        }
    }
}

impl Serialize for Session {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(9))?;
        m.serialize_entry("type", "Session")?;
        m.serialize_entry("title", &self.title)?;
        m.serialize_entry("render_counter", &self.render_counter)?;
        m.serialize_entry("messages", &self.messages)?;
        m.serialize_entry("warnings", &self.warnings)?;
        m.serialize_entry("messages_status", &self.status)?;
        m.serialize_entry("memor_version", MEMOR_VERSION)?;
        m.serialize_entry("date_created", &Date(&self.date_created))?;
        m.serialize_entry("date_modified", &Date(&self.date_modified))?;
        m.end()
    }
}
