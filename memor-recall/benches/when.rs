//! `when::resolve` on typical LoCoMo-style messages and queries, and `parse_datetime` on a
//! LoCoMo session time (criterion).

#![allow(missing_docs)]

use chrono::{TimeZone, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use memor_recall::when::{parse_datetime, resolve};
use std::hint::black_box;

const MESSAGE_WITH: &str = "Hey Mel! Good to see you! How have you been? I went to a LGBTQ support group \
yesterday and it was so powerful. The transgender stories were so inspiring!";
const MESSAGE_WITHOUT: &str = "That's awesome, Caroline! I'm so glad you found a community that supports you. \
What kind of things do you do there, and how do the people make you feel?";
const QUERY: &str = "When did Caroline go to the LGBTQ support group?";
const DATED: &str = "We took the kids camping in the summer of 2022, right after 8 May, 2023? No, in late June.";

fn when(c: &mut Criterion) {
    let reference = Utc.with_ymd_and_hms(2023, 5, 8, 13, 56, 0).unwrap();
    let mut g = c.benchmark_group("resolve");
    for (name, text) in
        [("message_with", MESSAGE_WITH), ("message_without", MESSAGE_WITHOUT), ("query", QUERY), ("dated", DATED)]
    {
        g.bench_function(name, |b| b.iter(|| resolve(black_box(text), black_box(reference))));
    }
    g.finish();
    c.bench_function("parse_datetime/locomo", |b| b.iter(|| parse_datetime(black_box("1:56 pm on 8 May, 2023"))));
}

criterion_group!(benches, when);
criterion_main!(benches);
