//! The shared loopback server ([`memor_testkit::http`]) and what the embedders' tests add to
//! it: an embedder on a real HTTP client with short timeouts and fast retries, a key.

use std::sync::Arc;
use std::sync::mpsc::Receiver;
use std::time::Duration;

use memor_embed::{EmbeddingApi, HttpEmbedder};
use memor_providers::{RetryPolicy, UreqTransport};
pub use memor_testkit::http::{Recorded, Reply, ok, serve, status};

/// All the requests recorded so far.
pub fn drain(requests: &Receiver<Recorded>) -> Vec<Recorded> {
    requests.try_iter().collect()
}

/// `api` on a real HTTP client with short timeouts and a fast retry policy.
pub fn embedder<A: EmbeddingApi>(api: A) -> HttpEmbedder<A> {
    let transport = UreqTransport::new(Duration::from_secs(2), Duration::from_secs(5));
    HttpEmbedder::with_transport(api, Arc::new(transport)).retry(fast_retry())
}

/// 3 attempts, 1 ms first backoff.
pub fn fast_retry() -> RetryPolicy {
    RetryPolicy { max_attempts: 3, base_delay: Duration::from_millis(1), max_delay: Duration::from_secs(1) }
}

/// The API key the tests use.
pub const KEY: &str = "sk-test-SECRET-0123456789";
