//! The `api_calls.json` cases about rendering, as Rust calls, against memor's recorded outcome.
//! (memor-core's tests take the data-model cases; the XML ones are in `xml.rs`.)

use memor_core::{Prompt, Response, Session};
use memor_render::prelude::*;
use memor_templates::presets::preset;
use serde_json::{Value, json};

use crate::fixtures;

fn with_preset(name: &str, prompt: Prompt) -> Prompt {
    let mut p = prompt;
    p.update_template(preset(name).unwrap().template());
    p
}

fn outcome<T: Into<Value>>(r: memor_render::Result<T>) -> Value {
    match r {
        Ok(v) => json!({ "value": v.into() }),
        Err(e) => json!({ "error": e.to_string() }),
    }
}

/// The Rust equivalent's outcome, as `{"value": …}` or `{"error": memor's message}`.
fn run(call: &str) -> Option<Value> {
    let basic_response = || with_preset("BASIC.RESPONSE", Prompt::default());
    Some(match call {
        // memor's constructor renders (`init_check`); here that check is explicit.
        "Prompt(template=PresetPromptTemplate.BASIC.RESPONSE)" => outcome(basic_response().text()),
        "Prompt(template=PresetPromptTemplate.BASIC.RESPONSE, init_check=False).check_render()" => {
            json!({ "value": basic_response().check_render() })
        }
        "Prompt(message='m', responses=[Response(message='r')], template=PresetPromptTemplate.BASIC.PROMPT_RESPONSE_FULL)" =>
        {
            let r = Response::builder().message("r").build().unwrap();
            outcome(
                with_preset("BASIC.PROMPT_RESPONSE_FULL", Prompt::builder().message("m").responses(vec![r]).build())
                    .text(),
            )
        }
        "Prompt().render(render_format='STRING')" => outcome(Prompt::default().render("STRING").map(|r| r.value)),
        "Prompt(message='a').render(render_format=RenderFormat.ITEMS)[0]" => {
            outcome(Prompt::builder().message("a").build().render("items").map(|r| r.value[0].clone()))
        }
        "Session().render(render_format=1)" => outcome(Session::default().render("1").map(|r| r.value)),
        "len(Prompt(template=PresetPromptTemplate.BASIC.RESPONSE, init_check=False))" => {
            json!({ "value": basic_response().len() })
        }
        "len(Response(message='h\u{e9}llo'))" => {
            json!({ "value": Response::builder().message("h\u{e9}llo").build().unwrap().len() })
        }
        "Prompt(message='hi').render(render_format=RenderFormat.ITEMS).__class__.__name__" => {
            let items = Prompt::builder().message("hi").build().render("items").unwrap().value;
            json!({ "value": if items.is_array() { "list" } else { "other" } })
        }
        "RenderFormat.DEFAULT is RenderFormat.STRING" => json!({ "value": memor_render::formats::DEFAULT == "string" }),
        _ => return None,
    })
}

/// Decided differently here, on purpose (README, compatibility).
const RULINGS: &[(&str, &str)] = &[
    (
        "Response(message='hi').render(render_format=RenderFormat.ITEMS).__class__.__name__",
        "ITEMS is a list of pairs for every kind",
    ),
    ("RenderFormat.AI_STUDIO.value", "format ids are `ai_studio` and so on, not memor's enum values"),
    ("str(PromptTemplate())", "PromptTemplate::content() is an Option: no content is None, not a TypeError"),
];

#[test]
fn render_api_calls_give_memors_values_and_errors() {
    let data = fixtures::json("conformance/api_calls.json");
    let mut same = 0;
    for c in data["calls"].as_array().unwrap() {
        let call = c["call"].as_str().unwrap();
        let Some(got) = run(call) else { continue };
        let want = match c.get("value") {
            Some(v) => json!({ "value": v }),
            None => json!({ "error": c["error"]["message"] }),
        };
        assert_eq!(got, want, "{call}");
        same += 1;
    }
    for (call, _) in RULINGS {
        assert!(data["calls"].as_array().unwrap().iter().any(|c| c["call"] == *call), "{call}");
    }
    // `Session().search('[', use_regex=True)`: Python's re.error; an error here too.
    assert!(
        Session::default()
            .search("[", memor_render::SearchOptions { regex: true, case_sensitive: false, ..Default::default() })
            .is_err()
    );
    eprintln!("render api_calls as memor: {same}");
    assert_eq!(same, 10);
}
