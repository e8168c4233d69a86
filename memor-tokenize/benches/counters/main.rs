//! Throughput of every counter on prose, code and CJK text, side by side with tiktoken-rs and
//! bpe-openai called directly; and memor's universal estimator on a 10,000-message session
//! (criterion).

// Benchmarks: a failed unwrap is a broken benchmark.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

#[path = "../../../memor-core/benches/synthetic.rs"]
mod synthetic;
mod texts;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use memor_render::prelude::SessionRenderExt;
use memor_tokenize::prelude::*;
use memor_tokenize::{CounterRegistry, Estimator};

fn throughput(c: &mut Criterion) {
    let registry = CounterRegistry::global();
    for (name, text) in [("prose", texts::prose()), ("code", texts::code()), ("cjk", texts::cjk())] {
        let mut g = c.benchmark_group(format!("count_{name}"));
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.sample_size(10);
        for id in registry.ids() {
            let counter = registry.get(id).unwrap();
            counter.count("warm up");
            g.bench_function(format!("memor-tokenize/{id}"), |b| b.iter(|| counter.count(&text)));
        }
        let cl100k = tiktoken_rs::cl100k_base_singleton();
        let o200k = tiktoken_rs::o200k_base_singleton();
        g.bench_function("tiktoken-rs/cl100k_base", |b| b.iter(|| cl100k.encode_ordinary(&text).len()));
        g.bench_function("tiktoken-rs/o200k_base", |b| b.iter(|| o200k.encode_ordinary(&text).len()));
        let cl100k = bpe_openai::cl100k_base();
        let o200k = bpe_openai::o200k_base();
        g.bench_function("bpe-openai/cl100k_base", |b| b.iter(|| cl100k.count(text.as_str())));
        g.bench_function("bpe-openai/o200k_base", |b| b.iter(|| o200k.count(text.as_str())));
        g.finish();
    }
}

fn session(c: &mut Criterion) {
    let session = synthetic::session(10_000);
    let text = session.text().unwrap();
    let mut g = c.benchmark_group("session_10k");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("estimate_tokens_universal", |b| b.iter(|| session.estimate_tokens(&Estimator::Universal)));
    g.bench_function("universal_on_string_render", |b| b.iter(|| Estimator::Universal.estimate(&text)));
    g.bench_function("openai_gpt_4_on_string_render", |b| b.iter(|| Estimator::OpenAiGpt4.estimate(&text)));
    g.finish();
}

criterion_group!(benches, throughput, session);
criterion_main!(benches);
