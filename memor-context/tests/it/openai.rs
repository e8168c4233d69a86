//! OpenAI counts are exact: equal to tiktoken-rs's chat rule on the request memor-providers
//! sends, for text, tool calls, tool results and images, and for both encodings.

use memor_context::{Counter, ModelTable, Policy, fit};
use memor_providers::Tool;
use serde_json::json;

use crate::support::*;

fn fitted_total(model: &str, session: &memor_core::Session) -> usize {
    let counter = Counter::for_model(model, &ModelTable::default()).unwrap();
    let fit = fit(session, &Policy::new(1_000_000), &counter).unwrap();
    assert!(fit.dropped.is_empty());
    fit.total
}

#[test]
fn text_conversations_count_as_tiktoken_counts_them() {
    let s = session(vec![
        system("You are a helpful assistant that answers in one sentence."),
        user("What is the capital of France? ¿Y de España? 日本の首都は?"),
        assistant("Paris; Madrid; 東京 (Tokyo)."),
        user("    indented code:\n\tfn main() { println!(\"hi\"); }\n\n\n"),
    ]);
    for model in ["gpt-4o", "gpt-4o-mini", "gpt-4.1", "gpt-5", "o3-mini", "gpt-4", "gpt-3.5-turbo"] {
        assert_eq!(fitted_total(model, &s), reference_count(model, &s), "{model}");
    }
}

#[test]
fn tool_calls_results_and_images_count_as_tiktoken_counts_them() {
    let s = session(vec![
        user("What's the weather in Paris and in Tokyo?"),
        call("call_abc123", "get_weather", city("Paris")),
        result("call_abc123", "get_weather", "{\"temperature\": 21, \"sky\": \"clear\"}"),
        assistant("Paris is 21°C and clear."),
        with_image("And what is in this picture?", "https://example.com/cat.png"),
    ]);
    for model in ["gpt-4o", "gpt-4"] {
        assert_eq!(fitted_total(model, &s), reference_count(model, &s), "{model}");
    }
}

#[test]
fn the_tile_rule_follows_openais_worked_examples() {
    // The vision guide: 1024×1024 at high detail is 765 tokens, 2048×4096 is 1105; a 4096×8192
    // image is fitted to 1024×2048 and then to 768×1536: 6 tiles, 1105.
    assert_eq!(memor_context::image::tiles_rule(1024, 1024), 765);
    assert_eq!(memor_context::image::tiles_rule(2048, 4096), 1105);
    assert_eq!(memor_context::image::tiles_rule(512, 512), 255);
    // A PNG's size is read from its header: an 1×1 PNG is one tile.
    let png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
    let image = memor_core::Image::Data { media_type: "image/png".into(), base64: png.into() };
    assert_eq!(memor_context::image::openai_tokens(&image), 255);
}

#[test]
fn tool_definitions_follow_the_cookbooks_rule() {
    // The cookbook's example (gpt-4o-mini): one function with two properties, one an enum.
    let tool = Tool::new(
        "get_current_weather",
        "Get the current weather in a given location",
        json!({"type": "object", "properties": {
            "location": {"type": "string", "description": "The city and state, e.g. San Francisco, CA"},
            "unit": {"type": "string", "description": "The unit of temperature to return", "enum": ["celsius", "fahrenheit"]}
        }, "required": ["location"]}),
    );
    let counter = Counter::for_model("gpt-4o-mini", &ModelTable::default()).unwrap();
    let bpe = tiktoken_rs::o200k_base_singleton();
    let n = |s: &str| bpe.encode_ordinary(s).len();
    // The rule written out for this tool: 7 per function, 3 for properties, 3 per property,
    // −3 + 3 per item for an enum, 12 at the end, and the texts.
    let expected = 7
        + n("get_current_weather:Get the current weather in a given location")
        + 3
        + 3
        + n("location:string:The city and state, e.g. San Francisco, CA")
        + 3
        + n("unit:string:The unit of temperature to return")
        + (3 + n("celsius") + 3 + n("fahrenheit") - 3)
        + 12;
    assert_eq!(counter.fixed(&[tool]).unwrap(), 3 + expected);
    assert_eq!(counter.fixed(&[]).unwrap(), 3);
}

#[test]
fn counts_are_cached_by_content() {
    let counter = Counter::for_model("gpt-4o", &ModelTable::default()).unwrap();
    let mut s = session(vec![user("one"), assistant("two"), user("three")]);
    fit(&s, &Policy::new(10_000), &counter).unwrap();
    assert_eq!(counter.cached(), 3);
    s.add_message(assistant("four"));
    s.add_message(user("three")); // the same content as message 2: no new count
    fit(&s, &Policy::new(10_000), &counter).unwrap();
    assert_eq!(counter.cached(), 4);
    if let Some(memor_core::Message::Prompt(p)) = s.get_message_mut(0) {
        p.update_message("one, edited"); // new content: counted again
    }
    fit(&s, &Policy::new(10_000), &counter).unwrap();
    assert_eq!(counter.cached(), 5);
}
