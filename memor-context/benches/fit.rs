//! Benchmarks (criterion): re-fitting a 100,000-message session into GPT-4o's 128k window after
//! one new message (the chat path, dropped messages not counted, and the full report), and
//! cold counting (a fresh cache) of a 10,000-message session.

// Benchmarks: a failed unwrap is a broken benchmark.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

#[path = "../../memor-core/benches/synthetic.rs"]
mod synthetic;

use std::time::{Duration, Instant};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use memor_context::{Counter, ModelTable, Policy, fit};
use memor_core::{Message, Prompt};

fn refit(c: &mut Criterion) {
    let table = ModelTable::default();
    let mut session = synthetic::session(100_000);
    session.add_message(Prompt::builder().message("the newest question").build());
    let last = session.len() - 1;
    let mut g = c.benchmark_group("refit_100k_into_128k");
    g.sample_size(20);
    for (name, count_dropped) in [("chat", false), ("report", true)] {
        let counter = Counter::for_model("gpt-4o", &table).unwrap();
        let policy = Policy::for_model("gpt-4o", &table).unwrap().count_dropped(count_dropped);
        fit(&session, &policy, &counter).unwrap();
        let mut n = 0u64;
        g.bench_function(name, |b| {
            b.iter_custom(|iterations| {
                let mut spent = Duration::ZERO;
                for _ in 0..iterations {
                    // One new message: a text never counted before.
                    n += 1;
                    if let Some(Message::Prompt(p)) = session.get_message_mut(last) {
                        p.update_message(format!("the newest question, number {n}"));
                    }
                    let started = Instant::now();
                    let fitted = fit(&session, &policy, &counter).unwrap();
                    spent += started.elapsed();
                    assert!(fitted.total <= policy.budget - policy.reserve);
                }
                spent
            });
        });
    }
    g.finish();
}

fn cold(c: &mut Criterion) {
    let table = ModelTable::default();
    let session = synthetic::session(10_000);
    let bytes: usize = session.iter().map(|m| m.message().len()).sum();
    let policy = Policy::new(usize::MAX);
    let mut g = c.benchmark_group("cold_count_10k");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(bytes as u64));
    for model in ["gpt-4o", "claude-sonnet-4-5"] {
        g.bench_function(model, |b| {
            b.iter_batched(
                || Counter::for_model(model, &table).unwrap(),
                |counter| fit(&session, &policy, &counter).unwrap(),
                criterion::BatchSize::PerIteration,
            );
        });
    }
    let o200k = memor_tokenize::CounterRegistry::global().get("o200k_base").unwrap();
    g.bench_function("o200k_base alone", |b| {
        b.iter(|| session.iter().map(|m| o200k.count(m.message())).sum::<usize>())
    });
    g.finish();
}

criterion_group!(benches, refit, cold);
criterion_main!(benches);
