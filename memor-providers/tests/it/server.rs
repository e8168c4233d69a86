//! The shared loopback server ([`memor_testkit::http`]) and what the providers' tests add to
//! it: a client with short timeouts and fast retries, a session, a key.

use std::time::Duration;

use memor_core::{Prompt, Response, Role, Session};
use memor_providers::{Client, RetryPolicy, UreqTransport};
pub use memor_testkit::http::{Recorded, Reply, ok, serve, status};

/// A client with short timeouts and a fast retry policy.
pub fn client() -> Client {
    Client::new(UreqTransport::new(Duration::from_secs(2), Duration::from_secs(2))).retry(fast_retry())
}

/// 3 attempts, 1 ms first backoff.
pub fn fast_retry() -> RetryPolicy {
    RetryPolicy { max_attempts: 3, base_delay: Duration::from_millis(1), max_delay: Duration::from_secs(1) }
}

/// A session: system, user, assistant, a masked user prompt, user.
pub fn session() -> Session {
    let mut session = Session::new(None);
    session.add_message(Prompt::builder().role(Role::System).message("You are terse.").build());
    session.add_message(Prompt::builder().message("Hi").build());
    session.add_message(Response::builder().message("Hello!").build().unwrap());
    session.add_message(Prompt::builder().message("masked").build());
    session.add_message(Prompt::builder().message("How are you?").build());
    session.mask_message(3).unwrap();
    session
}

/// The API key the tests use.
pub const KEY: &str = "sk-test-SECRET-0123456789";
