//! Strict checkers of each provider's request rules (from wire-formats.md), and the session
//! with tool calls and images that the tool tests send.

use serde_json::{Map, Value, json};

use memor_core::{Image, Prompt, Response, Role, Session, ToolCall, ToolResult};
use memor_providers::{Anthropic, ChatOptions, Gemini, Mistral, Ollama, OpenAi, OpenAiResponses, Provider, Tool};

use crate::server::KEY;

pub type Check = Result<(), String>;
pub type Checker = fn(&Value) -> Check;

macro_rules! ensure {
    ($cond:expr, $($arg:tt)+) => {
        if !$cond {
            return Err(format!($($arg)+));
        }
    };
}

/// The weather tool.
pub fn weather_tool() -> Tool {
    Tool::new(
        "get_weather",
        "Get the current weather",
        json!({"type": "object", "properties": {"location": {"type": "string"}}, "required": ["location"]}),
    )
}

pub fn weather_call(id: &str) -> ToolCall {
    ToolCall { id: id.to_owned(), name: "get_weather".to_owned(), arguments: args(json!({"location": "Paris"})) }
}

pub fn weather_result(id: &str) -> ToolResult {
    ToolResult {
        call_id: id.to_owned(),
        name: "get_weather".to_owned(),
        content: r#"{"temp_c":18}"#.to_owned(),
        is_error: false,
    }
}

pub fn args(value: Value) -> Map<String, Value> {
    value.as_object().unwrap().clone()
}

pub const PNG: &str = "iVBORw0KGgo=";

/// System text, a user prompt with an image, an assistant tool call, its result, and a final
/// assistant text.
pub fn tool_session() -> Session {
    let mut session = Session::new(None);
    session.add_message(Prompt::builder().role(Role::System).message("You are terse.").build());
    session.add_message(
        Prompt::builder()
            .message("What is in this image, and the weather in Paris?")
            .images(vec![Image::Data { media_type: "image/png".to_owned(), base64: PNG.to_owned() }])
            .build(),
    );
    session.add_message(Response::builder().tool_calls(vec![weather_call("call_1")]).build().unwrap());
    session.add_message(Prompt::builder().tool_results(vec![weather_result("call_1")]).build());
    session.add_message(Response::builder().message("A cat; 18 °C in Paris.").build().unwrap());
    session
}

pub fn options() -> ChatOptions {
    ChatOptions::new("m").base_url("http://h").api_key(KEY).tools(vec![weather_tool()])
}

/// The request body of `provider` for `session`.
pub fn body(provider: &dyn Provider, session: &Session) -> Value {
    let request = provider.request(session, &options()).unwrap();
    serde_json::from_slice(&request.body).unwrap()
}

/// The six providers with their checkers.
pub fn all() -> Vec<(Box<dyn Provider>, Checker)> {
    vec![
        (Box::new(OpenAi::new()), check_openai),
        (Box::new(Mistral::new()), check_mistral),
        (Box::new(OpenAiResponses::new()), check_responses),
        (Box::new(Anthropic::new()), check_anthropic),
        (Box::new(Gemini::new()), check_gemini),
        (Box::new(Ollama::new()), check_ollama),
    ]
}

fn keys_within(v: &Value, allowed: &[&str], what: &str) -> Check {
    let o = v.as_object().ok_or(format!("{what} is not an object: {v}"))?;
    for k in o.keys() {
        ensure!(allowed.contains(&k.as_str()), "{what} has unexpected key `{k}`: {v}");
    }
    Ok(())
}

fn string(v: &Value, key: &str, what: &str) -> Result<String, String> {
    v.get(key).and_then(Value::as_str).map(str::to_owned).ok_or(format!("{what} without string `{key}`: {v}"))
}

fn string_object_args(v: &Value, what: &str) -> Check {
    let text = v.as_str().ok_or(format!("{what}: arguments must be a JSON string: {v}"))?;
    let parsed: Value = serde_json::from_str(text).map_err(|e| format!("{what}: arguments not JSON: {e}"))?;
    ensure!(parsed.is_object(), "{what}: arguments must encode an object");
    Ok(())
}

fn function_tools(body: &Value) -> Check {
    for tool in body["tools"].as_array().into_iter().flatten() {
        keys_within(tool, &["type", "function"], "tool")?;
        ensure!(tool["type"] == "function", "tool type");
        keys_within(&tool["function"], &["name", "description", "parameters"], "tool function")?;
        ensure!(tool["function"]["parameters"].is_object(), "tool parameters");
    }
    Ok(())
}

/// OpenAI chat completions (Mistral's dialect with `mistral`).
fn check_chat(body: &Value, mistral: bool) -> Check {
    function_tools(body)?;
    let messages = body["messages"].as_array().ok_or("no messages")?;
    let mut seen_other = false;
    let mut open: Vec<String> = Vec::new(); // calls awaiting `tool` messages
    for (i, m) in messages.iter().enumerate() {
        let role = string(m, "role", "message")?;
        let what = format!("message {i}");
        if role != "tool" {
            ensure!(open.is_empty(), "{what}: calls {open:?} not answered before a {role} message");
        }
        match role.as_str() {
            "system" => {
                ensure!(!seen_other, "{what}: system message after the conversation started");
                keys_within(m, &["role", "content"], &what)?;
                ensure!(m["content"].is_string(), "{what}: system content");
            }
            "user" => {
                seen_other = true;
                keys_within(m, &["role", "content"], &what)?;
                match &m["content"] {
                    Value::String(_) => {}
                    Value::Array(parts) => {
                        for p in parts {
                            match p["type"].as_str() {
                                Some("text") => keys_within(p, &["type", "text"], "text part")?,
                                Some("image_url") => {
                                    keys_within(p, &["type", "image_url"], "image part")?;
                                    let url = if mistral {
                                        p["image_url"].as_str()
                                    } else {
                                        keys_within(&p["image_url"], &["url", "detail"], "image_url")?;
                                        p["image_url"]["url"].as_str()
                                    };
                                    let url = url.ok_or(format!("{what}: image url shape: {p}"))?;
                                    ensure!(
                                        url.starts_with("data:image/") || url.starts_with("http"),
                                        "{what}: url {url}"
                                    );
                                }
                                _ => return Err(format!("{what}: unknown part {p}")),
                            }
                        }
                    }
                    other => return Err(format!("{what}: user content {other}")),
                }
            }
            "assistant" => {
                seen_other = true;
                let allowed: &[&str] = if mistral {
                    &["role", "content", "tool_calls", "prefix"]
                } else {
                    &["role", "content", "tool_calls"]
                };
                keys_within(m, allowed, &what)?;
                if mistral {
                    ensure!(m["prefix"] == false, "{what}: mistral assistant messages carry `prefix: false`");
                }
                let calls = m.get("tool_calls").and_then(Value::as_array);
                match (&m["content"], calls) {
                    (Value::String(_), _) => {}
                    (Value::Null, Some(_)) if !mistral => {}
                    (other, _) => return Err(format!("{what}: assistant content {other}")),
                }
                for (index, c) in calls.into_iter().flatten().enumerate() {
                    let allowed: &[&str] =
                        if mistral { &["id", "type", "function", "index"] } else { &["id", "type", "function"] };
                    keys_within(c, allowed, "tool call")?;
                    if mistral {
                        ensure!(c["index"] == index, "{what}: mistral call index");
                    }
                    ensure!(c["type"] == "function", "{what}: call type");
                    keys_within(&c["function"], &["name", "arguments"], "call function")?;
                    string_object_args(&c["function"]["arguments"], &what)?;
                    let id = string(c, "id", &what)?;
                    if mistral {
                        ensure!(id.len() == 9 && id.chars().all(|c| c.is_ascii_alphanumeric()), "mistral id {id}");
                    }
                    open.push(id);
                }
            }
            "tool" => {
                let allowed: &[&str] = if mistral {
                    &["role", "tool_call_id", "name", "content"]
                } else {
                    &["role", "tool_call_id", "content"]
                };
                keys_within(m, allowed, &what)?;
                ensure!(m["content"].is_string(), "{what}: tool content");
                if mistral {
                    string(m, "name", &what)?;
                }
                let id = string(m, "tool_call_id", &what)?;
                let at =
                    open.iter().position(|o| *o == id).ok_or(format!("{what}: result {id} answers no open call"))?;
                open.remove(at);
            }
            other => return Err(format!("{what}: role {other}")),
        }
    }
    Ok(())
}

pub fn check_openai(body: &Value) -> Check {
    check_chat(body, false)
}

pub fn check_mistral(body: &Value) -> Check {
    check_chat(body, true)
}

pub fn check_responses(body: &Value) -> Check {
    ensure!(body["store"] == false, "store must be false");
    for tool in body["tools"].as_array().into_iter().flatten() {
        keys_within(tool, &["type", "name", "description", "parameters", "strict"], "tool")?;
        ensure!(tool["type"] == "function" && tool["name"].is_string(), "tool {tool}");
        ensure!(tool["strict"].is_boolean() || tool["strict"].is_null(), "tool `strict` is required: {tool}");
    }
    let mut calls: Vec<String> = Vec::new();
    let mut answered: Vec<String> = Vec::new();
    for (i, item) in body["input"].as_array().ok_or("no input")?.iter().enumerate() {
        let what = format!("input {i}");
        match item.get("type").and_then(Value::as_str) {
            Some("function_call") => {
                keys_within(item, &["type", "call_id", "name", "arguments"], &what)?;
                string(item, "name", &what)?;
                string_object_args(&item["arguments"], &what)?;
                calls.push(string(item, "call_id", &what)?);
            }
            Some("function_call_output") => {
                keys_within(item, &["type", "call_id", "output"], &what)?;
                ensure!(item["output"].is_string(), "{what}: output");
                let id = string(item, "call_id", &what)?;
                ensure!(calls.contains(&id), "{what}: output for unknown call {id}");
                answered.push(id);
            }
            Some("message") | None => {
                keys_within(item, &["type", "role", "content"], &what)?;
                let role = string(item, "role", &what)?;
                ensure!(role == "user" || role == "assistant", "{what}: role {role} (system goes to instructions)");
                match &item["content"] {
                    Value::String(_) => {}
                    Value::Array(parts) => {
                        for p in parts {
                            match p["type"].as_str() {
                                Some("input_text") => keys_within(p, &["type", "text"], &what)?,
                                Some("input_image") => {
                                    keys_within(p, &["type", "image_url", "detail"], &what)?;
                                    ensure!(p["detail"].is_string(), "{what}: `detail` is required");
                                    ensure!(p["image_url"].is_string(), "{what}: image_url string");
                                }
                                _ => return Err(format!("{what}: part {p}")),
                            }
                        }
                    }
                    other => return Err(format!("{what}: content {other}")),
                }
            }
            Some(other) => return Err(format!("{what}: item type {other}")),
        }
    }
    for id in &calls {
        ensure!(answered.contains(id), "call {id} not answered");
    }
    Ok(())
}

pub fn check_anthropic(body: &Value) -> Check {
    ensure!(body["max_tokens"].is_u64(), "max_tokens required");
    ensure!(body.get("system").is_none_or(Value::is_string), "system must be top-level text");
    for tool in body["tools"].as_array().into_iter().flatten() {
        keys_within(tool, &["name", "description", "input_schema"], "tool")?;
        ensure!(tool["input_schema"].is_object(), "input_schema");
    }
    let messages = body["messages"].as_array().ok_or("no messages")?;
    ensure!(!messages.is_empty(), "no messages");
    let mut previous_uses: Vec<String> = Vec::new();
    for (i, m) in messages.iter().enumerate() {
        let what = format!("message {i}");
        keys_within(m, &["role", "content"], &what)?;
        let role = string(m, "role", &what)?;
        let expected = if i % 2 == 0 { "user" } else { "assistant" };
        ensure!(role == expected, "{what}: role {role}, alternation wants {expected}");
        let mut uses = Vec::new();
        let mut results = Vec::new();
        match &m["content"] {
            Value::String(_) => {}
            Value::Array(blocks) => {
                ensure!(!blocks.is_empty(), "{what}: empty content");
                let mut others_seen = false;
                for b in blocks {
                    match (b["type"].as_str(), role.as_str()) {
                        (Some("text"), _) => {
                            keys_within(b, &["type", "text"], &what)?;
                            ensure!(!string(b, "text", &what)?.is_empty(), "{what}: empty text block");
                            others_seen = true;
                        }
                        (Some("image"), "user") => {
                            keys_within(b, &["type", "source"], &what)?;
                            let s = &b["source"];
                            match s["type"].as_str() {
                                Some("base64") => {
                                    keys_within(s, &["type", "media_type", "data"], &what)?;
                                    ensure!(string(s, "media_type", &what)?.starts_with("image/"), "media_type");
                                    string(s, "data", &what)?;
                                }
                                Some("url") => {
                                    keys_within(s, &["type", "url"], &what)?;
                                }
                                _ => return Err(format!("{what}: image source {s}")),
                            }
                            others_seen = true;
                        }
                        (Some("tool_use"), "assistant") => {
                            keys_within(b, &["type", "id", "name", "input"], &what)?;
                            ensure!(b["input"].is_object(), "{what}: input must be an object");
                            string(b, "name", &what)?;
                            uses.push(string(b, "id", &what)?);
                        }
                        (Some("tool_result"), "user") => {
                            ensure!(!others_seen, "{what}: tool_result after other blocks");
                            keys_within(b, &["type", "tool_use_id", "content", "is_error"], &what)?;
                            ensure!(b.get("is_error").is_none_or(Value::is_boolean), "is_error");
                            results.push(string(b, "tool_use_id", &what)?);
                        }
                        _ => return Err(format!("{what}: block {b} not allowed for {role}")),
                    }
                }
            }
            other => return Err(format!("{what}: content {other}")),
        }
        for r in &results {
            ensure!(previous_uses.contains(r), "{what}: tool_result {r} answers no tool_use just before");
        }
        for u in &previous_uses {
            ensure!(results.contains(u), "{what}: tool_use {u} not answered here");
        }
        previous_uses = uses;
    }
    Ok(())
}

pub fn check_gemini(body: &Value) -> Check {
    if let Some(system) = body.get("systemInstruction") {
        keys_within(system, &["role", "parts"], "systemInstruction")?;
        for p in system["parts"].as_array().ok_or("system parts")? {
            keys_within(p, &["text"], "system part")?;
        }
    }
    let tools = body["tools"].as_array().into_iter().flatten();
    for t in tools {
        keys_within(t, &["functionDeclarations"], "tool")?;
        for d in t["functionDeclarations"].as_array().ok_or("declarations")? {
            keys_within(d, &["name", "description", "parametersJsonSchema"], "declaration")?;
        }
    }
    let contents = body["contents"].as_array().ok_or("no contents")?;
    ensure!(contents.first().is_some_and(|c| c["role"] == "user"), "first content must be user");
    let mut pending: Vec<String> = Vec::new();
    for (i, c) in contents.iter().enumerate() {
        let what = format!("content {i}");
        keys_within(c, &["role", "parts"], &what)?;
        let role = string(c, "role", &what)?;
        ensure!(role == "user" || role == "model", "{what}: role {role}");
        let parts = c["parts"].as_array().ok_or(format!("{what}: parts"))?;
        ensure!(!parts.is_empty(), "{what}: no parts");
        let mut calls = Vec::new();
        let mut responses = Vec::new();
        for p in parts {
            let o = p.as_object().ok_or(format!("{what}: part"))?;
            ensure!(o.len() == 1, "{what}: a part holds one field: {p}");
            let (k, v) = o.iter().next().unwrap();
            match (k.as_str(), role.as_str()) {
                ("text", _) => ensure!(v.is_string(), "{what}: text"),
                ("inlineData", "user") => {
                    keys_within(v, &["mimeType", "data"], &what)?;
                    string(v, "mimeType", &what)?;
                    string(v, "data", &what)?;
                }
                ("fileData", "user") => {
                    keys_within(v, &["mimeType", "fileUri"], &what)?;
                    string(v, "fileUri", &what)?;
                }
                ("functionCall", "model") => {
                    keys_within(v, &["name", "args", "id"], &what)?;
                    ensure!(v["args"].is_object(), "{what}: args must be an object");
                    calls.push(string(v, "name", &what)?);
                }
                ("functionResponse", "user") => {
                    keys_within(v, &["name", "response", "id"], &what)?;
                    ensure!(v["response"].is_object(), "{what}: response must be an object");
                    responses.push(string(v, "name", &what)?);
                }
                _ => return Err(format!("{what}: part {k} not allowed for {role}")),
            }
        }
        let mut want = std::mem::take(&mut pending);
        want.sort();
        responses.sort();
        ensure!(want == responses, "{what}: responses {responses:?} do not answer the calls {want:?}");
        pending = calls;
    }
    Ok(())
}

pub fn check_ollama(body: &Value) -> Check {
    ensure!(body["stream"] == false, "stream false");
    function_tools(body)?;
    let mut pending: Vec<String> = Vec::new();
    for (i, m) in body["messages"].as_array().ok_or("no messages")?.iter().enumerate() {
        let what = format!("message {i}");
        let role = string(m, "role", &what)?;
        if role != "tool" {
            ensure!(pending.is_empty(), "{what}: calls {pending:?} unanswered");
        }
        ensure!(m.get("content").is_none_or(Value::is_string), "{what}: content must be text");
        match role.as_str() {
            "system" | "user" => {
                keys_within(m, &["role", "content", "images"], &what)?;
                for image in m.get("images").and_then(Value::as_array).into_iter().flatten() {
                    let s = image.as_str().ok_or(format!("{what}: image"))?;
                    ensure!(!s.starts_with("data:") && !s.starts_with("http"), "{what}: images are bare base64");
                }
            }
            "assistant" => {
                keys_within(m, &["role", "content", "tool_calls"], &what)?;
                for c in m.get("tool_calls").and_then(Value::as_array).into_iter().flatten() {
                    // Ollama's schema: a call is `function.name` and `function.arguments`, nothing else.
                    keys_within(c, &["function"], &what)?;
                    keys_within(&c["function"], &["name", "arguments"], &what)?;
                    ensure!(c["function"]["arguments"].is_object(), "{what}: arguments must be an object");
                    pending.push(string(&c["function"], "name", &what)?);
                }
            }
            "tool" => {
                keys_within(m, &["role", "tool_name", "content"], &what)?;
                let name = string(m, "tool_name", &what)?;
                let at =
                    pending.iter().position(|p| *p == name).ok_or(format!("{what}: result {name} answers no call"))?;
                pending.remove(at);
            }
            other => return Err(format!("{what}: role {other}")),
        }
    }
    Ok(())
}
