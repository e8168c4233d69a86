//! [`ToolChoice`] in each provider's shape (checked first by [`tools::tool_choice`]).

use serde_json::{Value, json};

use crate::providers::chat_messages::Dialect;
use crate::tools::{self, ToolChoice};
use crate::{ChatOptions, Error, Result};

/// Chat completions: `"auto"|"none"|"required"` (`"any"` for Mistral) or
/// `{"type":"function","function":{"name"}}`.
pub(crate) fn chat_completions(provider: &str, options: &ChatOptions, dialect: Dialect) -> Result<Option<Value>> {
    Ok(tools::tool_choice(provider, options)?.map(|choice| match choice {
        ToolChoice::Auto => json!("auto"),
        ToolChoice::None => json!("none"),
        ToolChoice::Required if dialect == Dialect::Mistral => json!("any"),
        ToolChoice::Required => json!("required"),
        ToolChoice::Tool(name) => json!({"type": "function", "function": {"name": name}}),
    }))
}

/// Responses: `"auto"|"none"|"required"` or `{"type":"function","name"}`.
pub(crate) fn responses(provider: &str, options: &ChatOptions) -> Result<Option<Value>> {
    Ok(tools::tool_choice(provider, options)?.map(|choice| match choice {
        ToolChoice::Auto => json!("auto"),
        ToolChoice::None => json!("none"),
        ToolChoice::Required => json!("required"),
        ToolChoice::Tool(name) => json!({"type": "function", "name": name}),
    }))
}

/// Anthropic: `{"type":"auto"|"none"|"any"}` or `{"type":"tool","name"}`.
pub(crate) fn anthropic(options: &ChatOptions) -> Result<Option<Value>> {
    Ok(tools::tool_choice("anthropic", options)?.map(|choice| match choice {
        ToolChoice::Auto => json!({"type": "auto"}),
        ToolChoice::None => json!({"type": "none"}),
        ToolChoice::Required => json!({"type": "any"}),
        ToolChoice::Tool(name) => json!({"type": "tool", "name": name}),
    }))
}

/// Gemini: `toolConfig.functionCallingConfig` with `mode` `AUTO|NONE|ANY`, and
/// `allowedFunctionNames` for a named tool.
pub(crate) fn gemini(options: &ChatOptions) -> Result<Option<Value>> {
    Ok(tools::tool_choice("gemini", options)?.map(|choice| {
        let config = match choice {
            ToolChoice::Auto => json!({"mode": "AUTO"}),
            ToolChoice::None => json!({"mode": "NONE"}),
            ToolChoice::Required => json!({"mode": "ANY"}),
            ToolChoice::Tool(name) => json!({"mode": "ANY", "allowedFunctionNames": [name]}),
        };
        json!({"functionCallingConfig": config})
    }))
}

/// Ollama has no such setting: `auto` (its behaviour) is allowed and not sent; anything else
/// is an [`Unsupported`](Error::Unsupported) error naming it.
pub(crate) fn ollama(options: &ChatOptions) -> Result<()> {
    match tools::tool_choice("ollama", options)? {
        None | Some(ToolChoice::Auto) => Ok(()),
        Some(other) => Err(Error::Unsupported { provider: "ollama".to_owned(), what: other.describe() }),
    }
}
