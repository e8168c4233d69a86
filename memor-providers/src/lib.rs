//! LLM providers for memor sessions: the sans-I/O [`Provider`] trait and the built-in
//! adapters (OpenAI chat completions and OpenAI-compatible servers, Anthropic Messages, Gemini
//! `generateContent`, Mistral, Ollama `/api/chat`), the [`Transport`] trait with a default
//! blocking client, a retrying [`Client`], and the [`ProviderRegistry`]. The OpenAI Responses
//! API ([`OpenAiResponses`]) is there too.
//!
//! Every built-in provider can also stream ([`Client::chat_stream`]): server-sent events for
//! OpenAI, OpenAI Responses, Anthropic, Gemini (`streamGenerateContent?alt=sse`) and Mistral,
//! NDJSON for Ollama. Each piece of text goes to a callback as it arrives, and the stream is
//! assembled into one [`Response`](memor_core::Response) with the same fields as a
//! non-streamed reply (OpenAI is asked for its usage with `stream_options.include_usage`).
//! Providers stay free of I/O: [`Provider::stream_request`] and a [`StreamParser`] fed the
//! body's bytes; [`Transport::send_streaming`] delivers them.
//!
//! ```no_run
//! # #[cfg(feature = "ureq")]
//! # fn main() -> Result<(), memor_providers::Error> {
//! use memor_core::{Prompt, Session};
//! use memor_providers::{ChatOptions, Client, OpenAi};
//!
//! let mut session = Session::new(None);
//! session.add_message(Prompt::builder().message("Say hello").build());
//! // The key comes from OPENAI_API_KEY unless given in code.
//! let responses = Client::default().chat(&OpenAi::new(), &session, &ChatOptions::new("gpt-4o-mini"))?;
//! println!("{}", responses[0].message());
//! # Ok(())
//! # }
//! # #[cfg(not(feature = "ureq"))]
//! # fn main() {}
//! ```
//!
//! A session's enabled messages are sent as their text (memor's STRING render; a prompt
//! through its template) with their tool calls, tool results and images ([`turns`]) in each
//! provider's shape; masked messages are not sent. [`ChatOptions::tools`] sends [`Tool`]
//! definitions. A tool call and its result must be next to each other (else
//! [`Error::ToolPairing`], naming the message and the call). Each reply becomes a
//! [`Response`](memor_core::Response) with the reply's text and tool calls (Gemini and Ollama
//! give no ids: they are made up as `{name}_{index}`), its model (else the requested one), its
//! completion tokens, the call's wall time as the inference time, the request's temperature,
//! top-p and top-k, and the rest of what the provider said (usage, finish reason, reply id) as
//! provider metadata. Several candidates (`n`, `candidateCount`) give several responses.
//!
//! A refusal (OpenAI's `refusal`, streamed `delta.refusal`, a Responses `refusal` part,
//! Anthropic's `refusal` stop) is recorded as the response, its text marked `"refusal": true`
//! in the metadata. Content given as a list of parts (Mistral's chunks, Anthropic's blocks,
//! Gemini's parts) has its text parts joined and the other parts kept verbatim in the
//! metadata's `content_parts`. A reply with no text, no refusal and no tool call is an
//! [`Error::NoContent`] naming the provider's reason (`length`, `SAFETY`, a blocked prompt),
//! never an empty message.
//!
//! Reasoning state ([`Reasoning`](memor_core::Reasoning), saved with the response) is kept
//! exactly as it came: Anthropic `thinking`/`redacted_thinking` blocks with their signatures,
//! OpenAI Responses `reasoning` items with their encrypted content (asked for with
//! `include` for reasoning models, as nothing is stored), Gemini thought parts and thought
//! signatures. Each provider sends back its own on the next turns (Anthropic's blocks first in
//! the assistant message, Responses items before the calls they led to, Gemini's signatures on
//! the parts they came on); a session moved to another provider drops them.
//!
//! Requests are what each provider's current official SDK sends for the same conversation
//! (`tests/sdk/judge.py` checks it against the pinned Python SDKs): Anthropic's key as
//! `authorization: Bearer` with `anthropic-version: 2026-10-21`, whose Messages API has no
//! sampling settings (temperature, top-p and top-k are refused); Gemini's `v1` API with tool
//! parameters as `parametersJsonSchema`; the defaults the SDKs send (`detail` on Responses
//! images, `strict` on Responses tools, Mistral's `stream` and `prefix`); Ollama tool calls with
//! only `function.name` and `function.arguments`. OpenAI reasoning models (o-series, GPT-5)
//! refuse `temperature` and `top_p`, so memor refuses them too.
//!
//! API keys are [`ApiKey`]s and [`Header::Secret`]s: they never appear in `Debug` output or
//! in errors.
//!
//! ## Not built yet
//!
//! Tool settings other than `tool_choice` (none at all on Ollama, which has no such field),
//! image URLs for Ollama (base64 only), `is_error` where the wire has no field for it (OpenAI,
//! Mistral, Responses, Ollama), options to ask for thinking (Anthropic's `thinking`, Gemini's
//! `thinkingConfig`, Responses' `reasoning`), merging consecutive same-role turns for
//! Anthropic, several candidates when streaming, and a non-blocking transport: the `async`
//! feature's `AsyncClient` gives futures, but each call in flight holds an OS thread running
//! the blocking [`Client`]. The live providers have not been called from this crate's tests:
//! they run against a local server replaying the providers' documented shapes and replies
//! built from the official SDKs' own models.
//!
//! ## Plugins
//!
//! A crate adds a provider by implementing [`Provider`] and registering it on a registry value
//! ([`ProviderRegistry::register`]) or, to appear in the [global
//! registry](ProviderRegistry::global), with [`register_provider!`]. Because a linker may drop
//! a crate that nothing references (dtolnay/inventory#50), a plugin crate should also export a
//! `register` function that applications can call.
//!
//! ## Feature Flags
//!
//! - `ureq` (default): [`UreqTransport`], a blocking HTTP client, and `Client::default()`.
//! - `rustls` (default): HTTPS for [`UreqTransport`] (rustls, ring, webpki roots); without it
//!   the client speaks plain HTTP only (enough for a local Ollama).
//! - `async`: `AsyncClient`, whose `chat` and `chat_stream` return futures that any
//!   executor can drive (std only, no runtime); each call runs the blocking [`Client`] on a
//!   thread of its own.

#[cfg(feature = "async")]
mod async_client;
mod client;
mod error;
mod history;
mod http;
mod ndjson;
mod options;
mod provider;
mod providers;
mod registry;
mod render_formats;
mod reply;
mod retry;
mod sse;
mod stream;
mod tools;
mod transport;

#[cfg(feature = "async")]
pub use async_client::{AsyncClient, ChatFuture};
pub use client::{Client, chat};
pub use error::{Error, Result};
pub use history::{Turn, turns};
pub use http::{ApiKey, Header, HttpRequest, HttpResponse};
pub use ndjson::NdjsonDecoder;
pub use options::ChatOptions;
pub use provider::{Provider, conversation};
pub use providers::{Anthropic, Gemini, Mistral, Ollama, OpenAi, OpenAiResponses};
pub use registry::ProviderRegistry;
pub use render_formats::{ProviderFormat, register_formats};
pub use retry::RetryPolicy;
pub use sse::{SseDecoder, SseEvent};
pub use stream::StreamParser;
pub use tools::{Tool, ToolChoice};
pub use transport::Transport;
#[cfg(feature = "ureq")]
pub use transport::{DEFAULT_DEADLINE, DEFAULT_MAX_BODY, UreqTransport};

/// Registers a [`Provider`] in the [global registry](ProviderRegistry::global) of any binary
/// that links the calling crate.
///
/// ```ignore
/// memor_providers::register_provider!(MyProvider);
/// ```
#[macro_export]
macro_rules! register_provider {
    ($provider:expr) => {
        $crate::__private::inventory::submit! {
            $crate::__private::ProviderPlugin(|| ::std::boxed::Box::new($provider))
        }
    };
}

#[doc(hidden)]
pub mod __private {
    pub use inventory;

    /// A provider contributed by `register_provider!`.
    pub struct ProviderPlugin(pub fn() -> Box<dyn crate::Provider>);

    inventory::collect!(ProviderPlugin);
}
