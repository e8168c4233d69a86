//! [`RetryPolicy`]: how often and how long to wait before calling again after a 429 or a 5xx.

use std::hash::{BuildHasher, Hasher};
use std::time::Duration;

use crate::HttpResponse;

/// Retries after 429 (rate limited) and 5xx replies: at most `max_attempts` calls in all,
/// waiting `Retry-After` seconds when the reply says so (giving up if that is longer than
/// `max_delay`; an HTTP-date `Retry-After` is not read and counts as absent), else an exponential backoff with jitter: attempt *n* (from 1) waits a random
/// time between half and all of `base_delay × 2^(n-1)`, capped at `max_delay`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Calls in all, the first included (1 means no retry).
    pub max_attempts: u32,
    /// The first backoff.
    pub base_delay: Duration,
    /// The longest wait.
    pub max_delay: Duration,
}

impl Default for RetryPolicy {
    /// 3 attempts, 500 ms first backoff, 30 s longest wait.
    fn default() -> Self {
        RetryPolicy { max_attempts: 3, base_delay: Duration::from_millis(500), max_delay: Duration::from_secs(30) }
    }
}

impl RetryPolicy {
    /// No retries.
    pub fn none() -> Self {
        RetryPolicy { max_attempts: 1, ..Self::default() }
    }

    /// Whether a reply's status is worth another call: 429 or 5xx.
    pub fn is_retryable(status: u16) -> bool {
        status == 429 || (500..600).contains(&status)
    }

    /// How long to wait before attempt `attempt + 1` after `reply` (the `attempt`-th, from 1),
    /// or `None` to stop.
    pub fn delay(&self, attempt: u32, reply: &HttpResponse) -> Option<Duration> {
        if attempt >= self.max_attempts || !Self::is_retryable(reply.status) {
            return None;
        }
        if let Some(seconds) = reply.header("retry-after").and_then(|v| v.trim().parse::<u64>().ok()) {
            let wait = Duration::from_secs(seconds);
            return (wait <= self.max_delay).then_some(wait);
        }
        let exponent = attempt.saturating_sub(1).min(20);
        let backoff = self.base_delay.saturating_mul(1 << exponent).min(self.max_delay);
        let half = backoff / 2;
        let jitter = half.mul_f64(random_fraction());
        Some(half + jitter)
    }
}

/// A number in `[0, 1)` from the standard library's per-process random hash keys.
fn random_fraction() -> f64 {
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u64(0);
    (hasher.finish() >> 11) as f64 / (1u64 << 53) as f64
}
