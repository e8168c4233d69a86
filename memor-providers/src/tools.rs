//! [`Tool`]: a function the model may call, [`ToolChoice`]: whether it must, and helpers for
//! tool-call arguments.

use serde_json::{Map, Value};

use crate::{ChatOptions, Error, Result};

/// A function the model may ask to call: its name, what it does, and its parameters as a
/// JSON Schema object. Given with [`ChatOptions::tools`](crate::ChatOptions::tools).
#[derive(Clone, Debug, PartialEq)]
pub struct Tool {
    /// The function's name.
    pub name: String,
    /// What it does, for the model.
    pub description: String,
    /// Its parameters: a JSON Schema (usually `{"type":"object","properties":{…}}`).
    pub parameters: Value,
}

impl Tool {
    /// A tool from its name, description and JSON Schema parameters.
    pub fn new(name: impl Into<String>, description: impl Into<String>, parameters: Value) -> Self {
        Tool { name: name.into(), description: description.into(), parameters }
    }
}

/// Whether the model may or must call a tool, given with
/// [`ChatOptions::tool_choice`](crate::ChatOptions::tool_choice) (and only with tools). Sent in
/// each provider's shape; Ollama has no such setting, so anything but [`Auto`](Self::Auto) is
/// an [`Unsupported`](Error::Unsupported) error there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ToolChoice {
    /// The model decides (the providers' default when tools are given).
    Auto,
    /// The model must not call a tool.
    None,
    /// The model must call at least one tool (`any` on Anthropic and Mistral, `ANY` on Gemini).
    Required,
    /// The model must call this tool, which must be one of the tools given.
    Tool(String),
}

impl ToolChoice {
    /// How errors name it (`tool_choice `required``, for example).
    pub(crate) fn describe(&self) -> String {
        match self {
            ToolChoice::Auto => "tool_choice `auto`".to_owned(),
            ToolChoice::None => "tool_choice `none`".to_owned(),
            ToolChoice::Required => "tool_choice `required`".to_owned(),
            ToolChoice::Tool(name) => format!("tool_choice naming the tool `{name}`"),
        }
    }
}

/// The options' tool choice, when one is set: an [`Unsupported`](Error::Unsupported) error
/// when there are no tools, or when it names a tool that is not among them.
pub(crate) fn tool_choice<'a>(provider: &str, options: &'a ChatOptions) -> Result<Option<&'a ToolChoice>> {
    let Some(choice) = &options.tool_choice else {
        return Ok(None);
    };
    if options.tools.is_empty() {
        let what = format!("{} without tools", choice.describe());
        return Err(Error::Unsupported { provider: provider.to_owned(), what });
    }
    if let ToolChoice::Tool(name) = choice {
        if !options.tools.iter().any(|t| t.name == *name) {
            let what = format!("{} that is not among the tools", choice.describe());
            return Err(Error::Unsupported { provider: provider.to_owned(), what });
        }
    }
    Ok(Some(choice))
}

/// Arguments sent as a JSON string (OpenAI, Mistral, Responses) read into an object; an empty
/// string is no arguments.
pub(crate) fn arguments_from_string(provider: &str, text: &str) -> Result<Map<String, Value>> {
    if text.trim().is_empty() {
        return Ok(Map::new());
    }
    match serde_json::from_str(text) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(_) => Err(Error::parse(provider, "tool call arguments that are not a JSON object")),
        Err(e) => Err(Error::parse(provider, format!("tool call arguments that are not JSON: {e}"))),
    }
}

/// Arguments given as a JSON object (Anthropic, Gemini, Ollama); null or absent is none.
pub(crate) fn arguments_from_value(provider: &str, value: Option<&Value>) -> Result<Map<String, Value>> {
    match value {
        None | Some(Value::Null) => Ok(Map::new()),
        Some(Value::Object(map)) => Ok(map.clone()),
        Some(Value::String(text)) => arguments_from_string(provider, text),
        Some(_) => Err(Error::parse(provider, "tool call arguments that are not a JSON object")),
    }
}

/// The arguments as the JSON string some providers want.
pub(crate) fn arguments_string(arguments: &Map<String, Value>) -> String {
    Value::Object(arguments.clone()).to_string()
}

/// A `data:` URL for inline image data.
pub(crate) fn data_url(media_type: &str, base64: &str) -> String {
    format!("data:{media_type};base64,{base64}")
}
