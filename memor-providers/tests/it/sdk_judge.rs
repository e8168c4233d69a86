//! The providers' official Python SDKs as judges (`tests/sdk/judge.py`, versions pinned in
//! `tests/sdk/requirements.txt`, installed by `cargo xtask ci`). For every case the script
//! reports, memor sends its request for the same conversation (`tests/sdk/conversations.json`)
//! to a loopback server, which answers with the reply the SDK was given (built from the SDK's
//! own response models); memor's request is compared with the SDK's key by key, and what memor
//! reads, saves and loads back with what the SDK read. For replies with reasoning state, the
//! next request (the reply and a tool result appended) is compared too: the state is sent back
//! exactly as the SDK sends it back.
//!
//! Equivalences allowed, and only these:
//! - headers: only those the API reads are compared (`content-type`, the key's header,
//!   `anthropic-version`); the SDKs' own (`user-agent`, `x-stainless-*`, `x-goog-api-client`,
//!   `accept`, `accept-encoding`, `connection`, `host`, `content-length`) are not;
//! - Gemini: object keys in `snake_case` or `lowerCamelCase` (the API reads both), except
//!   inside user data (`args`, `response`, `parametersJsonSchema`); base64 (`data`,
//!   `thoughtSignature`) standard or URL-safe, padded or not (the API reads all four);
//! - OpenAI Responses: an output item replayed as input may lack its `id` and `status`
//!   (`function_call` items: both optional in the input schema).
//!
//! Needs `python3` with the SDKs; a missing SDK fails the test when `MEMOR_REQUIRE_PYTHON` is
//! set (as `cargo xtask ci` does) and skips it otherwise.

use std::process::Command;

use memor_core::{Document, Image, Message, Prompt, Reasoning, Response, Role, Session, ToolCall, ToolResult};
use memor_providers::{
    Anthropic, ChatOptions, Error, Gemini, Mistral, Ollama, OpenAi, OpenAiResponses, Provider, Tool, ToolChoice,
};
use serde_json::{Map, Value, json};

use crate::server::{Recorded, Reply, client, ok, serve};

const KEY: &str = "sk-judge-0123456789";

/// The script's cases, or `None` when an SDK is missing and Python is not required.
fn cases() -> Option<Vec<Value>> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/sdk");
    let out = Command::new("python3").arg(format!("{dir}/judge.py")).arg(format!("{dir}/conversations.json")).output();
    let required = std::env::var_os("MEMOR_REQUIRE_PYTHON").is_some();
    match out {
        Ok(out) if out.status.success() => Some(serde_json::from_slice(&out.stdout).expect("judge.py prints JSON")),
        Ok(out) if out.status.code() == Some(3) && !required => {
            eprintln!("skipped: {}", String::from_utf8_lossy(&out.stderr).trim());
            None
        }
        Ok(out) => panic!(
            "judge.py failed ({}; `pip install -r {dir}/requirements.txt` installs the SDKs):\n{}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        ),
        Err(e) if !required => {
            eprintln!("skipped: no python3 ({e})");
            None
        }
        Err(e) => panic!("MEMOR_REQUIRE_PYTHON is set but python3 cannot run: {e}"),
    }
}

fn fixture() -> Value {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/sdk/conversations.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn object(v: &Value) -> Map<String, Value> {
    v.as_object().cloned().unwrap_or_default()
}

fn text(v: &Value) -> String {
    v.as_str().unwrap_or_default().to_owned()
}

/// The conversation as a memor session.
fn session(conversation: &Value) -> Session {
    let mut session = Session::new(None);
    for m in conversation["messages"].as_array().unwrap() {
        let role = match m["role"].as_str().unwrap() {
            "system" => Role::System,
            "user" => Role::User,
            _ => Role::Assistant,
        };
        if role == Role::Assistant {
            let calls = m["tool_calls"].as_array().map(Vec::as_slice).unwrap_or_default().iter().map(|c| ToolCall {
                id: text(&c["id"]),
                name: text(&c["name"]),
                arguments: object(&c["arguments"]),
            });
            let reasoning = m["reasoning"]
                .as_array()
                .map(Vec::as_slice)
                .unwrap_or_default()
                .iter()
                .map(|r| Reasoning { provider: text(&r["provider"]), item: object(&r["item"]) });
            let response = Response::builder()
                .message(text(&m["text"]))
                .tool_calls(calls.collect())
                .reasoning(reasoning.collect())
                .build()
                .unwrap();
            session.add_message(response);
            continue;
        }
        let results = m["tool_results"].as_array().map(Vec::as_slice).unwrap_or_default().iter().map(|r| ToolResult {
            call_id: text(&r["call_id"]),
            name: text(&r["name"]),
            content: text(&r["content"]),
            is_error: false,
        });
        let images = m["images"].as_array().map(Vec::as_slice).unwrap_or_default().iter().map(|i| match i.get("url") {
            Some(url) => Image::Url(text(url)),
            None => Image::Data { media_type: text(&i["media_type"]), base64: text(&i["base64"]) },
        });
        let prompt = Prompt::builder()
            .message(text(&m["text"]))
            .role(role)
            .tool_results(results.collect())
            .images(images.collect());
        session.add_message(prompt.build());
    }
    session
}

fn options(conversation: &Value, model: &str) -> ChatOptions {
    let o = &conversation["options"];
    let mut options = ChatOptions::new(model).api_key(KEY);
    options.temperature = o["temperature"].as_f64();
    options.top_p = o["top_p"].as_f64();
    options.max_tokens = o["max_tokens"].as_u64();
    options.candidates = o["candidates"].as_u64().map(|n| n as u32);
    let tools = o["tools"].as_array().map(Vec::as_slice).unwrap_or_default();
    options.tools =
        tools.iter().map(|t| Tool::new(text(&t["name"]), text(&t["description"]), t["parameters"].clone())).collect();
    options.tool_choice = o["tool_choice"].as_str().map(|c| match c {
        "auto" => ToolChoice::Auto,
        "none" => ToolChoice::None,
        _ => ToolChoice::Required,
    });
    options
}

/// The provider, and the base URL that points it at `base` as the SDK was pointed.
fn provider(id: &str, base: &str) -> (Box<dyn Provider>, String) {
    match id {
        "openai" => (Box::new(OpenAi::new()), format!("{base}/v1")),
        "openai_responses" => (Box::new(OpenAiResponses::new()), format!("{base}/v1")),
        "mistral" => (Box::new(Mistral::new()), format!("{base}/v1")),
        "anthropic" => (Box::new(Anthropic::new()), base.to_owned()),
        "gemini" => (Box::new(Gemini::new()), base.to_owned()),
        "ollama" => (Box::new(Ollama::new()), base.to_owned()),
        other => panic!("unknown provider {other}"),
    }
}

/// The reply the SDK was given, for the loopback server (a stream in small chunks).
fn reply(case: &Value) -> Reply {
    let body = text(&case["body"]);
    let content_type = match case["content_type"].as_str().unwrap() {
        "text/event-stream" => "text/event-stream",
        "application/x-ndjson" => "application/x-ndjson",
        _ => "application/json",
    };
    if case["stream"] == true {
        let chunks = body.as_bytes().chunks(7).map(<[u8]>::to_vec).collect();
        Reply::Stream { content_type, chunks, pause: Default::default(), stall: Default::default() }
    } else {
        Reply::With(200, vec![("content-type", content_type.into())], body)
    }
}

/// The headers the API reads, by provider.
fn api_headers(provider: &str) -> &'static [&'static str] {
    match provider {
        "anthropic" => &["content-type", "authorization", "anthropic-version"],
        "gemini" => &["content-type", "x-goog-api-key"],
        "ollama" => &["content-type"],
        _ => &["content-type", "authorization"],
    }
}

fn camel(key: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in key.chars() {
        match (c, upper) {
            ('_', _) => upper = true,
            (c, true) => {
                out.extend(c.to_uppercase());
                upper = false;
            }
            (c, false) => out.push(c),
        }
    }
    out
}

/// Gemini's equivalences: keys to lowerCamelCase outside user data, base64 to URL-safe
/// without padding.
fn gemini_normal(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| {
                    let key = camel(k);
                    let v = match key.as_str() {
                        "args" | "response" | "parametersJsonSchema" => v.clone(),
                        "data" | "thoughtSignature" => {
                            json!(
                                v.as_str()
                                    .unwrap_or_default()
                                    .replace('+', "-")
                                    .replace('/', "_")
                                    .trim_end_matches('=')
                            )
                        }
                        _ => gemini_normal(v),
                    };
                    (key, v)
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(gemini_normal).collect()),
        other => other.clone(),
    }
}

/// The SDK's body under the listed equivalences (memor's is compared as sent, but for
/// Gemini's key case and base64 alphabet).
fn normal(provider: &str, body: &Value) -> Value {
    match provider {
        "gemini" => gemini_normal(body),
        "openai_responses" => {
            let mut body = body.clone();
            for item in body["input"].as_array_mut().into_iter().flatten() {
                if item["type"] == "function_call" {
                    let item = item.as_object_mut().unwrap();
                    item.remove("id");
                    item.remove("status");
                }
            }
            body
        }
        _ => body.clone(),
    }
}

fn compare_request(case: &str, provider: &str, sdk: &Value, ours: &Recorded) {
    assert_eq!(ours.method, "POST", "{case}");
    assert_eq!(ours.path, text(&sdk["path"]), "{case}: path");
    for name in api_headers(provider) {
        let theirs = sdk["headers"][*name].as_str();
        let mine = ours.header(name);
        let media = |v: Option<&str>| v.map(|v| v.split(';').next().unwrap_or(v).trim().to_owned());
        let equal = if *name == "content-type" { media(theirs) == media(mine) } else { theirs == mine };
        assert!(equal, "{case}: header {name}: the SDK sends {theirs:?}, memor {mine:?}");
    }
    let theirs = normal(provider, &sdk["body"]);
    let mine = normal(provider, &ours.json());
    assert_eq!(mine, theirs, "{case}: body\n memor: {mine}\n   SDK: {theirs}");
}

/// What memor recorded for one candidate against what the SDK read of it.
fn compare_reading(case: &str, provider: &str, response: &Response, sdk: &Value, tokens: &Value, model: &Value) {
    let refusal = sdk["refusal"].as_str();
    let expected = match (sdk["text"].as_str().filter(|t| !t.is_empty()), refusal) {
        (Some(text), _) => text.to_owned(),
        (None, Some(refusal)) => refusal.to_owned(),
        (None, None) => String::new(),
    };
    assert_eq!(response.message(), expected, "{case}: text");
    let metadata = response.provider_metadata().cloned().unwrap_or_default();
    assert_eq!(metadata.get("refusal") == Some(&json!(true)), refusal.is_some(), "{case}: refusal mark");
    let reason_key = match provider {
        "anthropic" => "stop_reason",
        "gemini" => "finishReason",
        "ollama" => "done_reason",
        "openai_responses" => "status",
        _ => "finish_reason",
    };
    assert_eq!(metadata.get(reason_key), Some(&sdk["finish_reason"]), "{case}: finish reason");
    let calls = sdk["tool_calls"].as_array().unwrap();
    assert_eq!(response.tool_calls().len(), calls.len(), "{case}: tool calls");
    for (i, (ours, theirs)) in response.tool_calls().iter().zip(calls).enumerate() {
        let id = theirs["id"].as_str().map_or_else(|| format!("{}_{i}", text(&theirs["name"])), str::to_owned);
        assert_eq!(ours.id, id, "{case}: call id");
        assert_eq!(ours.name, text(&theirs["name"]), "{case}: call name");
        assert_eq!(Value::Object(ours.arguments.clone()), theirs["arguments"], "{case}: call arguments");
    }
    let reasoning: Vec<Value> = response
        .reasoning()
        .iter()
        .inspect(|r| assert_eq!(r.provider, provider, "{case}: reasoning state's provider"))
        .map(|r| Value::Object(r.item.clone()))
        .collect();
    assert_eq!(Value::Array(reasoning), sdk.get("reasoning").cloned().unwrap_or(json!([])), "{case}: reasoning state");
    assert_eq!(response.tokens(), tokens.as_u64(), "{case}: tokens");
    assert_eq!(response.model(), text(model), "{case}: model");
}

#[test]
fn memor_sends_what_each_sdk_sends_and_reads_what_it_reads() {
    let Some(cases) = cases() else { return };
    let fixture = fixture();
    let conversations: Vec<&Value> = fixture["conversations"].as_array().unwrap().iter().collect();
    let dir = std::env::temp_dir().join(format!("memor-sdk-judge-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (mut requests, mut replies, mut refused, mut replays) = (0, 0, 0, 0);
    for case in &cases {
        let provider_id = text(&case["provider"]);
        let name = format!("{provider_id}/{}/{}", text(&case["conversation"]), text(&case["reply"]));
        let conversation = conversations.iter().find(|c| c["name"] == case["conversation"]).unwrap();
        let model = text(&fixture["models"][&provider_id]);
        let session = session(conversation);
        let mut replies_to_serve = vec![reply(case)];
        if case.get("followup").is_some() {
            replies_to_serve.push(reply_plain(&provider_id));
        }
        let (base, recorded) = serve(replies_to_serve);
        let (provider, base_url) = provider(&provider_id, &base);
        let options = options(conversation, &model).base_url(base_url);
        let stream = case["stream"] == true;
        let result = match stream {
            true => client().chat_stream(provider.as_ref(), &session, &options, |_| {}).map(|r| vec![r]),
            false => client().chat(provider.as_ref(), &session, &options),
        };

        // An SDK that cannot send the conversation (a setting its API does not have): memor
        // refuses it too, before sending anything.
        if let Some(error) = case.get("sdk_error") {
            match result {
                Err(Error::Unsupported { .. }) => refused += 1,
                other => panic!("{name}: the SDK refused ({error}) but memor gave {other:?}"),
            }
            assert!(recorded.try_recv().is_err(), "{name}: memor sent a request");
            continue;
        }
        compare_request(&name, &provider_id, &case["requests"][0], &recorded.recv().unwrap());
        requests += 1;

        let sdk = &case["sdk_read"];
        let candidates = sdk["candidates"].as_array().unwrap();
        let nothing = |c: &Value| {
            c["text"].as_str().unwrap_or_default().is_empty()
                && c["refusal"].is_null()
                && c["tool_calls"].as_array().is_none_or(Vec::is_empty)
        };
        if candidates.iter().all(nothing) {
            // Nothing to record: an error naming the reason, never an empty message.
            match result {
                Err(e @ Error::NoContent { .. }) => {
                    let reason = text(&candidates[0]["finish_reason"]);
                    assert!(e.to_string().contains(&reason), "{name}: {e} does not name {reason}");
                }
                other => panic!("{name}: nothing to record, but memor gave {other:?}"),
            }
            replies += 1;
            continue;
        }
        let responses = result.unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(responses.len(), candidates.len(), "{name}: candidates");

        // Saved and loaded, it reads the same.
        let mut saved = session.clone();
        saved.add_message(responses[0].clone());
        let path = dir.join(format!("{}.json", name.replace('/', "-")));
        saved.save(&path).unwrap();
        let loaded = Session::load(&path).unwrap();
        assert_eq!(loaded, saved, "{name}: save and load");
        for (i, (response, theirs)) in responses.iter().zip(candidates).enumerate() {
            let response = match (i, loaded.get_message(loaded.len() - 1)) {
                (0, Some(Message::Response(r))) => r,
                _ => response,
            };
            compare_reading(&name, &provider_id, response, theirs, &sdk["tokens"], &sdk["model"]);
        }
        replies += 1;

        // The reasoning state goes back exactly as the SDK sends it back, after save and load.
        if let Some(followup) = case.get("followup") {
            let mut next = loaded;
            let call = &next.iter().last().unwrap().tool_calls()[0];
            assert_eq!(call.id, text(&followup["call_id"]), "{name}: the follow-up answers the call");
            let result = ToolResult {
                call_id: call.id.clone(),
                name: text(&followup["name"]),
                content: text(&followup["content"]),
                is_error: false,
            };
            next.add_message(Prompt::builder().tool_results(vec![result]).build());
            client().chat(provider.as_ref(), &next, &options).unwrap_or_else(|e| panic!("{name}: follow-up: {e}"));
            compare_request(
                &format!("{name} (follow-up)"),
                &provider_id,
                &case["requests"][1],
                &recorded.recv().unwrap(),
            );
            replays += 1;
        }
    }
    eprintln!(
        "judged by the SDKs: {requests} requests, {replies} replies, {refused} refused settings, {replays} replays"
    );
    assert!(requests >= 40 && replies >= 40 && refused >= 2 && replays >= 6, "too few cases judged");
}

/// A plain reply for the follow-up request (what it says is not judged).
fn reply_plain(provider: &str) -> Reply {
    let body = match provider {
        "anthropic" => json!({"id": "msg_2", "type": "message", "role": "assistant", "model": "m",
                              "content": [{"type": "text", "text": "21 °C."}], "stop_reason": "end_turn",
                              "usage": {"input_tokens": 1, "output_tokens": 1}}),
        "gemini" => json!({"candidates": [{"content": {"role": "model", "parts": [{"text": "21 °C."}]},
                                           "finishReason": "STOP"}]}),
        _ => json!({"id": "resp_2", "object": "response", "status": "completed", "model": "m",
                    "output": [{"type": "message", "role": "assistant",
                                "content": [{"type": "output_text", "text": "21 °C."}]}]}),
    };
    ok(body.to_string())
}

#[test]
fn reasoning_state_of_one_provider_is_not_sent_to_another() {
    let fixture = fixture();
    let conversation = fixture["conversations"].as_array().unwrap().iter().find(|c| c["name"] == "reasoning").unwrap();
    let session = session(conversation);
    let assistant = session.get_message(1).unwrap();
    assert_eq!(assistant.reasoning().len(), 4, "the fixture holds three providers' state");
    for (id, own) in
        [("openai", 0), ("mistral", 0), ("ollama", 0), ("anthropic", 2), ("openai_responses", 1), ("gemini", 1)]
    {
        let (provider, base_url) = provider(id, "http://127.0.0.1:9");
        let request = provider.request(&session, &options(conversation, "m").base_url(base_url)).unwrap();
        let body = String::from_utf8(request.body).unwrap();
        let sent = ["EqQBCkYIBRgCKkDsig==", "EmwKAhgBEgy3va3pz", "gAAAAABo-encrypted==", "CiQB0e2K+//+IHNpZy1vbmU="]
            .iter()
            .filter(|marker| body.contains(*marker))
            .count();
        assert_eq!(sent, own, "{id} sends only its own reasoning state: {body}");
    }
}
