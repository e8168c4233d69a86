//! Time expressions in queries and texts ("yesterday", "last week", "in May", "on 8 May
//! 2023", "when did ..."), resolved without a model against a reference time.
//!
//! [`resolve`] reads a text once, token by token (words, numbers, ordinals such as `8th`,
//! punctuation), without allocating, and gives the span of days its time expression names,
//! where that expression is, and whether the text asks when something happened. It is used on
//! a search query (reference: now, or the user's `--at`) and on a stored message (reference:
//! the message's time, so "I went yesterday" written on 8 May 2023 gets 7 May 2023).
//! [`parse_datetime`] reads a reference time itself ("1:56 pm on 8 May, 2023", RFC 3339,
//! "2023-05-08", "2023-05-08 13:56").
//!
//! # Rules
//!
//! Words match without regard to case. Every span is whole days in UTC, `[start, end)`,
//! counted from the reference's date in UTC, called *R* below. Weeks run Monday to Sunday;
//! a weekend is the Saturday and Sunday of a week.
//!
//! | Expression | Span |
//! |---|---|
//! | `today`, `tonight`, `this morning/afternoon/evening` | R |
//! | `yesterday`, `last night` | R − 1 |
//! | `the day before yesterday` | R − 2 |
//! | `tomorrow`, `the day after tomorrow` | R + 1, R + 2 |
//! | `this week`, `last week`, `next week` | the week holding R, the week before it, the week after it |
//! | `this weekend`, `last weekend`, `next weekend` | the weekend of that week (on a Sunday, `this weekend` is yesterday and today) |
//! | `over the weekend`, `on the weekend` | the latest weekend whose Saturday is not after R |
//! | `this/last/next month`, `this/last/next year` | the calendar month or year holding R, the one before, the one after |
//! | `N days ago` | the day R − N |
//! | `N weeks ago` | the week holding R − 7N (so `a week ago` is `last week`) |
//! | `N months ago`, `N years ago` | the calendar month or year N before R's |
//! | `in N days/weeks/months/years` | the same, forward |
//! | `last Monday`, `on Monday`, `Monday` | the latest Monday strictly before R (R − 7 when R is a Monday) |
//! | `this Monday`, `next Monday` | the Monday of R's week, of the week after |
//! | `May`, `in May` | the latest May not after R's month (in January, `December` is last year's) |
//! | `last May` | the latest May strictly before R's month |
//! | `this May`, `next May` | May of R's year; the first May after R's month |
//! | `May 2023`, `in May 2023`, `May of 2023` | May 2023 |
//! | `early/mid/late May`, `… May 2023` | days 1–10, 11–20, 21–end of that May |
//! | `early/mid/late 2023` | January–April, May–August, September–December 2023 |
//! | `in 2022`, `during 2022` | the year 2022 (a number alone is not read as a year) |
//! | `8 May 2023`, `8 May, 2023`, `May 8, 2023`, `May 8th`, `the 8th of May`, `2023-05-08` | that day; without a year, the latest such day not after R |
//! | `spring`, `summer`, `fall`/`autumn`, `winter` | March–May, June–August, September–November, December–February (northern meteorological seasons); a winter belongs to the year of its December |
//! | `last summer` | the latest summer that ended before R |
//! | `this summer` | the summer of R's year; `this winter` in January or February is the one holding R, else the one starting in R's December |
//! | `next summer` | the first summer starting after R |
//! | `in summer`, `in the summer`, `during the summer` | the latest summer that started on or before R |
//! | `summer 2022`, `(in) (the) summer of 2022` | summer 2022 |
//! | `recently`, `lately` | the 30 days before R and R itself: `[R − 30, R + 1)` |
//!
//! Counts `N` are digits (up to six), the words `one` to `twelve`, `a`/`an` (1),
//! `a couple (of)` (2) and `a few` (3). Month names may be abbreviated (`Jan`, `Sept.`).
//! `may`, `march` and the abbreviations are ordinary words too, so they name a month only
//! after `in`/`on`/`during`/`over`, `last`/`this`/`next`, `early`/`mid`/`late`, next to a day
//! number or a year, or when capitalized other than at a sentence's start (so "I may go"
//! and "May I ask" name no month, "we met in may" and "we met in May" do). A weekday right
//! after `every` or `each` names no day. A season needs a year or one of the words before
//! it listed above. The prepositions `on`, `in`, `during`, `over` before an expression are
//! part of its [`TimeQuery::matched`] span.
//!
//! **Several expressions**: the text is read from left to right, taking the longest
//! expression at each place, so expressions never overlap ("8 May 2023" is one day, not also
//! "May 2023"). Of those found, the one naming the shortest span wins; on equal spans, one
//! written with a year beats one without ("on Friday, May 5, 2023" is 5 May 2023), then the
//! first in the text.
//!
//! **Asking when** ([`TimeQuery::asks_when`]): `when` followed by `did`, `do`, `does`, `was`,
//! `were`, `is`, `are`, `will`, `would`, `has`, `have`, `had`, `can`, `could`, `should` or
//! `'s`; `what` or `which` followed by `date`, `day`, `week`, `month`, `year` or `time`;
//! `how long ago`; `since when`. A text can ask when and hold an expression ("when did we
//! meet last week?").

use std::ops::Range;

use chrono::{DateTime, Datelike, Days, NaiveDate, NaiveTime, Utc, Weekday};

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
/// or now). See the [module docs](self) for the rules.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use memor_recall::when::resolve;
///
/// let written = Utc.with_ymd_and_hms(2023, 5, 8, 13, 56, 0).unwrap();
/// let text = "I went to a support group yesterday";
/// let q = resolve(text, written);
/// let range = q.range.unwrap();
/// assert_eq!(range.start, Utc.with_ymd_and_hms(2023, 5, 7, 0, 0, 0).unwrap());
/// assert_eq!(range.end, Utc.with_ymd_and_hms(2023, 5, 8, 0, 0, 0).unwrap());
/// assert_eq!(&text[q.matched.unwrap()], "yesterday");
/// assert!(!q.asks_when);
/// ```
pub fn resolve(text: &str, reference: DateTime<Utc>) -> TimeQuery {
    let r = reference.date_naive();
    let mut out = TimeQuery::default();
    // (span length in days, written without a year), matched bytes, span
    let mut best: Option<((i64, bool), Range<usize>, Span)> = None;
    let mut c = Cur::new(text);
    let mut after_every = false;
    loop {
        let here = c;
        let Some(tok) = c.bump() else { break };
        let Kind::Word(kw) = tok.kind else {
            after_every = false;
            if matches!(tok.kind, Kind::Num { .. } | Kind::Ordinal(_)) {
                found(&mut best, here, tok.start, r, &mut c);
            }
            continue;
        };
        if !out.asks_when && asks_when(kw, c) {
            out.asks_when = true;
        }
        if can_start(kw) && !after_every {
            found(&mut best, here, tok.start, r, &mut c);
        }
        after_every = kw == Kw::Every;
    }
    if let Some((_, matched, span)) = best {
        out.range = Some(TimeRange { start: midnight(span.start), end: midnight(span.end) });
        out.matched = Some(matched);
    }
    out
}

/// Reads a point in time: RFC 3339 (`2023-05-08T13:56:00+02:00`), `2023-05-08`,
/// `2023-05-08 13:56` or `2023-05-08T13:56[:00]` (UTC), or a written date with a year and an
/// optional clock time before or after it, as LoCoMo writes them (`1:56 pm on 8 May, 2023`,
/// `8 May 2023`, `May 8, 2023 13:56`). Times without an offset are UTC; a date alone is its
/// midnight. Gives `None` for anything else.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use memor_recall::when::parse_datetime;
///
/// let at = parse_datetime("1:56 pm on 8 May, 2023");
/// assert_eq!(at, Some(Utc.with_ymd_and_hms(2023, 5, 8, 13, 56, 0).unwrap()));
/// assert_eq!(parse_datetime("next week"), None);
/// ```
pub fn parse_datetime(text: &str) -> Option<DateTime<Utc>> {
    let text = text.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(text) {
        return Some(t.with_timezone(&Utc));
    }
    if let Some(t) = iso_datetime(text.as_bytes()) {
        return Some(t);
    }
    let mut c = Cur::new(text);
    let mut time = clock(&mut c);
    if time.is_some() && !c.eat(Kw::On) {
        c.eat_punct(',');
    }
    // No reference: a date without a year resolves to nothing.
    let (after, span) = best_of([day_month(c, NaiveDate::MIN), month_day(c, NaiveDate::MIN, true)])?;
    if !span.absolute || span.start >= span.end {
        return None;
    }
    c = after;
    if time.is_none() {
        let mut t = c;
        if !t.eat(Kw::At) {
            t.eat_punct(',');
        }
        if let Some(found) = clock(&mut t) {
            time = Some(found);
            c = t;
        }
    }
    if c.bump().is_some() {
        return None;
    }
    Some(span.start.and_time(time.unwrap_or(NaiveTime::MIN)).and_utc())
}

/// Whether an expression (or a preposition before one) can start with `kw`.
fn can_start(kw: Kw) -> bool {
    !matches!(
        kw,
        Kw::None
            | Kw::Night
            | Kw::DayPart
            | Kw::Before
            | Kw::After
            | Kw::Past
            | Kw::Weekend
            | Kw::Ago
            | Kw::Of
            | Kw::Unit(Unit::Week | Unit::Month | Unit::Year)
            | Kw::At
            | Kw::Every
            | Kw::When
            | Kw::Aux
            | Kw::What
            | Kw::AskNoun
            | Kw::How
            | Kw::Long
            | Kw::Since
            | Kw::Am
            | Kw::Pm
    )
}

/// Keeps the match at `here` if it is more specific than `best`, and moves `c` past it.
fn found<'a>(
    best: &mut Option<((i64, bool), Range<usize>, Span)>,
    here: Cur<'a>,
    start: usize,
    r: NaiveDate,
    c: &mut Cur<'a>,
) {
    let Some((end, span)) = expression(here, r) else { return };
    *c = end;
    if span.start >= span.end {
        return;
    }
    let key = (span.end.signed_duration_since(span.start).num_days(), !span.absolute);
    if best.as_ref().is_none_or(|(k, _, _)| key < *k) {
        *best = Some((key, start..end.last_end, span));
    }
}

fn midnight(d: NaiveDate) -> DateTime<Utc> {
    d.and_time(NaiveTime::MIN).and_utc()
}

// ---------------------------------------------------------------------------------------
// Tokens

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Unit {
    Day,
    Week,
    Month,
    Year,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Season {
    Spring,
    Summer,
    Fall,
    Winter,
}

/// The words the rules know; every other word is `None`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kw {
    None,
    Today,
    Yesterday,
    Tomorrow,
    Night,
    DayPart,
    The,
    Before,
    After,
    This,
    Last,
    Next,
    Past,
    Weekend,
    Ago,
    A,
    Couple,
    Few,
    Of,
    Unit(Unit),
    Number(u32),
    Weekday(Weekday),
    /// `ambiguous`: also an ordinary word (`may`, `march`, abbreviations); `abbr`: abbreviated.
    Month {
        month: u32,
        ambiguous: bool,
        abbr: bool,
    },
    Season(Season),
    On,
    In,
    During,
    Over,
    At,
    Early,
    Mid,
    Late,
    Recently,
    Every,
    When,
    Aux,
    What,
    AskNoun,
    How,
    Long,
    Since,
    Am,
    Pm,
}

/// The words the rules know, sorted by bytes (checked when compiling) for a binary search.
const KEYWORDS: &[(&[u8], Kw)] = &[
    (b"a", Kw::A),
    (b"after", Kw::After),
    (b"afternoon", Kw::DayPart),
    (b"ago", Kw::Ago),
    (b"am", Kw::Am),
    (b"an", Kw::A),
    (b"apr", Kw::Month { month: 4, ambiguous: true, abbr: true }),
    (b"april", Kw::Month { month: 4, ambiguous: false, abbr: false }),
    (b"are", Kw::Aux),
    (b"at", Kw::At),
    (b"aug", Kw::Month { month: 8, ambiguous: true, abbr: true }),
    (b"august", Kw::Month { month: 8, ambiguous: false, abbr: false }),
    (b"autumn", Kw::Season(Season::Fall)),
    (b"before", Kw::Before),
    (b"can", Kw::Aux),
    (b"could", Kw::Aux),
    (b"couple", Kw::Couple),
    (b"date", Kw::AskNoun),
    (b"day", Kw::Unit(Unit::Day)),
    (b"days", Kw::Unit(Unit::Day)),
    (b"dec", Kw::Month { month: 12, ambiguous: true, abbr: true }),
    (b"december", Kw::Month { month: 12, ambiguous: false, abbr: false }),
    (b"did", Kw::Aux),
    (b"do", Kw::Aux),
    (b"does", Kw::Aux),
    (b"during", Kw::During),
    (b"each", Kw::Every),
    (b"early", Kw::Early),
    (b"eight", Kw::Number(8)),
    (b"eleven", Kw::Number(11)),
    (b"evening", Kw::DayPart),
    (b"every", Kw::Every),
    (b"fall", Kw::Season(Season::Fall)),
    (b"feb", Kw::Month { month: 2, ambiguous: true, abbr: true }),
    (b"february", Kw::Month { month: 2, ambiguous: false, abbr: false }),
    (b"few", Kw::Few),
    (b"five", Kw::Number(5)),
    (b"four", Kw::Number(4)),
    (b"friday", Kw::Weekday(Weekday::Fri)),
    (b"had", Kw::Aux),
    (b"has", Kw::Aux),
    (b"have", Kw::Aux),
    (b"how", Kw::How),
    (b"in", Kw::In),
    (b"is", Kw::Aux),
    (b"jan", Kw::Month { month: 1, ambiguous: true, abbr: true }),
    (b"january", Kw::Month { month: 1, ambiguous: false, abbr: false }),
    (b"jul", Kw::Month { month: 7, ambiguous: true, abbr: true }),
    (b"july", Kw::Month { month: 7, ambiguous: false, abbr: false }),
    (b"jun", Kw::Month { month: 6, ambiguous: true, abbr: true }),
    (b"june", Kw::Month { month: 6, ambiguous: false, abbr: false }),
    (b"last", Kw::Last),
    (b"late", Kw::Late),
    (b"lately", Kw::Recently),
    (b"long", Kw::Long),
    (b"mar", Kw::Month { month: 3, ambiguous: true, abbr: true }),
    (b"march", Kw::Month { month: 3, ambiguous: true, abbr: false }),
    (b"may", Kw::Month { month: 5, ambiguous: true, abbr: false }),
    (b"mid", Kw::Mid),
    (b"monday", Kw::Weekday(Weekday::Mon)),
    (b"month", Kw::Unit(Unit::Month)),
    (b"months", Kw::Unit(Unit::Month)),
    (b"morning", Kw::DayPart),
    (b"next", Kw::Next),
    (b"night", Kw::Night),
    (b"nine", Kw::Number(9)),
    (b"nov", Kw::Month { month: 11, ambiguous: true, abbr: true }),
    (b"november", Kw::Month { month: 11, ambiguous: false, abbr: false }),
    (b"oct", Kw::Month { month: 10, ambiguous: true, abbr: true }),
    (b"october", Kw::Month { month: 10, ambiguous: false, abbr: false }),
    (b"of", Kw::Of),
    (b"on", Kw::On),
    (b"one", Kw::Number(1)),
    (b"over", Kw::Over),
    (b"past", Kw::Past),
    (b"pm", Kw::Pm),
    (b"recently", Kw::Recently),
    (b"s", Kw::Aux),
    (b"saturday", Kw::Weekday(Weekday::Sat)),
    (b"sep", Kw::Month { month: 9, ambiguous: true, abbr: true }),
    (b"sept", Kw::Month { month: 9, ambiguous: true, abbr: true }),
    (b"september", Kw::Month { month: 9, ambiguous: false, abbr: false }),
    (b"seven", Kw::Number(7)),
    (b"should", Kw::Aux),
    (b"since", Kw::Since),
    (b"six", Kw::Number(6)),
    (b"spring", Kw::Season(Season::Spring)),
    (b"summer", Kw::Season(Season::Summer)),
    (b"sunday", Kw::Weekday(Weekday::Sun)),
    (b"ten", Kw::Number(10)),
    (b"the", Kw::The),
    (b"this", Kw::This),
    (b"three", Kw::Number(3)),
    (b"thursday", Kw::Weekday(Weekday::Thu)),
    (b"time", Kw::AskNoun),
    (b"today", Kw::Today),
    (b"tomorrow", Kw::Tomorrow),
    (b"tonight", Kw::Today),
    (b"tuesday", Kw::Weekday(Weekday::Tue)),
    (b"twelve", Kw::Number(12)),
    (b"two", Kw::Number(2)),
    (b"was", Kw::Aux),
    (b"wednesday", Kw::Weekday(Weekday::Wed)),
    (b"week", Kw::Unit(Unit::Week)),
    (b"weekend", Kw::Weekend),
    (b"weeks", Kw::Unit(Unit::Week)),
    (b"were", Kw::Aux),
    (b"what", Kw::What),
    (b"when", Kw::When),
    (b"which", Kw::What),
    (b"will", Kw::Aux),
    (b"winter", Kw::Season(Season::Winter)),
    (b"would", Kw::Aux),
    (b"year", Kw::Unit(Unit::Year)),
    (b"years", Kw::Unit(Unit::Year)),
    (b"yesterday", Kw::Yesterday),
];

const _: () = assert!(sorted(KEYWORDS), "KEYWORDS must be sorted");

const fn sorted(table: &[(&[u8], Kw)]) -> bool {
    let mut i = 1;
    while i < table.len() {
        let (a, b) = (table[i - 1].0, table[i].0);
        let mut k = 0;
        while k < a.len() && k < b.len() && a[k] == b[k] {
            k += 1;
        }
        let less = if k < a.len() && k < b.len() { a[k] < b[k] } else { a.len() < b.len() };
        if !less {
            return false;
        }
        i += 1;
    }
    true
}

/// A lower-cased word of up to 16 bytes as a number whose order is the words' order.
const fn pack(word: &[u8]) -> u128 {
    let mut n = 0u128;
    let mut i = 0;
    while i < 16 {
        let b = if i < word.len() { word[i].to_ascii_lowercase() } else { 0 };
        n = (n << 8) | b as u128;
        i += 1;
    }
    n
}

/// [`KEYWORDS`] packed, so that looking a word up compares numbers.
const PACKED: [(u128, Kw); KEYWORDS.len()] = {
    let mut out = [(0u128, Kw::None); KEYWORDS.len()];
    let mut i = 0;
    while i < KEYWORDS.len() {
        out[i] = (pack(KEYWORDS[i].0), KEYWORDS[i].1);
        i += 1;
    }
    out
};

/// For each first letter `a` to `z`, where its words are in [`PACKED`] (`start..end`).
const BY_FIRST: [(usize, usize); 26] = {
    let mut out = [(0usize, 0usize); 26];
    let mut i = 0;
    while i < KEYWORDS.len() {
        let f = (KEYWORDS[i].0[0] - b'a') as usize;
        if out[f].1 == 0 {
            out[f].0 = i;
        }
        out[f].1 = i + 1;
        i += 1;
    }
    out
};

fn keyword(word: &str) -> Kw {
    // The longest keyword has 9 letters.
    let Some(first) = word.as_bytes().first().filter(|_| word.len() <= 9) else { return Kw::None };
    let Some(&(start, end)) = BY_FIRST.get(usize::from(first.to_ascii_lowercase().wrapping_sub(b'a'))) else {
        return Kw::None;
    };
    let Some(bucket) = PACKED.get(start..end) else { return Kw::None };
    let key = pack(word.as_bytes());
    bucket.binary_search_by_key(&key, |e| e.0).ok().and_then(|i| bucket.get(i)).map_or(Kw::None, |e| e.1)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Word(Kw),
    /// A run of ASCII digits: its value (saturated) and how many digits.
    Num {
        value: u32,
        digits: u32,
    },
    /// Digits with `st`, `nd`, `rd` or `th`.
    Ordinal(u32),
    /// Any other character that is not white space.
    Punct(char),
}

#[derive(Clone, Copy, Debug)]
struct Tok {
    start: usize,
    end: usize,
    kind: Kind,
    /// Starts with an upper-case letter.
    cap: bool,
    /// First in the text, or after `.`, `!`, `?` or a line break.
    sentence_start: bool,
}

/// A position in the text; copying it is how a rule tries something and backs off.
#[derive(Clone, Copy, Debug)]
struct Cur<'a> {
    text: &'a str,
    pos: usize,
    /// The end of the last token taken.
    last_end: usize,
    sentence_start: bool,
}

impl<'a> Cur<'a> {
    fn new(text: &'a str) -> Self {
        Cur { text, pos: 0, last_end: 0, sentence_start: true }
    }

    fn char_at(&self, i: usize) -> Option<char> {
        self.text.get(i..)?.chars().next()
    }

    /// Takes the next token.
    fn bump(&mut self) -> Option<Tok> {
        let bytes = self.text.as_bytes();
        let mut i = self.pos;
        let mut newline = false;
        let first = loop {
            match bytes.get(i) {
                Some(&b) if b.is_ascii() => {
                    let ch = char::from(b);
                    if !ch.is_whitespace() {
                        break ch;
                    }
                    newline |= b == b'\n';
                    i += 1;
                }
                _ => {
                    let ch = self.char_at(i)?;
                    if !ch.is_whitespace() {
                        break ch;
                    }
                    newline |= ch == '\n';
                    i += ch.len_utf8();
                }
            }
        };
        let start = i;
        let kind = if first.is_ascii_digit() {
            let (mut value, mut digits) = (0u32, 0u32);
            while let Some(&b) = bytes.get(i).filter(|b| b.is_ascii_digit()) {
                value = value.saturating_mul(10).saturating_add(u32::from(b - b'0'));
                digits = digits.saturating_add(1);
                i += 1;
            }
            let suffix = match bytes.get(i..i + 2) {
                Some(&[a, b]) => {
                    matches!(&[a.to_ascii_lowercase(), b.to_ascii_lowercase()], b"st" | b"nd" | b"rd" | b"th")
                }
                _ => false,
            };
            if suffix && !self.char_at(i + 2).is_some_and(char::is_alphanumeric) {
                i += 2;
                Kind::Ordinal(value)
            } else {
                Kind::Num { value, digits }
            }
        } else if first.is_alphabetic() {
            let rest = self.text.get(i..).unwrap_or_default();
            let ascii = rest.bytes().position(|b| !b.is_ascii_alphabetic()).unwrap_or(rest.len());
            let len = if rest.as_bytes().get(ascii).is_some_and(|b| !b.is_ascii()) {
                // A word with non-ASCII letters: never a keyword, but read it whole.
                rest.char_indices().find(|(_, ch)| !ch.is_alphabetic()).map_or(rest.len(), |(k, _)| k)
            } else {
                ascii
            };
            i += len;
            Kind::Word(keyword(rest.get(..len).unwrap_or_default()))
        } else {
            i += first.len_utf8();
            Kind::Punct(first)
        };
        let tok =
            Tok { start, end: i, kind, cap: first.is_uppercase(), sentence_start: self.sentence_start || newline };
        self.pos = i;
        self.last_end = i;
        self.sentence_start = matches!(kind, Kind::Punct('.' | '!' | '?'));
        Some(tok)
    }

    fn peek(&self) -> Option<Tok> {
        let mut c = *self;
        c.bump()
    }

    /// Takes the next token if `f` accepts it.
    fn take<T>(&mut self, f: impl FnOnce(Tok) -> Option<T>) -> Option<T> {
        let mut c = *self;
        let found = f(c.bump()?)?;
        *self = c;
        Some(found)
    }

    /// Takes the next token if it is a word.
    fn word(&mut self) -> Option<Kw> {
        self.take(|t| match t.kind {
            Kind::Word(k) => Some(k),
            _ => None,
        })
    }

    fn eat(&mut self, want: Kw) -> bool {
        self.take(|t| (t.kind == Kind::Word(want)).then_some(())).is_some()
    }

    fn eat_punct(&mut self, want: char) -> bool {
        self.take(|t| (t.kind == Kind::Punct(want)).then_some(())).is_some()
    }

    /// Takes a four-digit year from 1000 to 2999.
    fn year(&mut self) -> Option<i64> {
        self.take(|t| match t.kind {
            Kind::Num { value: value @ 1000..=2999, digits: 4 } => Some(i64::from(value)),
            _ => None,
        })
    }

    /// Takes a day of the month (1 to 31); `true` when written as an ordinal.
    fn day(&mut self) -> Option<(u32, bool)> {
        self.take(|t| match t.kind {
            Kind::Num { value: value @ 1..=31, digits: 1..=2 } => Some((value, false)),
            Kind::Ordinal(value @ 1..=31) => Some((value, true)),
            _ => None,
        })
    }

    /// Takes a month name (and the period after an abbreviation followed by a day).
    fn month(&mut self) -> Option<(Tok, u32, bool)> {
        let (t, month, ambiguous, abbr) = self.take(|t| match t.kind {
            Kind::Word(Kw::Month { month, ambiguous, abbr }) => Some((t, month, ambiguous, abbr)),
            _ => None,
        })?;
        if abbr {
            let mut c = *self;
            if c.eat_punct('.') && c.peek().is_some_and(|t| matches!(t.kind, Kind::Num { .. } | Kind::Ordinal(_))) {
                *self = c;
            }
        }
        Some((t, month, ambiguous))
    }
}

// ---------------------------------------------------------------------------------------
// Rules

/// Days `[start, end)`; `absolute` when written with a year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Span {
    start: NaiveDate,
    end: NaiveDate,
    absolute: bool,
}

type Hit<'a> = Option<(Cur<'a>, Span)>;

/// The longest of several matches.
fn best_of<'a, const N: usize>(hits: [Hit<'a>; N]) -> Hit<'a> {
    let mut best: Hit<'a> = None;
    for (c, span) in hits.into_iter().flatten() {
        if best.as_ref().is_none_or(|(b, _)| c.last_end > b.last_end) {
            best = Some((c, span));
        }
    }
    best
}

/// The expression starting at `c`, with the preposition before it if there is one.
fn expression(c: Cur<'_>, r: NaiveDate) -> Hit<'_> {
    let mut after = c;
    if let Some(Kw::On | Kw::In | Kw::During | Kw::Over) = after.word() {
        let prefix = c.peek().map(|t| t.kind);
        if let Some(hit) = bare(after, r, prefix == Some(Kind::Word(Kw::In)), true) {
            return Some(hit);
        }
    }
    bare(c, r, false, false)
}

/// The expression starting at `c`; `ctx`: after a preposition, `forward`: after `in`.
fn bare(c: Cur<'_>, r: NaiveDate, forward: bool, ctx: bool) -> Hit<'_> {
    let first = c.peek()?;
    match first.kind {
        Kind::Num { .. } | Kind::Ordinal(_) => {
            best_of([count(c, r, forward), day_month(c, r), iso_date(c), year(c, ctx)])
        }
        Kind::Word(k) => match k {
            Kw::Today | Kw::Yesterday | Kw::Tomorrow | Kw::Unit(Unit::Day) => relative_day(c, r),
            Kw::Last | Kw::This | Kw::Next => best_of([relative_day(c, r), modified(c, r)]),
            Kw::The => best_of([relative_day(c, r), day_month(c, r), season(c, r, ctx), weekend(c, r, ctx)]),
            Kw::A | Kw::Couple | Kw::Few | Kw::Number(_) => count(c, r, forward),
            Kw::Weekday(w) => {
                let mut c = c;
                c.bump();
                Some((c, day(last_weekday(r, w)?)?))
            }
            Kw::Month { .. } => best_of([month_bare(c, r, ctx), month_year(c), month_day(c, r, ctx)]),
            Kw::Early | Kw::Mid | Kw::Late => part(c, r),
            Kw::Season(_) => season(c, r, ctx),
            Kw::Recently => {
                let mut c = c;
                c.bump();
                Some((c, Span { start: shift(r, -30)?, end: shift(r, 1)?, absolute: false }))
            }
            _ => None,
        },
        Kind::Punct(_) => None,
    }
}

/// `today`, `yesterday`, `tomorrow`, `last night`, `this morning`, `the day before
/// yesterday`, `the day after tomorrow`.
fn relative_day(mut c: Cur<'_>, r: NaiveDate) -> Hit<'_> {
    let n = match c.word()? {
        Kw::Today => 0,
        Kw::Yesterday => -1,
        Kw::Tomorrow => 1,
        Kw::Last if c.eat(Kw::Night) => -1,
        Kw::This if c.eat(Kw::DayPart) => 0,
        Kw::The if c.eat(Kw::Unit(Unit::Day)) => before_after(&mut c)?,
        Kw::Unit(Unit::Day) => before_after(&mut c)?,
        _ => return None,
    };
    Some((c, day(shift(r, n)?)?))
}

fn before_after(c: &mut Cur<'_>) -> Option<i64> {
    if c.eat(Kw::Before) {
        c.eat(Kw::Yesterday).then_some(-2)
    } else if c.eat(Kw::After) {
        c.eat(Kw::Tomorrow).then_some(2)
    } else {
        None
    }
}

/// `last`/`this`/`next` (and `this past`) before a week, weekend, month, year, weekday,
/// month name or season.
fn modified(mut c: Cur<'_>, r: NaiveDate) -> Hit<'_> {
    let step: i64 = match c.word()? {
        Kw::Last => -1,
        Kw::Next => 1,
        Kw::This if c.eat(Kw::Past) => -1,
        Kw::This => 0,
        _ => return None,
    };
    let monday = week_start(r)?;
    let span = match c.word()? {
        Kw::Unit(Unit::Week) => days(shift(monday, 7 * step)?, 7)?,
        Kw::Weekend => days(shift(monday, 7 * step + 5)?, 2)?,
        Kw::Unit(Unit::Month) => month_span(i64::from(r.year()), i64::from(r.month0()) + step)?,
        Kw::Unit(Unit::Year) => year_span(i64::from(r.year()) + step)?,
        Kw::Weekday(w) if step < 0 => day(last_weekday(r, w)?)?,
        Kw::Weekday(w) => day(shift(monday, 7 * step + i64::from(w.num_days_from_monday()))?)?,
        Kw::Month { month, .. } => {
            let (y, m) = (i64::from(r.year()), r.month());
            let y = match step {
                -1 if month < m => y,
                -1 => y - 1,
                0 => y,
                _ if month > m => y,
                _ => y + 1,
            };
            month_span(y, i64::from(month) - 1)?
        }
        Kw::Season(s) => match step {
            -1 => season_last(s, r)?,
            0 => season_this(s, r)?,
            _ => season_next(s, r)?,
        },
        _ => return None,
    };
    Some((c, span))
}

/// `N days ago`, `a couple of weeks ago`, and after `in`: `in N months`.
fn count(mut c: Cur<'_>, r: NaiveDate, forward: bool) -> Hit<'_> {
    let n: i64 = match c.bump()?.kind {
        Kind::Num { value, digits: 1..=6 } => i64::from(value),
        Kind::Word(Kw::Number(n)) => i64::from(n),
        Kind::Word(Kw::A) if c.eat(Kw::Couple) => {
            c.eat(Kw::Of);
            2
        }
        Kind::Word(Kw::A) if c.eat(Kw::Few) => 3,
        Kind::Word(Kw::A) => 1,
        Kind::Word(Kw::Couple) => {
            c.eat(Kw::Of);
            2
        }
        Kind::Word(Kw::Few) => 3,
        _ => return None,
    };
    let Kw::Unit(unit) = c.word()? else { return None };
    let n = if c.eat(Kw::Ago) {
        -n
    } else if forward {
        n
    } else {
        return None;
    };
    let span = match unit {
        Unit::Day => day(shift(r, n)?)?,
        Unit::Week => days(week_start(shift(r, n.checked_mul(7)?)?)?, 7)?,
        Unit::Month => month_span(i64::from(r.year()), i64::from(r.month0()).checked_add(n)?)?,
        Unit::Year => year_span(i64::from(r.year()).checked_add(n)?)?,
    };
    Some((c, span))
}

fn month_ok(t: &Tok, ambiguous: bool, ctx: bool) -> bool {
    !ambiguous || ctx || (t.cap && !t.sentence_start)
}

/// `May`: the latest May not after R's month.
fn month_bare(mut c: Cur<'_>, r: NaiveDate, ctx: bool) -> Hit<'_> {
    let (t, month, ambiguous) = c.month()?;
    if !month_ok(&t, ambiguous, ctx) {
        return None;
    }
    let y = i64::from(r.year()) - i64::from(month > r.month());
    Some((c, month_span(y, i64::from(month) - 1)?))
}

/// `May 2023`, `May of 2023`.
fn month_year(mut c: Cur<'_>) -> Hit<'_> {
    let (_, month, _) = c.month()?;
    c.eat(Kw::Of);
    let y = c.year()?;
    let span = month_span(y, i64::from(month) - 1)?;
    Some((c, Span { absolute: true, ..span }))
}

/// `May 8`, `May 8th`, `May 8, 2023`, `May 8 2023`.
fn month_day(mut c: Cur<'_>, r: NaiveDate, ctx: bool) -> Hit<'_> {
    let (t, month, ambiguous) = c.month()?;
    let (d, ordinal) = c.day()?;
    let span = match with_year(&mut c, month, d) {
        Some(span) => span,
        None if month_ok(&t, ambiguous, ctx || ordinal) => recent_date(r, month, d),
        None => return None,
    };
    Some((c, span))
}

/// `8 May`, `8th May`, `8 May, 2023`, `8th of May 2023`, `the 8th of May`.
fn day_month(mut c: Cur<'_>, r: NaiveDate) -> Hit<'_> {
    let the = c.eat(Kw::The);
    let (d, ordinal) = c.day()?;
    if the && !ordinal {
        return None;
    }
    if ordinal {
        c.eat(Kw::Of);
    }
    let (_, month, _) = c.month()?;
    let span = with_year(&mut c, month, d).unwrap_or_else(|| recent_date(r, month, d));
    Some((c, span))
}

/// A date that does not exist ("31 April", "29 February 2023"): it is read, so that its
/// month alone is not, but names no span.
const NO_DAY: Span = Span { start: NaiveDate::MIN, end: NaiveDate::MIN, absolute: true };

/// An optional `, 2023` or `2023` after a day and month: that exact day ([`NO_DAY`] if it
/// does not exist); `None` without a year.
fn with_year(c: &mut Cur<'_>, month: u32, d: u32) -> Option<Span> {
    let mut t = *c;
    t.eat_punct(',');
    let y = t.year()?;
    *c = t;
    let span = i32::try_from(y).ok().and_then(|y| NaiveDate::from_ymd_opt(y, month, d)).and_then(day);
    Some(span.map_or(NO_DAY, |span| Span { absolute: true, ..span }))
}

/// The latest `month`/`d` not after R (up to eight years back, for 29 February), else
/// [`NO_DAY`].
fn recent_date(r: NaiveDate, month: u32, d: u32) -> Span {
    (0..=8)
        .filter_map(|k| NaiveDate::from_ymd_opt(r.year().checked_sub(k)?, month, d))
        .find(|date| *date <= r)
        .and_then(day)
        .unwrap_or(NO_DAY)
}

/// `2023-05-08`, `2023/05/08`, written without spaces.
fn iso_date(mut c: Cur<'_>) -> Hit<'_> {
    let t = c.bump()?;
    let Kind::Num { value: y, digits: 4 } = t.kind else { return None };
    let sep = c.bump().filter(|s| s.start == t.end)?;
    let Kind::Punct(ch @ ('-' | '/')) = sep.kind else { return None };
    let m = c.bump().filter(|m| m.start == sep.end)?;
    let Kind::Num { value: month, digits: 1..=2 } = m.kind else { return None };
    let sep2 = c.bump().filter(|s| s.start == m.end && s.kind == Kind::Punct(ch))?;
    let d = c.bump().filter(|d| d.start == sep2.end)?;
    let Kind::Num { value: d, digits: 1..=2 } = d.kind else { return None };
    let span = i32::try_from(y).ok().and_then(|y| NaiveDate::from_ymd_opt(y, month, d)).and_then(day);
    Some((c, span.map_or(NO_DAY, |span| Span { absolute: true, ..span })))
}

/// `in 2022`: a year needs a preposition before it.
fn year(mut c: Cur<'_>, ctx: bool) -> Hit<'_> {
    if !ctx {
        return None;
    }
    let span = year_span(c.year()?)?;
    Some((c, Span { absolute: true, ..span }))
}

/// `early May`, `mid-May 2023`, `late 2022`.
fn part(mut c: Cur<'_>, r: NaiveDate) -> Hit<'_> {
    // The part's first and last day (0 for the month's end), and its months of a year.
    let (third, first, last) = match c.word()? {
        Kw::Early => (0, 0, 10),
        Kw::Mid => (1, 10, 20),
        _ => (2, 20, 0),
    };
    c.eat_punct('-');
    if let Some(y) = c.year() {
        let span = month_span(y, 4 * third)?;
        let end = month_start(y, 4 * third + 4)?;
        return Some((c, Span { end, absolute: true, ..span }));
    }
    let (_, month, _) = c.month()?;
    let mut t = c;
    t.eat(Kw::Of);
    let (y, absolute) = match t.year() {
        Some(y) => {
            c = t;
            (y, true)
        }
        None => (i64::from(r.year()) - i64::from(month > r.month()), false),
    };
    let whole = month_span(y, i64::from(month) - 1)?;
    let start = shift(whole.start, first)?;
    let end = if last == 0 { whole.end } else { shift(whole.start, last)? };
    Some((c, Span { start, end, absolute }))
}

/// `summer 2022`, `the summer of 2022`, and after a preposition `the summer`.
fn season(mut c: Cur<'_>, r: NaiveDate, ctx: bool) -> Hit<'_> {
    c.eat(Kw::The);
    let Kw::Season(s) = c.word()? else { return None };
    let mut t = c;
    t.eat(Kw::Of);
    if let Some(y) = t.year() {
        return Some((t, Span { absolute: true, ..season_span(s, y)? }));
    }
    if !ctx {
        return None;
    }
    let y = i64::from(r.year());
    let span = [y, y - 1].into_iter().filter_map(|y| season_span(s, y)).find(|span| span.start <= r)?;
    Some((c, span))
}

/// `over the weekend`, `on the weekend`: the latest weekend whose Saturday is not after R.
fn weekend(mut c: Cur<'_>, r: NaiveDate, ctx: bool) -> Hit<'_> {
    if !(ctx && c.eat(Kw::The) && c.eat(Kw::Weekend)) {
        return None;
    }
    let back = (r.weekday().num_days_from_monday() + 2) % 7;
    Some((c, days(shift(r, -i64::from(back))?, 2)?))
}

fn season_span(s: Season, y: i64) -> Option<Span> {
    let first = match s {
        Season::Spring => 2,
        Season::Summer => 5,
        Season::Fall => 8,
        Season::Winter => 11,
    };
    let span = month_span(y, first)?;
    Some(Span { end: month_start(y, first + 3)?, ..span })
}

fn season_last(s: Season, r: NaiveDate) -> Option<Span> {
    let y = i64::from(r.year());
    [y, y - 1, y - 2].into_iter().filter_map(|y| season_span(s, y)).find(|span| span.end <= r)
}

fn season_this(s: Season, r: NaiveDate) -> Option<Span> {
    let y = i64::from(r.year());
    season_span(s, if s == Season::Winter && r.month() <= 2 { y - 1 } else { y })
}

fn season_next(s: Season, r: NaiveDate) -> Option<Span> {
    let y = i64::from(r.year());
    [y - 1, y, y + 1].into_iter().filter_map(|y| season_span(s, y)).find(|span| span.start > r)
}

// ---------------------------------------------------------------------------------------
// Dates

fn shift(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n.unsigned_abs()))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

fn days(start: NaiveDate, n: i64) -> Option<Span> {
    Some(Span { start, end: shift(start, n)?, absolute: false })
}

fn day(d: NaiveDate) -> Option<Span> {
    days(d, 1)
}

fn week_start(d: NaiveDate) -> Option<NaiveDate> {
    shift(d, -i64::from(d.weekday().num_days_from_monday()))
}

/// The latest `w` strictly before `r`.
fn last_weekday(r: NaiveDate, w: Weekday) -> Option<NaiveDate> {
    let back = (r.weekday().num_days_from_monday() + 7 - w.num_days_from_monday()) % 7;
    shift(r, -i64::from(if back == 0 { 7 } else { back }))
}

/// The first day of month `m0` (counted from 0, any value) of year `y`.
fn month_start(y: i64, m0: i64) -> Option<NaiveDate> {
    let idx = y.checked_mul(12)?.checked_add(m0)?;
    let year = i32::try_from(idx.div_euclid(12)).ok()?;
    let month = u32::try_from(idx.rem_euclid(12) + 1).ok()?;
    NaiveDate::from_ymd_opt(year, month, 1)
}

fn month_span(y: i64, m0: i64) -> Option<Span> {
    Some(Span { start: month_start(y, m0)?, end: month_start(y, m0.checked_add(1)?)?, absolute: false })
}

fn year_span(y: i64) -> Option<Span> {
    Some(Span { start: month_start(y, 0)?, end: month_start(y, 12)?, absolute: false })
}

// ---------------------------------------------------------------------------------------
// Asking when, clock times

/// Whether the word `kw`, followed by what is at `c`, asks when.
fn asks_when(kw: Kw, mut c: Cur<'_>) -> bool {
    match kw {
        Kw::When => {
            if c.eat_punct('\'') || c.eat_punct('\u{2019}') {
                return c.peek().is_some_and(|t| t.kind == Kind::Word(Kw::Aux) && t.end - t.start == 1);
            }
            c.eat(Kw::Aux)
        }
        Kw::What => matches!(c.word(), Some(Kw::AskNoun | Kw::Unit(_))),
        Kw::How => c.eat(Kw::Long) && c.eat(Kw::Ago),
        Kw::Since => c.eat(Kw::When),
        _ => false,
    }
}

/// `13:56`, `1:56 pm`, `1:56:07 am`.
fn clock(c: &mut Cur<'_>) -> Option<NaiveTime> {
    let mut t = *c;
    let Kind::Num { value: h, digits: 1..=2 } = t.bump()?.kind else { return None };
    if !t.eat_punct(':') {
        return None;
    }
    let Kind::Num { value: m, digits: 2 } = t.bump()?.kind else { return None };
    let mut s = 0;
    let mut u = t;
    if u.eat_punct(':') {
        if let Some(Kind::Num { value, digits: 2 }) = u.bump().map(|tok| tok.kind) {
            s = value;
            t = u;
        }
    }
    let h = match t.word() {
        Some(Kw::Am) if (1..=12).contains(&h) => h % 12,
        Some(Kw::Pm) if (1..=12).contains(&h) => h % 12 + 12,
        Some(_) => return None,
        None => h,
    };
    let time = NaiveTime::from_hms_opt(h, m, s)?;
    *c = t;
    Some(time)
}

/// `2023-05-08`, `2023-05-08 13:56`, `2023-05-08T13:56:07`, with an optional `Z`.
fn iso_datetime(b: &[u8]) -> Option<DateTime<Utc>> {
    let b = b.strip_suffix(b"Z").or_else(|| b.strip_suffix(b"z")).unwrap_or(b);
    let num = |from: usize, len: usize| -> Option<u32> {
        let digits = b.get(from..from + len)?;
        digits.iter().try_fold(0u32, |n, d| d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0')))
    };
    let sep = |at: usize, want: &[u8]| b.get(at).is_some_and(|c| want.contains(c));
    if !(sep(4, b"-") && sep(7, b"-")) {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(i32::try_from(num(0, 4)?).ok()?, num(5, 2)?, num(8, 2)?)?;
    let time = match b.len() {
        10 => NaiveTime::MIN,
        16 | 19 if sep(10, b" Tt") && sep(13, b":") => {
            let s = if b.len() == 19 && sep(16, b":") {
                num(17, 2)?
            } else if b.len() == 16 {
                0
            } else {
                return None;
            };
            NaiveTime::from_hms_opt(num(11, 2)?, num(14, 2)?, s)?
        }
        _ => return None,
    };
    Some(date.and_time(time).and_utc())
}
