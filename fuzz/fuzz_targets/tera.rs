//! The Tera engine on any template: no panic, no stack overflow, and every render ends at one
//! of its limits (libFuzzer's `-timeout` and `-rss_limit_mb` catch a render that runs long or
//! grows large); an output never exceeds the render limit.
#![no_main]

use libfuzzer_sys::fuzz_target;
use memor_templates::{TemplateEngine, TeraEngine, render_limit};
use serde_json::json;

fuzz_target!(|data: &[u8]| {
    let Ok(content) = std::str::from_utf8(data) else { return };
    let args = json!({
        "prompt": {"message": "a question", "role": "user"},
        "response": {"message": "an answer", "score": 0.5},
        "responses": [{"message": "an answer"}, {"message": "another"}],
        "instruction": "Answer briefly.",
    });
    let Some(args) = args.as_object() else { return };
    if let Ok(text) = TeraEngine.render(content, args) {
        assert!(text.len() <= render_limit(args), "output beyond the render limit");
    }
});
