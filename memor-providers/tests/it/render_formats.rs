//! The providers' formats as render formats: the same conversation shapes the adapters send,
//! available through memor-render's registry without sending anything.

use memor_core::{Prompt, Role};
use memor_render::{MessageRef, RendererRegistry};
use serde_json::{Value, json};

use crate::server::session;

fn render(id: &str) -> Value {
    RendererRegistry::global().render_session(&session(), id, false).unwrap().value
}

#[test]
fn sessions_render_as_each_provider_sends_them() {
    let turns = |assistant: &str| {
        json!([
            {"role": "user", "content": "Hi"},
            {"role": assistant, "content": "Hello!"},
            {"role": "user", "content": "How are you?"}
        ])
    };
    assert_eq!(render("anthropic"), json!({"system": "You are terse.", "messages": turns("assistant")}));
    assert_eq!(render("openai_responses"), json!({"instructions": "You are terse.", "input": turns("assistant")}));
    assert_eq!(
        render("gemini"),
        json!({
            "systemInstruction": {"role": "user", "parts": [{"text": "You are terse."}]},
            "contents": [
                {"role": "user", "parts": [{"text": "Hi"}]},
                {"role": "model", "parts": [{"text": "Hello!"}]},
                {"role": "user", "parts": [{"text": "How are you?"}]}
            ]
        })
    );
    let with_system = |v: Value| {
        let mut list = vec![json!({"role": "system", "content": "You are terse."})];
        list.extend(v.as_array().unwrap().iter().cloned());
        Value::Array(list)
    };
    let mut mistral = with_system(turns("assistant"));
    mistral[2]["prefix"] = json!(false);
    assert_eq!(render("mistral"), mistral);
    assert_eq!(render("ollama"), with_system(turns("assistant")));
}

#[test]
fn one_message_renders_as_its_entry() {
    let prompt = Prompt::builder().message("Hi").build();
    let system = Prompt::builder().role(Role::System).message("Be brief.").build();
    let registry = RendererRegistry::global();
    let entry = |id: &str, message: MessageRef<'_>| registry.render_message(message, id, false).unwrap().value;
    assert_eq!(entry("gemini", MessageRef::Prompt(&prompt)), json!({"role": "user", "parts": [{"text": "Hi"}]}));
    assert_eq!(entry("anthropic", MessageRef::Prompt(&prompt)), json!({"role": "user", "content": "Hi"}));
    assert_eq!(entry("anthropic", MessageRef::Prompt(&system)), json!({"system": "Be brief."}));
    assert_eq!(entry("mistral", MessageRef::Prompt(&system)), json!({"role": "system", "content": "Be brief."}));
}

#[test]
fn listed_in_the_global_registry_and_addable_to_a_local_one() {
    let global: Vec<String> = RendererRegistry::global().ids().map(str::to_owned).collect();
    for id in ["anthropic", "gemini", "mistral", "ollama", "openai_responses", "openai"] {
        assert!(global.iter().any(|g| g == id), "{id} missing from {global:?}");
    }
    let mut local = RendererRegistry::with_builtins();
    assert!(local.get("gemini").is_err());
    memor_providers::register_formats(&mut local).unwrap();
    assert!(local.get("gemini").is_ok());
    let again = memor_providers::register_formats(&mut local).unwrap_err();
    assert!(again.to_string().contains("gemini") || again.to_string().contains("anthropic"), "{again}");
}

#[test]
fn tool_calls_and_images_render_in_the_providers_shapes() {
    use memor_core::{Image, Response, Session, ToolCall, ToolResult};
    let arguments = json!({"city": "Paris"}).as_object().unwrap().clone();
    let mut session = Session::new(None);
    let image = Image::Data { media_type: "image/png".into(), base64: "iVBORw0KGgo=".into() };
    session.add_message(Prompt::builder().message("Weather?").images(vec![image]).build());
    let call = ToolCall { id: "toolu_1".into(), name: "forecast".into(), arguments };
    session.add_message(Response::builder().tool_calls(vec![call]).build().unwrap());
    let result =
        ToolResult { call_id: "toolu_1".into(), name: "forecast".into(), content: "21C".into(), is_error: false };
    session.add_message(Prompt::builder().tool_results(vec![result]).build());
    let rendered = RendererRegistry::global().render_session(&session, "anthropic", false).unwrap().value;
    let messages = &rendered["messages"];
    // Anthropic recommends images before the text about them.
    assert_eq!(messages[0]["content"][1], json!({"type": "text", "text": "Weather?"}));
    assert_eq!(
        messages[0]["content"][0]["source"],
        json!({"type": "base64", "media_type": "image/png", "data": "iVBORw0KGgo="})
    );
    assert_eq!(
        messages[1]["content"],
        json!([{"type": "tool_use", "id": "toolu_1", "name": "forecast", "input": {"city": "Paris"}}])
    );
    assert_eq!(messages[2]["content"][0], json!({"type": "tool_result", "tool_use_id": "toolu_1", "content": "21C"}));
    let gemini = RendererRegistry::global().render_session(&session, "gemini", false).unwrap().value;
    assert_eq!(
        gemini["contents"][1]["parts"][0],
        json!({"functionCall": {"name": "forecast", "args": {"city": "Paris"}}})
    );
}
