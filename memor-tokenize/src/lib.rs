//! Token counting for memor: memor 1.1's three estimators with memor's exact numbers, OpenAI's
//! exact encodings (`cl100k_base`, `o200k_base`), chat-format counts as a provider bills them,
//! and the [`TokenCounter`] trait with its [`CounterRegistry`].
//!
//! ```
//! use memor_core::{Prompt, Response};
//! use memor_tokenize::prelude::*;
//! use memor_tokenize::{CounterRegistry, Estimator};
//!
//! let prompt = Prompt::builder().message("What is a token?").build();
//! // memor 1.1: Prompt(message="What is a token?").estimate_tokens(TokensEstimator.UNIVERSAL)
//! // is 6; tiktoken's o200k_base encodes the same text in 5 tokens.
//! assert_eq!(prompt.estimate_tokens(&Estimator::Universal)?, 6);
//! # #[cfg(feature = "bpe")]
//! assert_eq!(prompt.estimate_tokens(CounterRegistry::global().get("o200k_base")?)?, 5);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Counters
//!
//! | id | what | exact? |
//! |---|---|---|
//! | `universal` | memor's `TokensEstimator.UNIVERSAL` (its default) | memor's number |
//! | `openai_gpt_3_5` | memor's `TokensEstimator.OPENAI_GPT_3_5` | memor's number |
//! | `openai_gpt_4` | memor's `TokensEstimator.OPENAI_GPT_4` | memor's number |
//! | `cl100k_base` | OpenAI's encoding of GPT-4 and GPT-3.5 (feature `bpe`) | tiktoken's ids |
//! | `o200k_base` | OpenAI's encoding of GPT-4o and newer (feature `bpe`) | tiktoken's ids |
//!
//! [`ModelMap`] says which counter a model's name calls for (and can be overridden);
//! [`ChatCounter`] counts a conversation with OpenAI's per-message overheads.
//!
//! ## Feature Flags
//!
//! * `bpe` (default) — the `bpe` module: exact `cl100k_base` and `o200k_base` counters
//!   (`Encoding`), on OpenAI's vocabularies built into the binary (about 7 MB). Without it, the [`ModelMap`] sends OpenAI
//!   models to memor's OpenAI estimators instead.
//!
//! ## Plugins
//!
//! A crate adds a counter by implementing [`TokenCounter`] and either registering it on a
//! registry value ([`CounterRegistry::register`]) or, to appear in the
//! [global registry](CounterRegistry::global), with [`register_token_counter!`]. Because a
//! linker may drop a crate that nothing references (dtolnay/inventory#50), a plugin crate
//! should also export a `register` function that applications can call.

#[cfg(feature = "bpe")]
pub mod bpe;
pub mod chat;
mod counter;
#[cfg(feature = "bpe")]
mod cut;
mod error;
pub mod estimators;
mod ext;
mod models;
#[cfg(all(feature = "bpe", test))]
mod pieces;
mod registry;
mod unicode;

#[cfg(feature = "bpe")]
pub use bpe::Encoding;
pub use chat::{ChatCounter, ChatMessage, ChatRule};
pub use counter::TokenCounter;
pub use error::{Error, Result};
pub use estimators::Estimator;
pub use ext::{ChatTokensExt, EstimateTokensExt};
pub use models::ModelMap;
pub use registry::CounterRegistry;

/// The extension traits, for `use memor_tokenize::prelude::*`.
pub mod prelude {
    pub use crate::{ChatTokensExt, EstimateTokensExt};
}

/// Registers a [`TokenCounter`] in the [global registry](CounterRegistry::global) of any
/// binary that links the calling crate.
///
/// ```
/// use memor_tokenize::{CounterRegistry, TokenCounter};
///
/// /// One token per byte.
/// struct Bytes;
///
/// impl TokenCounter for Bytes {
///     fn id(&self) -> &str {
///         "bytes"
///     }
///     fn count(&self, text: &str) -> usize {
///         text.len()
///     }
/// }
///
/// memor_tokenize::register_token_counter!(Bytes);
///
/// fn main() -> Result<(), memor_tokenize::Error> {
///     assert_eq!(CounterRegistry::global().get("bytes")?.count("héllo"), 6);
///     Ok(())
/// }
/// ```
#[macro_export]
macro_rules! register_token_counter {
    ($counter:expr) => {
        $crate::__private::inventory::submit! {
            $crate::__private::CounterPlugin(|| ::std::boxed::Box::new($counter))
        }
    };
}

#[doc(hidden)]
pub mod __private {
    pub use inventory;

    /// A counter contributed by `register_token_counter!`.
    pub struct CounterPlugin(pub fn() -> Box<dyn crate::TokenCounter>);

    inventory::collect!(CounterPlugin);
}

/// A fixed xorshift from `seed`, for tests that draw random input: a failure names an input
/// that fails again.
#[cfg(all(test, feature = "bpe"))]
pub(crate) fn xorshift(mut state: u64) -> impl FnMut() -> u64 {
    move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    }
}
