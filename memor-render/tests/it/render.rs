//! Every render of every object fixture: memor's value or error, and memor's warnings.

use memor_core::{Document, Prompt, Response, Session};
use memor_render::prelude::*;
use memor_render::{MessageRef, Rendered, RendererRegistry};
use serde_json::{Value, json};

use crate::fixtures::{self, untag, warnings};

const FORMATS: [(&str, &str); 5] = [
    ("STRING", "string"),
    ("OPENAI", "openai"),
    ("AI_STUDIO", "ai_studio"),
    ("DICTIONARY", "dictionary"),
    ("ITEMS", "items"),
];

/// Compares one outcome with the fixture's `{"value"|"error", "warnings"?}`.
fn check(id: &str, what: &str, got: &memor_render::Result<Rendered>, want: &Value) -> bool {
    let ok = match (got, want.get("value")) {
        (Ok(r), Some(v)) => r.value == untag(v),
        (Err(e), None) => want["error"]["message"].as_str() == Some(&e.to_string()),
        _ => false,
    };
    let want_warnings = want.get("warnings").cloned().unwrap_or(json!([]));
    let got_warnings = match got {
        Ok(r) => warnings(&r.warnings),
        Err(e) => warnings(e.warnings()),
    };
    assert!(ok, "{id} {what}: got {got:?}, want {want}");
    assert_eq!(got_warnings, want_warnings, "{id} {what}: warnings");
    true
}

fn ids(prefix: &str, n: usize) -> impl Iterator<Item = String> + '_ {
    (0..n).map(move |i| format!("{prefix}{i:03}"))
}

#[test]
fn responses_and_prompts_render_as_in_memor() {
    let registry = RendererRegistry::global();
    let (mut checked, mut presets) = (0, 0);
    for (dir, prefix, n) in [("responses", "R", 40), ("prompts", "P", 44)] {
        for id in ids(prefix, n) {
            let file = fixtures::read(&format!("conformance/objects/{dir}/{id}.json"));
            let expected = fixtures::json(&format!("conformance/objects/{dir}/{id}.expected.json"));
            let (prompt, response);
            let message = if prefix == "P" {
                prompt = Prompt::from_json(&file).unwrap();
                MessageRef::Prompt(&prompt)
            } else {
                response = Response::from_json(&file).unwrap();
                MessageRef::Response(&response)
            };
            for (name, format) in FORMATS {
                let loud = registry.render_message(message, format, true);
                checked += usize::from(check(&id, name, &loud, &expected["render"][name]));
                let quiet = registry.render_message(message, format, false);
                let want_quiet = &expected["render_quiet"][name];
                assert_eq!(
                    quiet.as_ref().map(|r| &r.value).ok(),
                    loud.as_ref().map(|r| &r.value).ok(),
                    "{id} quiet {name}"
                );
                let quiet_warnings = match &quiet {
                    Ok(r) => warnings(&r.warnings),
                    Err(e) => warnings(e.warnings()),
                };
                assert_eq!(quiet_warnings, want_quiet["warnings"], "{id} quiet {name}");
            }
            let text = registry.render_message(message, "string", false).map(|r| r.value);
            let str_want = expected["str"].get("value").cloned();
            assert_eq!(text.as_ref().ok().cloned(), str_want, "{id} str");
            let len = text.ok().and_then(|t| t.as_str().map(|s| s.chars().count())).unwrap_or(0);
            assert_eq!(Value::from(len), expected["len"]["value"], "{id} len");
            assert_eq!(Value::from(str_want.is_some()), expected["check_render"]["value"], "{id} check_render");
            let repr = match message {
                MessageRef::Prompt(p) => p.repr(),
                MessageRef::Response(r) => r.repr(),
            };
            assert_eq!(Value::from(repr), expected["repr"]["value"], "{id} repr");
            if let MessageRef::Prompt(p) = message {
                presets += preset_matrix(&id, p, &expected["preset_matrix"]);
            }
            // The XML helpers, through the rendered text (a render error is memor's error).
            let (found, verified, tree) = match message {
                MessageRef::Prompt(p) => (p.contains_xml(false), p.contains_xml(true), p.xml_tree()),
                MessageRef::Response(r) => (r.contains_xml(false), r.contains_xml(true), r.xml_tree()),
            };
            let outcome = |r: memor_render::Result<Value>| match r {
                Ok(v) => json!({ "value": v }),
                Err(e) => json!({ "error": e.to_string() }),
            };
            let want = |w: &Value| match w.get("value") {
                Some(v) => json!({ "value": v }),
                None => json!({ "error": w["error"]["message"] }),
            };
            assert_eq!(outcome(found.map(Value::from)), want(&expected["contains_xml"]["verify_false"]), "{id}");
            assert_eq!(outcome(verified.map(Value::from)), want(&expected["contains_xml"]["verify_true"]), "{id}");
            assert_eq!(outcome(tree), want(&expected["xml_tree"]), "{id} xml_tree");
        }
    }
    eprintln!("message renders as memor: {checked}, preset renders: {presets}");
    assert_eq!(checked, 84 * 5);
    assert_eq!(presets, 44 * 56);
}

/// The prompt's STRING render after `update_template(PresetPromptTemplate.FAMILY.MEMBER)`.
fn preset_matrix(id: &str, prompt: &Prompt, expected: &Value) -> usize {
    let mut checked = 0;
    for preset in memor_templates::presets::PRESETS {
        let mut p = prompt.clone();
        p.update_template(preset.template());
        let got = p.text();
        let want = &expected[preset.name];
        match (got, want.get("value")) {
            (Ok(text), Some(v)) => assert_eq!(Value::String(text), *v, "{id} {}", preset.name),
            (Err(e), None) => {
                assert_eq!(e.to_string(), want["error"]["message"].as_str().unwrap(), "{id} {}", preset.name)
            }
            (got, _) => panic!("{id} {}: got {got:?}, want {want}", preset.name),
        }
        checked += 1;
    }
    checked
}

#[test]
fn sessions_render_search_and_count_as_in_memor() {
    let registry = RendererRegistry::global();
    let (mut renders, mut searches) = (0, 0);
    for id in ids("S", 16) {
        let file = fixtures::read(&format!("conformance/objects/sessions/{id}.json"));
        let expected = fixtures::json(&format!("conformance/objects/sessions/{id}.expected.json"));
        let mut session = Session::from_json(&file).unwrap();
        for (name, format) in FORMATS {
            let loud = registry.render_session(&session, format, true);
            renders += usize::from(check(&id, name, &loud, &expected["render"][name]));
            // The JSON-text path writes exactly the value's JSON, with the same warnings.
            let text = registry.render_session_json(&session, format, true);
            match (&loud, &text) {
                (Ok(v), Ok(t)) => {
                    assert_eq!(t.json, v.value.to_string(), "{id} {name} json");
                    assert_eq!(t.warnings, v.warnings, "{id} {name} json warnings");
                }
                (Err(a), Err(b)) => assert_eq!(a.warnings(), b.warnings(), "{id} {name} json"),
                _ => panic!("{id} {name}: json and value renders disagree"),
            }
            let quiet = registry.render_session(&session, format, false);
            assert_eq!(
                quiet.as_ref().map(|r| &r.value).ok(),
                loud.as_ref().map(|r| &r.value).ok(),
                "{id} quiet {name}"
            );
            let got = match &quiet {
                Ok(r) => warnings(&r.warnings),
                Err(e) => warnings(e.warnings()),
            };
            assert_eq!(got, expected["render_quiet"][name]["warnings"], "{id} quiet {name} warnings");
        }
        let text = session.text().map(Value::String);
        assert_eq!(text.as_ref().ok().cloned(), expected["str"].get("value").cloned(), "{id} str");
        assert_eq!(Value::from(session.check_render()), expected["check_render"]["value"], "{id} check_render");
        assert_eq!(Value::from(session.repr()), expected["repr"]["value"], "{id} repr");
        assert_eq!(Value::from(session.len()), expected["len"]["value"], "{id} len");
        for case in expected["search"].as_array().unwrap() {
            let options = memor_render::SearchOptions {
                regex: case["use_regex"].as_bool().unwrap(),
                case_sensitive: case["case_sensitive"].as_bool().unwrap(),
                ..Default::default()
            };
            let got = session.search(case["query"].as_str().unwrap(), options);
            match case.get("value") {
                Some(v) => assert_eq!(Value::from(got.unwrap().indices), *v, "{id} search {case}"),
                None => assert!(got.is_err(), "{id} search {case}"),
            }
            searches += 1;
        }
        // `s + s`: a new session, no title, all enabled, counter 0; memor's constructor then
        // renders it, which fails if any message (even a formerly masked one) cannot render.
        let plus = session.clone() + session.clone();
        let want = &expected["plus"]["session_plus_session"];
        if want.get("error").is_some() {
            assert!(!plus.check_render(), "{id} plus");
        } else {
            assert!(plus.check_render(), "{id} plus");
            assert_eq!(plus.title(), None);
            assert_eq!(Value::from(plus.len()), want["len"], "{id} plus");
            assert_eq!(serde_json::to_value(plus.messages_status()).unwrap(), want["messages_status"], "{id} plus");
            assert_eq!(Value::from(plus.render_counter()), want["render_counter"], "{id} plus");
        }
        // The render counter: uncounted renders leave it, counted ones add one, and a counted
        // DICTIONARY render shows the count from before it.
        let trace = &expected["render_counter_trace"];
        assert_eq!(Value::from(session.render_counter()), trace["initial"], "{id}");
        if session.check_render() {
            session.render("string").unwrap();
            assert_eq!(Value::from(session.render_counter()), trace["after_one_counted_render"], "{id}");
            let dict = session.render("dictionary").unwrap();
            assert_eq!(dict.value["render_counter"], trace["dictionary_render_counter_field"], "{id}");
            assert_eq!(Value::from(session.render_counter()), trace["after_two_counted_renders"], "{id}");
            session.reset_render_counter();
            assert_eq!(Value::from(session.render_counter()), trace["after_reset"], "{id}");
        }
    }
    eprintln!("session renders as memor: {renders}, searches: {searches}");
    assert_eq!(renders, 16 * 5);
}
