//! Summary memory against a loopback OpenAI-compatible server: what the summary request holds,
//! what the saved session holds, rolling summaries, and a failing summarizer.

use memor_context::{Counter, ModelTable, Policy, ProviderSummarizer, SUMMARY_KEY, covered_ids, is_summary, prepare};
use memor_core::{Document, Role, Session};
use memor_providers::{ChatOptions, OpenAi};
use serde_json::Value;

use crate::server::{client, ok, serve, status};
use crate::support::*;

fn reply(text: &str) -> String {
    let text = serde_json::to_string(text).unwrap();
    format!(
        r#"{{"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"m-sum","choices":[{{"index":0,"message":{{"role":"assistant","content":{text}}},"finish_reason":"stop"}}],"usage":{{"prompt_tokens":9,"completion_tokens":3,"total_tokens":12}}}}"#
    )
}

fn long_session(n: usize) -> Session {
    let mut messages = vec![system("You are a helpful assistant.")];
    for i in 0..n {
        messages.push(user(&format!("question number {i} about the weather in city {i}")));
        messages.push(assistant(&format!("answer number {i}: it is sunny in city {i}")));
    }
    messages.push(user("what did we talk about?"));
    session(messages)
}

/// The text of the one user message of a summary request.
fn asked(body: &Value) -> String {
    let messages = body["messages"].as_array().unwrap();
    assert_eq!(messages.len(), 1, "{body}");
    assert_eq!(messages[0]["role"], "user");
    messages[0]["content"].as_str().unwrap().to_owned()
}

fn paragraphs(text: &str) -> Vec<String> {
    let start = text.find("user: ").or_else(|| text.find("assistant: ")).unwrap();
    text[start..].split("\n\n").map(str::to_owned).collect()
}

#[test]
fn the_dropped_messages_are_summarized_masked_and_saved() {
    let s = long_session(30);
    let (base, requests) = serve(vec![ok(reply("They asked about the weather in cities 0 to 19."))]);
    let openai = OpenAi::new();
    let options = ChatOptions::new("m-sum").base_url(format!("{base}/v1")).api_key("k").max_tokens(100);
    let summarizer = ProviderSummarizer::new(client(), &openai, options);
    let counter = Counter::for_model("gpt-4o", &ModelTable::default()).unwrap();
    let policy = Policy::new(600).reserve(50);
    let plain = memor_context::fit(&s, &policy, &counter).unwrap();
    assert!(!plain.dropped.is_empty());

    let prepared = prepare(&s, &policy, &counter, Some(&summarizer)).unwrap();
    assert!(prepared.summarized && prepared.warnings.is_empty(), "{:?}", prepared.warnings);

    // The summary request holds exactly the messages that were masked, in order.
    let body = requests.recv().unwrap().json();
    let asked = asked(&body);
    let saved = &prepared.session;
    let masked: Vec<usize> = (0..saved.len()).filter(|&i| !saved.messages_status()[i]).collect();
    let expected: Vec<String> = masked
        .iter()
        .map(|&i| {
            let m = saved.get_message(i).unwrap();
            format!("{}: {}", m.role().as_str(), m.message())
        })
        .collect();
    assert_eq!(paragraphs(&asked), expected);
    assert!(!asked.contains("what did we talk about") && !asked.contains("You are a helpful"));

    // The saved session: the summary first, marked, covering exactly the masked messages; nothing
    // deleted.
    assert_eq!(saved.len(), s.len() + 1);
    let summary = saved.get_message(0).unwrap();
    assert!(is_summary(summary) && summary.role() == Role::System);
    assert_eq!(summary.message(), "They asked about the weather in cities 0 to 19.");
    let covered = covered_ids(summary);
    let masked_ids: Vec<String> = masked.iter().map(|&i| saved.get_message(i).unwrap().id().to_owned()).collect();
    assert_eq!(covered, masked_ids);
    assert!(saved.messages_status()[0]);
    let path = std::env::temp_dir().join(format!("memor-context-summary-{}.json", std::process::id()));
    saved.save(&path).unwrap();
    let again = Session::load(&path).unwrap();
    std::fs::remove_file(&path).unwrap();
    assert_eq!(covered_ids(again.get_message(0).unwrap()), masked_ids);
    assert_eq!(again.messages_status(), saved.messages_status());
    let metadata = again.get_message(0).unwrap().as_response().unwrap().provider_metadata().unwrap();
    assert!(metadata.contains_key(SUMMARY_KEY));

    // What is sent: the summary and the system prompt, then the newest messages.
    let request = &prepared.request;
    assert_eq!(request.get_message(0).unwrap().message(), summary.message());
    assert_eq!(request.get_message(request.len() - 1).unwrap().message(), "what did we talk about?");
    assert!(prepared.fit.total <= 550);
}

#[test]
fn the_next_summary_builds_on_the_previous_one() {
    let s = long_session(30);
    let (base, requests) = serve(vec![ok(reply("FIRST SUMMARY")), ok(reply("SECOND SUMMARY"))]);
    let openai = OpenAi::new();
    let options = ChatOptions::new("m-sum").base_url(format!("{base}/v1")).api_key("k").max_tokens(60);
    let summarizer = ProviderSummarizer::new(client(), &openai, options);
    let counter = Counter::for_model("gpt-4o", &ModelTable::default()).unwrap();
    let policy = Policy::new(600).reserve(50);
    let first = prepare(&s, &policy, &counter, Some(&summarizer)).unwrap();
    let first_covered = covered_ids(first.session.get_message(0).unwrap());
    let _ = requests.recv().unwrap();

    let mut grown = first.session.clone();
    for i in 0..10 {
        grown.add_message(assistant(&format!("later answer {i} with some more words to push things out")));
        grown.add_message(user(&format!("later question {i} with some more words to push things out")));
    }
    let second = prepare(&grown, &policy, &counter, Some(&summarizer)).unwrap();
    assert!(second.summarized);
    let asked = asked(&requests.recv().unwrap().json());
    assert!(asked.contains("Summary so far:\nFIRST SUMMARY\n\nNew messages:"), "{asked}");
    // Only the newly dropped messages are sent, none the first summary covered.
    for id in &first_covered {
        let text = grown.get_message_by_id(id).unwrap().message().to_owned();
        assert!(!asked.contains(&format!(": {text}\n")) && !asked.ends_with(&text), "{text} sent again");
    }
    let saved = &second.session;
    assert_eq!(saved.get_message(0).unwrap().message(), "SECOND SUMMARY");
    assert_eq!(saved.get_message(1).unwrap().message(), "FIRST SUMMARY");
    assert!(!saved.messages_status()[1], "the earlier summary is masked, not deleted");
    let covered = covered_ids(saved.get_message(0).unwrap());
    assert_eq!(&covered[..first_covered.len()], &first_covered[..]);
    assert!(covered.len() > first_covered.len());
    for id in &covered {
        let i = saved.iter().position(|m| m.id() == id).unwrap();
        assert!(!saved.messages_status()[i], "covered message {i} is not masked");
    }
}

#[test]
fn a_failing_summarizer_leaves_plain_trimming_and_a_warning() {
    let s = long_session(30);
    let error = r#"{"error":{"message":"upstream exploded","type":"server_error"}}"#;
    let (base, requests) = serve(vec![status(500, error), status(500, error), status(500, error)]);
    let openai = OpenAi::new();
    let options = ChatOptions::new("m-sum").base_url(format!("{base}/v1")).api_key("k");
    let summarizer = ProviderSummarizer::new(client(), &openai, options);
    let counter = Counter::for_model("gpt-4o", &ModelTable::default()).unwrap();
    let policy = Policy::new(600).reserve(50);
    let prepared = prepare(&s, &policy, &counter, Some(&summarizer)).unwrap();
    assert_eq!(requests.try_iter().count(), 3, "three attempts");
    assert!(!prepared.summarized);
    assert_eq!(prepared.warnings.len(), 1);
    assert!(prepared.warnings[0].contains("upstream exploded"), "{:?}", prepared.warnings);
    assert_eq!(prepared.session, s, "nothing masked, nothing added");
    assert_eq!(prepared.fit, memor_context::fit(&s, &policy, &counter).unwrap());
}

/// langmem#98/#126: summarizing cuts between a tool call and its result, so the kept history
/// starts with an orphaned tool message. Here a summary covers a tool exchange whole or not
/// at all, and what is sent after it pairs every result with its call.
#[test]
fn langmem_98_a_summary_covers_a_tool_exchange_whole() {
    let mut summarized = 0;
    for budget in (150..400).step_by(10) {
        let mut messages = vec![system("You look things up.")];
        for i in 0..8 {
            let id = format!("call_{i}");
            messages.push(user(&format!("look up item {i}")));
            messages.push(call(&id, "lookup", city(&format!("item {i}"))));
            messages.push(result(&id, "lookup", &format!("item {i} is in aisle {i}")));
            messages.push(assistant(&format!("Item {i} is in aisle {i}.")));
        }
        messages.push(user("and the last one?"));
        let s = session(messages);
        let (base, _requests) = serve(vec![ok(reply("Items 0 to 5 were looked up."))]);
        let openai = OpenAi::new();
        let options = ChatOptions::new("m-sum").base_url(format!("{base}/v1")).api_key("k").max_tokens(20);
        let summarizer = ProviderSummarizer::new(client(), &openai, options);
        let counter = Counter::for_model("gpt-4o", &ModelTable::default()).unwrap();
        let Ok(prepared) = prepare(&s, &Policy::new(budget), &counter, Some(&summarizer)) else { continue };
        summarized += usize::from(prepared.summarized);
        let saved = &prepared.session;
        for (i, m) in saved.iter().enumerate() {
            if !m.tool_results().is_empty() {
                assert_eq!(saved.messages_status()[i], saved.messages_status()[i - 1], "budget {budget}: split at {i}");
            }
        }
        memor_providers::turns(&prepared.request).unwrap();
    }
    assert!(summarized > 10, "only {summarized} budgets made a summary");
}
