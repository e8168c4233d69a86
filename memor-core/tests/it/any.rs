//! `AnyDocument::from_json` without a kind parses once; it must answer exactly as reading the
//! `"type"` first (`Kind::of_json`) and then loading that kind, on every shape of text.

use memor_core::{AnyDocument, Document, Kind, Prompt, PromptTemplate, Response, Session};

/// What the two-step reading gives: the kind the text names, then that kind's loader.
fn two_step(text: &str) -> Result<AnyDocument, memor_core::Error> {
    match Kind::of_json(text) {
        Some(kind) => AnyDocument::from_json(text, Some(kind)),
        None => Err(memor_core::Error::UnknownType),
    }
}

fn assert_same(text: &str) {
    let once = AnyDocument::from_json(text, None);
    let reference = two_step(text);
    match (&once, &reference) {
        (Ok(a), Ok(b)) => {
            assert_eq!(a.kind(), b.kind(), "{text}");
            assert_eq!(a.to_json(), b.to_json(), "{text}");
        }
        (Err(a), Err(b)) => {
            assert_eq!(a.to_string(), b.to_string(), "{text}");
            assert_eq!(a.detail(), b.detail(), "{text}");
        }
        _ => panic!("{text}: parsed once {once:?}, two steps {reference:?}"),
    }
}

fn session_text() -> String {
    let mut s = Session::new(Some("t".into()));
    s.add_message(Prompt::builder().message("caf\u{e9} \u{6771}\u{4eac} \u{1f600}").build());
    s.add_message(Response::builder().message("r").build().unwrap());
    s.to_json()
}

#[test]
fn one_parse_answers_as_the_type_field_then_the_kind() {
    let session = session_text();
    assert!(session.starts_with("{\"type\": \"Session\""), "the fast path's shape");
    let body = session.strip_prefix("{\"type\": \"Session\", ").unwrap();
    let prompt = Prompt::builder().message("p").build().to_json();
    let response = Response::builder().message("r").build().unwrap().to_json();
    let template = PromptTemplate::new("{prompt[message]}").to_json();
    let texts = [
        session.clone(),
        format!("  \n{session}"),
        // A later `"type"` wins, as in a Python dict: these are not sessions.
        format!("{}, \"type\": \"Prompt\"}}", session.trim_end_matches('}')),
        format!("{}, \"type\": 3}}", session.trim_end_matches('}')),
        format!("{}, \"type\": \"Session\"}}", session.trim_end_matches('}')),
        format!("{{{body}"),
        format!("{{\"type\": \"Prompt\", {body}"),
        format!("{{\"type\": \"Session\", \"type\": \"Response\", {body}"),
        session.replace("\"role\": \"assistant\"", "\"role\": \"bot\""),
        session.replace("\"messages_status\": [true, true]", "\"messages_status\": [true]"),
        session.replace("\"title\": \"t\"", "\"title\": ]"),
        session.replace("\"type\": \"Session\"", "\"type\": \"Sess\\u0069on\""),
        session.replace("\"type\": \"Session\"", "\"t\\u0079pe\": \"Session\""),
        format!("{session} x"),
        prompt,
        response,
        template,
        "{}".into(),
        "[]".into(),
        "{".into(),
        "".into(),
        "{\"type\": \"Other\"}".into(),
        "{\"type\": null}".into(),
        "\u{feff}{}".into(),
    ];
    for text in &texts {
        assert_same(text);
    }
    assert!(matches!(AnyDocument::from_json(&texts[0], None), Ok(AnyDocument::Session(_))));
    assert!(AnyDocument::from_json(&texts[2], None).is_err(), "a prompt missing its fields");
}
