//! The `messages` of a chat completions request (OpenAI and Mistral), with tool calls, tool
//! results and images, and the `tools` list.

use memor_core::{Image, Role, Session, ToolCall};
use serde_json::{Value, json};

use crate::history::{self, Turn};
use crate::tools::{arguments_string, data_url};
use crate::{ChatOptions, Result};

/// The two dialects: Mistral wants `content: ""` beside tool calls, the tool's `name` on a
/// tool message, a plain string `image_url`, and 9-character alphanumeric call ids; its
/// official client also sends the defaults `prefix: false` on assistant messages and each
/// call's `index`.
#[derive(Clone, Copy, PartialEq)]
pub(crate) enum Dialect {
    OpenAi,
    Mistral,
}

/// The messages for `session`.
pub(crate) fn messages(provider: &str, session: &Session, dialect: Dialect) -> Result<Vec<Value>> {
    let mut out = Vec::new();
    for turn in history::user_images_only(provider, session)? {
        if turn.is_text_only() {
            out.push(assistant_prefix(json!({"role": turn.role.as_str(), "content": turn.text}), dialect));
            continue;
        }
        for result in turn.tool_results {
            let mut message =
                json!({"role": "tool", "tool_call_id": call_id(&result.call_id, dialect), "content": result.content});
            if dialect == Dialect::Mistral {
                message["name"] = json!(result.name);
            }
            out.push(message);
        }
        if !turn.tool_calls.is_empty() {
            out.push(assistant_prefix(assistant_with_calls(&turn, dialect), dialect));
        } else if !turn.text.is_empty() || !turn.images.is_empty() {
            out.push(assistant_prefix(with_images(&turn, dialect), dialect));
        }
    }
    Ok(out)
}

/// Mistral's assistant messages carry `prefix: false` (the default its client sends).
fn assistant_prefix(mut message: Value, dialect: Dialect) -> Value {
    if dialect == Dialect::Mistral && message["role"] == Role::Assistant.as_str() {
        message["prefix"] = Value::Bool(false);
    }
    message
}

fn assistant_with_calls(turn: &Turn<'_>, dialect: Dialect) -> Value {
    let content = match (turn.text.is_empty(), dialect) {
        (false, _) => json!(turn.text),
        (true, Dialect::OpenAi) => Value::Null,
        (true, Dialect::Mistral) => json!(""),
    };
    let calls: Vec<Value> = turn.tool_calls.iter().enumerate().map(|(i, c)| tool_call(i, c, dialect)).collect();
    json!({"role": Role::Assistant.as_str(), "content": content, "tool_calls": calls})
}

fn tool_call(index: usize, call: &ToolCall, dialect: Dialect) -> Value {
    let mut value = json!({"id": call_id(&call.id, dialect), "type": "function",
                           "function": {"name": call.name, "arguments": arguments_string(&call.arguments)}});
    if dialect == Dialect::Mistral {
        value["index"] = json!(index);
    }
    value
}

fn with_images(turn: &Turn<'_>, dialect: Dialect) -> Value {
    if turn.images.is_empty() {
        return json!({"role": turn.role.as_str(), "content": turn.text});
    }
    let mut parts = Vec::new();
    if !turn.text.is_empty() {
        parts.push(json!({"type": "text", "text": turn.text}));
    }
    for image in turn.images {
        let url = match image {
            Image::Url(url) => url.clone(),
            Image::Data { media_type, base64 } => data_url(media_type, base64),
        };
        parts.push(match dialect {
            Dialect::OpenAi => json!({"type": "image_url", "image_url": {"url": url}}),
            Dialect::Mistral => json!({"type": "image_url", "image_url": url}),
        });
    }
    json!({"role": turn.role.as_str(), "content": parts})
}

/// The call id to send: as is, except that Mistral gets ids that are not 9 alphanumeric
/// characters mapped (deterministically) to ones that are.
fn call_id(id: &str, dialect: Dialect) -> String {
    if dialect == Dialect::OpenAi || (id.len() == 9 && id.bytes().all(|b| b.is_ascii_alphanumeric())) {
        return id.to_owned();
    }
    const ALPHABET: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    // FNV-1a, 64 bits.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in id.bytes() {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    (0..9)
        .map(|_| {
            let c = ALPHABET[(hash % 62) as usize];
            hash /= 62;
            char::from(c)
        })
        .collect()
}

/// The `tools` list in the `{"type":"function","function":{…}}` shape (OpenAI, Mistral, Ollama).
pub(crate) fn function_tools(options: &ChatOptions) -> Value {
    options
        .tools
        .iter()
        .map(|t| json!({"type": "function", "function": {"name": t.name, "description": t.description, "parameters": t.parameters}}))
        .collect()
}
