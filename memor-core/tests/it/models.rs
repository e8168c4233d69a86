//! The 417 model constants against memor 1.1's `LLMModel`.

use memor_core::models;

use crate::fixtures;

#[test]
fn model_constants_are_memors_enum_in_order() {
    let data = fixtures::json("conformance/llm_models.json");
    let members: Vec<(String, String)> = serde_json::from_value(data["members"].clone()).unwrap();
    assert_eq!(members.len(), 417);
    let ours: Vec<(String, String)> = models::ALL.iter().map(|(n, v)| (n.to_string(), v.to_string())).collect();
    assert_eq!(ours, members);
    assert_eq!(models::DEFAULT, "unknown");
    assert_eq!(models::GPT_4, "gpt-4");
}
