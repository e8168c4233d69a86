//! Tool calls in streamed replies: each adapter assembles them from its stream (cut inside
//! lines and characters) into the calls the whole reply gives, keeps their fragments out of
//! the text deltas, and reads malformed arguments as a parse error.

use memor_core::{Response, ToolCall};
use memor_providers::{Anthropic, ChatOptions, Error, Gemini, Mistral, Ollama, OpenAi, OpenAiResponses, Provider};

use crate::server::{KEY, Reply, client, ok, serve, session};
use crate::stream_support::{ndjson, run, sse};
use crate::stream_tool_fixtures::*;
use crate::tools_check::weather_tool;

fn options(base: &str) -> ChatOptions {
    ChatOptions::new("m").base_url(base).api_key(KEY).tools(vec![weather_tool()])
}

/// The whole reply `body`, parsed.
fn whole(provider: &dyn Provider, body: &str) -> Response {
    let (base, _requests) = serve(vec![ok(body)]);
    let mut responses = client().chat(provider, &session(), &options(&base)).unwrap();
    assert_eq!(responses.len(), 1);
    responses.remove(0)
}

/// Streams `stream`: its calls are `expected` and equal the whole reply's; its deltas are
/// `deltas` (no tool fragments) and make the same text as the whole reply.
fn check(provider: &dyn Provider, stream: Reply, body: &str, deltas: &[&str], expected: &[ToolCall]) {
    let streamed = run(provider, &options, vec![stream]);
    let response = streamed.result.unwrap();
    assert_eq!(response.tool_calls(), expected);
    assert_eq!(streamed.deltas, deltas);
    assert_eq!(response.message(), deltas.concat());

    let whole = whole(provider, body);
    assert_eq!(whole.tool_calls(), response.tool_calls());
    assert_eq!(whole.message(), response.message());
}

#[test]
fn openai_fragments_are_assembled() {
    let stream = sse(&events(OPENAI_CHUNKS, false));
    check(&OpenAi::new(), stream, OPENAI_WHOLE, &["Je vérifie."], &openai_calls());
}

#[test]
fn mistral_whole_calls_are_read() {
    let stream = sse(&events(MISTRAL_CHUNKS, false));
    check(&Mistral::new(), stream, MISTRAL_WHOLE, &[], &mistral_calls());
}

#[test]
fn mistral_calls_without_index_are_told_apart_by_id() {
    let chunk = r#"{"id":"cmpl-f2","object":"chat.completion.chunk","model":"mistral-large-latest","choices":[{"index":0,"delta":{"content":"","tool_calls":[{"id":"a1b2c3d4e","function":{"name":"get_weather","arguments":"{\"location\": \"Orléans\"}"}},{"id":"f5g6h7i8j","function":{"name":"get_weather","arguments":"{\"location\": \"Nîmes\"}"}}]},"finish_reason":"tool_calls"}]}"#;
    let streamed = run(&Mistral::new(), &options, vec![sse(&events(&[chunk, "[DONE]"], false))]);
    let expected = [
        call("a1b2c3d4e", "get_weather", serde_json::json!({"location": "Orléans"})),
        call("f5g6h7i8j", "get_weather", serde_json::json!({"location": "Nîmes"})),
    ];
    assert_eq!(streamed.result.unwrap().tool_calls(), expected);
    assert!(streamed.deltas.is_empty());
}

#[test]
fn anthropic_input_json_deltas_are_assembled() {
    let stream = sse(&events(ANTHROPIC_EVENTS, true));
    check(&Anthropic::new(), stream, ANTHROPIC_WHOLE, &["Je regarde la météo", " à Zürich."], &anthropic_calls());
}

#[test]
fn gemini_function_calls_across_chunks_get_the_whole_replys_ids() {
    let stream = sse(&events(GEMINI_CHUNKS, false));
    check(&Gemini::new(), stream, GEMINI_WHOLE, &["Je cherche les séances."], &gemini_calls());
}

#[test]
fn responses_argument_deltas_are_assembled() {
    let stream = sse(&events(RESPONSES_EVENTS, true));
    check(&OpenAiResponses::new(), stream, RESPONSES_WHOLE, &["Je vérifie."], &responses_calls());
}

#[test]
fn responses_calls_only_in_the_completed_output_are_read() {
    let only_completed: Vec<&str> = RESPONSES_EVENTS
        .iter()
        .copied()
        .filter(|e| !e.contains("\"fc_1\"") || e.contains("response.completed"))
        .collect();
    assert_eq!(only_completed.len(), RESPONSES_EVENTS.len() - 5);
    let stream = sse(&events(&only_completed, true));
    check(&OpenAiResponses::new(), stream, RESPONSES_WHOLE, &["Je vérifie."], &responses_calls());
}

#[test]
fn ollama_whole_calls_across_lines_get_the_whole_replys_ids() {
    check(&Ollama::new(), ndjson(OLLAMA_LINES), OLLAMA_WHOLE, &["Je vérifie."], &ollama_calls());
}

fn assert_bad_arguments(provider: &dyn Provider, stream: Reply) {
    let error = run(provider, &options, vec![stream]).result.unwrap_err();
    assert!(matches!(&error, Error::Parse { .. }), "{error:?}");
    let start = format!("{}: unreadable reply: tool call arguments", provider.id());
    assert!(error.to_string().starts_with(&start), "{error}");
}

#[test]
fn malformed_arguments_are_a_parse_error() {
    let openai = events(OPENAI_CHUNKS, false).replace(r#"Zürich\"}""#, r#"Zürich\"""#);
    assert_bad_arguments(&OpenAi::new(), sse(&openai));
    let mistral = events(MISTRAL_CHUNKS, false).replace(r#"café\"}""#, r#"café\"""#);
    assert_bad_arguments(&Mistral::new(), sse(&mistral));
    let anthropic = events(ANTHROPIC_EVENTS, true).replace(r#"°C\"}""#, r#"°C\", \"""#);
    assert_bad_arguments(&Anthropic::new(), sse(&anthropic));
    let responses = events(RESPONSES_EVENTS, true).replace(r#"tá\"}""#, r#"tá\"""#);
    assert_bad_arguments(&OpenAiResponses::new(), sse(&responses));
    let gemini = events(GEMINI_CHUNKS, false)
        .replace(r#""args":{"location":"Sunnyvale, CA","movie":"Barbie"}"#, r#""args":["Sunnyvale, CA"]"#);
    assert_bad_arguments(&Gemini::new(), sse(&gemini));
    let ollama = OLLAMA_LINES.replace(r#""arguments":{"city":"Zürich"}"#, r#""arguments":"{\"city\": \"Zü""#);
    assert_bad_arguments(&Ollama::new(), ndjson(&ollama));
}
