//! [`RetryPolicy`]: how often and how long to wait before calling again after a 429 or a 5xx.

use std::hash::{BuildHasher, Hasher};
use std::time::{Duration, SystemTime};

use crate::HttpResponse;

/// Retries after 429 (rate limited) and 5xx replies: at most `max_attempts` calls in all,
/// waiting as long as the reply says (`retry-after-ms`, as OpenAI sends, else `Retry-After` in
/// seconds or as an HTTP date; giving up if that is longer than `max_delay`), else an
/// exponential backoff with jitter: attempt *n* (from 1) waits a random
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
        if let Some(wait) = retry_after(reply, SystemTime::now()) {
            return (wait <= self.max_delay).then_some(wait);
        }
        let exponent = attempt.saturating_sub(1).min(20);
        let backoff = self.base_delay.saturating_mul(1 << exponent).min(self.max_delay);
        let half = backoff / 2;
        let jitter = half.mul_f64(random_fraction());
        Some(half + jitter)
    }
}

/// How long the reply asks to wait, seen at `now`: `retry-after-ms` (milliseconds), else
/// `Retry-After` as seconds or as an HTTP date (IMF-fixdate; a date in the past means now).
/// A value that is neither counts as absent.
pub(crate) fn retry_after(reply: &HttpResponse, now: SystemTime) -> Option<Duration> {
    if let Some(ms) = reply.header("retry-after-ms").and_then(|v| v.trim().parse::<f64>().ok()) {
        return Duration::try_from_secs_f64(ms / 1000.0).ok();
    }
    let value = reply.header("retry-after")?.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let date = chrono::DateTime::parse_from_rfc2822(value).ok()?;
    let at = SystemTime::UNIX_EPOCH.checked_add(Duration::from_secs(u64::try_from(date.timestamp()).ok()?))?;
    Some(at.duration_since(now).unwrap_or(Duration::ZERO))
}

/// A number in `[0, 1)` from the standard library's per-process random hash keys.
fn random_fraction() -> f64 {
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u64(0);
    (hasher.finish() >> 11) as f64 / (1u64 << 53) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reply(headers: &[(&str, &str)]) -> HttpResponse {
        let headers = headers.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
        HttpResponse { status: 429, headers, body: Vec::new() }
    }

    #[test]
    fn retry_after_reads_milliseconds_seconds_and_http_dates() {
        // 2015-10-21T07:27:30Z.
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_445_412_450);
        let wait = |headers: &[(&str, &str)]| retry_after(&reply(headers), now);
        assert_eq!(wait(&[("retry-after", "Wed, 21 Oct 2015 07:28:00 GMT")]), Some(Duration::from_secs(30)));
        assert_eq!(wait(&[("retry-after", "Wed, 21 Oct 2015 07:00:00 GMT")]), Some(Duration::ZERO));
        assert_eq!(wait(&[("retry-after", " 7 ")]), Some(Duration::from_secs(7)));
        assert_eq!(wait(&[("retry-after-ms", "1500"), ("retry-after", "9")]), Some(Duration::from_millis(1500)));
        assert_eq!(wait(&[("retry-after", "soon")]), None);
        assert_eq!(wait(&[("retry-after-ms", "-5")]), None);
        assert_eq!(wait(&[]), None);
    }
}
