//! What tool definitions cost on OpenAI: the cookbook's `num_tokens_for_tools`.

use memor_providers::Tool;
use serde_json::Value;

/// The cookbook's rule ("How to count tokens with tiktoken", function calling): per function
/// `func_init` plus `name:description` (a final period dropped); with properties 3, and per
/// property 3 plus `name:type:description`, and for an enum −3 plus 3 and the value per item;
/// 12 once at the end. No tools cost nothing.
pub(crate) fn openai_tokens(tools: &[Tool], func_init: usize, count: impl Fn(&str) -> usize) -> usize {
    if tools.is_empty() {
        return 0;
    }
    let mut total: usize = 12;
    for tool in tools {
        total += func_init;
        let description = tool.description.strip_suffix('.').unwrap_or(&tool.description);
        total += count(&format!("{}:{description}", tool.name));
        let Some(Value::Object(properties)) = tool.parameters.get("properties") else { continue };
        if properties.is_empty() {
            continue;
        }
        total += 3;
        for (name, property) in properties {
            total += 3;
            let text = |key: &str| property.get(key).and_then(Value::as_str).unwrap_or("");
            if let Some(Value::Array(items)) = property.get("enum") {
                total = total.saturating_sub(3);
                for item in items {
                    let item = item.as_str().map_or_else(|| item.to_string(), str::to_owned);
                    total += 3 + count(&item);
                }
            }
            let description = text("description");
            let description = description.strip_suffix('.').unwrap_or(description);
            total += count(&format!("{name}:{}:{description}", text("type")));
        }
    }
    total
}
