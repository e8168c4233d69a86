//! memor's placeholder engine never panics, and the planned fast path that renders prompts
//! gives exactly what the full formatter gives.
#![no_main]

use libfuzzer_sys::fuzz_target;
use memor_core::{Prompt, PromptTemplate, Response};
use memor_render::{MessageRef, RendererRegistry, template_arguments};
use serde_json::{Map, Value};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    // First line: the template; the rest, if it is a JSON object: the custom map.
    let (content, rest) = text.split_once('\n').unwrap_or((text, ""));
    let custom: Map<String, Value> = serde_json::from_str(rest).unwrap_or_default();
    let answer = Response::builder().message("an answer").score(0.5).build().expect("valid response");
    let prompt = Prompt::builder()
        .message("a question")
        .responses(vec![answer])
        .template(PromptTemplate::new(content).with_custom_map(custom))
        .build();
    let full = memor_templates::format(content, &template_arguments(&prompt));
    let rendered = RendererRegistry::with_builtins().render_message(MessageRef::Prompt(&prompt), "string", false);
    match (full, rendered) {
        (Ok(a), Ok(b)) => assert_eq!(Value::String(a), b.value),
        (Err(_), Err(_)) => {}
        (a, b) => panic!("formatter and renderer disagree on {content:?}: {a:?} vs {b:?}"),
    }
});
