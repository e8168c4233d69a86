//! Load and save of a 10,000-message session (criterion), of ASCII words and of mixed ASCII
//! and non-ASCII words (every message then has `\uXXXX` escapes).

// Tests and tools: a failed unwrap is a failed check, which is what we want here.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod synthetic;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use memor_core::{Document, Session};

fn files(c: &mut Criterion) {
    let session = synthetic::session(10_000);
    let text = session.to_json();
    let dir = std::env::temp_dir().join(format!("memor-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_default();
    let path = dir.join("session.json");

    let mut g = c.benchmark_group("session_10k");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(20);
    g.bench_function("from_json", |b| b.iter(|| Session::from_json(&text)));
    g.bench_function("to_json", |b| b.iter(|| session.to_json()));
    g.bench_function("get_size", |b| b.iter(|| session.get_size()));
    g.bench_function("save", |b| b.iter(|| session.save(&path)));
    g.bench_function("load", |b| b.iter(|| Session::load(&path)));
    g.finish();

    let mixed = synthetic::mixed_session(10_000);
    let text = mixed.to_json();
    std::fs::write(&path, &text).unwrap();
    let mut g = c.benchmark_group("mixed_10k");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(20);
    g.bench_function("from_json", |b| b.iter(|| Session::from_json(&text)));
    g.bench_function("any_from_json", |b| b.iter(|| memor_core::AnyDocument::from_json(&text, None)));
    g.bench_function("to_json", |b| b.iter(|| mixed.to_json()));
    g.bench_function("load", |b| b.iter(|| Session::load(&path)));
    g.finish();
    let _ = std::fs::remove_dir_all(&dir);
}

criterion_group!(benches, files);
criterion_main!(benches);
