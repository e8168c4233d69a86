//! Context windows for memor sessions: fit any session into any model's window by exact
//! tokens, keep tool calls whole, and summarize what falls out through any provider.
//!
//! ```
//! use memor_context::{Counter, ModelTable, Policy, fit};
//! use memor_core::{Prompt, Response, Session};
//!
//! let mut session = Session::new(None);
//! for i in 0..1000 {
//!     session.add_message(Prompt::builder().message(format!("Tell me fact number {i}.")).build());
//!     session.add_message(Response::builder().message(format!("Fact {i}: water is wet.")).build()?);
//! }
//! session.add_message(Prompt::builder().message("Which fact was first?").build());
//!
//! let table = ModelTable::default();
//! let policy = Policy::for_model("gpt-4", &table)?; // 8,192 tokens, 2,048 kept for the reply
//! let counter = Counter::for_model("gpt-4", &table)?; // cl100k_base, OpenAI's chat rule
//! let fit = fit(&session, &policy, &counter)?;
//! assert!(fit.total <= 8192 - 2048);
//! assert_eq!(fit.kept.last().map(|e| e.index), Some(2000));
//! assert_eq!(fit.kept.len() + fit.dropped.len(), 2001);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! - [`ModelTable`]: each model's window, maximum output and provider [`Family`].
//! - [`MessageCounter`]: what a message costs: [`OpenAiCounter`] (exact: BPE plus OpenAI's chat
//!   overheads for messages, tool calls, tool results, images and tool definitions),
//!   [`EstimateCounter`] (the best counter memor-tokenize has, with a safety margin) and
//!   [`EndpointCounter`] (Anthropic's and Gemini's counting endpoints). [`Counter`] caches the
//!   counts by content.
//! - [`Policy`] and [`fit`]: the last messages within a budget (or the last N); system, pinned
//!   and the newest user turn always kept; a tool call and its results kept or dropped
//!   together; the request never starts with a tool result, nor (where the provider requires
//!   it) with an assistant turn; a reserve for the reply. The [`Fit`] says what was kept and
//!   dropped, with tokens.
//! - [`Summarizer`] and [`prepare`]: the messages that fall out summarized into a system
//!   message placed first (its metadata lists the ids it covers), the covered messages masked
//!   (never deleted), rolling from one summary to the next; a failed summary is a warning and
//!   the turn goes on with plain trimming.

mod counter;
mod counting;
mod endpoint;
mod error;
mod fit;
pub mod image;
mod models;
mod policy;
mod summary;
mod tools;

pub use counter::{EstimateCounter, Item, MessageCounter, OpenAiCounter};
pub use counting::Counter;
pub use endpoint::{Endpoint, EndpointCounter};
pub use error::{Error, Result};
pub use fit::{Entry, Fit, fit};
pub use models::{Family, ModelInfo, ModelTable};
pub use policy::Policy;
pub use summary::{
    Prepared, ProviderSummarizer, SUMMARY_KEY, SUMMARY_TEMPLATE, Summarizer, covered_ids, is_summary, prepare,
};
