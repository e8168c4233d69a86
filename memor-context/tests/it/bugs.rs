//! The known bugs of other libraries' trimming, as named cases: each must not happen here.

use memor_context::{Counter, Error, ModelTable, Policy, fit};
use memor_core::Session;

use crate::support::*;

fn gpt4o() -> Counter {
    Counter::for_model("gpt-4o", &ModelTable::default()).unwrap()
}

/// The tokens of one message, by the reference.
fn tokens_of(s: &Session, index: usize) -> usize {
    let only = session(vec![s.get_message(index).unwrap().clone()]);
    reference_count("gpt-4o", &only) - 3
}

/// langchain#33245 (and langmem#98): `trim_messages` keeps a tool result whose tool call it cut,
/// and the provider answers 400. Here the call and its result go together.
#[test]
fn langchain_33245_trimming_never_orphans_a_tool_result() {
    let s = session(vec![
        system("You answer with the weather."),
        user("Weather in Paris?"),
        call("call_1", "get_weather", city("Paris")),
        result("call_1", "get_weather", "sunny, 21 degrees"),
        assistant("It is sunny and 21 degrees in Paris."),
        user("And tomorrow?"),
    ]);
    // Room for everything after the call message, but not for the call message too.
    let counter = gpt4o();
    let all = fit(&s, &Policy::new(10_000), &counter).unwrap();
    let tokens = |i: usize| all.kept[i].tokens.unwrap();
    let budget = all.total - tokens(2) - tokens(1);
    let fit = fit(&s, &Policy::new(budget), &counter).unwrap();
    let kept: Vec<usize> = fit.kept.iter().map(|e| e.index).collect();
    assert!(!kept.contains(&3), "the result was kept without its call: {kept:?}");
    assert!(!kept.contains(&2));
    memor_providers::turns(&fit.request(&s)).expect("the request pairs every tool result with its call");
}

/// langmem#111/#126: after trimming, the history starts with an assistant turn (or a tool
/// message) and Anthropic refuses it. With `user_first`, a leading assistant turn is dropped.
#[test]
fn langmem_111_the_request_starts_with_a_user_turn_where_the_provider_requires_it() {
    let s = session(vec![
        user("first question, a long one ".repeat(40).as_str()),
        assistant("an answer"),
        call("call_9", "lookup", city("Rome")),
        result("call_9", "lookup", "Rome is the capital of Italy"),
        assistant("Rome."),
        user("thanks"),
    ]);
    let budget = 200;
    let plain = fit(&s, &Policy::new(budget), &gpt4o()).unwrap();
    assert_eq!(plain.kept.first().map(|e| e.role), Some(memor_core::Role::Assistant), "{plain:?}");
    let anthropic = fit(&s, &Policy::new(budget).user_first(true), &gpt4o()).unwrap();
    assert_eq!(anthropic.kept.first().map(|e| e.role), Some(memor_core::Role::User), "{anthropic:?}");
    assert!(anthropic.total <= budget);
}

/// llama_index#21950: the memory buffer ignores tool call payloads when counting, so a long
/// tool result overflows the window. Here tool payloads are counted like text.
#[test]
fn llama_index_21950_tool_payloads_are_counted() {
    let payload = "row,value\n".repeat(800);
    let s = session(vec![
        user("Load the table."),
        call("call_t", "load_table", city("x")),
        result("call_t", "load_table", &payload),
        assistant("Loaded."),
        user("Sum the values."),
    ]);
    let counter = gpt4o();
    let all = fit(&s, &Policy::new(100_000), &counter).unwrap();
    assert_eq!(all.total, reference_count("gpt-4o", &s));
    let result_tokens = all.kept[2].tokens.unwrap();
    assert!(result_tokens > tiktoken_rs::o200k_base_singleton().encode_ordinary(&payload).len());
    let small = fit(&s, &Policy::new(500), &counter).unwrap();
    let dropped: Vec<usize> = small.dropped.iter().map(|e| e.index).collect();
    assert_eq!(dropped, [0, 1, 2], "the tool exchange falls out whole, with what came before it");
    assert!(small.total <= 500);
}

/// The newest user turn is never dropped: when it alone does not fit, the error says by how much.
#[test]
fn a_newest_turn_too_large_for_the_window_is_an_error_with_the_numbers() {
    let s = session(vec![system("Be brief."), assistant("Hello"), user(&"word ".repeat(500))]);
    let err = fit(&s, &Policy::new(400).reserve(100), &gpt4o()).unwrap_err();
    let Error::TooLarge { newest, newest_index, available, .. } = &err else { panic!("{err}") };
    assert_eq!((*newest_index, *available), (Some(2), 300));
    assert_eq!(*newest, tokens_of(&s, 2));
    let text = err.to_string();
    assert!(text.contains("message 2") && text.contains(&newest.to_string()) && text.contains("300"), "{text}");
}

/// A session that is already broken (a tool result without its call) is reported, not sent.
#[test]
fn an_orphaned_result_in_the_session_is_reported_with_its_place() {
    let s = session(vec![user("hi"), result("call_x", "f", "42")]);
    let err = fit(&s, &Policy::new(1000), &gpt4o()).unwrap_err();
    assert!(matches!(&err, Error::Orphan { index: 1, call_id } if call_id == "call_x"), "{err}");
}

/// Masked messages are never sent, and never counted; pinned messages always are.
#[test]
fn masked_messages_are_left_out_and_pinned_ones_kept() {
    let mut s = session(
        (0..20).map(|i| if i % 2 == 0 { user(&format!("q{i}")) } else { assistant(&format!("a{i}")) }).collect(),
    );
    s.mask_message(18).unwrap();
    let pinned = s.get_message(1).unwrap().id().to_owned();
    let fit = fit(&s, &Policy::new(40).pin(pinned), &gpt4o()).unwrap();
    let kept: Vec<usize> = fit.kept.iter().map(|e| e.index).collect();
    assert!(kept.contains(&1) && kept.contains(&19) && !kept.contains(&18), "{kept:?}");
    assert!(!fit.dropped.iter().any(|e| e.index == 18));
    assert_eq!(fit.kept.len() + fit.dropped.len(), 19);
}

/// The last N messages, tool exchanges whole.
#[test]
fn the_last_n_messages_keep_tool_exchanges_whole() {
    let s = session(vec![user("a"), call("c1", "f", city("x")), result("c1", "f", "r"), assistant("b"), user("c")]);
    let fit = fit(&s, &Policy::last_messages(3), &gpt4o()).unwrap();
    let kept: Vec<usize> = fit.kept.iter().map(|e| e.index).collect();
    assert_eq!(kept, [3, 4], "the call and its result would make 4");
}
