//! The streamed session loader skips a prompt's `template` text when it is the text of the
//! template it loaded last: whatever the order of prompts, responses and repeated keys, each
//! prompt must get the template its own text names, as the whole-tree loader gives it.

use memor_core::{Document, Message, Prompt, PromptTemplate, Response, Session};
use serde_json::Value;

fn template(title: &str) -> String {
    PromptTemplate::new("{prompt[message]}!").with_title(title).to_json()
}

/// A message's JSON without its template, then `extra` keys (raw JSON text) at its end.
fn with_keys(json: String, extra: &[String]) -> String {
    let mut v: Value = serde_json::from_str(&json).unwrap();
    v.as_object_mut().unwrap().remove("template");
    let body = serde_json::to_string(&v).unwrap();
    let mut text = body.trim_end_matches('}').to_owned();
    for e in extra {
        text.push_str(", ");
        text.push_str(e);
    }
    text + "}"
}

fn prompt(templates: &[&str]) -> String {
    let keys: Vec<String> = templates.iter().map(|t| format!("\"template\": {t}")).collect();
    with_keys(Prompt::builder().message("p").build().to_json(), &keys)
}

fn response(templates: &[&str]) -> String {
    let keys: Vec<String> = templates.iter().map(|t| format!("\"template\": {t}")).collect();
    with_keys(Response::builder().message("r").build().unwrap().to_json(), &keys)
}

fn session(messages: &[String]) -> String {
    let status = vec!["true"; messages.len()].join(", ");
    Session::new(Some("t".into()))
        .to_json()
        .replace("\"messages\": []", &format!("\"messages\": [{}]", messages.join(", ")))
        .replace("\"messages_status\": []", &format!("\"messages_status\": [{status}]"))
}

/// The template title of each prompt, after checking the two loaders agree.
fn titles(text: &str) -> Vec<String> {
    assert!(memor_core::json::__streaming_agrees(text), "{text}");
    let s = Session::from_json(text).unwrap();
    s.messages()
        .iter()
        .filter_map(|m| match m {
            Message::Prompt(p) => Some(p.template().title().unwrap_or("-").to_owned()),
            Message::Response(_) => None,
        })
        .collect()
}

#[test]
fn each_prompt_keeps_the_template_its_text_names() {
    let (one, two) = (template("one"), template("two"));
    let spaced = one.replacen(", ", ",  ", 1);
    let as_text = serde_json::to_string(&one).unwrap();
    let (p1, p2) = (prompt(&[&one]), prompt(&[&two]));
    let cases: Vec<(Vec<String>, &[&str])> = vec![
        (vec![p1.clone(), p1.clone(), p1.clone()], &["one", "one", "one"]),
        (vec![p1.clone(), p2.clone(), p1.clone()], &["one", "two", "one"]),
        // A response's template is read (memor ignores it) but never becomes the known text.
        (vec![p1.clone(), response(&[&two]), p2.clone()], &["one", "two"]),
        (vec![p1.clone(), response(&[&one]), p1.clone()], &["one", "one"]),
        // A repeated key: the last one counts, skipped or read.
        (vec![p1.clone(), prompt(&[&one, &two])], &["one", "two"]),
        (vec![p1.clone(), prompt(&[&two, &one])], &["one", "one"]),
        (vec![p1.clone(), prompt(&[&two, &one]), p2.clone()], &["one", "one", "two"]),
        // The same value in other text, and a template given as JSON text.
        (vec![p1.clone(), prompt(&[&spaced]), p1.clone()], &["one", "one", "one"]),
        (vec![prompt(&[&as_text]), prompt(&[&as_text]), p1.clone()], &["one", "one", "one"]),
        (vec![prompt(&[]), p1.clone(), prompt(&[])], &["Basic/Prompt", "one", "Basic/Prompt"]),
    ];
    for (messages, want) in &cases {
        let text = session(messages);
        assert_eq!(&titles(&text), want, "{text}");
    }
    // The known text followed by more than it: not the same value, an error in both loaders.
    let glued = session(&[p1.clone(), prompt(&[&format!("{one}1")])]);
    assert!(memor_core::json::__streaming_agrees(&glued), "{glued}");
    assert!(Session::from_json(&glued).is_err());
}

/// The streamed loader reads memor's keys in memor's order without reading them as strings:
/// keys in another order, escaped, spaced, repeated, unknown, or a prefix of the expected one
/// must load as the whole-tree loader loads them.
#[test]
fn keys_out_of_memors_order_or_spelling_load_as_the_tree_loader_reads_them() {
    let prompt = Prompt::builder().message("p").build().to_json();
    let response = Response::builder().message("r").model("m").build().unwrap().to_json();
    let variants = |json: &str| {
        vec![
            json.to_owned(),
            json.replacen("\"message\": ", "\"mess\\u0061ge\": ", 1),
            json.replacen("\"message\": ", "\"message\" : ", 1),
            json.replacen("\"message\": ", "\"message\":", 1),
            json.replacen("\"warnings\": {}, ", "\"warningsx\": 1, \"warnings\": {}, ", 1),
            json.replacen("\"role\": ", "\"rol\": 1, \"role\": ", 1),
            json.replacen("\"role\": ", "\"rolex\": 1, \"role\": ", 1),
            json.replacen("\"model\": ", "\"modelx\": ", 1),
            json.replacen("\"id\": ", "\"message\": \"again\", \"id\": ", 1),
            json.replacen("\"type\": ", "\"tokens\": 3, \"type\": ", 1),
            json.replacen("\"id\": ", "\"id\": 5, \"id\": ", 1),
        ]
    };
    let mut loaded = 0;
    for text in variants(&prompt).into_iter().chain(variants(&response)) {
        let session = session(&[text.clone(), text]);
        assert!(memor_core::json::__streaming_agrees(&session), "{session}");
        loaded += usize::from(Session::from_json(&session).is_ok());
    }
    // Every variant but one is valid memor: an unknown key is dropped, a repeated key keeps
    // its last value (as a Python dict does); a response whose `model` key is misspelled has
    // none, which memor refuses (`data["model"]`).
    assert_eq!(loaded, 21);
    let again = session(&[prompt.replacen("\"id\": ", "\"message\": \"again\", \"id\": ", 1)]);
    assert_eq!(Session::from_json(&again).unwrap().messages()[0].message(), "again");
    let escaped = session(&[response.replacen("\"message\": \"r\"", "\"mess\\u0061ge\": \"escaped\"", 1)]);
    assert_eq!(Session::from_json(&escaped).unwrap().messages()[0].message(), "escaped");
}
