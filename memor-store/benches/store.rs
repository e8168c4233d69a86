//! The store's speed goals (issue: conversation store): appending 10k messages in batches of
//! 100, turn by turn (one commit per turn), and loading a 10k-message conversation beside
//! loading the same memor file. `cargo bench -p memor-store`; with `MEMOR_TEST_POSTGRES_URL`
//! set (`cargo xtask with-postgres cargo bench -p memor-store`) the same on PostgreSQL.

// A benchmark: a failed unwrap is a failed run; criterion's macros generate undocumented items.
#![allow(clippy::unwrap_used, missing_docs)]

use std::time::{Duration, Instant};

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use memor_core::{Document, Message, Prompt, Response, Session};
use memor_store::{NewConversation, Store};

const TEXT: &str = "The café on the corner serves a naïve but honest espresso; we met there before flying to \
東京 for the conference, and everyone agreed the trip was worth every yen 😀";

/// `n` messages: user prompts and assistant responses, alternating.
fn messages(n: usize) -> Vec<Message> {
    (0..n)
        .map(|i| match i % 2 {
            0 => Prompt::builder().message(format!("user {i}: {TEXT}")).build().into(),
            _ => Response::builder()
                .message(format!("assistant {i}: {TEXT}"))
                .model("gpt-4o-mini")
                .build()
                .unwrap()
                .into(),
        })
        .collect()
}

fn stores() -> Vec<(String, Box<dyn Store>)> {
    let dir = std::env::temp_dir().join(format!("memor-store-bench-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::create_dir_all(&dir);
    let mut out: Vec<(String, Box<dyn Store>)> = Vec::new();
    if let Ok(store) = memor_store::open(&dir.join("bench.db").to_string_lossy()) {
        out.push(("sqlite".into(), store));
    }
    if let Some(store) = std::env::var("MEMOR_TEST_POSTGRES_URL").ok().and_then(|url| memor_store::open(&url).ok()) {
        out.push(("postgres".into(), store));
    }
    out
}

/// The store's load against the file's, timed in turns so that both meet the same machine:
/// on a shared machine two criterion runs a minute apart differ by more than the goal's
/// margin. Prints the median of the 40 ratios.
fn paired(backend: &str, mut store: impl FnMut(), mut file: impl FnMut()) {
    let time = |f: &mut dyn FnMut()| {
        let start = Instant::now();
        f();
        start.elapsed().as_secs_f64()
    };
    let mut ratios: Vec<f64> = (0..40).map(|_| time(&mut store) / time(&mut file)).collect();
    ratios.sort_by(f64::total_cmp);
    eprintln!(
        "{backend}: loading the 10k-message conversation takes {:.2}x the file's load (median of 40 pairs)",
        ratios[20]
    );
}

fn bench(c: &mut Criterion) {
    let batch = messages(10_000);
    let ten_k = Session::with_messages(Some("bench".into()), batch.clone());
    let file_text = ten_k.to_json();
    let dir = std::env::temp_dir().join(format!("memor-store-bench-file-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join("ten_k.json");
    let _ = std::fs::write(&path, &file_text);
    for (backend, store) in stores() {
        let mut group = c.benchmark_group(format!("store/{backend}"));
        group.sample_size(10).measurement_time(Duration::from_secs(8));
        group.throughput(Throughput::Elements(10_000));
        group.bench_function("append 10k messages in batches of 100", |b| {
            b.iter_batched(
                || store.create(&NewConversation::default()).map(|c| c.id).unwrap_or_default(),
                |id| {
                    for chunk in batch.chunks(100) {
                        let _ = store.append(&id, chunk);
                    }
                },
                BatchSize::PerIteration,
            );
        });
        group.throughput(Throughput::Elements(500));
        group.bench_function("500 turns, one commit each", |b| {
            b.iter_batched(
                || store.create(&NewConversation::default()).map(|c| c.id).unwrap_or_default(),
                |id| {
                    for turn in batch[..1000].chunks(2) {
                        let _ = store.append(&id, turn);
                    }
                },
                BatchSize::PerIteration,
            );
        });
        let id = store.import(&ten_k, &NewConversation::default()).map(|c| c.id).unwrap_or_default();
        group.throughput(Throughput::Elements(1));
        group.bench_function("load a 10k-message conversation", |b| b.iter(|| store.load(&id)));
        group.finish();
        paired(&backend, || drop(store.load(&id)), || drop(Session::load(&path)));
    }
    let mut group = c.benchmark_group("file");
    group.sample_size(10).measurement_time(Duration::from_secs(8));
    group.bench_function("load the same 10k-message memor file", |b| b.iter(|| Session::load(&path)));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
