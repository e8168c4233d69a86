//! Time expressions in queries and texts ("yesterday", "last week", "in May", "on 8 May
//! 2023", "when did ..."), resolved without a model against a reference time.

use std::ops::Range;

use chrono::{DateTime, Utc};

/// A span of time: from `start` (included) to `end` (excluded).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TimeRange {
    /// The first instant of the span.
    pub start: DateTime<Utc>,
    /// The first instant after the span.
    pub end: DateTime<Utc>,
}

/// What a text says about time.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TimeQuery {
    /// The span the text's time expression names, if it has one.
    pub range: Option<TimeRange>,
    /// Where the expression is in the text (byte offsets).
    pub matched: Option<Range<usize>>,
    /// Whether the text asks when something happened ("when did ...", "what date ...").
    pub asks_when: bool,
}

/// Reads the time expression of `text` against `reference` (the time the text was written,
/// or now).
pub fn resolve(text: &str, reference: DateTime<Utc>) -> TimeQuery {
    let _ = (text, reference);
    TimeQuery::default()
}

/// Reads a date or time (stub until the rules land).
pub fn parse_datetime(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text).ok().map(|t| t.with_timezone(&Utc))
}
