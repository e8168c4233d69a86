//! `when::resolve` and `when::parse_datetime` against hand-written expectations: every
//! expected range below was worked out by hand from the rules in the module docs.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use memor_recall::when::{parse_datetime, resolve};
use proptest::prelude::*;

/// Midnight UTC of a `YYYY-MM-DD` date.
fn day(s: &str) -> DateTime<Utc> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap().and_hms_opt(0, 0, 0).unwrap().and_utc()
}

/// A `YYYY-MM-DD HH:MM[:SS]` time in UTC.
fn at(s: &str) -> DateTime<Utc> {
    let s = if s.len() == 16 { format!("{s}:00") } else { s.to_owned() };
    NaiveDateTime::parse_from_str(&s, "%Y-%m-%d %H:%M:%S").unwrap().and_utc()
}

// Weekdays of the references: 2023-05-08 Monday (LoCoMo's "1:56 pm on 8 May, 2023"),
// 2023-05-14 Sunday, 2024-01-01 Monday, 2024-01-03 Wednesday, 2024-03-01 Friday.
const MON: &str = "2023-05-08 13:56";
const SUN: &str = "2023-05-14 09:00";
const NEW_YEAR: &str = "2024-01-01 08:00";
const JAN: &str = "2024-01-03 23:59";
const LEAP: &str = "2024-03-01 00:00";

/// (reference, text, expected `[start, end)` as dates).
type Case = (&'static str, &'static str, Option<(&'static str, &'static str)>);

const CASES: &[Case] = &[
    // Days around the reference.
    (MON, "I went to a LGBTQ support group yesterday", Some(("2023-05-07", "2023-05-08"))),
    (MON, "Today was great", Some(("2023-05-08", "2023-05-09"))),
    (MON, "tonight we eat out", Some(("2023-05-08", "2023-05-09"))),
    (MON, "the day before yesterday", Some(("2023-05-06", "2023-05-07"))),
    (MON, "see you TOMORROW", Some(("2023-05-09", "2023-05-10"))),
    (MON, "the day after tomorrow", Some(("2023-05-10", "2023-05-11"))),
    (MON, "last night was fun", Some(("2023-05-07", "2023-05-08"))),
    (MON, "this morning I ran", Some(("2023-05-08", "2023-05-09"))),
    (NEW_YEAR, "the day before yesterday", Some(("2023-12-30", "2023-12-31"))),
    (LEAP, "yesterday", Some(("2024-02-29", "2024-03-01"))),
    // Weeks, weekends, months, years.
    (MON, "this week", Some(("2023-05-08", "2023-05-15"))),
    (MON, "last week", Some(("2023-05-01", "2023-05-08"))),
    (MON, "next week", Some(("2023-05-15", "2023-05-22"))),
    (SUN, "last week", Some(("2023-05-01", "2023-05-08"))),
    (JAN, "last week", Some(("2023-12-25", "2024-01-01"))),
    (MON, "this weekend", Some(("2023-05-13", "2023-05-15"))),
    (MON, "last weekend", Some(("2023-05-06", "2023-05-08"))),
    (MON, "next weekend", Some(("2023-05-20", "2023-05-22"))),
    (MON, "we hiked over the weekend", Some(("2023-05-06", "2023-05-08"))),
    (SUN, "this weekend", Some(("2023-05-13", "2023-05-15"))),
    (SUN, "last weekend", Some(("2023-05-06", "2023-05-08"))),
    (SUN, "over the weekend", Some(("2023-05-13", "2023-05-15"))),
    (MON, "this month", Some(("2023-05-01", "2023-06-01"))),
    (MON, "last month", Some(("2023-04-01", "2023-05-01"))),
    (MON, "next month", Some(("2023-06-01", "2023-07-01"))),
    (JAN, "last month", Some(("2023-12-01", "2024-01-01"))),
    (JAN, "next month", Some(("2024-02-01", "2024-03-01"))),
    (LEAP, "last month", Some(("2024-02-01", "2024-03-01"))),
    (MON, "this year", Some(("2023-01-01", "2024-01-01"))),
    (MON, "last year", Some(("2022-01-01", "2023-01-01"))),
    (MON, "next year", Some(("2024-01-01", "2025-01-01"))),
    (JAN, "last year", Some(("2023-01-01", "2024-01-01"))),
    // Counts.
    (MON, "3 days ago", Some(("2023-05-05", "2023-05-06"))),
    (MON, "three days ago", Some(("2023-05-05", "2023-05-06"))),
    (MON, "a day ago", Some(("2023-05-07", "2023-05-08"))),
    (MON, "a couple of days ago", Some(("2023-05-06", "2023-05-07"))),
    (MON, "a few days ago", Some(("2023-05-05", "2023-05-06"))),
    (MON, "two weeks ago", Some(("2023-04-24", "2023-05-01"))),
    (MON, "a week ago", Some(("2023-05-01", "2023-05-08"))),
    (MON, "2 months ago", Some(("2023-03-01", "2023-04-01"))),
    (MON, "twelve months ago", Some(("2022-05-01", "2022-06-01"))),
    (MON, "5 years ago", Some(("2018-01-01", "2019-01-01"))),
    (JAN, "3 months ago", Some(("2023-10-01", "2023-11-01"))),
    (MON, "in 3 days", Some(("2023-05-11", "2023-05-12"))),
    (MON, "I am 25 years old", None),
    (MON, "one day I will", None),
    // Weekdays.
    (MON, "last Monday", Some(("2023-05-01", "2023-05-02"))),
    (MON, "last friday", Some(("2023-05-05", "2023-05-06"))),
    (MON, "We went on Friday", Some(("2023-05-05", "2023-05-06"))),
    (SUN, "on Sunday", Some(("2023-05-07", "2023-05-08"))),
    (JAN, "last Wednesday", Some(("2023-12-27", "2023-12-28"))),
    (MON, "this Saturday", Some(("2023-05-13", "2023-05-14"))),
    (MON, "next Tuesday", Some(("2023-05-16", "2023-05-17"))),
    (MON, "every Monday we meet", None),
    // Months.
    (MON, "in May", Some(("2023-05-01", "2023-06-01"))),
    (MON, "in June", Some(("2022-06-01", "2022-07-01"))),
    (JAN, "in December", Some(("2023-12-01", "2024-01-01"))),
    (MON, "last May", Some(("2022-05-01", "2022-06-01"))),
    (MON, "last April", Some(("2023-04-01", "2023-05-01"))),
    (MON, "next May", Some(("2024-05-01", "2024-06-01"))),
    (MON, "May 2023", Some(("2023-05-01", "2023-06-01"))),
    (MON, "in May 2021", Some(("2021-05-01", "2021-06-01"))),
    (MON, "early May", Some(("2023-05-01", "2023-05-11"))),
    (MON, "mid-May 2022", Some(("2022-05-11", "2022-05-21"))),
    (MON, "late May", Some(("2023-05-21", "2023-06-01"))),
    (LEAP, "late February 2024", Some(("2024-02-21", "2024-03-01"))),
    (MON, "we met in may", Some(("2023-05-01", "2023-06-01"))),
    (MON, "I may go", None),
    (MON, "May I ask you something?", None),
    (MON, "We will march on", None),
    // Years and parts of years.
    (MON, "in 2022", Some(("2022-01-01", "2023-01-01"))),
    (MON, "I was born in 1990.", Some(("1990-01-01", "1991-01-01"))),
    (MON, "I ate 2022 grapes", None),
    (MON, "late 2022", Some(("2022-09-01", "2023-01-01"))),
    (MON, "early 2023", Some(("2023-01-01", "2023-05-01"))),
    // Exact dates.
    (MON, "on 8 May 2023", Some(("2023-05-08", "2023-05-09"))),
    (MON, "8 May, 2023", Some(("2023-05-08", "2023-05-09"))),
    (MON, "May 8, 2023", Some(("2023-05-08", "2023-05-09"))),
    (MON, "May 8th", Some(("2023-05-08", "2023-05-09"))),
    (MON, "May 9th", Some(("2022-05-09", "2022-05-10"))),
    (MON, "2023-05-08", Some(("2023-05-08", "2023-05-09"))),
    (MON, "the 8th of May", Some(("2023-05-08", "2023-05-09"))),
    (MON, "Sept. 8, 2021", Some(("2021-09-08", "2021-09-09"))),
    (MON, "4 Jul 2020", Some(("2020-07-04", "2020-07-05"))),
    (JAN, "on December 31", Some(("2023-12-31", "2024-01-01"))),
    (LEAP, "February 29", Some(("2024-02-29", "2024-03-01"))),
    (MON, "29 February", Some(("2020-02-29", "2020-03-01"))),
    (MON, "on 29 February 2023", None),
    (MON, "on April 31", None),
    (MON, "31 April", None),
    (MON, "in 2023-02-30", None),
    (MON, "1:56 pm on 8 May, 2023", Some(("2023-05-08", "2023-05-09"))),
    // Seasons.
    (MON, "last summer", Some(("2022-06-01", "2022-09-01"))),
    (MON, "in the summer of 2022", Some(("2022-06-01", "2022-09-01"))),
    (MON, "last winter", Some(("2022-12-01", "2023-03-01"))),
    (MON, "this winter", Some(("2023-12-01", "2024-03-01"))),
    (MON, "last spring", Some(("2022-03-01", "2022-06-01"))),
    (MON, "last fall", Some(("2022-09-01", "2022-12-01"))),
    (MON, "autumn 2021", Some(("2021-09-01", "2021-12-01"))),
    (JAN, "this winter", Some(("2023-12-01", "2024-03-01"))),
    (JAN, "last winter", Some(("2022-12-01", "2023-03-01"))),
    (JAN, "last summer", Some(("2023-06-01", "2023-09-01"))),
    (JAN, "in the summer", Some(("2023-06-01", "2023-09-01"))),
    (LEAP, "this winter", Some(("2024-12-01", "2025-03-01"))),
    (LEAP, "last winter", Some(("2023-12-01", "2024-03-01"))),
    (MON, "summer is hot", None),
    // Recently.
    (MON, "recently", Some(("2023-04-08", "2023-05-09"))),
    (MON, "Lately I read a lot", Some(("2023-04-08", "2023-05-09"))),
    // Several expressions: the shortest span wins, then one with a year, then the first.
    (MON, "yesterday or last month", Some(("2023-05-07", "2023-05-08"))),
    (MON, "In 2022, three days ago", Some(("2023-05-05", "2023-05-06"))),
    (MON, "last month and last week", Some(("2023-05-01", "2023-05-08"))),
    (MON, "yesterday and today", Some(("2023-05-07", "2023-05-08"))),
    (MON, "on Thursday, May 5, 2022", Some(("2022-05-05", "2022-05-06"))),
    // No expression.
    (MON, "", None),
    (MON, "Hello there, how are you?", None),
    (MON, "When did Caroline go to the support group?", None),
    (MON, "the 8th", None),
    (MON, "caf\u{e9} \u{2615} na\u{ef}ve 12:30", None),
];

#[test]
fn table_of_expressions() {
    assert!(CASES.len() >= 60);
    let mut failures = Vec::new();
    for &(reference, text, expected) in CASES {
        let got = resolve(text, at(reference));
        let got = got.range.map(|r| (r.start, r.end));
        let want = expected.map(|(s, e)| (day(s), day(e)));
        if got != want {
            failures.push(format!("{text:?} at {reference}: got {got:?}, want {want:?}"));
        }
    }
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), CASES.len(), failures.join("\n"));
}

#[test]
fn matched_spans() {
    let cases = [
        ("I went to a support group yesterday.", "yesterday"),
        ("We went on Friday to the lake", "on Friday"),
        ("What did you do in May 2023?", "in May 2023"),
        ("It was on 8 May, 2023, I think", "on 8 May, 2023"),
        ("trip in the summer of 2022 with Mel", "in the summer of 2022"),
        ("a couple of weeks ago we met", "a couple of weeks ago"),
        ("on Thursday, May 5, 2022", "May 5, 2022"),
        ("Caf\u{e9} \u{2615} yesterday \u{2615}", "yesterday"),
        ("mid-May 2022", "mid-May 2022"),
        ("Sept. 8, 2021 was a Wednesday", "Sept. 8, 2021"),
    ];
    for (text, want) in cases {
        let q = resolve(text, at(MON));
        let m = q.matched.unwrap_or_else(|| panic!("{text:?}: no match"));
        assert_eq!(&text[m], want, "{text:?}");
    }
}

#[test]
fn asks_when() {
    let cases = [
        ("When did Caroline go to the LGBTQ support group?", true),
        ("when was the last time we talked", true),
        ("When's your birthday?", true),
        ("What date is the party?", true),
        ("what year did you move?", true),
        ("Which month was it?", true),
        ("How long ago was the trip?", true),
        ("Since when have you known?", true),
        ("I was happy when we met", false),
        ("What did you do last week?", false),
        ("what a day", false),
        ("", false),
    ];
    for (text, want) in cases {
        assert_eq!(resolve(text, at(MON)).asks_when, want, "{text:?}");
    }
    let q = resolve("When did we meet last week?", at(MON));
    assert!(q.asks_when);
    assert_eq!(q.range.map(|r| (r.start, r.end)), Some((day("2023-05-01"), day("2023-05-08"))));
}

#[test]
fn parse_datetime_formats() {
    let cases = [
        ("1:56 pm on 8 May, 2023", Some("2023-05-08 13:56")),
        ("10:37 am on 27 June, 2023", Some("2023-06-27 10:37")),
        ("12:09 am on 13 September, 2023", Some("2023-09-13 00:09")),
        ("12:30 pm on 1 January, 2024", Some("2024-01-01 12:30")),
        ("2023-05-08", Some("2023-05-08 00:00")),
        ("  2023-05-08  ", Some("2023-05-08 00:00")),
        ("2023-05-08 13:56", Some("2023-05-08 13:56")),
        ("2023-05-08T13:56:07", Some("2023-05-08 13:56:07")),
        ("2023-05-08T13:56:00Z", Some("2023-05-08 13:56")),
        ("2023-05-08T13:56:00+02:00", Some("2023-05-08 11:56")),
        ("May 8, 2023", Some("2023-05-08 00:00")),
        ("8 May 2023 at 1:56 pm", Some("2023-05-08 13:56")),
        ("29 February 2024", Some("2024-02-29 00:00")),
        ("29 February 2023", None),
        ("2023-02-30", None),
        ("13:56 pm on 8 May, 2023", None),
        ("1:56 pm on 8 May", None),
        ("8 May", None),
        ("yesterday", None),
        ("8 May 2023 and more", None),
        ("", None),
    ];
    for (text, want) in cases {
        assert_eq!(parse_datetime(text), want.map(at), "{text:?}");
    }
}

/// Words the rules know, so that generated texts reach deep into them.
const VOCAB: &[&str] = &[
    "today",
    "yesterday",
    "the",
    "day",
    "before",
    "after",
    "tomorrow",
    "last",
    "this",
    "next",
    "past",
    "week",
    "weekend",
    "month",
    "year",
    "days",
    "ago",
    "a",
    "couple",
    "of",
    "few",
    "three",
    "12",
    "999999",
    "0",
    "in",
    "on",
    "over",
    "May",
    "may",
    "march",
    "Sept",
    ".",
    ",",
    "-",
    "/",
    ":",
    "8th",
    "31",
    "29",
    "February",
    "2023",
    "1000",
    "2999",
    "summer",
    "winter",
    "fall",
    "early",
    "mid",
    "late",
    "recently",
    "Monday",
    "every",
    "when",
    "did",
    "what",
    "date",
    "how",
    "long",
    "since",
    "pm",
    "am",
    "\u{e9}",
    "\u{2615}",
    "\n",
    "2023-05-08",
];

fn reference() -> impl Strategy<Value = DateTime<Utc>> {
    prop_oneof![
        Just(DateTime::<Utc>::MIN_UTC),
        Just(DateTime::<Utc>::MAX_UTC),
        (-100_000_000_000i64..100_000_000_000).prop_map(|s| DateTime::from_timestamp(s, 0).unwrap()),
    ]
}

fn vocab_text() -> impl Strategy<Value = String> {
    proptest::collection::vec((proptest::sample::select(VOCAB), proptest::sample::select(&[" ", "", "  "][..])), 0..12)
        .prop_map(|words| words.into_iter().flat_map(|(w, s)| [w, s]).collect())
}

fn check(text: &str, reference: DateTime<Utc>) {
    let q = resolve(text, reference);
    assert_eq!(q.range.is_some(), q.matched.is_some());
    if let (Some(range), Some(m)) = (q.range, q.matched) {
        assert!(range.start < range.end, "{text:?}: {range:?}");
        assert!(m.start < m.end && text.get(m).is_some(), "{text:?}");
    }
    let _ = parse_datetime(text);
}

proptest! {
    #[test]
    fn never_panics_on_any_text(text in any::<String>(), reference in reference()) {
        check(&text, reference);
    }

    #[test]
    fn never_panics_on_time_words(text in vocab_text(), reference in reference()) {
        check(&text, reference);
    }
}
