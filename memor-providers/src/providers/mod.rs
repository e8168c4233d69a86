//! The built-in providers.

/// A provider type that holds an optional API key, with `new()` and `with_api_key`.
macro_rules! keyed_provider {
    ($(#[$doc:meta])* $name:ident, $env:literal) => {
        $(#[$doc])*
        #[derive(Clone, Debug, Default)]
        pub struct $name {
            api_key: Option<crate::ApiKey>,
        }

        impl $name {
            #[doc = concat!("With the key from the options or `", $env, "`.")]
            pub fn new() -> Self {
                Self::default()
            }

            /// Uses this key unless the options give one.
            #[must_use]
            pub fn with_api_key(mut self, key: impl Into<crate::ApiKey>) -> Self {
                self.api_key = Some(key.into());
                self
            }
        }
    };
}

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
