//! Provider adapters: OpenAI, Anthropic, Gemini, Mistral and Ollama wire formats, the
//! sans-I/O `Provider` trait, the `Transport` trait and its registry. Not built yet: this
//! crate will own them.
