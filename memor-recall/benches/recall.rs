//! Recall at scale: adding 100k memories with vectors given, and searching 100k (and, with
//! `MEMOR_BENCH_1M=1`, 1M) memories of 384 dimensions with the query vector given, by vector
//! alone and hybrid. Besides criterion's times it prints p50/p95 over 200 queries and the
//! vector search's recall@10 against an exact f32 scan. With `MEMOR_BENCH_MINILM_DIR` (an
//! all-MiniLM-L6-v2 directory; build with `--features memor-embed/local-embed`) it also times
//! the query embedded by the local model and then searched, vector alone and hybrid.
//!
//! From 150k memories on, the SQLite scan reads inverted lists (approximate), so the 1M run
//! is made twice: with random vectors (the worst case for lists: no vector has true
//! neighbours) and with vectors around 2,000 topics (like embeddings of what people talk
//! about: a vector's cosine with its topic is about 0.7).
//!
//! With `MEMOR_BENCH_POSTGRES=1` the 100k run is repeated on PostgreSQL + pgvector:
//! `cargo xtask with-postgres cargo bench -p memor-recall --features postgres --bench recall`.
//!
//! `cargo bench -p memor-recall --bench recall`

// A bench: a failed unwrap is a failed run.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::time::Instant;

use criterion::{Criterion, criterion_group, criterion_main};
use memor_recall::{Memories, NewMemory, Search};

const DIMS: usize = 384;
const MODEL: &str = "bench:random";
const WORDS: [&str; 16] = [
    "garden",
    "train",
    "concert",
    "sister",
    "recipe",
    "marathon",
    "painting",
    "guitar",
    "museum",
    "camping",
    "vegan",
    "puppy",
    "library",
    "beach",
    "promotion",
    "wedding",
];

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn unit(&mut self) -> f32 {
        (self.next() % 2_000_001) as f32 / 1_000_000.0 - 1.0
    }
    fn vector(&mut self) -> Vec<f32> {
        normalized((0..DIMS).map(|_| self.unit()).collect())
    }
    /// A random vector, or with `topics` one of them plus as much noise.
    fn near(&mut self, topics: &[Vec<f32>]) -> Vec<f32> {
        let noise = self.vector();
        if topics.is_empty() {
            return noise;
        }
        let topic = &topics[(self.next() % topics.len() as u64) as usize];
        normalized(topic.iter().zip(noise).map(|(t, n)| t + n).collect())
    }
}

fn normalized(v: Vec<f32>) -> Vec<f32> {
    let n = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    v.into_iter().map(|x| x / n).collect()
}

/// 2,000 topic directions when `clustered`, else none.
fn topics(clustered: bool) -> Vec<Vec<f32>> {
    let mut rng = Rng(7);
    (0..if clustered { 2000 } else { 0 }).map(|_| rng.vector()).collect()
}

fn memories(rng: &mut Rng, n: usize, topics: &[Vec<f32>]) -> Vec<(NewMemory, Vec<f32>)> {
    (0..n)
        .map(|i| {
            let text = format!(
                "memory {i}: the {} and the {} with {}",
                WORDS[(rng.next() % 16) as usize],
                WORDS[(rng.next() % 16) as usize],
                WORDS[(rng.next() % 16) as usize]
            );
            let v = rng.near(topics);
            (NewMemory::fact(text).user("bench").embedding(MODEL, v.clone()), v)
        })
        .collect()
}

fn fill(path: &str, n: usize, topics: &[Vec<f32>]) -> (Memories, Vec<Vec<f32>>, f64) {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let all = memories(&mut rng, n, topics);
    let memories = Memories::open(path).unwrap();
    let started = Instant::now();
    for chunk in all.chunks(1000) {
        let batch: Vec<NewMemory> = chunk.iter().map(|(m, _)| m.clone()).collect();
        memories.add_all(&batch).unwrap();
    }
    let rate = n as f64 / started.elapsed().as_secs_f64();
    (memories, all.into_iter().map(|(_, v)| v).collect(), rate)
}

fn percentiles(mut ms: Vec<f64>) -> (f64, f64) {
    ms.sort_by(f64::total_cmp);
    (ms[ms.len() / 2], ms[((ms.len() as f64 - 1.0) * 0.95).round() as usize])
}

fn exact_top10(vectors: &[Vec<f32>], q: &[f32]) -> Vec<usize> {
    let mut scored: Vec<(usize, f32)> =
        vectors.iter().enumerate().map(|(i, v)| (i, v.iter().zip(q).map(|(a, b)| a * b).sum())).collect();
    scored.sort_by(|a, b| b.1.total_cmp(&a.1));
    scored.into_iter().take(10).map(|(i, _)| i).collect()
}

/// A fresh database on the PostgreSQL server of `MEMOR_TEST_POSTGRES_URL` (as `cargo xtask
/// with-postgres` sets it).
fn postgres_database() -> String {
    let url = std::env::var("MEMOR_TEST_POSTGRES_URL").expect("MEMOR_BENCH_POSTGRES needs MEMOR_TEST_POSTGRES_URL");
    let name = format!("bench_{}", std::process::id());
    let mut admin = postgres::Client::connect(&url.replace("postgres://", "postgresql://"), postgres::NoTls).unwrap();
    admin.batch_execute(&format!("CREATE DATABASE {name}")).unwrap();
    format!("{}/{name}", url.rsplit_once('/').unwrap().0)
}

fn at_scale(c: &mut Criterion, n: usize, backend: &str, clustered: bool) {
    let dir = std::env::temp_dir().join(format!("memor-recall-bench-{n}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let location = match backend {
        "postgres" => postgres_database(),
        _ => dir.join("bench.db").to_str().unwrap().to_owned(),
    };
    let topics = topics(clustered);
    let (memories, vectors, rate) = fill(&location, n, &topics);
    let n_name = format!("{n} ({backend}{})", if clustered { ", 2,000 topics" } else { "" });
    let n = &n_name;
    eprintln!("add {n} memories with vectors, batches of 1000: {rate:.0} memories/s");
    let mut rng = Rng(42);
    let queries: Vec<Vec<f32>> = (0..200).map(|_| rng.near(&topics)).collect();
    let search = |q: &[f32], text: &str| {
        let s = Search::text(text).vector(MODEL, q.to_vec()).k(10);
        memories.search(&s).unwrap()
    };
    let started = Instant::now();
    search(&queries[0], ""); // loads the scan's codes (and trains the lists from 150k on)
    eprintln!("first vector search, {n} memories: {:.2} s", started.elapsed().as_secs_f64());
    // p50/p95 and recall@10 against the exact scan.
    let mut times = Vec::new();
    let mut recall = 0.0;
    for q in &queries {
        let started = Instant::now();
        let hits = search(q, "");
        times.push(started.elapsed().as_secs_f64() * 1000.0);
        let exact: Vec<String> = exact_top10(&vectors, q).into_iter().map(|i| format!("memory {i}:")).collect();
        let found = hits.iter().filter(|h| exact.iter().any(|e| h.memory.text.starts_with(e.as_str()))).count();
        recall += found as f64 / 10.0;
    }
    let (p50, p95) = percentiles(times);
    eprintln!(
        "vector search, {n} memories: p50 {p50:.2} ms, p95 {p95:.2} ms, recall@10 vs exact {:.4}",
        recall / 200.0
    );
    let mut times = Vec::new();
    for (i, q) in queries.iter().enumerate() {
        let started = Instant::now();
        search(q, WORDS[i % 16]);
        times.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    let (p50, p95) = percentiles(times);
    eprintln!("hybrid search, {n} memories: p50 {p50:.2} ms, p95 {p95:.2} ms");
    // What a forget (or a consolidation's revision) costs the next search: each time the
    // best hit of a query is forgotten, then the next query is timed.
    let mut times = Vec::new();
    for (i, q) in queries.iter().take(20).enumerate() {
        let best = search(q, "").remove(0).memory.id;
        memories.forget(&best).unwrap();
        let started = Instant::now();
        search(&queries[i + 20], "");
        times.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    let (p50, p95) = percentiles(times);
    eprintln!("vector search after a forget, {n} memories: p50 {p50:.2} ms, p95 {p95:.2} ms");
    if let Some(dir) = std::env::var_os("MEMOR_BENCH_MINILM_DIR") {
        let id = format!("local:{}", dir.to_string_lossy());
        let embedder = memor_embed::EmbedderRegistry::global().open(&id).unwrap();
        let texts: Vec<String> = (0..200)
            .map(|i| format!("what did my {} say about the {} last week?", WORDS[i % 16], WORDS[(i * 7 + 3) % 16]))
            .collect();
        embedder.embed_query(&texts[0]).unwrap(); // the first call warms the model
        for hybrid in [false, true] {
            let mut times = Vec::new();
            for text in &texts {
                let started = Instant::now();
                let q = embedder.embed_query(text).unwrap();
                // The store's vectors are random ones labelled `MODEL`: the scan costs the same.
                search(&q, if hybrid { text } else { "" });
                times.push(started.elapsed().as_secs_f64() * 1000.0);
            }
            let (p50, p95) = percentiles(times);
            let what = if hybrid { "hybrid" } else { "vector" };
            eprintln!("MiniLM query embedding + {what} search, {n} memories: p50 {p50:.2} ms, p95 {p95:.2} ms");
        }
    }
    let mut group = c.benchmark_group(format!("search {n}"));
    group.sample_size(20);
    let mut i = 0;
    group.bench_function("vector", |b| {
        b.iter(|| {
            i += 1;
            search(&queries[i % 200], "")
        })
    });
    group.bench_function("hybrid", |b| {
        b.iter(|| {
            i += 1;
            search(&queries[i % 200], WORDS[i % 16])
        })
    });
    group.finish();
    drop(memories);
    std::fs::remove_dir_all(&dir).ok();
}

fn bench(c: &mut Criterion) {
    at_scale(c, 100_000, "sqlite", false);
    if std::env::var_os("MEMOR_BENCH_1M").is_some() {
        at_scale(c, 1_000_000, "sqlite", false);
        at_scale(c, 1_000_000, "sqlite", true);
    }
    if std::env::var_os("MEMOR_BENCH_POSTGRES").is_some() {
        at_scale(c, 100_000, "postgres", false);
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
