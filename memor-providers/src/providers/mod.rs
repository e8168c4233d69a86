//! The built-in providers.

mod anthropic;
mod anthropic_stream;
mod chat_completions_stream;
mod chat_messages;
mod gemini;
mod gemini_stream;
mod mistral;
mod ollama;
mod ollama_stream;
mod openai;
mod openai_responses;
mod openai_responses_stream;
mod stream_calls;
mod tool_choice;

pub use anthropic::Anthropic;
pub use gemini::Gemini;
pub use mistral::Mistral;
pub use ollama::Ollama;
pub use openai::OpenAi;
pub(crate) use openai::{chat_completions_body, parse_chat_completions};
pub use openai_responses::OpenAiResponses;
