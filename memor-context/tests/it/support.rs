//! Sessions for the tests, and an independent count of an OpenAI request (tiktoken-rs's
//! `num_tokens_from_messages` on the messages memor-providers sends).

use memor_core::{Image, Message, Prompt, Response, Role, Session, ToolCall, ToolResult};
use memor_providers::{ChatOptions, OpenAi, Provider};
use serde_json::{Map, Value, json};
use tiktoken_rs::{ChatCompletionRequestMessage, FunctionCall};

pub fn user(text: &str) -> Message {
    Prompt::builder().message(text).build().into()
}

pub fn system(text: &str) -> Message {
    Prompt::builder().message(text).role(Role::System).build().into()
}

pub fn assistant(text: &str) -> Message {
    Response::builder().message(text).build().unwrap().into()
}

pub fn call(id: &str, name: &str, arguments: Value) -> Message {
    let Value::Object(arguments) = arguments else { panic!("arguments must be an object") };
    let call = ToolCall { id: id.into(), name: name.into(), arguments };
    Response::builder().message("").tool_calls(vec![call]).build().unwrap().into()
}

pub fn result(id: &str, name: &str, content: &str) -> Message {
    let result = ToolResult { call_id: id.into(), name: name.into(), content: content.into(), is_error: false };
    Prompt::builder().message("").tool_results(vec![result]).build().into()
}

pub fn with_image(text: &str, url: &str) -> Message {
    Prompt::builder().message(text).images(vec![Image::Url(url.into())]).build().into()
}

pub fn session(messages: Vec<Message>) -> Session {
    Session::with_messages(None, messages)
}

/// OpenAI's largest image at `detail: auto` (85 + 170 × 8 tiles), as the vision guide gives it.
pub const MAX_IMAGE: usize = 1445;

/// What OpenAI bills for the request memor-providers sends for `session`: the messages of the
/// adapter's own body, counted by tiktoken-rs (plus each tool message's `tool_call_id` and each
/// image, which tiktoken-rs's message type has no field for).
pub fn reference_count(model: &str, session: &Session) -> usize {
    let options = ChatOptions::new(model).api_key("k");
    let request = OpenAi::new().request(session, &options).unwrap();
    let body: Value = serde_json::from_slice(&request.body).unwrap();
    let bpe = tiktoken_rs::bpe_for_model(model).unwrap();
    let mut extra = 0;
    let mut messages = Vec::new();
    for m in body["messages"].as_array().unwrap() {
        let mut content = None;
        match &m["content"] {
            Value::String(s) => content = Some(s.clone()),
            Value::Array(parts) => {
                let mut text = String::new();
                for part in parts {
                    match part["type"].as_str().unwrap() {
                        "text" => text.push_str(part["text"].as_str().unwrap()),
                        "image_url" => extra += MAX_IMAGE,
                        other => panic!("part {other}"),
                    }
                }
                content = Some(text);
            }
            _ => {}
        }
        if let Some(id) = m["tool_call_id"].as_str() {
            extra += bpe.encode_ordinary(id).len();
        }
        let tool_calls = m["tool_calls"]
            .as_array()
            .map(|calls| {
                calls
                    .iter()
                    .map(|c| FunctionCall {
                        name: c["function"]["name"].as_str().unwrap().to_owned(),
                        arguments: c["function"]["arguments"].as_str().unwrap().to_owned(),
                    })
                    .collect()
            })
            .unwrap_or_default();
        messages.push(ChatCompletionRequestMessage {
            role: m["role"].as_str().unwrap().to_owned(),
            content,
            tool_calls,
            ..Default::default()
        });
    }
    tiktoken_rs::num_tokens_from_messages(model, &messages).unwrap() + extra
}

/// `{"city": city}`.
pub fn city(city: &str) -> Value {
    let mut map = Map::new();
    map.insert("city".into(), json!(city));
    Value::Object(map)
}
