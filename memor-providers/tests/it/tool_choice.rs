//! `tool_choice` in each provider's request body, Ollama refusing it, and a choice without
//! tools (or naming another tool) refused.

use serde_json::{Value, json};

use memor_providers::{
    Anthropic, ChatOptions, Error, Gemini, Mistral, Ollama, OpenAi, OpenAiResponses, Provider, ToolChoice,
};

use crate::server::{KEY, session};
use crate::tools_check::{options, weather_tool};

fn body(provider: &dyn Provider, options: &ChatOptions) -> Value {
    serde_json::from_slice(&provider.request(&session(), options).unwrap().body).unwrap()
}

/// The body's field `key` for each choice (auto, none, required, the weather tool).
fn sent(provider: &dyn Provider, key: &str) -> Vec<Value> {
    assert_eq!(body(provider, &options()).get(key), None, "{} sends {key} unasked", provider.id());
    let choices = [ToolChoice::Auto, ToolChoice::None, ToolChoice::Required, ToolChoice::Tool("get_weather".into())];
    choices.into_iter().map(|c| body(provider, &options().tool_choice(c))[key].clone()).collect()
}

#[test]
fn openai_shape() {
    let named = json!({"type": "function", "function": {"name": "get_weather"}});
    assert_eq!(sent(&OpenAi::new(), "tool_choice"), [json!("auto"), json!("none"), json!("required"), named]);
}

#[test]
fn mistral_shape() {
    let named = json!({"type": "function", "function": {"name": "get_weather"}});
    assert_eq!(sent(&Mistral::new(), "tool_choice"), [json!("auto"), json!("none"), json!("any"), named]);
}

#[test]
fn responses_shape() {
    let named = json!({"type": "function", "name": "get_weather"});
    assert_eq!(sent(&OpenAiResponses::new(), "tool_choice"), [json!("auto"), json!("none"), json!("required"), named]);
}

#[test]
fn anthropic_shape() {
    assert_eq!(
        sent(&Anthropic::new(), "tool_choice"),
        [
            json!({"type": "auto"}),
            json!({"type": "none"}),
            json!({"type": "any"}),
            json!({"type": "tool", "name": "get_weather"})
        ]
    );
}

#[test]
fn gemini_shape() {
    assert_eq!(
        sent(&Gemini::new(), "toolConfig"),
        [
            json!({"functionCallingConfig": {"mode": "AUTO"}}),
            json!({"functionCallingConfig": {"mode": "NONE"}}),
            json!({"functionCallingConfig": {"mode": "ANY"}}),
            json!({"functionCallingConfig": {"mode": "ANY", "allowedFunctionNames": ["get_weather"]}})
        ]
    );
}

#[test]
fn the_streamed_request_carries_it_too() {
    let request = OpenAi::new().stream_request(&session(), &options().tool_choice(ToolChoice::Required)).unwrap();
    let body: Value = serde_json::from_slice(&request.body).unwrap();
    assert_eq!((body["stream"].clone(), body["tool_choice"].clone()), (json!(true), json!("required")));
}

#[test]
fn ollama_refuses_all_but_auto() {
    let ollama = Ollama::new();
    let error = ollama.request(&session(), &options().tool_choice(ToolChoice::Required)).unwrap_err();
    assert!(matches!(&error, Error::Unsupported { .. }), "{error:?}");
    assert_eq!(error.to_string(), "ollama: tool_choice `required` is not supported");
    let error = ollama.request(&session(), &options().tool_choice(ToolChoice::Tool("get_weather".into()))).unwrap_err();
    assert_eq!(error.to_string(), "ollama: tool_choice naming the tool `get_weather` is not supported");
    let error = ollama.stream_request(&session(), &options().tool_choice(ToolChoice::None)).unwrap_err();
    assert_eq!(error.to_string(), "ollama: tool_choice `none` is not supported");
    let auto = body(&ollama, &options().tool_choice(ToolChoice::Auto));
    assert_eq!((auto.get("tool_choice"), auto["tools"][0]["function"]["name"].as_str()), (None, Some("get_weather")));
}

fn all() -> Vec<Box<dyn Provider>> {
    vec![
        Box::new(OpenAi::new()),
        Box::new(Mistral::new()),
        Box::new(OpenAiResponses::new()),
        Box::new(Anthropic::new()),
        Box::new(Gemini::new()),
        Box::new(Ollama::new()),
    ]
}

#[test]
fn a_choice_without_tools_is_refused() {
    for provider in all() {
        let no_tools = ChatOptions::new("m").base_url("http://h").api_key(KEY).tool_choice(ToolChoice::Required);
        let error = provider.request(&session(), &no_tools).unwrap_err();
        assert!(matches!(&error, Error::Unsupported { .. }), "{error:?}");
        assert_eq!(
            error.to_string(),
            format!("{}: tool_choice `required` without tools is not supported", provider.id())
        );
        assert!(provider.stream_request(&session(), &no_tools).is_err());
    }
}

#[test]
fn a_choice_naming_another_tool_is_refused() {
    for provider in all() {
        let other = options().tools(vec![weather_tool()]).tool_choice(ToolChoice::Tool("get_time".into()));
        let error = provider.request(&session(), &other).unwrap_err();
        assert_eq!(
            error.to_string(),
            format!(
                "{}: tool_choice naming the tool `get_time` that is not among the tools is not supported",
                provider.id()
            )
        );
    }
}
