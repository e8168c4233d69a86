//! The model-to-counter mapping: tiktoken's table, memor's model names, overrides.

use memor_tokenize::{ChatRule, CounterRegistry, Error, ModelMap};

#[test]
fn openai_models_map_like_tiktoken() {
    let models = ModelMap::default();
    let (o200k, cl100k) =
        if cfg!(feature = "bpe") { ("o200k_base", "cl100k_base") } else { ("openai_gpt_4", "openai_gpt_4") };
    // tiktoken 0.14's encoding_name_for_model.
    for model in [
        "gpt-4o",
        "gpt-4o-mini",
        "gpt-4o-2024-05-13",
        "gpt-4.1",
        "gpt-4.1-nano",
        "gpt-5",
        "gpt-5-mini",
        "o1",
        "o1-mini",
        "o3",
        "o3-mini",
        "o4-mini",
        "chatgpt-4o-latest",
        "gpt-4.5-preview",
        "ft:gpt-4o-mini:org::abc",
    ] {
        assert_eq!(models.counter_id(model), o200k, "{model}");
    }
    for model in ["gpt-4", "gpt-4-0314", "gpt-4-turbo", "gpt-4-32k", "text-embedding-3-small", "ft:gpt-4:org::x"] {
        assert_eq!(models.counter_id(model), cl100k, "{model}");
    }
    // memor's LLMModel names.
    for model in ["gpt-o1", "gpt-o3-mini", "gpt-o4-mini-deep-research", "gpt-oss-20b", "gpt-5.2-pro"] {
        assert_eq!(models.counter_id(model), o200k, "{model}");
    }
    assert_eq!(models.counter_id("gpt-4-vision"), cl100k);
    let gpt35 = if cfg!(feature = "bpe") { "cl100k_base" } else { "openai_gpt_3_5" };
    assert_eq!(models.counter_id("gpt-3.5-turbo"), gpt35);
    assert_eq!(models.counter_id("gpt-3.5-turbo-0301"), gpt35);
    // No public tokenizer: memor's default estimator.
    for model in ["claude-3.5-sonnet", "gemini-1.5-pro", "llama-3-8b", "unknown", "", "ft:unknown:x"] {
        assert_eq!(models.counter_id(model), "universal", "{model}");
    }
}

#[test]
fn every_memor_model_has_a_registered_counter() {
    let members = crate::fixtures::testdata("conformance/llm_models.json");
    let (models, registry) = (ModelMap::default(), CounterRegistry::with_builtins());
    for member in members["members"].as_array().unwrap() {
        let name = member[1].as_str().unwrap();
        assert!(models.counter(name, &registry).is_ok(), "{name}");
    }
}

#[test]
fn entries_can_be_overridden() {
    let mut models = ModelMap::default();
    models.set("gpt-4o", "openai_gpt_4").set_prefix("claude-", "openai_gpt_3_5").set_prefix("claude-3", "universal");
    assert_eq!(models.counter_id("gpt-4o"), "openai_gpt_4");
    assert_eq!(models.counter_id("claude-2"), "openai_gpt_3_5");
    // The longest matching prefix wins.
    assert_eq!(models.counter_id("claude-3-opus"), "universal");
    models.set_fallback("openai_gpt_4");
    assert_eq!(models.counter_id("mistral-7b"), "openai_gpt_4");
    models.set_chat_rule("my-model", ChatRule { tokens_per_message: 5, tokens_per_name: 0, reply_priming: 2 });
    assert_eq!(models.chat_rule("my-model").tokens_per_message, 5);
    assert_eq!(models.chat_rule("gpt-3.5-turbo-0301"), ChatRule::GPT_3_5_TURBO_0301);
    let empty = ModelMap::empty("nope");
    assert_eq!(empty.counter_id("gpt-4o"), "nope");
    let err = empty.counter("gpt-4o", &CounterRegistry::with_builtins()).err().unwrap();
    assert!(matches!(err, Error::UnknownCounter { .. }), "{err}");
}
