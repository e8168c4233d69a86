//! Google Gemini `generateContent` (`POST {base}/v1beta/models/{model}:generateContent`,
//! key in `x-goog-api-key`).

use std::time::Duration;

use memor_core::{Image, Response, Role, Session, ToolCall};
use serde_json::{Map, Value, json};

use crate::history::{self, Turn};
use crate::providers::gemini_stream::GeminiStream;
use crate::providers::tool_choice;
use crate::reply::{self, Candidate};
use crate::sse::SseStream;
use crate::tools;
use crate::{ChatOptions, Error, HttpRequest, HttpResponse, Provider, Result, StreamParser};

keyed_provider! {
    /// Gemini's `generateContent` (`https://generativelanguage.googleapis.com`, key from
    /// `GEMINI_API_KEY`). Roles are `user` and `model`; system messages become
    /// `systemInstruction` parts; sampling settings go in `generationConfig`.
    Gemini,
    "GEMINI_API_KEY"
}

impl Provider for Gemini {
    fn id(&self) -> &str {
        "gemini"
    }

    fn request(&self, session: &Session, options: &ChatOptions) -> Result<HttpRequest> {
        let key = reply::api_key("gemini", options, self.api_key.as_ref(), "GEMINI_API_KEY")?;
        let mut system = Vec::new();
        let mut contents = Vec::new();
        for turn in history::user_images_only("gemini", session)? {
            match turn.role {
                Role::System => system.push(json!({"text": turn.text})),
                Role::User => contents.push(json!({"role": "user", "parts": parts(&turn)})),
                Role::Assistant => contents.push(json!({"role": "model", "parts": parts(&turn)})),
            }
        }
        let mut body = Map::new();
        if !system.is_empty() {
            body.insert("systemInstruction".to_owned(), json!({"parts": system}));
        }
        body.insert("contents".to_owned(), Value::Array(contents));
        if !options.tools.is_empty() {
            let declarations: Vec<Value> = options
                .tools
                .iter()
                .map(|t| json!({"name": t.name, "description": t.description, "parameters": t.parameters}))
                .collect();
            body.insert("tools".to_owned(), json!([{"functionDeclarations": declarations}]));
        }
        if let Some(config) = tool_choice::gemini(options)? {
            body.insert("toolConfig".to_owned(), config);
        }
        let mut config: Map<String, Value> =
            reply::settings(options, ["temperature", "topP", "topK", "maxOutputTokens"]).collect();
        if let Some(n) = options.candidates {
            config.insert("candidateCount".to_owned(), json!(n));
        }
        if !config.is_empty() {
            body.insert("generationConfig".to_owned(), Value::Object(config));
        }
        let model = options.model.strip_prefix("models/").unwrap_or(&options.model);
        let base = reply::base_url(options, "https://generativelanguage.googleapis.com");
        let url = format!("{base}/v1beta/models/{model}:generateContent");
        Ok(HttpRequest::post_json(url, &Value::Object(body)).secret_header("x-goog-api-key", key))
    }

    /// Reads a `generateContent` reply: one response per candidate (thought parts left out).
    /// `candidatesTokenCount` is recorded as the tokens only for a single candidate; the
    /// `responseId`, each candidate's `finishReason` and `index`, and `usageMetadata` go to the
    /// metadata; `modelVersion` is the model.
    fn parse(&self, reply: &HttpResponse, options: &ChatOptions, elapsed: Duration) -> Result<Vec<Response>> {
        let body = reply::json_body("gemini", reply)?;
        let candidates = reply::array_field("gemini", &body, "candidates")?;
        if candidates.is_empty() {
            return Err(Error::parse("gemini", "no candidates"));
        }
        let model = body.get("modelVersion").and_then(Value::as_str).map(str::to_owned);
        let tokens = match candidates.len() {
            1 => body.get("usageMetadata").and_then(|u| u.get("candidatesTokenCount")).and_then(Value::as_u64),
            _ => None,
        };
        candidates
            .iter()
            .map(|candidate| {
                let parts = candidate.get("content").map(|c| reply::array_field("gemini", c, "parts")).transpose()?;
                let Some(parts) = parts else {
                    let reason = candidate.get("finishReason").and_then(Value::as_str).unwrap_or("unknown");
                    return Err(Error::parse("gemini", format!("candidate without content (finishReason {reason})")));
                };
                let mut text = String::new();
                let mut tool_calls = Vec::new();
                for part in parts.iter().filter(|p| p.get("thought").and_then(Value::as_bool) != Some(true)) {
                    if let Some(call) = part.get("functionCall") {
                        tool_calls.push(function_call(call, tool_calls.len())?);
                        continue;
                    }
                    match part.get("text").and_then(Value::as_str) {
                        Some(t) => text.push_str(t),
                        None => {
                            return Err(Error::Unsupported {
                                provider: "gemini".to_owned(),
                                what: "a part without text".to_owned(),
                            });
                        }
                    }
                }
                let mut metadata = Map::new();
                reply::keep(&mut metadata, &body, &["responseId"]);
                reply::keep(&mut metadata, candidate, &["index", "finishReason"]);
                reply::keep(&mut metadata, &body, &["usageMetadata"]);
                let candidate = Candidate { text, model: model.clone(), tokens, metadata };
                reply::response_with_calls(candidate, tool_calls, options, elapsed)
            })
            .collect()
    }

    /// The same body to `…:streamGenerateContent?alt=sse` (one candidate).
    fn stream_request(&self, session: &Session, options: &ChatOptions) -> Result<HttpRequest> {
        reply::single_candidate("gemini", options)?;
        let mut request = self.request(session, options)?;
        let Some(start) = request.url.rfind(":generateContent") else {
            return Err(Error::parse("gemini", "request URL without `:generateContent`"));
        };
        request.url.replace_range(start.., ":streamGenerateContent?alt=sse");
        Ok(request)
    }

    fn stream_parser(&self, options: &ChatOptions) -> Result<Box<dyn StreamParser>> {
        Ok(SseStream::boxed(GeminiStream::new(options)))
    }
}

/// A turn's parts: `[{"text"}]` when it is text only; else `functionResponse`s, the text,
/// images (`inlineData`, or `fileData` for a URL) and `functionCall`s.
fn parts(turn: &Turn<'_>) -> Vec<Value> {
    if turn.is_text_only() {
        return vec![json!({"text": turn.text})];
    }
    let mut parts = Vec::new();
    for result in turn.tool_results {
        parts.push(json!({"functionResponse": {"name": result.name, "response": response_object(&result.content, result.is_error)}}));
    }
    if !turn.text.is_empty() {
        parts.push(json!({"text": turn.text}));
    }
    for image in turn.images {
        parts.push(match image {
            Image::Url(url) => json!({"fileData": {"fileUri": url}}),
            Image::Data { media_type, base64 } => json!({"inlineData": {"mimeType": media_type, "data": base64}}),
        });
    }
    for call in turn.tool_calls {
        parts.push(json!({"functionCall": {"name": call.name, "args": call.arguments}}));
    }
    parts
}

/// A tool result as the object `functionResponse.response` must be: a JSON object as is;
/// other JSON or plain text wrapped as `{"content": …}` (`{"error": …}` for a failed tool).
fn response_object(content: &str, is_error: bool) -> Value {
    let value = serde_json::from_str::<Value>(content).unwrap_or_else(|_| Value::String(content.to_owned()));
    match value {
        Value::Object(_) => value,
        other if is_error => json!({"error": other}),
        other => json!({"content": other}),
    }
}

/// A `functionCall` part; Gemini gives no id (newer schemas may: then it is kept), so the id
/// is made up as `{name}_{index}`, the index counting the candidate's calls from 0.
pub(crate) fn function_call(call: &Value, index: usize) -> Result<ToolCall> {
    let name = reply::str_field("gemini", call, "name")?.to_owned();
    let id = match call.get("id").and_then(Value::as_str) {
        Some(id) if !id.is_empty() => id.to_owned(),
        _ => format!("{name}_{index}"),
    };
    Ok(ToolCall { id, arguments: tools::arguments_from_value("gemini", call.get("args"))?, name })
}
