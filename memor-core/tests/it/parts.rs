//! Tool calls, tool results, images and reasoning state (not memor's): kept through save and load, written only
//! when present, and refused with the field named when malformed.

use memor_core::{Document, Image, Prompt, Reasoning, Response, Session, ToolCall, ToolResult};
use serde_json::{Value, json};

fn exchange() -> Session {
    let arguments = json!({"city": "Paris", "days": 2}).as_object().unwrap().clone();
    let call = ToolCall { id: "call_1".into(), name: "forecast".into(), arguments };
    let result = ToolResult {
        call_id: "call_1".into(),
        name: "forecast".into(),
        content: "{\"temp\":21}".into(),
        is_error: false,
    };
    let image = Image::Data { media_type: "image/png".into(), base64: "iVBORw0KGgo=".into() };
    let mut session = Session::new(None);
    session.add_message(Prompt::builder().message("Weather in Paris? See the map.").images(vec![image]).build());
    let thinking = json!({"type": "thinking", "thinking": "Look it up.", "signature": "EqQBCgIYAh"});
    let reasoning = Reasoning { provider: "anthropic".into(), item: thinking.as_object().unwrap().clone() };
    session.add_message(Response::builder().tool_calls(vec![call]).reasoning(vec![reasoning]).build().unwrap());
    session.add_message(Prompt::builder().tool_results(vec![result]).build());
    session
}

#[test]
fn parts_survive_save_and_load_as_trailing_keys() {
    let session = exchange();
    let text = session.to_json();
    let loaded = Session::from_json(&text).unwrap();
    assert_eq!(loaded, session);
    assert_eq!(loaded.to_json(), text);
    let value: Value = serde_json::from_str(&text).unwrap();
    let messages = value["messages"].as_array().unwrap();
    let keys = |i: usize| messages[i].as_object().unwrap().keys().cloned().collect::<Vec<_>>();
    assert_eq!(keys(0).last().map(String::as_str), Some("images"));
    assert_eq!(keys(1).iter().rev().take(2).collect::<Vec<_>>(), ["reasoning", "tool_calls"]);
    assert_eq!(keys(2).last().map(String::as_str), Some("tool_results"));
    assert_eq!(
        messages[1]["tool_calls"],
        json!([{"id": "call_1", "name": "forecast", "arguments": {"city": "Paris", "days": 2}}])
    );
    assert_eq!(
        messages[2]["tool_results"],
        json!([{"call_id": "call_1", "name": "forecast", "content": "{\"temp\":21}", "is_error": false}])
    );
    assert_eq!(
        messages[1]["reasoning"],
        json!([{"provider": "anthropic", "item": {"type": "thinking", "thinking": "Look it up.", "signature": "EqQBCgIYAh"}}])
    );
    assert_eq!(messages[0]["images"], json!([{"media_type": "image/png", "base64": "iVBORw0KGgo="}]));
    let plain = Response::default().to_json();
    assert!(!plain.contains("tool_") && !plain.contains("images") && !plain.contains("reasoning"));
    assert!(!Prompt::default().to_json().contains("tool_") && !Prompt::default().to_json().contains("images"));
}

#[test]
fn a_message_with_different_parts_is_not_equal() {
    let session = exchange();
    let mut other = session.clone();
    if let Some(memor_core::Message::Response(r)) = other.get_message_mut(1) {
        r.update_tool_calls(Vec::new());
    }
    assert_ne!(other, session);
    let mut other = session.clone();
    if let Some(memor_core::Message::Response(r)) = other.get_message_mut(1) {
        r.update_reasoning(Vec::new());
    }
    assert_ne!(other, session);
}

#[test]
fn malformed_parts_are_refused_naming_the_field() {
    let base = Response::default().to_value();
    let cases = [
        ("tool_calls", json!({"id": "x"}), "field `tool_calls`: expected a JSON array"),
        ("tool_calls", json!([{"id": 1, "name": "f"}]), "field `tool_calls[0]`: `id` must be a string"),
        (
            "tool_calls",
            json!([{"id": "1", "name": "f", "arguments": "{}"}]),
            "field `tool_calls[0]`: `arguments` must be a JSON object",
        ),
        ("tool_results", json!([{"call_id": "1", "name": "f"}]), "field `tool_results[0]`: `content` is missing"),
        (
            "tool_results",
            json!([{"call_id": "1", "name": "f", "content": "", "is_error": 1}]),
            "field `tool_results[0]`: `is_error` must be true or false",
        ),
        ("images", json!(["http://x"]), "field `images[0]`: expected a JSON object"),
        ("images", json!([{"base64": "AA=="}]), "field `images[0]`: `media_type` is missing"),
        ("reasoning", json!([{"provider": "gemini"}]), "field `reasoning[0]`: `item` is missing"),
        (
            "reasoning",
            json!([{"provider": "gemini", "item": "sig"}]),
            "field `reasoning[0]`: `item` must be a JSON object",
        ),
        ("reasoning", json!([{"item": {}}]), "field `reasoning[0]`: `provider` is missing"),
    ];
    for (key, value, expected) in cases {
        let mut doc = base.clone();
        doc.as_object_mut().unwrap().insert(key.to_owned(), value);
        let error = Response::from_json(&doc.to_string()).unwrap_err();
        let detail = error.detail().map(|d| d.to_string()).unwrap_or_default();
        assert!(detail.contains(expected), "{key}: {detail:?} does not say {expected:?} ({error})");
    }
}
