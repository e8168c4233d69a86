//! The built-in providers.

mod anthropic;
mod gemini;
mod mistral;
mod ollama;
mod openai;
mod openai_responses;

pub use anthropic::Anthropic;
pub use gemini::Gemini;
pub use mistral::Mistral;
pub use ollama::Ollama;
pub use openai::OpenAi;
pub(crate) use openai::{chat_completions_body, parse_chat_completions};
pub use openai_responses::OpenAiResponses;
