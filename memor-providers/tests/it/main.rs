//! Integration tests of `memor-providers`: every adapter against a real HTTP server on
//! 127.0.0.1 started by the test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod anthropic;
#[cfg(feature = "async")]
mod async_client;
mod gemini;
mod hardening;
mod mistral;
mod ollama;
mod openai;
mod openai_responses;
mod refusals_reasoning;
mod registry;
mod reliability;
mod render_formats;
mod sdk_judge;
mod secrets;
mod server;
mod stream_anthropic;
mod stream_defaults;
mod stream_gemini;
mod stream_ollama;
mod stream_openai;
mod stream_responses;
mod stream_support;
mod stream_tool_calls;
mod stream_tool_fixtures;
mod tool_choice;
mod tools_check;
mod tools_replies;
mod tools_requests;
