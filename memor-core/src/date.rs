//! Timestamps as memor reads and writes them: `%Y-%m-%d %H:%M:%S %z`.

use std::fmt;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, Offset, TimeDelta, TimeZone, Timelike, Utc};

use crate::pychar;

const MICROS_PER_DAY: i64 = 86_400_000_000;

/// A wall-clock time with its UTC offset, as memor stores `date_created` and `date_modified`.
///
/// Python keeps offsets down to the microsecond (`+00:00:00.5` loads and is written back as
/// `+000000.500000`); chrono's offsets stop at seconds, so this type carries its own.
/// Microseconds of the time itself are kept in memory but, as in memor, never written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Timestamp {
    local: NaiveDateTime,
    offset_micros: i64,
}

impl Timestamp {
    /// The current UTC time.
    pub fn now() -> Self {
        Utc::now().into()
    }

    /// Builds a timestamp from a local wall-clock time and its UTC offset in microseconds.
    ///
    /// Returns `None` when the offset is not strictly within ±24 hours (as Python requires).
    pub fn from_parts(local: NaiveDateTime, offset_micros: i64) -> Option<Self> {
        (offset_micros.abs() < MICROS_PER_DAY).then_some(Self { local, offset_micros })
    }

    /// The local wall-clock time.
    pub fn local(&self) -> NaiveDateTime {
        self.local
    }

    /// The UTC offset in microseconds (east positive).
    pub fn offset_micros(&self) -> i64 {
        self.offset_micros
    }

    /// As a chrono `DateTime`; an offset's sub-second part, which chrono cannot hold, is dropped.
    pub fn to_chrono(&self) -> DateTime<FixedOffset> {
        let seconds = (self.offset_micros / 1_000_000) as i32;
        let offset = FixedOffset::east_opt(seconds).unwrap_or(Utc.fix());
        DateTime::from_naive_utc_and_offset(self.local - TimeDelta::seconds(i64::from(seconds)), offset)
    }

    /// Parses memor's date text with the leniency of Python's `strptime` (spec §13.2).
    ///
    /// Single-digit fields, runs of any Unicode white space between date, time and offset,
    /// Unicode decimal digits, `Z`, `+HH:MM` and offsets with seconds all load, as in memor.
    pub fn parse(text: &str) -> Option<Self> {
        let fields = canonical_fields(text).or_else(|| strptime::match_fields(text))?;
        let date = NaiveDate::from_ymd_opt(fields.year as i32, fields.month, fields.day)?;
        if fields.year == 0 {
            return None;
        }
        let local = date.and_hms_opt(fields.hour, fields.minute, fields.second)?;
        Self::from_parts(local, fields.offset_micros)
    }
}

impl<Tz: TimeZone> From<DateTime<Tz>> for Timestamp {
    fn from(value: DateTime<Tz>) -> Self {
        let offset = value.offset().fix().local_minus_utc();
        Self { local: value.naive_local(), offset_micros: i64::from(offset) * 1_000_000 }
    }
}

/// `%Y-%m-%d %H:%M:%S %z` as Python's `strftime` writes it, except that years below 1000 are
/// zero-padded so that they load back (DECISIONS D5).
impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut buf = [0u8; 40];
        f.write_str(self.format_into(&mut buf))
    }
}

impl Timestamp {
    /// Writes the date text into `buf` without going through `core::fmt` (it is on the hot
    /// path of every save: four dates per prompt).
    pub(crate) fn format_into<'b>(&self, buf: &'b mut [u8; 40]) -> &'b str {
        let t = &self.local;
        let mut w = Digits { buf, len: 0 };
        w.number(4, t.year().clamp(0, 9999) as u32);
        w.byte(b'-');
        w.number(2, t.month());
        w.byte(b'-');
        w.number(2, t.day());
        w.byte(b' ');
        w.number(2, t.hour());
        w.byte(b':');
        w.number(2, t.minute());
        w.byte(b':');
        w.number(2, t.second());
        w.byte(b' ');
        w.byte(if self.offset_micros < 0 { b'-' } else { b'+' });
        let micros = self.offset_micros.unsigned_abs();
        let (seconds, fraction) = ((micros / 1_000_000) as u32, (micros % 1_000_000) as u32);
        w.number(2, seconds / 3600);
        w.number(2, seconds / 60 % 60);
        if seconds % 60 != 0 || fraction != 0 {
            w.number(2, seconds % 60);
        }
        if fraction != 0 {
            w.byte(b'.');
            w.number(6, fraction);
        }
        let len = w.len;
        std::str::from_utf8(&buf[..len]).unwrap_or_default()
    }
}

/// Appends fixed-width decimal numbers and ASCII bytes to a buffer.
struct Digits<'b> {
    buf: &'b mut [u8; 40],
    len: usize,
}

impl Digits<'_> {
    fn byte(&mut self, b: u8) {
        self.buf[self.len] = b;
        self.len += 1;
    }

    fn number(&mut self, width: usize, mut value: u32) {
        for i in (0..width).rev() {
            self.buf[self.len + i] = b'0' + (value % 10) as u8;
            value /= 10;
        }
        self.len += width;
    }
}

/// The fields of the canonical shape `YYYY-MM-DD HH:MM:SS +HHMM` (all ASCII, every field in
/// range), which is what memor writes. Anything else goes through the general matcher, which
/// gives the same answer for these texts, only slower.
fn canonical_fields(text: &str) -> Option<strptime::Fields> {
    let b = text.as_bytes();
    if b.len() != 25 || b[4] != b'-' || b[7] != b'-' || b[10] != b' ' || b[13] != b':' || b[16] != b':' || b[19] != b' '
    {
        return None;
    }
    let num = |from: usize, len: usize| -> Option<u32> {
        b[from..from + len].iter().try_fold(0, |acc, &d| d.is_ascii_digit().then(|| acc * 10 + u32::from(d - b'0')))
    };
    let sign = match b[20] {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let fields = strptime::Fields {
        year: num(0, 4)?,
        month: num(5, 2)?,
        day: num(8, 2)?,
        hour: num(11, 2)?,
        minute: num(14, 2)?,
        second: num(17, 2)?,
        offset_micros: sign * i64::from(num(21, 2)? * 3600 + num(23, 2)? * 60) * 1_000_000,
    };
    let in_range = (1..=12).contains(&fields.month)
        && (1..=31).contains(&fields.day)
        && fields.hour <= 23
        && fields.minute <= 59
        && fields.second <= 61
        && num(23, 2)? <= 59;
    in_range.then_some(fields)
}

/// A regex-free rendition of the pattern CPython 3.11's `_strptime` builds for memor's format,
/// with the same alternation order and backtracking, so exactly the same texts match.
mod strptime {
    use super::pychar;

    #[derive(Clone, Copy, Debug, Default, PartialEq)]
    pub(super) struct Fields {
        pub year: u32,
        pub month: u32,
        pub day: u32,
        pub hour: u32,
        pub minute: u32,
        pub second: u32,
        pub offset_micros: i64,
    }

    #[derive(Clone, Copy)]
    enum Elem {
        Year,
        Month,
        Day,
        Hour,
        Minute,
        Second,
        Lit(char),
        Space,
        Zone,
    }

    use Elem::*;
    const PATTERN: [Elem; 13] =
        [Year, Lit('-'), Month, Lit('-'), Day, Space, Hour, Lit(':'), Minute, Lit(':'), Second, Space, Zone];

    /// Matches the pattern at the start of `text` (first match in regex priority order), then
    /// requires that it consumed everything ("unconverted data remains" otherwise).
    pub(super) fn match_fields(text: &str) -> Option<Fields> {
        let chars: Vec<char> = text.chars().collect();
        let mut fields = Fields::default();
        let end = solve(&chars, 0, 0, &mut fields)?;
        (end == chars.len()).then_some(fields)
    }

    fn solve(s: &[char], elem: usize, pos: usize, fields: &mut Fields) -> Option<usize> {
        let Some(&e) = PATTERN.get(elem) else {
            return Some(pos);
        };
        for (end, value) in candidates(e, s, pos) {
            let saved = *fields;
            assign(e, value, fields);
            if let Some(done) = solve(s, elem + 1, end, fields) {
                return Some(done);
            }
            *fields = saved;
        }
        None
    }

    fn assign(e: Elem, value: i64, fields: &mut Fields) {
        let v = value as u32;
        match e {
            Year => fields.year = v,
            Month => fields.month = v,
            Day => fields.day = v,
            Hour => fields.hour = v,
            Minute => fields.minute = v,
            Second => fields.second = v,
            Zone => fields.offset_micros = value,
            Lit(_) | Space => {}
        }
    }

    /// Candidate `(end, value)` pairs for one element at `pos`, in regex priority order.
    fn candidates(e: Elem, s: &[char], pos: usize) -> Vec<(usize, i64)> {
        let at = |i: usize| s.get(pos + i).copied();
        let digit = |i: usize| at(i).and_then(pychar::decimal_value);
        let in_set =
            |i: usize, lo: char, hi: char| at(i).filter(|c| (lo..=hi).contains(c)).and_then(pychar::decimal_value);
        // Each alternative: a list of digit matchers; value = the digits read as a number.
        let two = |a: Option<u32>, b: Option<u32>| Some(i64::from(a? * 10 + b?));
        let mut out = Vec::new();
        let mut push = |len: usize, v: Option<i64>| {
            if let Some(v) = v {
                out.push((pos + len, v));
            }
        };
        match e {
            Year => push(4, (0..4).try_fold(0i64, |acc, i| Some(acc * 10 + i64::from(digit(i)?)))),
            Month => {
                push(2, two(in_set(0, '1', '1'), in_set(1, '0', '2')));
                push(2, two(in_set(0, '0', '0'), in_set(1, '1', '9')));
                push(1, in_set(0, '1', '9').map(i64::from));
            }
            Day => {
                push(2, two(in_set(0, '3', '3'), in_set(1, '0', '1')));
                push(2, two(in_set(0, '1', '2'), digit(1)));
                push(2, two(in_set(0, '0', '0'), in_set(1, '1', '9')));
                push(1, in_set(0, '1', '9').map(i64::from));
                push(2, at(0).filter(|&c| c == ' ').and(in_set(1, '1', '9')).map(i64::from));
            }
            Hour => {
                push(2, two(in_set(0, '2', '2'), in_set(1, '0', '3')));
                push(2, two(in_set(0, '0', '1'), digit(1)));
                push(1, digit(0).map(i64::from));
            }
            Minute => {
                push(2, two(in_set(0, '0', '5'), digit(1)));
                push(1, digit(0).map(i64::from));
            }
            Second => {
                push(2, two(in_set(0, '6', '6'), in_set(1, '0', '1')));
                push(2, two(in_set(0, '0', '5'), digit(1)));
                push(1, digit(0).map(i64::from));
            }
            Lit(c) => push(1, (at(0) == Some(c)).then_some(0)),
            Space => {
                let run = s[pos.min(s.len())..].iter().take_while(|&&c| pychar::is_space(c)).count();
                for len in (1..=run).rev() {
                    push(len, Some(0));
                }
            }
            Zone => {
                if let Some((len, micros)) = zone(&s[pos.min(s.len())..]) {
                    push(len, Some(micros));
                }
            }
        }
        out
    }

    /// `[+-]\d\d:?[0-5]\d(:?[0-5]\d(\.\d{1,6})?)?|Z`, greedy, then `_strptime`'s conversion
    /// (which rejects a colon used in one place but not the other). Returns (length, micros).
    fn zone(s: &[char]) -> Option<(usize, i64)> {
        if s.first() == Some(&'Z') {
            return Some((1, 0));
        }
        let sign = match s.first()? {
            '+' => 1,
            '-' => -1,
            _ => return None,
        };
        let digit = |i: usize| s.get(i).copied().and_then(pychar::decimal_value);
        let low = |i: usize| s.get(i).filter(|c| ('0'..='5').contains(c)).and_then(|&c| pychar::decimal_value(c));
        let hours = digit(1)? * 10 + digit(2)?;
        let mut i = 3;
        let colon = s.get(i) == Some(&':') && low(4).is_some();
        if colon {
            i += 1;
        }
        let minutes = low(i)? * 10 + digit(i + 1)?;
        i += 2;
        let mut seconds = 0;
        let mut fraction = 0;
        let second_colon = s.get(i) == Some(&':');
        let j = i + usize::from(second_colon);
        if let (Some(a), Some(b)) = (low(j), digit(j + 1)) {
            if second_colon != colon {
                return None; // "Inconsistent use of :" or an unparsable seconds field.
            }
            seconds = a * 10 + b;
            i = j + 2;
            if s.get(i) == Some(&'.') {
                let run = s[i + 1..].iter().take(6).take_while(|&&c| pychar::decimal_value(c).is_some()).count();
                if run > 0 {
                    let mut scale = 100_000;
                    for &c in &s[i + 1..i + 1 + run] {
                        fraction += pychar::decimal_value(c)? * scale;
                        scale /= 10;
                    }
                    i += 1 + run;
                }
            }
        }
        let total = i64::from(hours * 3600 + minutes * 60 + seconds) * 1_000_000 + i64::from(fraction);
        Some((i, sign * total))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fast path for memor's own shape decides exactly as the general matcher.
    #[test]
    fn canonical_fast_path_agrees_with_strptime() {
        let mut checked = 0;
        for month in [0, 1, 9, 10, 12, 13] {
            for day in [0, 1, 9, 10, 29, 30, 31, 32] {
                for hour in [0, 9, 19, 23, 24, 25] {
                    for second in [0, 59, 60, 61, 62] {
                        for (sign, offset) in [('+', "0000"), ('-', "2359"), ('+', "0060"), ('+', "9900")] {
                            let text = format!("2024-{month:02}-{day:02} {hour:02}:07:{second:02} {sign}{offset}");
                            // Where the fast path declines, the general matcher decides alone.
                            if let Some(fast) = canonical_fields(&text) {
                                assert_eq!(Some(fast), strptime::match_fields(&text), "{text}");
                                checked += 1;
                            }
                        }
                    }
                }
            }
        }
        assert!(checked > 1000);
    }
}
