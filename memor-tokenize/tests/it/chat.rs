//! Chat counts: the OpenAI cookbook's six messages (127 tokens on gpt-3.5-turbo-0301, 129 on
//! gpt-4-0314, as tiktoken-rs's test and Python tiktoken with the cookbook's rule give), and
//! a session's `openai` render.

use memor_core::Document;
#[cfg(feature = "bpe")]
use memor_tokenize::ChatMessage;
use memor_tokenize::{ChatCounter, ChatRule, Error, Estimator};
use serde_json::json;

#[cfg(feature = "bpe")]
fn cookbook() -> [ChatMessage<'static>; 6] {
    [
        ChatMessage::new(
            "system",
            "You are a helpful, pattern-following assistant that translates corporate jargon into plain English.",
        ),
        ChatMessage::new("system", "New synergies will help drive top-line growth.").with_name("example_user"),
        ChatMessage::new("system", "Things working well together will increase revenue.")
            .with_name("example_assistant"),
        ChatMessage::new(
            "system",
            "Let's circle back when we have more bandwidth to touch base on opportunities for increased leverage.",
        )
        .with_name("example_user"),
        ChatMessage::new("system", "Let's talk later when we're less busy about how to do better.")
            .with_name("example_assistant"),
        ChatMessage::new(
            "user",
            "This late pivot means we don't have time to boil the ocean for the client deliverable.",
        ),
    ]
}

#[cfg(feature = "bpe")]
fn as_json(messages: &[ChatMessage<'_>]) -> serde_json::Value {
    messages
        .iter()
        .map(|m| match m.name {
            Some(name) => json!({"role": m.role, "name": name, "content": m.content}),
            None => json!({"role": m.role, "content": m.content}),
        })
        .collect()
}

#[cfg(feature = "bpe")]
#[test]
fn cookbook_messages_count_as_openai_bills_them() {
    let models = memor_tokenize::ModelMap::default();
    let registry = memor_tokenize::CounterRegistry::with_builtins();
    // tiktoken-rs's test_num_tokens_from_messages; Python tiktoken agrees (also 124 on gpt-4o).
    for (model, want) in
        [("gpt-3.5-turbo-0301", 127), ("gpt-4-0314", 129), ("gpt-4o-2024-05-13", 124), ("gpt-3.5-turbo-0125", 129)]
    {
        let chat = ChatCounter::for_model_in(model, &models, &registry).unwrap();
        assert_eq!(chat.count(cookbook()), want, "{model}");
        assert_eq!(chat.count_json(&as_json(&cookbook())).unwrap(), want, "{model} as JSON");
        assert_eq!(ChatCounter::for_model(model).unwrap().count(cookbook()), want, "{model} global");
    }
}

#[test]
fn rules_follow_the_cookbook() {
    assert_eq!(ChatRule::openai("gpt-3.5-turbo-0301"), ChatRule::GPT_3_5_TURBO_0301);
    assert_eq!(ChatRule::openai("gpt-4"), ChatRule::OPENAI);
    let rule = ChatRule::GPT_3_5_TURBO_0301;
    assert_eq!((rule.tokens_per_message, rule.tokens_per_name, rule.reply_priming), (4, -1, 3));
    let rule = ChatRule::OPENAI;
    assert_eq!((rule.tokens_per_message, rule.tokens_per_name, rule.reply_priming), (3, 1, 3));
    // No messages: the reply priming only.
    assert_eq!(ChatCounter::new(&Estimator::Universal, ChatRule::OPENAI).count([]), 3);
}

#[test]
fn chat_json_must_be_messages_of_strings() {
    let chat = ChatCounter::new(&Estimator::Universal, ChatRule::OPENAI);
    let err = chat.count_json(&json!({"role": "user"})).unwrap_err();
    assert!(matches!(err, Error::ChatFormat { index: None, .. }), "{err}");
    let err = chat.count_json(&json!([{"role": "user", "content": "hi"}, "hello"])).unwrap_err();
    assert!(matches!(err, Error::ChatFormat { index: Some(1), .. }), "{err}");
    let err = chat.count_json(&json!([{"role": "user", "content": [{"type": "text"}]}])).unwrap_err();
    assert_eq!(err.to_string(), "chat message 0: `content` is not a string");
}

/// A session's chat count is the count of its `openai` render, whose text memor's fixtures
/// give (`render.OPENAI`).
#[test]
fn sessions_count_their_openai_render() {
    let chat = ChatCounter::new(&Estimator::Universal, ChatRule::OPENAI);
    for i in 0..16 {
        let id = format!("S{i:03}");
        let file = crate::fixtures::testdata_text(&format!("conformance/objects/sessions/{id}.json"));
        let expected = crate::fixtures::testdata(&format!("conformance/objects/sessions/{id}.expected.json"));
        let session = memor_core::Session::from_json(&file).unwrap();
        let got = chat.count_session(&session, "openai");
        match &expected["render"]["OPENAI"]["value"] {
            serde_json::Value::Null => assert!(got.is_err(), "{id}"),
            render => assert_eq!(got.unwrap(), chat.count_json(render).unwrap(), "{id}"),
        }
    }
}
