//! Shared helpers: fixture paths, JSON loading, and memor's render arguments (spec §7.6 step 4).

use std::path::PathBuf;

use serde_json::{Map, Value};

/// `testdata/conformance` at the workspace root.
pub fn conformance_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../testdata/conformance")
}

/// `tests/data` of this crate.
pub fn data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data")
}

/// Parses a JSON file.
pub fn load(path: &PathBuf) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The arguments memor passes to `content.format(**arguments)` when rendering `prompt` (a
/// prompt file's object): `prompt` (the object without `template`), `response` (the selected
/// response, only when the index is in range), `responses`, then the template's `custom_map`.
pub fn render_args(prompt: &Value, custom_map: &Value) -> Map<String, Value> {
    let object = prompt.as_object().expect("prompt is an object");
    let without_template: Map<String, Value> =
        object.iter().filter(|(k, _)| k.as_str() != "template").map(|(k, v)| (k.clone(), v.clone())).collect();
    let responses = object["responses"].clone();
    let mut args = Map::new();
    args.insert("prompt".to_owned(), Value::Object(without_template));
    let selected = object["selected_response_index"].as_u64().and_then(|i| usize::try_from(i).ok());
    if let Some(response) = selected.and_then(|i| responses.as_array()?.get(i)) {
        args.insert("response".to_owned(), response.clone());
    }
    args.insert("responses".to_owned(), responses);
    if let Some(map) = custom_map.as_object() {
        for (k, v) in map {
            args.insert(k.clone(), v.clone());
        }
    }
    args
}

/// Renders `content` (null → error, as memor's `None.format` fails) and compares it with an
/// expected outcome `{"value": text}` or `{"error": …}`. Returns a mismatch description.
pub fn check_render(content: &Value, args: &Map<String, Value>, expected: &Value) -> Option<String> {
    let got = match content.as_str() {
        Some(text) => memor_templates::format(text, args),
        None => {
            return expected.get("error").is_none().then(|| "content is null".to_owned());
        }
    };
    match (expected.get("value"), got) {
        (Some(want), Ok(text)) if want.as_str() == Some(text.as_str()) => None,
        (None, Err(_)) if expected.get("error").is_some() => None,
        (want, got) => Some(format!("expected {want:?} / {:?}, got {got:?}", expected.get("error"))),
    }
}

/// The preset templates of `presets.json`: `(name, content, custom_map)`.
pub fn presets() -> Vec<(String, Value, Value)> {
    let doc = load(&conformance_dir().join("presets.json"));
    doc["presets"]
        .as_array()
        .expect("presets")
        .iter()
        .map(|p| (p["name"].as_str().expect("name").to_owned(), p["content"].clone(), p["custom_map"].clone()))
        .collect()
}
