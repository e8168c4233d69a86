//! all-MiniLM-L6-v2 in process (feature `local-embed`): the latency of one query embedding
//! (the path of every recall), and of a batch of 32 stored texts. The model directory is
//! `MEMOR_TEST_MINILM_DIR` (`cargo xtask ci` fetches it into
//! `TARGET/memor-test-models/all-MiniLM-L6-v2`):
//! `MEMOR_TEST_MINILM_DIR=… cargo bench -p memor-embed --features local-embed`.

// A benchmark: a failed unwrap is a failed run; criterion's macros generate undocumented items.
#![allow(clippy::unwrap_used, missing_docs)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use memor_embed::{Embedder, LocalEmbedder};

const QUERY: &str = "What did I say last week about moving the team meeting to Thursday?";

const STORED: &str = "user: can we move the weekly sync? assistant: sure, Thursday at 10 works for everyone \
on the list, and I've sent the invite with the agenda attached.";

fn local(c: &mut Criterion) {
    let Some(dir) = std::env::var_os("MEMOR_TEST_MINILM_DIR") else {
        eprintln!("skipped: set MEMOR_TEST_MINILM_DIR to an all-MiniLM-L6-v2 directory");
        return;
    };
    let embedder = LocalEmbedder::open(dir).unwrap();
    c.bench_function("minilm/query", |b| b.iter(|| embedder.embed_query(black_box(QUERY)).unwrap()));
    let batch = vec![STORED; 32];
    let mut group = c.benchmark_group("minilm");
    group.sample_size(20);
    group.bench_function("batch_32", |b| b.iter(|| embedder.embed(black_box(&batch)).unwrap()));
    group.finish();
}

criterion_group!(benches, local);
criterion_main!(benches);
