//! The counter registry: built-ins, plugins, duplicates, unknown ids.

use memor_tokenize::{CounterRegistry, Error, Estimator, TokenCounter};

struct Chars;

impl TokenCounter for Chars {
    fn id(&self) -> &str {
        "chars"
    }
    fn count(&self, text: &str) -> usize {
        text.chars().count()
    }
}

/// A plugin, as a third-party crate would add it.
struct Bytes;

impl TokenCounter for Bytes {
    fn id(&self) -> &str {
        "test_bytes"
    }
    fn count(&self, text: &str) -> usize {
        text.len()
    }
}

memor_tokenize::register_token_counter!(Bytes);

fn builtin_ids() -> Vec<&'static str> {
    if cfg!(feature = "bpe") {
        vec!["cl100k_base", "o200k_base", "openai_gpt_3_5", "openai_gpt_4", "universal"]
    } else {
        vec!["openai_gpt_3_5", "openai_gpt_4", "universal"]
    }
}

#[test]
fn builtins_are_registered_in_sorted_order() {
    let registry = CounterRegistry::with_builtins();
    assert_eq!(registry.ids().collect::<Vec<_>>(), builtin_ids());
    for e in Estimator::ALL {
        assert_eq!(registry.get(e.id()).unwrap().count("Hello, world!"), e.estimate("Hello, world!"));
    }
    assert_eq!(CounterRegistry::new().ids().count(), 0);
}

#[test]
fn registering_an_id_twice_is_an_error() {
    let mut registry = CounterRegistry::with_builtins();
    registry.register(Chars).unwrap();
    assert_eq!(registry.get("chars").unwrap().count("héllo"), 5);
    let err = registry.register(Chars).unwrap_err();
    assert!(matches!(&err, Error::DuplicateCounter { id } if id == "chars"));
    assert_eq!(err.to_string(), "a token counter `chars` is already registered");
    let err = registry.register(Estimator::Universal).unwrap_err();
    assert!(matches!(err, Error::DuplicateCounter { .. }));
}

#[test]
fn unknown_ids_list_the_known_ones() {
    let registry = CounterRegistry::with_builtins();
    let err = registry.get("gpt2").err().unwrap();
    let Error::UnknownCounter { id, known } = &err else { panic!("{err:?}") };
    assert_eq!(id, "gpt2");
    assert_eq!(known, &builtin_ids());
    assert_eq!(err.to_string(), format!("no token counter `gpt2`; known: {}", builtin_ids().join(", ")));
}

#[test]
fn plugins_join_the_global_registry() {
    let mut want = builtin_ids();
    want.push("test_bytes");
    want.sort_unstable();
    assert_eq!(CounterRegistry::global().ids().collect::<Vec<_>>(), want);
    assert_eq!(CounterRegistry::with_plugins().unwrap().get("test_bytes").unwrap().count("héllo"), 6);
    assert!(CounterRegistry::with_builtins().get("test_bytes").is_err());
    // A plugin that claims a taken id makes with_plugins fail.
    let mut registry = CounterRegistry::with_plugins().unwrap();
    assert!(registry.register(Bytes).is_err());
}
