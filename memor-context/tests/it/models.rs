//! The model table and the policies it gives.

use memor_context::{Error, Family, ModelInfo, ModelTable, Policy};

#[test]
fn the_table_knows_every_providers_common_models() {
    let table = ModelTable::default();
    let cases = [
        ("gpt-4o", 128_000, Family::OpenAi),
        ("gpt-4o-2024-08-06", 128_000, Family::OpenAi),
        ("gpt-4.1-mini", 1_047_576, Family::OpenAi),
        ("gpt-5-nano", 400_000, Family::OpenAi),
        ("o1-mini", 128_000, Family::OpenAi),
        ("o4-mini", 200_000, Family::OpenAi),
        ("ft:gpt-4o-mini:acme::abc123", 128_000, Family::OpenAi),
        ("claude-sonnet-4-5-20250929", 200_000, Family::Anthropic),
        ("claude-3-5-haiku-latest", 200_000, Family::Anthropic),
        ("gemini-2.5-flash", 1_048_576, Family::Gemini),
        ("models/gemini-1.5-pro", 2_097_152, Family::Gemini),
        ("mistral-large-latest", 131_072, Family::Mistral),
        ("llama3.1:8b", 131_072, Family::Local),
        ("qwen2.5:7b", 32_768, Family::Local),
    ];
    for (model, window, family) in cases {
        let info = table.get(model).unwrap();
        assert_eq!((info.window, info.family), (window, family), "{model}");
    }
}

#[test]
fn an_unknown_model_needs_a_budget() {
    let err = Policy::for_model("my-own-model", &ModelTable::default()).unwrap_err();
    assert!(matches!(&err, Error::UnknownModel { model } if model == "my-own-model"));
    assert!(err.to_string().contains("give a budget"), "{err}");
}

#[test]
fn policies_take_the_window_the_reserve_and_the_ordering_rule_from_the_table() {
    let mut table = ModelTable::default();
    let policy = Policy::for_model("claude-3-haiku-20240307", &table).unwrap();
    assert_eq!((policy.budget, policy.reserve, policy.user_first), (200_000, 4_096, true));
    let policy = Policy::for_model("gpt-4", &table).unwrap();
    assert_eq!((policy.budget, policy.reserve, policy.user_first), (8_192, 2_048, false));
    table.insert("gpt-4", ModelInfo { window: 1000, max_output: 100, family: Family::OpenAi });
    assert_eq!(Policy::for_model("gpt-4-0613", &table).unwrap().budget, 1000);
    assert!(matches!(Policy::new(10).reserve(10).available(), Err(Error::Budget { budget: 10, reserve: 10 })));
}

#[test]
fn other_providers_count_with_the_best_counter_and_a_margin() {
    use memor_context::{Counter, Item};
    use memor_core::Role;
    let text = "Context windows are measured in tokens, and Claude's tokenizer is not public.";
    let o200k = memor_tokenize::CounterRegistry::global().get("o200k_base").unwrap().count(text);
    let claude = Counter::for_model("claude-sonnet-4-5", &ModelTable::default()).unwrap();
    let role = memor_tokenize::CounterRegistry::global().get("o200k_base").unwrap().count("user");
    // 4 per message, then the role and the text each times 1.25, rounded up.
    let expected = 4 + (role as f64 * 1.25).ceil() as usize + (o200k as f64 * 1.25).ceil() as usize;
    assert_eq!(claude.count(&Item::text(Role::User, text)).unwrap(), expected);
    assert!(claude.id().starts_with("o200k_base with margin 1.25"), "{}", claude.id());
}
