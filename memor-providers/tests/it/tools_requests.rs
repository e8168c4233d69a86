//! Requests with tool calls, tool results and images: every provider's body passes a strict
//! checker of its rules, three are compared whole, a saved and reloaded session gives the same
//! bodies, and a call separated from its result is an error.

use serde_json::json;

use memor_core::{Document, Image, Prompt, Response, Session};
use memor_providers::{Anthropic, Error, Gemini, Ollama, OpenAi, Provider};

use crate::tools_check::{
    PNG, all, body, check_anthropic, check_gemini, check_openai, options, tool_session, weather_call, weather_result,
};

#[test]
fn every_provider_passes_its_checker() {
    let session = tool_session();
    for (provider, check) in all() {
        let body = body(provider.as_ref(), &session);
        check(&body).unwrap_or_else(|e| panic!("{}: {e}\n{body:#}", provider.id()));
    }
}

#[test]
fn the_checkers_are_strict() {
    let session = tool_session();
    let openai = body(&OpenAi::new(), &session);
    let anthropic = body(&Anthropic::new(), &session);
    assert!(check_anthropic(&openai).is_err(), "OpenAI messages are not Anthropic's");
    assert!(check_gemini(&anthropic).is_err());
    assert!(check_openai(&anthropic).is_err());
    // A call whose result is missing.
    let mut broken = openai.clone();
    broken["messages"].as_array_mut().unwrap().remove(3);
    assert!(check_openai(&broken).unwrap_err().contains("not answered"));
    // Anthropic: two user turns in a row.
    let mut broken = anthropic.clone();
    broken["messages"].as_array_mut().unwrap().remove(1);
    assert!(check_anthropic(&broken).is_err());
}

#[test]
fn openai_body() {
    assert_eq!(
        body(&OpenAi::new(), &tool_session()),
        json!({
            "model": "m",
            "messages": [
                {"role": "system", "content": "You are terse."},
                {"role": "user", "content": [
                    {"type": "text", "text": "What is in this image, and the weather in Paris?"},
                    {"type": "image_url", "image_url": {"url": format!("data:image/png;base64,{PNG}")}}
                ]},
                {"role": "assistant", "content": null, "tool_calls": [
                    {"id": "call_1", "type": "function",
                     "function": {"name": "get_weather", "arguments": "{\"location\":\"Paris\"}"}}
                ]},
                {"role": "tool", "tool_call_id": "call_1", "content": "{\"temp_c\":18}"},
                {"role": "assistant", "content": "A cat; 18 °C in Paris."}
            ],
            "tools": [{"type": "function", "function": {
                "name": "get_weather", "description": "Get the current weather",
                "parameters": {"type": "object", "properties": {"location": {"type": "string"}}, "required": ["location"]}
            }}]
        })
    );
}

#[test]
fn anthropic_body() {
    assert_eq!(
        body(&Anthropic::new(), &tool_session()),
        json!({
            "model": "m",
            "max_tokens": 1024,
            "system": "You are terse.",
            "messages": [
                {"role": "user", "content": [
                    {"type": "image", "source": {"type": "base64", "media_type": "image/png", "data": PNG}},
                    {"type": "text", "text": "What is in this image, and the weather in Paris?"}
                ]},
                {"role": "assistant", "content": [
                    {"type": "tool_use", "id": "call_1", "name": "get_weather", "input": {"location": "Paris"}}
                ]},
                {"role": "user", "content": [
                    {"type": "tool_result", "tool_use_id": "call_1", "content": "{\"temp_c\":18}"}
                ]},
                {"role": "assistant", "content": "A cat; 18 °C in Paris."}
            ],
            "tools": [{
                "name": "get_weather", "description": "Get the current weather",
                "input_schema": {"type": "object", "properties": {"location": {"type": "string"}}, "required": ["location"]}
            }]
        })
    );
}

#[test]
fn gemini_body() {
    assert_eq!(
        body(&Gemini::new(), &tool_session()),
        json!({
            "systemInstruction": {"role": "user", "parts": [{"text": "You are terse."}]},
            "contents": [
                {"role": "user", "parts": [
                    {"text": "What is in this image, and the weather in Paris?"},
                    {"inlineData": {"mimeType": "image/png", "data": PNG}}
                ]},
                {"role": "model", "parts": [{"functionCall": {"name": "get_weather", "args": {"location": "Paris"}}}]},
                {"role": "user", "parts": [
                    {"functionResponse": {"name": "get_weather", "response": {"temp_c": 18}}}
                ]},
                {"role": "model", "parts": [{"text": "A cat; 18 °C in Paris."}]}
            ],
            "tools": [{"functionDeclarations": [{
                "name": "get_weather", "description": "Get the current weather",
                "parametersJsonSchema": {"type": "object", "properties": {"location": {"type": "string"}}, "required": ["location"]}
            }]}],
            "generationConfig": {}
        })
    );
}

#[test]
fn errors_and_url_images() {
    let mut session = Session::new(None);
    session.add_message(Prompt::builder().message("See").images(vec![Image::Url("https://x/cat.png".into())]).build());
    session.add_message(Response::builder().tool_calls(vec![weather_call("c1")]).build().unwrap());
    let mut result = weather_result("c1");
    result.content = "sunny".to_owned();
    result.is_error = true;
    session.add_message(Prompt::builder().tool_results(vec![result]).build());

    let anthropic = body(&Anthropic::new(), &session);
    check_anthropic(&anthropic).unwrap();
    assert_eq!(anthropic["messages"][0]["content"][0]["source"], json!({"type": "url", "url": "https://x/cat.png"}));
    assert_eq!(anthropic["messages"][2]["content"][0]["is_error"], true);
    let gemini = body(&Gemini::new(), &session);
    check_gemini(&gemini).unwrap();
    assert_eq!(
        gemini["contents"][0]["parts"][1],
        json!({"fileData": {"fileUri": "https://x/cat.png", "mimeType": "image/png"}})
    );
    assert_eq!(gemini["contents"][2]["parts"][0]["functionResponse"]["response"], json!({"error": "sunny"}));
    let error = Ollama::new().request(&session, &options()).unwrap_err();
    assert!(matches!(error, Error::Unsupported { .. }), "{error:?}");
    assert!(error.to_string().contains("an image URL (message 0"), "{error}");
}

#[test]
fn a_saved_and_reloaded_session_gives_the_same_bodies() {
    let session = tool_session();
    let text = session.to_json();
    assert!(text.contains("\"tool_calls\"") && text.contains("\"tool_results\"") && text.contains("\"images\""));
    let reloaded = Session::from_json(&text).unwrap();
    for (provider, _) in all() {
        let before = provider.request(&session, &options()).unwrap();
        let after = provider.request(&reloaded, &options()).unwrap();
        assert_eq!(before.body, after.body, "{}", provider.id());
    }
}

fn pairing_error(session: &Session) -> (usize, String, String) {
    for (provider, _) in all() {
        match provider.request(session, &options()) {
            Err(Error::ToolPairing { .. }) => {}
            other => panic!("{}: {other:?}", provider.id()),
        }
    }
    let error = OpenAi::new().request(session, &options()).unwrap_err();
    match &error {
        Error::ToolPairing { index, call_id, .. } => (*index, call_id.clone(), error.to_string()),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_call_and_its_result_are_never_separated() {
    // A text message between the call and its result.
    let mut session = tool_session();
    session.insert_message(3, Prompt::builder().message("wait").build(), true).unwrap();
    let (index, call_id, message) = pairing_error(&session);
    assert_eq!((index, call_id.as_str()), (2, "call_1"));
    assert_eq!(message, "message 2: tool call `call_1` is not answered by the next message (3)");

    // A result for a call nobody made.
    let mut session = tool_session();
    session.add_message(Prompt::builder().tool_results(vec![weather_result("call_9")]).build());
    let (index, call_id, message) = pairing_error(&session);
    assert_eq!((index, call_id.as_str()), (5, "call_9"));
    assert!(message.contains("was not asked for by the message just before"), "{message}");

    // Masking the call leaves its result alone.
    let mut session = tool_session();
    session.mask_message(2).unwrap();
    assert_eq!(pairing_error(&session).0, 3);

    // Masking both keeps the rest sendable; a call at the end awaits its result.
    let mut session = tool_session();
    session.mask_message(2).unwrap();
    session.mask_message(3).unwrap();
    for (provider, check) in all() {
        check(&body(provider.as_ref(), &session)).unwrap_or_else(|e| panic!("{}: {e}", provider.id()));
    }
    let mut session = tool_session();
    session.add_message(Prompt::builder().message("And Rome?").build());
    session.add_message(Response::builder().tool_calls(vec![weather_call("call_2")]).build().unwrap());
    assert!(OpenAi::new().request(&session, &options()).is_ok());

    // A tool call on a user message.
    let mut session = Session::new(None);
    let mut prompt = Prompt::builder().message("hi").build();
    prompt.update_tool_calls(vec![weather_call("c")]);
    session.add_message(prompt);
    let (index, _, message) = pairing_error(&session);
    assert_eq!(index, 0);
    assert!(message.contains("is on a user message"), "{message}");
}
