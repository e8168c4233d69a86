//! memor in one crate: the memor 1.1 data model (`memor-core`) and, by feature, renders,
//! token counts, providers, stores and context windows, with every built-in they hold
//! registered.
//!
//! ```
//! use memor::prelude::*;
//! use memor::{Prompt, Response, Session};
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let mut session = Session::new(Some("support".into()));
//! session.add_message(Prompt::builder().message("How do I reset my password?").build());
//! session.add_message(Response::builder().message("Open Settings, then Security.").build()?);
//! // A provider's format, with nothing but `memor` in scope.
//! let request = session.render("anthropic")?;
//! assert_eq!(request.value["messages"][0]["role"], "user");
//! let counter = memor::tokenize::CounterRegistry::global().get("cl100k_base")?;
//! let prompt = session.get_message(0).and_then(|m| m.as_prompt()).ok_or("no prompt")?;
//! assert_eq!(prompt.estimate_tokens(counter)?, 7); // How, do, I, reset, my, password, ?
//! # Ok(())
//! # }
//! ```
//!
//! ## Feature Flags
//!
//! - `render` (default): [`render`], memor's render formats, search, XML helpers, tables.
//! - `tokenize` (default): [`tokenize`], token counters and counts.
//! - `providers` (default): [`providers`], the provider adapters and the `Client`, and their
//!   render formats (`anthropic`, `gemini`, `mistral`, `ollama`, `openai_responses`) in the
//!   global render registry.
//! - `store` (default): [`store`], conversations in SQLite.
//! - `context` (default): [`context`], context windows and summary memory.

pub use memor_core::*;

// The crates, by the part they hold. Naming a crate here is what links it, and with it the
// built-ins it registers through the plugin macros (a dependency no code names is not linked:
// `session.render("anthropic")` then fails with `UnknownFormat`).
#[cfg(feature = "context")]
pub use memor_context as context;
pub use memor_core as core;
#[cfg(feature = "providers")]
pub use memor_providers as providers;
#[cfg(feature = "render")]
pub use memor_render as render;
#[cfg(feature = "store")]
pub use memor_store as store;
#[cfg(feature = "tokenize")]
pub use memor_tokenize as tokenize;

/// The extension traits: `prompt.render("openai")`, `session.search(…)`,
/// `session.estimate_tokens(counter)`, `session.chat_tokens("gpt-4o")`.
pub mod prelude {
    pub use memor_core::Document;
    #[cfg(feature = "render")]
    pub use memor_render::prelude::*;
    #[cfg(feature = "tokenize")]
    pub use memor_tokenize::prelude::*;
}

/// The README's examples, run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
struct ReadmeDoctests;
