//! Streamed replies with tool calls in each provider's documented event shapes, the
//! equivalent whole replies, and the calls both must give.

use serde_json::{Value, json};

use memor_core::ToolCall;

use crate::tools_check::args;

/// A `text/event-stream` body of these `data:` payloads, each with an `event:` line naming
/// its `type` when `named` (Anthropic, Responses).
pub fn events(payloads: &[&str], named: bool) -> String {
    let mut body = String::new();
    for data in payloads {
        if named {
            let value: Value = serde_json::from_str(data).unwrap();
            body.push_str(&format!("event: {}\n", value["type"].as_str().unwrap()));
        }
        body.push_str(&format!("data: {data}\n\n"));
    }
    body
}

pub fn call(id: &str, name: &str, arguments: Value) -> ToolCall {
    ToolCall { id: id.to_owned(), name: name.to_owned(), arguments: args(arguments) }
}

// OpenAI: a text delta, then two calls whose arguments come in fragments keyed by `index`.
pub const OPENAI_CHUNKS: &[&str] = &[
    r#"{"id":"chatcmpl-8","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini-2024-07-18","choices":[{"index":0,"delta":{"role":"assistant","content":"Je vérifie."},"logprobs":null,"finish_reason":null}],"usage":null}"#,
    r#"{"id":"chatcmpl-8","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini-2024-07-18","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"call_abc","type":"function","function":{"name":"get_weather","arguments":""}}]},"logprobs":null,"finish_reason":null}],"usage":null}"#,
    r#"{"id":"chatcmpl-8","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini-2024-07-18","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\"loc"}}]},"logprobs":null,"finish_reason":null}],"usage":null}"#,
    r#"{"id":"chatcmpl-8","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini-2024-07-18","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"ation\": \"Zürich\"}"}}]},"logprobs":null,"finish_reason":null}],"usage":null}"#,
    r#"{"id":"chatcmpl-8","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini-2024-07-18","choices":[{"index":0,"delta":{"tool_calls":[{"index":1,"id":"call_def","type":"function","function":{"name":"get_time","arguments":""}}]},"logprobs":null,"finish_reason":null}],"usage":null}"#,
    r#"{"id":"chatcmpl-8","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini-2024-07-18","choices":[{"index":0,"delta":{"tool_calls":[{"index":1,"function":{"arguments":"{}"}}]},"logprobs":null,"finish_reason":null}],"usage":null}"#,
    r#"{"id":"chatcmpl-8","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini-2024-07-18","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"tool_calls"}],"usage":null}"#,
    r#"{"id":"chatcmpl-8","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini-2024-07-18","choices":[],"usage":{"prompt_tokens":80,"completion_tokens":30,"total_tokens":110}}"#,
    "[DONE]",
];

pub const OPENAI_WHOLE: &str = r#"{"id":"chatcmpl-8","object":"chat.completion","created":1,"model":"gpt-4o-mini-2024-07-18",
 "choices":[{"index":0,"message":{"role":"assistant","content":"Je vérifie.","tool_calls":[
   {"id":"call_abc","type":"function","function":{"name":"get_weather","arguments":"{\"location\": \"Zürich\"}"}},
   {"id":"call_def","type":"function","function":{"name":"get_time","arguments":"{}"}}]},"finish_reason":"tool_calls"}],
 "usage":{"prompt_tokens":80,"completion_tokens":30,"total_tokens":110}}"#;

pub fn openai_calls() -> Vec<ToolCall> {
    vec![call("call_abc", "get_weather", json!({"location": "Zürich"})), call("call_def", "get_time", json!({}))]
}

// Mistral: the whole call in one chunk.
pub const MISTRAL_CHUNKS: &[&str] = &[
    r#"{"id":"cmpl-f1","object":"chat.completion.chunk","created":1702256327,"model":"mistral-large-latest","choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}]}"#,
    r#"{"id":"cmpl-f1","object":"chat.completion.chunk","created":1702256327,"model":"mistral-large-latest","choices":[{"index":0,"delta":{"tool_calls":[{"id":"D681PevKs","function":{"name":"retrieve_payment_status","arguments":"{\"transaction_id\": \"T1001\", \"note\": \"café\"}"},"index":0}]},"finish_reason":"tool_calls"}],"usage":{"prompt_tokens":90,"total_tokens":98,"completion_tokens":8}}"#,
    "[DONE]",
];

pub const MISTRAL_WHOLE: &str = r#"{"id":"cmpl-f1","object":"chat.completion","created":1702256327,"model":"mistral-large-latest",
 "choices":[{"index":0,"message":{"role":"assistant","content":"","tool_calls":[{"id":"D681PevKs","type":"function",
   "function":{"name":"retrieve_payment_status","arguments":"{\"transaction_id\": \"T1001\", \"note\": \"café\"}"}}]},"finish_reason":"tool_calls"}],
 "usage":{"prompt_tokens":90,"completion_tokens":8,"total_tokens":98}}"#;

pub fn mistral_calls() -> Vec<ToolCall> {
    vec![call("D681PevKs", "retrieve_payment_status", json!({"transaction_id": "T1001", "note": "café"}))]
}

// Anthropic: a text block, then a `tool_use` block whose input comes as `partial_json`.
pub const ANTHROPIC_EVENTS: &[&str] = &[
    r#"{"type":"message_start","message":{"id":"msg_014p7gG3wDgGV9EUtLvnow3U","type":"message","role":"assistant","model":"claude-sonnet-4-20250514","stop_sequence":null,"usage":{"input_tokens":472,"output_tokens":2},"content":[],"stop_reason":null}}"#,
    r#"{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}"#,
    r#"{"type": "ping"}"#,
    r#"{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Je regarde la météo"}}"#,
    r#"{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":" à Zürich."}}"#,
    r#"{"type":"content_block_stop","index":0}"#,
    r#"{"type":"content_block_start","index":1,"content_block":{"type":"tool_use","id":"toolu_01T1x1fJ34qAmk2tNTrN7Up6","name":"get_weather","input":{}}}"#,
    r#"{"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":""}}"#,
    r#"{"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"{\"location\": \"Zü"}}"#,
    r#"{"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"rich\", \"unit\": \"°C\"}"}}"#,
    r#"{"type":"content_block_stop","index":1}"#,
    r#"{"type":"message_delta","delta":{"stop_reason":"tool_use","stop_sequence":null},"usage":{"output_tokens":89}}"#,
    r#"{"type":"message_stop"}"#,
];

pub const ANTHROPIC_WHOLE: &str = r#"{"id":"msg_014p7gG3wDgGV9EUtLvnow3U","type":"message","role":"assistant","model":"claude-sonnet-4-20250514",
 "content":[{"type":"text","text":"Je regarde la météo à Zürich."},
            {"type":"tool_use","id":"toolu_01T1x1fJ34qAmk2tNTrN7Up6","name":"get_weather","input":{"location":"Zürich","unit":"°C"}}],
 "stop_reason":"tool_use","stop_sequence":null,"usage":{"input_tokens":472,"output_tokens":89}}"#;

pub fn anthropic_calls() -> Vec<ToolCall> {
    vec![call("toolu_01T1x1fJ34qAmk2tNTrN7Up6", "get_weather", json!({"location": "Zürich", "unit": "°C"}))]
}

// Gemini: text, then whole `functionCall` parts in two chunks.
pub const GEMINI_CHUNKS: &[&str] = &[
    r#"{"candidates":[{"content":{"parts":[{"text":"Je cherche les séances."}],"role":"model"},"index":0}],"usageMetadata":{"promptTokenCount":42,"totalTokenCount":42},"modelVersion":"gemini-2.5-flash","responseId":"abc123"}"#,
    r#"{"candidates":[{"content":{"parts":[{"functionCall":{"name":"find_theaters","args":{"location":"Mountain View, CA","movie":"Barbie"}}}],"role":"model"},"index":0}],"usageMetadata":{"promptTokenCount":42,"totalTokenCount":42},"modelVersion":"gemini-2.5-flash","responseId":"abc123"}"#,
    r#"{"candidates":[{"content":{"parts":[{"functionCall":{"name":"find_theaters","args":{"location":"Sunnyvale, CA","movie":"Barbie"}}}],"role":"model"},"finishReason":"STOP","index":0}],"usageMetadata":{"promptTokenCount":42,"candidatesTokenCount":7,"totalTokenCount":49},"modelVersion":"gemini-2.5-flash","responseId":"abc123"}"#,
];

pub const GEMINI_WHOLE: &str = r#"{"candidates":[{"content":{"role":"model","parts":[
   {"text":"Je cherche les séances."},
   {"functionCall":{"name":"find_theaters","args":{"location":"Mountain View, CA","movie":"Barbie"}}},
   {"functionCall":{"name":"find_theaters","args":{"location":"Sunnyvale, CA","movie":"Barbie"}}}]},
   "finishReason":"STOP","index":0}],
 "usageMetadata":{"promptTokenCount":42,"candidatesTokenCount":7,"totalTokenCount":49},
 "modelVersion":"gemini-2.5-flash","responseId":"abc123"}"#;

pub fn gemini_calls() -> Vec<ToolCall> {
    vec![
        call("find_theaters_0", "find_theaters", json!({"location": "Mountain View, CA", "movie": "Barbie"})),
        call("find_theaters_1", "find_theaters", json!({"location": "Sunnyvale, CA", "movie": "Barbie"})),
    ]
}

// Responses: a message item with text, then a `function_call` item with argument deltas.
pub const RESPONSES_EVENTS: &[&str] = &[
    r#"{"type":"response.created","sequence_number":0,"response":{"id":"resp_1","object":"response","status":"in_progress","model":"gpt-4.1-2025-04-14","output":[],"usage":null}}"#,
    r#"{"type":"response.output_item.added","sequence_number":1,"output_index":0,"item":{"id":"msg_1","type":"message","status":"in_progress","role":"assistant","content":[]}}"#,
    r#"{"type":"response.output_text.delta","sequence_number":2,"item_id":"msg_1","output_index":0,"content_index":0,"delta":"Je vérifie."}"#,
    r#"{"type":"response.output_item.added","sequence_number":3,"output_index":1,"item":{"id":"fc_1","type":"function_call","status":"in_progress","arguments":"","call_id":"call_123","name":"get_weather"}}"#,
    r#"{"type":"response.function_call_arguments.delta","sequence_number":4,"item_id":"fc_1","output_index":1,"delta":"{\"location\":\"Bogo"}"#,
    r#"{"type":"response.function_call_arguments.delta","sequence_number":5,"item_id":"fc_1","output_index":1,"delta":"tá\"}"}"#,
    r#"{"type":"response.function_call_arguments.done","sequence_number":6,"item_id":"fc_1","output_index":1,"arguments":"{\"location\":\"Bogotá\"}"}"#,
    r#"{"type":"response.output_item.done","sequence_number":7,"output_index":1,"item":{"id":"fc_1","type":"function_call","status":"completed","arguments":"{\"location\":\"Bogotá\"}","call_id":"call_123","name":"get_weather"}}"#,
    r#"{"type":"response.completed","sequence_number":8,"response":{"id":"resp_1","object":"response","status":"completed","model":"gpt-4.1-2025-04-14","output":[{"type":"message","id":"msg_1","role":"assistant","content":[{"type":"output_text","text":"Je vérifie.","annotations":[]}]},{"type":"function_call","id":"fc_1","call_id":"call_123","name":"get_weather","arguments":"{\"location\":\"Bogotá\"}","status":"completed"}],"usage":{"input_tokens":80,"output_tokens":9,"total_tokens":89}}}"#,
];

pub const RESPONSES_WHOLE: &str = r#"{"id":"resp_1","object":"response","status":"completed","model":"gpt-4.1-2025-04-14",
 "output":[{"type":"message","id":"msg_1","role":"assistant","content":[{"type":"output_text","text":"Je vérifie.","annotations":[]}]},
           {"type":"function_call","id":"fc_1","call_id":"call_123","name":"get_weather","arguments":"{\"location\":\"Bogotá\"}","status":"completed"}],
 "usage":{"input_tokens":80,"output_tokens":9,"total_tokens":89}}"#;

pub fn responses_calls() -> Vec<ToolCall> {
    vec![call("call_123", "get_weather", json!({"location": "Bogotá"}))]
}

// Ollama: text, then whole `tool_calls` in two lines, then `done`.
pub const OLLAMA_LINES: &str = concat!(
    r#"{"model":"qwen3","created_at":"2025-10-17T23:14:07.31Z","message":{"role":"assistant","content":"Je vérifie."},"done":false}"#,
    "\n",
    r#"{"model":"qwen3","created_at":"2025-10-17T23:14:07.35Z","message":{"role":"assistant","content":"","tool_calls":[{"function":{"name":"get_temperature","arguments":{"city":"New York"}}}]},"done":false}"#,
    "\n",
    r#"{"model":"qwen3","created_at":"2025-10-17T23:14:07.38Z","message":{"role":"assistant","content":"","tool_calls":[{"function":{"name":"get_temperature","arguments":{"city":"Zürich"}}}]},"done":false}"#,
    "\n",
    r#"{"model":"qwen3","created_at":"2025-10-17T23:14:07.41Z","message":{"role":"assistant","content":""},"done":true,"done_reason":"stop","eval_count":18}"#,
    "\n",
);

pub const OLLAMA_WHOLE: &str = r#"{"model":"qwen3","created_at":"2025-10-17T23:14:07.41Z",
 "message":{"role":"assistant","content":"Je vérifie.","tool_calls":[
   {"function":{"name":"get_temperature","arguments":{"city":"New York"}}},
   {"function":{"name":"get_temperature","arguments":{"city":"Zürich"}}}]},
 "done":true,"done_reason":"stop","eval_count":18}"#;

pub fn ollama_calls() -> Vec<ToolCall> {
    vec![
        call("get_temperature_0", "get_temperature", json!({"city": "New York"})),
        call("get_temperature_1", "get_temperature", json!({"city": "Zürich"})),
    ]
}
