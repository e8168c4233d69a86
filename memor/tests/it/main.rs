//! A program that names only the `memor` crate gets every built-in of the parts it enables.

// Tests: a failed unwrap is a failed check.
#![allow(clippy::unwrap_used)]

use memor::prelude::*;

#[test]
fn the_facade_registers_every_built_in_it_pulls_in() {
    let formats = memor::render::RendererRegistry::global().ids().collect::<Vec<_>>();
    for id in ["string", "openai", "anthropic", "gemini", "mistral", "ollama", "openai_responses"] {
        assert!(formats.contains(&id), "{id} missing from {formats:?}");
    }
    let counters = memor::tokenize::CounterRegistry::global().ids().collect::<Vec<_>>();
    assert!(counters.contains(&"o200k_base"), "{counters:?}");
    let providers = memor::providers::ProviderRegistry::global().ids().collect::<Vec<_>>();
    assert_eq!(providers, ["anthropic", "gemini", "mistral", "ollama", "openai", "openai_responses"]);
    let mut session = memor::Session::default();
    session.add_message(memor::Prompt::builder().message("hi").build());
    let rendered = session.render_uncounted("gemini", false).unwrap();
    assert_eq!(rendered.value["contents"][0]["parts"][0]["text"], "hi");
}
