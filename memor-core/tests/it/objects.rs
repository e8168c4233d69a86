//! Every object file memor 1.1 wrote loads here and re-saves to memor's bytes and size.

use memor_core::{AnyDocument, Document, Kind, Prompt, Response, Session};
use serde_json::Value;

use crate::fixtures;

#[test]
fn every_object_file_resaves_to_memors_bytes_and_size() {
    let manifest = fixtures::json("conformance/manifest.json");
    let objects = manifest["objects"].as_array().expect("manifest objects");
    let mut checked = std::collections::BTreeMap::<&str, usize>::new();
    for entry in objects {
        let id = entry["id"].as_str().unwrap();
        let path = entry["path"].as_str().unwrap();
        let kind: Kind = match entry["kind"].as_str().unwrap() {
            "PromptTemplate" => Kind::Template,
            other => other.to_lowercase().parse().unwrap(),
        };
        let file = fixtures::read(&format!("conformance/{path}"));
        let expected = fixtures::json(&format!("conformance/{}", path.replace(".json", ".expected.json")));
        let doc = AnyDocument::from_json(&file, Some(kind)).unwrap_or_else(|e| panic!("{id}: {e}"));
        if kind == Kind::Session {
            // Streamed in one part and in two, as the whole tree loads it.
            assert!(memor_core::json::__streaming_agrees(&file), "{id}: streamed loads differ");
            // And each is read a window at a time, as a file of it is.
            assert!(memor_core::json::__windowed(&file), "{id}: not read a window at a time");
        }

        // memor's to_json() after loading: the file itself, or the value the fixture records.
        let (want_value, want_bytes) = match expected.get("to_json") {
            Some(v) if expected["to_json_matches_file"] == Value::Bool(false) => {
                (v["value"].clone(), fixtures::read(&format!("resaved/{id}.json")))
            }
            Some(v) => (v["value"].clone(), file.clone()),
            None => (serde_json::from_str(&file).unwrap(), file.clone()),
        };
        let got_bytes = doc.to_json();
        assert_eq!(got_bytes, want_bytes, "{id}: saved bytes differ from memor's");
        assert_eq!(serde_json::to_value(&doc).unwrap(), want_value, "{id}: to_json differs");
        let size = expected["get_size"]["value"].as_u64().unwrap() as usize;
        assert_eq!(doc.get_size(), size, "{id}: get_size");
        *checked.entry(entry["kind"].as_str().unwrap()).or_default() += 1;
    }
    eprintln!("object fixtures re-saved byte for byte: {checked:?}");
    assert_eq!(checked.values().sum::<usize>(), 126);
}

#[test]
fn prompt_without_template_saves_like_memors_save_template_false() {
    // P011 was saved by memor with save_template=False; saving it that way gives its bytes back.
    let file = fixtures::read("conformance/objects/prompts/P011.json");
    let prompt = Prompt::from_json(&file).unwrap();
    let dir = tempdir();
    let out = dir.join("p.json");
    prompt.save_without_template(&out).unwrap();
    assert_eq!(std::fs::read_to_string(&out).unwrap(), file);
    assert_eq!(prompt.template().title(), Some("Basic/Prompt"));
}

#[test]
fn session_messages_and_masks_match_memor() {
    for n in 0..16 {
        let id = format!("S{n:03}");
        let file = fixtures::read(&format!("conformance/objects/sessions/{id}.json"));
        let expected = fixtures::json(&format!("conformance/objects/sessions/{id}.expected.json"));
        let s = Session::from_json(&file).unwrap();
        let ids: Vec<&str> = s.iter().map(|m| m.id()).collect();
        let types: Vec<&str> = s.iter().map(|m| m.type_name()).collect();
        assert_eq!(serde_json::to_value(ids).unwrap(), plain(&expected["message_ids"]), "{id}");
        assert_eq!(serde_json::to_value(types).unwrap(), plain(&expected["message_types"]), "{id}");
        assert_eq!(serde_json::to_value(s.masks()).unwrap(), plain(&expected["masks"]), "{id}");
        assert_eq!(serde_json::to_value(s.messages_status()).unwrap(), plain(&expected["messages_status"]), "{id}");
        assert_eq!(Value::from(s.render_counter()), plain(&expected["render_counter"]), "{id}");
        assert_eq!(Value::Object(s.warnings().clone()), plain(&expected["warnings_property"]), "{id}");
    }
}

#[test]
fn prompt_selected_response_and_template_title_match_memor() {
    for n in 0..44 {
        let id = format!("P{n:03}");
        let file = fixtures::read(&format!("conformance/objects/prompts/{id}.json"));
        let expected = fixtures::json(&format!("conformance/objects/prompts/{id}.expected.json"));
        let p = Prompt::from_json(&file).unwrap();
        let selected = p.selected_response().map(Response::message);
        assert_eq!(serde_json::to_value(selected).unwrap(), plain(&expected["selected_response_message"]), "{id}");
        assert_eq!(
            serde_json::to_value(p.template().title()).unwrap(),
            plain(&expected["template_title_after_load"]),
            "{id}"
        );
        assert_eq!(Value::Object(p.warnings().clone()), plain(&expected["warnings_property"]), "{id}");
    }
}

pub fn tempdir() -> std::path::PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir =
        std::env::temp_dir().join(format!("memor-it-{}-{}", std::process::id(), N.fetch_add(1, Ordering::Relaxed)));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Fixture values are either `{"value": v}` or, for plain properties, `v` itself.
fn plain(v: &Value) -> Value {
    v.get("value").unwrap_or(v).clone()
}
