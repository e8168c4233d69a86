//! `memor window` and `memor chat --context/--summarize`: real processes, real files, a real
//! HTTP server on 127.0.0.1.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use memor_core::{Document, Prompt, Response, Role, Session};
use serde_json::Value;

use crate::server::{ok, serve, status};
use crate::{memor, stderr, stdout, tempdir};

pub(crate) fn conversation(path: &Path, exchanges: usize) -> Session {
    let mut s = Session::new(None);
    s.add_message(Prompt::builder().message("You are a weather assistant.").role(Role::System).build());
    for i in 0..exchanges {
        s.add_message(Prompt::builder().message(format!("What is the weather in city number {i}?")).build());
        s.add_message(Response::builder().message(format!("City {i} is sunny, {i} degrees.")).build().unwrap());
    }
    s.add_message(Prompt::builder().message("And which city was the warmest?").build());
    s.save(path).unwrap();
    s
}

fn openai_reply(text: &str) -> String {
    let text = serde_json::to_string(text).unwrap();
    format!(
        r#"{{"id":"c1","object":"chat.completion","created":1,"model":"gpt-4o","choices":[{{"index":0,"message":{{"role":"assistant","content":{text}}},"finish_reason":"stop"}}],"usage":{{"prompt_tokens":9,"completion_tokens":3,"total_tokens":12}}}}"#
    )
}

#[test]
fn window_json_lists_kept_and_dropped_messages_with_tiktokens_total() {
    let file = tempdir().join("s.json");
    let s = conversation(&file, 20);
    let out =
        memor(&["window", file.to_str().unwrap(), "--model", "gpt-4o", "--budget", "300", "--reserve", "50", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(
        (v["model"].as_str(), v["budget"].as_u64(), v["reserve"].as_u64()),
        (Some("gpt-4o"), Some(300), Some(50))
    );
    let indices = |key: &str| -> Vec<usize> {
        v[key].as_array().unwrap().iter().map(|e| e["index"].as_u64().unwrap() as usize).collect()
    };
    let (kept, dropped) = (indices("kept"), indices("dropped"));
    assert_eq!(kept[0], 0, "the system message is kept");
    assert_eq!(*kept.last().unwrap(), s.len() - 1, "the newest turn is kept");
    let mut all: Vec<usize> = kept.iter().chain(&dropped).copied().collect();
    all.sort_unstable();
    assert_eq!(all, (0..s.len()).collect::<Vec<_>>());
    assert!(!dropped.is_empty());
    for e in v["kept"].as_array().unwrap().iter().chain(v["dropped"].as_array().unwrap()) {
        let i = e["index"].as_u64().unwrap() as usize;
        assert_eq!(e["id"].as_str(), Some(s.get_message(i).unwrap().id()));
        assert!(e["tokens"].as_u64().unwrap() > 0);
    }
    // `total` is what OpenAI bills for the kept messages (tiktoken's chat rule, by tiktoken-rs).
    let messages: Vec<tiktoken_rs::ChatCompletionRequestMessage> = kept
        .iter()
        .map(|&i| {
            let m = s.get_message(i).unwrap();
            tiktoken_rs::ChatCompletionRequestMessage {
                role: m.role().as_str().to_owned(),
                content: Some(m.message().to_owned()),
                ..Default::default()
            }
        })
        .collect();
    let billed = tiktoken_rs::num_tokens_from_messages("gpt-4o", &messages).unwrap() as u64;
    assert_eq!(v["total"].as_u64(), Some(billed));
    assert!(billed <= 250);

    let table = memor(&["window", file.to_str().unwrap(), "--model", "gpt-4o", "--budget", "300", "--reserve", "50"]);
    let text = stdout(&table);
    assert!(text.contains("kept") && text.contains("dropped"), "{text}");
    assert!(text.contains(&format!("total {billed} tokens of 250 available")), "{text}");
}

#[test]
fn window_needs_a_budget_for_an_unknown_model_and_names_an_oversized_turn() {
    let file = tempdir().join("s.json");
    conversation(&file, 3);
    let out = memor(&["window", file.to_str().unwrap(), "--model", "my-own-model", "--json"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).lines().next().unwrap().contains("`my-own-model` is not in the model table"),
        "{}",
        stderr(&out)
    );
    let out = memor(&["window", file.to_str().unwrap(), "--model", "my-own-model", "--budget", "5000", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = memor(&["window", file.to_str().unwrap(), "--model", "gpt-4o", "--budget", "20", "--reserve", "0"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("the newest user turn (message 7) needs"), "{}", stderr(&out));
    assert_eq!(memor(&["window", file.to_str().unwrap()]).status.code(), Some(2));
}

fn chat(file: &Path, base: &str, extra: &[&str], input: &str) -> std::process::Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_memor"))
        .args(["chat", "--provider", "openai", "--model", "gpt-4o", "--base-url", &format!("{base}/v1")])
        .args(["--session", file.to_str().unwrap()])
        .args(extra)
        .env("OPENAI_API_KEY", "test-key")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn chat_with_context_and_summarize_sends_the_summary_and_saves_it_with_the_masks() {
    let file = tempdir().join("chat.json");
    let before = conversation(&file, 30);
    let (base, requests) = serve(vec![ok(openai_reply("Cities 0 to 25 were sunny.")), ok(openai_reply("City 29."))]);
    let out = chat(
        &file,
        &base,
        &["--context", "500", "--max-tokens", "50", "--summarize", "--summary-model", "gpt-4o-mini"],
        "Tell me\n",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), "City 29.\n");

    let summary_request = requests.recv().unwrap().json();
    assert_eq!(summary_request["model"], "gpt-4o-mini");
    let asked = summary_request["messages"][0]["content"].as_str().unwrap();
    assert!(asked.contains("user: What is the weather in city number 0?"), "{asked}");
    assert!(!asked.contains("Tell me") && !asked.contains("You are a weather assistant"), "{asked}");

    let sent = requests.recv().unwrap().json();
    let messages = sent["messages"].as_array().unwrap();
    assert_eq!(messages[0], serde_json::json!({"role": "system", "content": "Cities 0 to 25 were sunny."}));
    assert_eq!(messages.last().unwrap()["content"], "Tell me");

    let saved = Session::load(&file).unwrap();
    assert_eq!(saved.len(), before.len() + 3, "summary, prompt and reply added; nothing deleted");
    let summary = saved.get_message(0).unwrap();
    let covers = memor_context::covered_ids(summary);
    assert!(!covers.is_empty());
    for id in &covers {
        let i = saved.iter().position(|m| m.id() == id).unwrap();
        assert!(!saved.messages_status()[i], "covered message {i} is masked");
        assert!(asked.contains(saved.get_message(i).unwrap().message()));
    }
    let masked = saved.messages_status().iter().filter(|on| !**on).count();
    assert_eq!(masked, covers.len());
}

#[test]
fn a_summarizer_error_still_sends_the_turn_trimmed() {
    let file = tempdir().join("chat.json");
    let before = conversation(&file, 30);
    let error = r#"{"error":{"message":"summarizer down","type":"server_error"}}"#;
    let replies = vec![status(500, error), status(500, error), status(500, error), ok(openai_reply("Still here."))];
    let (base, requests) = serve(replies);
    let out = chat(&file, &base, &["--context", "500", "--max-tokens", "50", "--summarize"], "Tell me\n");
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), "Still here.\n");
    assert!(
        stderr(&out).contains("warning: the summary failed") && stderr(&out).contains("summarizer down"),
        "{}",
        stderr(&out)
    );
    let sent: Vec<_> = requests.try_iter().collect();
    assert_eq!(sent.len(), 4);
    let messages = sent[3].json()["messages"].as_array().unwrap().clone();
    assert!(messages.len() < before.len() + 1, "trimmed: {} messages", messages.len());
    assert_eq!(messages[0]["content"], "You are a weather assistant.");
    let saved = Session::load(&file).unwrap();
    assert_eq!(saved.len(), before.len() + 2);
    assert!(saved.messages_status().iter().all(|on| *on), "nothing masked without a summary");
}
