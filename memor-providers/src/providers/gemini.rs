//! Google Gemini `generateContent` (`POST {base}/v1/models/{model}:generateContent`, the
//! API version the current official SDK uses, key in `x-goog-api-key`).

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

const ID: &str = "gemini";

keyed_provider! {
    /// Gemini's `generateContent` (`https://generativelanguage.googleapis.com`, key from
    /// `GEMINI_API_KEY`). Roles are `user` and `model`; system messages become
    /// `systemInstruction` parts; sampling settings go in `generationConfig`; tool parameters
    /// are sent as `parametersJsonSchema` (a full JSON Schema). Thought parts and thought
    /// signatures are kept as reasoning state and sent back with the calls they came with.
    Gemini,
    "GEMINI_API_KEY"
}

impl Provider for Gemini {
    fn id(&self) -> &str {
        ID
    }

    fn request(&self, session: &Session, options: &ChatOptions) -> Result<HttpRequest> {
        let key = reply::api_key(ID, options, self.api_key.as_ref(), "GEMINI_API_KEY")?;
        let mut system = Vec::new();
        let mut contents = Vec::new();
        for turn in history::user_images_only(ID, session)? {
            match turn.role {
                Role::System => system.push(json!({"text": turn.text})),
                Role::User => contents.push(json!({"role": "user", "parts": parts(&turn)})),
                Role::Assistant => contents.push(json!({"role": "model", "parts": model_parts(&turn)})),
            }
        }
        let mut body = Map::new();
        if !system.is_empty() {
            body.insert("systemInstruction".to_owned(), json!({"role": "user", "parts": system}));
        }
        body.insert("contents".to_owned(), Value::Array(contents));
        if !options.tools.is_empty() {
            let declarations: Vec<Value> = options
                .tools
                .iter()
                .map(|t| json!({"name": t.name, "description": t.description, "parametersJsonSchema": t.parameters}))
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
        body.insert("generationConfig".to_owned(), Value::Object(config));
        let model = options.model.strip_prefix("models/").unwrap_or(&options.model);
        let base = reply::base_url(options, "https://generativelanguage.googleapis.com");
        let url = format!("{base}/v1/models/{model}:generateContent");
        Ok(HttpRequest::post_json(url, &Value::Object(body)).secret_header("x-goog-api-key", key))
    }

    /// Reads a `generateContent` reply: one response per candidate (thought parts left out of
    /// the text, kept with the thought signatures as reasoning state; parts that are neither
    /// text nor calls kept in the metadata's `content_parts`). `candidatesTokenCount` is
    /// recorded as the tokens only for a single candidate; the `responseId`, each candidate's
    /// `finishReason` and `index`, and `usageMetadata` go to the metadata; `modelVersion` is
    /// the model. Candidates with nothing to record are left out; when none has anything (a
    /// blocked prompt, a safety stop), a [`NoContent`](Error::NoContent) error names the reason.
    fn parse(&self, reply: &HttpResponse, options: &ChatOptions, elapsed: Duration) -> Result<Vec<Response>> {
        let body = reply::json_body(ID, reply)?;
        let candidates = match body.get("candidates") {
            None if body.get("promptFeedback").is_some() => &[],
            _ => reply::array_field(ID, &body, "candidates")?,
        };
        if candidates.is_empty() {
            let feedback = body.get("promptFeedback").and_then(|f| f.get("blockReason")).and_then(Value::as_str);
            let reason = feedback.map_or_else(|| "no candidates".to_owned(), |r| format!("prompt blocked: {r}"));
            return Err(Error::NoContent { provider: ID.to_owned(), reason });
        }
        let model = body.get("modelVersion").and_then(Value::as_str).map(str::to_owned);
        let tokens = match candidates.len() {
            1 => body.get("usageMetadata").and_then(|u| u.get("candidatesTokenCount")).and_then(Value::as_u64),
            _ => None,
        };
        let mut responses = Vec::new();
        let mut empty = None;
        for candidate in candidates {
            let mut metadata = Map::new();
            reply::keep(&mut metadata, &body, &["responseId"]);
            reply::keep(&mut metadata, candidate, &["index", "finishReason"]);
            reply::keep(&mut metadata, &body, &["usageMetadata"]);
            let mut read = Candidate { model: model.clone(), tokens, metadata, ..Candidate::default() };
            let mut tool_calls = Vec::new();
            let parts = candidate.get("content").and_then(|c| c.get("parts")).and_then(Value::as_array);
            read_parts(parts.map(Vec::as_slice).unwrap_or_default(), &mut read, &mut tool_calls, &mut |_: &str| {})?;
            match reply::response_with_calls(ID, read, tool_calls, options, elapsed) {
                Err(e @ Error::NoContent { .. }) => empty = Some(e),
                other => responses.push(other?),
            }
        }
        match (responses.is_empty(), empty) {
            (true, Some(e)) => Err(e),
            _ => Ok(responses),
        }
    }

    /// The same body to `…:streamGenerateContent?alt=sse` (one candidate).
    fn stream_request(&self, session: &Session, options: &ChatOptions) -> Result<HttpRequest> {
        reply::single_candidate(ID, options)?;
        let mut request = self.request(session, options)?;
        let Some(start) = request.url.rfind(":generateContent") else {
            return Err(Error::parse(ID, "request URL without `:generateContent`"));
        };
        request.url.replace_range(start.., ":streamGenerateContent?alt=sse");
        Ok(request)
    }

    fn stream_parser(&self, options: &ChatOptions) -> Result<Box<dyn StreamParser>> {
        Ok(SseStream::boxed(GeminiStream::new(options)))
    }
}

/// A turn's parts: `[{"text"}]` when it is text only; else `functionResponse`s, the text,
/// images (`inlineData`, or `fileData` for a URL, its media type guessed from its name) and
/// `functionCall`s.
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
            Image::Url(url) => match media_type(url) {
                Some(mime) => json!({"fileData": {"fileUri": url, "mimeType": mime}}),
                None => json!({"fileData": {"fileUri": url}}),
            },
            Image::Data { media_type, base64 } => json!({"inlineData": {"mimeType": media_type, "data": base64}}),
        });
    }
    for call in turn.tool_calls {
        parts.push(json!({"functionCall": {"name": call.name, "args": call.arguments}}));
    }
    parts
}

/// A model turn's parts with Gemini's reasoning state put back as it came: thought parts
/// first, and each thought signature on the part it came on (the call with the same name and
/// arguments, or the text). A signature whose part is no longer there (an edited turn) is left
/// out.
fn model_parts(turn: &Turn<'_>) -> Vec<Value> {
    let reasoning = history::reasoning_of(turn, ID);
    let mut parts = parts(turn);
    if reasoning.is_empty() {
        return parts;
    }
    let mut signed = vec![false; parts.len()];
    let mut thoughts = Vec::new();
    for item in reasoning {
        if item.get("thought").and_then(Value::as_bool) == Some(true) {
            thoughts.push(Value::Object(item.clone()));
            continue;
        }
        let Some(signature) = item.get("thoughtSignature") else { continue };
        let target = parts.iter().zip(&signed).position(|(part, done)| {
            !done
                && match (item.get("functionCall"), part.get("functionCall")) {
                    (Some(was), Some(is)) => {
                        was.get("name") == is.get("name")
                            && was.get("args").unwrap_or(&json!({})) == is.get("args").unwrap_or(&json!({}))
                    }
                    (None, None) => item.get("text").is_some() && part.get("text").is_some(),
                    _ => false,
                }
        });
        if let Some(at) = target {
            signed[at] = true;
            if let Some(part) = parts[at].as_object_mut() {
                part.insert("thoughtSignature".to_owned(), signature.clone());
            }
        }
    }
    thoughts.extend(parts);
    thoughts
}

/// The media type of an image URL from its extension, as the official SDK guesses it.
fn media_type(url: &str) -> Option<&'static str> {
    let path = url.split(['?', '#']).next().unwrap_or(url);
    let extension = path.rsplit_once('.')?.1.to_ascii_lowercase();
    Some(match extension.as_str() {
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "heic" => "image/heic",
        "heif" => "image/heif",
        _ => return None,
    })
}

/// Reads a candidate's parts: text (thoughts left out), `functionCall`s (ids made up after
/// those already in `tool_calls`), thought parts and thought signatures as reasoning state,
/// other parts into `content_parts`. `on_text` is given each piece of text.
pub(crate) fn read_parts(
    parts: &[Value],
    candidate: &mut Candidate,
    tool_calls: &mut Vec<ToolCall>,
    on_text: &mut dyn FnMut(&str),
) -> Result<()> {
    for part in parts {
        let thought = part.get("thought").and_then(Value::as_bool) == Some(true);
        if thought || part.get("thoughtSignature").is_some() {
            candidate.reason(ID, part);
        }
        if thought {
            continue;
        }
        if let Some(call) = part.get("functionCall") {
            tool_calls.push(function_call(call, tool_calls.len())?);
        } else if let Some(text) = part.get("text").and_then(Value::as_str) {
            candidate.text.push_str(text);
            if !text.is_empty() {
                on_text(text);
            }
        } else if part.get("thoughtSignature").is_none() {
            candidate.keep_part(part);
        }
    }
    Ok(())
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
    let name = reply::str_field(ID, call, "name")?.to_owned();
    let id = match call.get("id").and_then(Value::as_str) {
        Some(id) if !id.is_empty() => id.to_owned(),
        _ => format!("{name}_{index}"),
    };
    Ok(ToolCall { id, arguments: tools::arguments_from_value(ID, call.get("args"))?, name })
}
