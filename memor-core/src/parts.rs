//! History beyond text, which memor 1.1 does not have: tool calls, tool results, images and
//! the provider's reasoning state.
//!
//! A message holds them beside its text. They are written as trailing keys (`"tool_calls"`,
//! `"tool_results"`, `"images"`, `"reasoning"`) only when present, so a file without them keeps memor's bytes
//! and Python memor 1.1 loads a file with them (it ignores keys it does not know).

use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::{Map, Value};

/// A request by the model to run a tool (an assistant turn).
#[derive(Clone, Debug, PartialEq)]
pub struct ToolCall {
    /// The call's id, which its result names (providers without ids get one made up).
    pub id: String,
    /// The tool's name.
    pub name: String,
    /// The arguments, a JSON object.
    pub arguments: Map<String, Value>,
}

/// What running a tool gave, for the call it answers (a user-side turn).
#[derive(Clone, Debug, PartialEq)]
pub struct ToolResult {
    /// The id of the [`ToolCall`] this answers.
    pub call_id: String,
    /// The tool's name (Gemini matches results by name).
    pub name: String,
    /// The result as text (JSON text for structured results).
    pub content: String,
    /// Whether the tool failed.
    pub is_error: bool,
}

/// An image given to the model.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Image {
    /// Fetched by the provider from a URL.
    Url(String),
    /// Sent inline: the media type (`image/png`, …) and the base64 data.
    Data {
        /// The media type.
        media_type: String,
        /// The image bytes, base64-encoded.
        base64: String,
    },
}

/// Reasoning state a provider gave with a reply, to be sent back to that provider on the next
/// turns exactly as it came: an Anthropic `thinking` or `redacted_thinking` block with its
/// signature, an OpenAI Responses `reasoning` item with its encrypted content, a Gemini part
/// with a thought signature. Other providers do not send it.
#[derive(Clone, Debug, PartialEq)]
pub struct Reasoning {
    /// The id of the provider that gave it (`anthropic`, `openai_responses`, `gemini`).
    pub provider: String,
    /// The provider's item, a JSON object, verbatim.
    pub item: Map<String, Value>,
}

/// The non-text parts of one message.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Parts {
    pub(crate) tool_calls: Vec<ToolCall>,
    pub(crate) tool_results: Vec<ToolResult>,
    pub(crate) images: Vec<Image>,
    pub(crate) reasoning: Vec<Reasoning>,
}

impl Parts {
    /// Writes the keys of the parts present, in this order.
    pub(crate) fn serialize_entries<M: SerializeMap>(&self, m: &mut M) -> Result<(), M::Error> {
        if !self.tool_calls.is_empty() {
            m.serialize_entry("tool_calls", &self.tool_calls)?;
        }
        if !self.tool_results.is_empty() {
            m.serialize_entry("tool_results", &self.tool_results)?;
        }
        if !self.images.is_empty() {
            m.serialize_entry("images", &self.images)?;
        }
        if !self.reasoning.is_empty() {
            m.serialize_entry("reasoning", &self.reasoning)?;
        }
        Ok(())
    }

    /// Reads the parts from a message object's values; `Err` says which field and why.
    pub(crate) fn from_values(values: [Option<Value>; 4]) -> Result<Parts, (String, String)> {
        let [tool_calls, tool_results, images, reasoning] = values;
        Ok(Parts {
            tool_calls: list(tool_calls, "tool_calls", tool_call)?,
            tool_results: list(tool_results, "tool_results", tool_result)?,
            images: list(images, "images", image)?,
            reasoning: list(reasoning, "reasoning", reasoning_item)?,
        })
    }
}

impl Serialize for ToolCall {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(3))?;
        m.serialize_entry("id", &self.id)?;
        m.serialize_entry("name", &self.name)?;
        m.serialize_entry("arguments", &self.arguments)?;
        m.end()
    }
}

impl Serialize for ToolResult {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(4))?;
        m.serialize_entry("call_id", &self.call_id)?;
        m.serialize_entry("name", &self.name)?;
        m.serialize_entry("content", &self.content)?;
        m.serialize_entry("is_error", &self.is_error)?;
        m.end()
    }
}

impl Serialize for Image {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Image::Url(url) => {
                let mut m = s.serialize_map(Some(1))?;
                m.serialize_entry("url", url)?;
                m.end()
            }
            Image::Data { media_type, base64 } => {
                let mut m = s.serialize_map(Some(2))?;
                m.serialize_entry("media_type", media_type)?;
                m.serialize_entry("base64", base64)?;
                m.end()
            }
        }
    }
}

impl Serialize for Reasoning {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(2))?;
        m.serialize_entry("provider", &self.provider)?;
        m.serialize_entry("item", &self.item)?;
        m.end()
    }
}

/// The keys of the parts, in the order they are written.
pub(crate) const KEYS: [&str; 4] = ["tool_calls", "tool_results", "images", "reasoning"];

type Field = (String, String);

fn list<T>(
    value: Option<Value>,
    key: &str,
    item: fn(Map<String, Value>) -> Result<T, String>,
) -> Result<Vec<T>, Field> {
    let items = match value {
        None | Some(Value::Null) => return Ok(Vec::new()),
        Some(Value::Array(items)) => items,
        Some(_) => return Err((key.to_owned(), "expected a JSON array".to_owned())),
    };
    items
        .into_iter()
        .enumerate()
        .map(|(i, v)| match v {
            Value::Object(o) => item(o).map_err(|why| (format!("{key}[{i}]"), why)),
            _ => Err((format!("{key}[{i}]"), "expected a JSON object".to_owned())),
        })
        .collect()
}

fn text(o: &mut Map<String, Value>, key: &str) -> Result<String, String> {
    match o.remove(key) {
        Some(Value::String(s)) => Ok(s),
        Some(_) => Err(format!("`{key}` must be a string")),
        None => Err(format!("`{key}` is missing")),
    }
}

fn tool_call(mut o: Map<String, Value>) -> Result<ToolCall, String> {
    let arguments = match o.remove("arguments") {
        Some(Value::Object(arguments)) => arguments,
        Some(_) => return Err("`arguments` must be a JSON object".to_owned()),
        None => Map::new(),
    };
    Ok(ToolCall { id: text(&mut o, "id")?, name: text(&mut o, "name")?, arguments })
}

fn tool_result(mut o: Map<String, Value>) -> Result<ToolResult, String> {
    let is_error = match o.remove("is_error") {
        None => false,
        Some(Value::Bool(b)) => b,
        Some(_) => return Err("`is_error` must be true or false".to_owned()),
    };
    Ok(ToolResult {
        call_id: text(&mut o, "call_id")?,
        name: text(&mut o, "name")?,
        content: text(&mut o, "content")?,
        is_error,
    })
}

fn image(mut o: Map<String, Value>) -> Result<Image, String> {
    if o.contains_key("url") {
        return Ok(Image::Url(text(&mut o, "url")?));
    }
    Ok(Image::Data { media_type: text(&mut o, "media_type")?, base64: text(&mut o, "base64")? })
}

fn reasoning_item(mut o: Map<String, Value>) -> Result<Reasoning, String> {
    let item = match o.remove("item") {
        Some(Value::Object(item)) => item,
        Some(_) => return Err("`item` must be a JSON object".to_owned()),
        None => return Err("`item` is missing".to_owned()),
    };
    Ok(Reasoning { provider: text(&mut o, "provider")?, item })
}
