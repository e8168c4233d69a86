//! Replies with tool calls in each provider's shape parse into responses with the calls, and a
//! session moves between providers: a call parsed from provider A, its result appended, then
//! requested for provider B passes B's checker.

use serde_json::json;

use memor_core::{Prompt, Response, Role, Session, ToolResult};
use memor_providers::{Anthropic, ChatOptions, Gemini, Mistral, Ollama, OpenAi, OpenAiResponses, Provider};

use crate::server::{KEY, client, ok, serve};
use crate::tools_check::{check_anthropic, check_gemini, check_openai, check_responses, weather_tool};

const OPENAI: &str = r#"{"id":"chatcmpl-9b03jdpTlePrfNUed4Oih8obtOuEC","object":"chat.completion","created":1718605391,
 "model":"gpt-3.5-turbo-0125",
 "choices":[{"index":0,"message":{"role":"assistant","content":null,
   "tool_calls":[{"id":"call_H5zLfaW6i3LWQRqUAxuSJ8qS","type":"function",
     "function":{"name":"get_current_weather","arguments":"{\"location\":\"San Francisco\"}"}}]},
   "logprobs":null,"finish_reason":"stop"}],
 "usage":{"prompt_tokens":94,"completion_tokens":14,"total_tokens":108},"system_fingerprint":null}"#;

const RESPONSES: &str = r#"{"id":"resp_abc","object":"response","status":"completed","model":"gpt-4.1",
 "output":[{"type":"reasoning","id":"rs_1","summary":[]},
           {"type":"function_call","id":"fc_1","call_id":"call_123","name":"get_current_weather",
            "arguments":"{\"location\":\"SF\"}","status":"completed"}],
 "usage":{"input_tokens":80,"output_tokens":9,"total_tokens":89}}"#;

const ANTHROPIC: &str = r#"{"id":"msg_0195XjbG2FGZfN7Dqkd9kyyW","type":"message","role":"assistant","model":"claude-sonnet-4-20250514",
 "content":[{"type":"text","text":"Let me help you check the weather in Beijing."},
            {"type":"tool_use","id":"toolu_012f3meaYuYj9yPPuyuRVw9U","name":"get_weather","input":{"location":"Beijing"}}],
 "stop_reason":"tool_use","stop_sequence":null,
 "usage":{"input_tokens":478,"output_tokens":71,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"service_tier":"standard"}}"#;

const GEMINI: &str = r#"{"candidates":[{"content":{"role":"model","parts":[
   {"functionCall":{"name":"find_theaters","args":{"location":"Mountain View, CA","movie":"Barbie"}}},
   {"functionCall":{"name":"find_theaters","args":{"location":"Sunnyvale, CA","movie":"Barbie"}}}]},
   "finishReason":"STOP","index":0}],
 "usageMetadata":{"promptTokenCount":42,"candidatesTokenCount":7,"totalTokenCount":49},
 "modelVersion":"gemini-2.5-flash","responseId":"abc123"}"#;

const OLLAMA: &str = r#"{"model":"qwen3","created_at":"2025-10-17T23:14:07.414671Z",
 "message":{"role":"assistant","content":"","tool_calls":[{"type":"function","function":{"index":0,"name":"get_temperature","arguments":{"city":"New York"}}}]},
 "done":true,"done_reason":"stop","eval_count":18}"#;

const MISTRAL: &str = r#"{"id":"cmpl-e5cc","object":"chat.completion","created":1702256327,"model":"mistral-large-latest",
 "choices":[{"index":0,"message":{"role":"assistant","content":"","tool_calls":[{"id":"D681PevKs","type":"function",
   "function":{"name":"retrieve_payment_status","arguments":"{\"transaction_id\": \"T1001\"}"}}]},"finish_reason":"tool_calls"}],
 "usage":{"prompt_tokens":90,"completion_tokens":8,"total_tokens":98}}"#;

fn question() -> Session {
    let mut session = Session::new(None);
    session.add_message(Prompt::builder().role(Role::System).message("You are terse.").build());
    session.add_message(Prompt::builder().message("What's the weather?").build());
    session
}

fn served(provider: &dyn Provider, reply: &str) -> Response {
    let (base, _requests) = serve(vec![ok(reply)]);
    let options = ChatOptions::new("m").base_url(base).api_key(KEY).tools(vec![weather_tool()]);
    let mut responses = client().chat(provider, &question(), &options).unwrap();
    assert_eq!(responses.len(), 1);
    responses.remove(0)
}

fn calls(response: &Response) -> Vec<(String, String, serde_json::Value)> {
    response.tool_calls().iter().map(|c| (c.id.clone(), c.name.clone(), json!(c.arguments))).collect()
}

#[test]
fn replies_with_tool_calls_parse() {
    let r = served(&OpenAi::new(), OPENAI);
    assert_eq!(r.message(), "");
    assert_eq!(r.role(), Role::Assistant);
    assert_eq!(
        calls(&r),
        vec![(
            "call_H5zLfaW6i3LWQRqUAxuSJ8qS".into(),
            "get_current_weather".into(),
            json!({"location": "San Francisco"})
        )]
    );
    assert_eq!(r.tokens(), Some(14));

    let r = served(&OpenAiResponses::new(), RESPONSES);
    assert_eq!(calls(&r), vec![("call_123".into(), "get_current_weather".into(), json!({"location": "SF"}))]);

    let r = served(&Anthropic::new(), ANTHROPIC);
    assert_eq!(r.message(), "Let me help you check the weather in Beijing.");
    assert_eq!(
        calls(&r),
        vec![("toolu_012f3meaYuYj9yPPuyuRVw9U".into(), "get_weather".into(), json!({"location": "Beijing"}))]
    );
    assert_eq!(r.provider_metadata().unwrap()["stop_reason"], "tool_use");

    let r = served(&Gemini::new(), GEMINI);
    assert_eq!(r.message(), "");
    assert_eq!(
        calls(&r),
        vec![
            (
                "find_theaters_0".into(),
                "find_theaters".into(),
                json!({"location": "Mountain View, CA", "movie": "Barbie"})
            ),
            ("find_theaters_1".into(), "find_theaters".into(), json!({"location": "Sunnyvale, CA", "movie": "Barbie"})),
        ]
    );

    let r = served(&Ollama::new(), OLLAMA);
    assert_eq!(calls(&r), vec![("get_temperature_0".into(), "get_temperature".into(), json!({"city": "New York"}))]);

    let r = served(&Mistral::new(), MISTRAL);
    assert_eq!(
        calls(&r),
        vec![("D681PevKs".into(), "retrieve_payment_status".into(), json!({"transaction_id": "T1001"}))]
    );
}

#[test]
fn bad_arguments_are_a_parse_error() {
    let reply = OPENAI.replace(r#""{\"location\":\"San Francisco\"}""#, r#""[1,2]""#);
    let (base, _requests) = serve(vec![ok(&reply)]);
    let options = ChatOptions::new("m").base_url(base).api_key(KEY);
    let error = client().chat(&OpenAi::new(), &question(), &options).unwrap_err();
    assert_eq!(error.to_string(), "openai: unreadable reply: tool call arguments that are not a JSON object");
}

/// The session after `provider` answered with `reply`, with the results of its calls.
fn moved(provider: &dyn Provider, reply: &str) -> Session {
    let response = served(provider, reply);
    let results = response
        .tool_calls()
        .iter()
        .map(|c| ToolResult { call_id: c.id.clone(), name: c.name.clone(), content: "18 °C".into(), is_error: false })
        .collect();
    let mut session = question();
    session.add_message(response);
    session.add_message(Prompt::builder().tool_results(results).build());
    session
}

fn request_body(provider: &dyn Provider, session: &Session) -> serde_json::Value {
    let options = ChatOptions::new("m").base_url("http://h").api_key(KEY).tools(vec![weather_tool()]);
    serde_json::from_slice(&provider.request(session, &options).unwrap().body).unwrap()
}

#[test]
fn sessions_move_between_providers() {
    // OpenAI → Anthropic.
    let session = moved(&OpenAi::new(), OPENAI);
    let body = request_body(&Anthropic::new(), &session);
    check_anthropic(&body).unwrap();
    assert_eq!(body["messages"][1]["content"][0]["id"], "call_H5zLfaW6i3LWQRqUAxuSJ8qS");
    assert_eq!(body["messages"][2]["content"][0]["tool_use_id"], "call_H5zLfaW6i3LWQRqUAxuSJ8qS");

    // Anthropic → Gemini.
    let session = moved(&Anthropic::new(), ANTHROPIC);
    let body = request_body(&Gemini::new(), &session);
    check_gemini(&body).unwrap();
    assert_eq!(
        body["contents"][1]["parts"],
        json!([{"text": "Let me help you check the weather in Beijing."},
               {"functionCall": {"name": "get_weather", "args": {"location": "Beijing"}}}])
    );
    assert_eq!(
        body["contents"][2]["parts"][0],
        json!({"functionResponse": {"name": "get_weather", "response": {"content": "18 °C"}}})
    );

    // Gemini → OpenAI (made-up ids pair the two calls with their results).
    let session = moved(&Gemini::new(), GEMINI);
    let body = request_body(&OpenAi::new(), &session);
    check_openai(&body).unwrap();
    assert_eq!(body["messages"][3]["tool_call_id"], "find_theaters_0");
    assert_eq!(body["messages"][4]["tool_call_id"], "find_theaters_1");

    // Ollama → Responses, Mistral → Anthropic.
    check_responses(&request_body(&OpenAiResponses::new(), &moved(&Ollama::new(), OLLAMA))).unwrap();
    check_anthropic(&request_body(&Anthropic::new(), &moved(&Mistral::new(), MISTRAL))).unwrap();
}
