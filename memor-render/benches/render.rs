//! Render (`openai` as a value and as JSON text, `string`) and plain search of a
//! 10,000-message session (criterion).

// Benchmarks: a failed unwrap is a broken benchmark.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

#[path = "../../memor-core/benches/synthetic.rs"]
mod synthetic;

use criterion::{Criterion, criterion_group, criterion_main};
use memor_render::{RendererRegistry, SearchOptions};

fn render(c: &mut Criterion) {
    let session = synthetic::session(10_000);
    let registry = RendererRegistry::global();
    let mut g = c.benchmark_group("session_10k");
    g.sample_size(30);
    g.bench_function("render_openai_value", |b| b.iter(|| registry.render_session(&session, "openai", true)));
    g.bench_function("render_openai_json", |b| b.iter(|| registry.render_session_json(&session, "openai", true)));
    g.bench_function("render_string", |b| b.iter(|| registry.render_session(&session, "string", true)));
    g.bench_function("search_plain", |b| {
        b.iter(|| memor_render::search(&session, "memory context", SearchOptions::default()))
    });
    g.finish();
}

criterion_group!(benches, render);
criterion_main!(benches);
