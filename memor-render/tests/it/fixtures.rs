//! The memor 1.1 golden data under `testdata/`, and its value encoding.

use std::path::PathBuf;

use serde_json::Value;

pub fn read(relative: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../testdata").join(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

pub fn json(relative: &str) -> Value {
    serde_json::from_str(&read(relative)).unwrap_or_else(|e| panic!("{relative}: {e}"))
}

/// The fixtures tag Python values (`{"$role": "user"}`, `{"$datetime": …}`, `{"$Response": …}`);
/// renders here are plain JSON, where those are the role's value, the date text and the
/// object's memor JSON.
pub fn untag(v: &Value) -> Value {
    match v {
        Value::Object(map) if map.len() == 1 => {
            let (k, inner) = map.iter().next().unwrap();
            match k.as_str() {
                "$role" | "$datetime" | "$Response" | "$Prompt" | "$PromptTemplate" => untag(inner),
                _ => Value::Object(map.iter().map(|(k, v)| (k.clone(), untag(v))).collect()),
            }
        }
        Value::Object(map) => Value::Object(map.iter().map(|(k, v)| (k.clone(), untag(v))).collect()),
        Value::Array(items) => Value::Array(items.iter().map(untag).collect()),
        other => other.clone(),
    }
}

/// Our warnings in the fixtures' encoding.
pub fn warnings(ws: &[memor_render::Warning]) -> Value {
    Value::Array(
        ws.iter()
            .map(|w| {
                let category = match w.category {
                    memor_render::Category::Runtime => "RuntimeWarning",
                    memor_render::Category::User => "UserWarning",
                };
                serde_json::json!({ "category": category, "message": w.message })
            })
            .collect(),
    )
}
