//! The in-memory scan of a SQLite store's vectors.
//!
//! Vectors are scanned as 8-bit codes (one scale per vector, a quarter of the bytes to
//! stream); the best candidates of the scan are then re-scored with their exact `f32` cosine,
//! so the ranking is that of an exact search unless a true neighbour falls out of the
//! candidates, which the re-scored margin makes rare (measured by the `recall` bench). From
//! [`INDEXED_FROM`] rows on, the scan reads only the inverted lists nearest the query
//! ([`crate::lists`]).

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use crate::lists::{INDEXED_FROM, Lists, PROBED};
use crate::vectors::normalized;

/// 8-bit codes of unit vectors, one row per vector: in one array in row order, or, once
/// there are [`INDEXED_FROM`] rows, in the inverted lists (each list's rows side by side).
#[derive(Debug, Default)]
pub(crate) struct Codes {
    dims: usize,
    rows: usize,
    /// The codes in row order, while there are no lists.
    codes: Vec<i8>,
    scales: Vec<f32>,
    lists: Option<Lists>,
}

/// `unit`'s 8-bit code, appended to `out`, and the scale that turns it back.
pub(crate) fn quantize(unit: &[f32], out: &mut Vec<i8>) -> f32 {
    // Eight running maxima, and rounding by adding 1.5 × 2^23 (which leaves the nearest
    // integer in the low bits of the sum), keep both loops in vector registers: `round` is a
    // library call, and a float-to-int cast checks each value for saturation.
    let mut maxima = [0.0f32; 8];
    let chunks = unit.chunks_exact(8);
    let tail = chunks.remainder().iter().fold(0.0f32, |m, x| m.max(x.abs()));
    for chunk in chunks {
        for i in 0..8 {
            maxima[i] = maxima[i].max(chunk[i].abs());
        }
    }
    let max = maxima.iter().fold(tail, |m, x| m.max(*x));
    let scale = if max > 0.0 { max / 127.0 } else { 1.0 };
    let inverse = 1.0 / scale;
    const MAGIC: f32 = 12_582_912.0;
    out.extend(unit.iter().map(|x| {
        let scaled = (x * inverse).clamp(-127.0, 127.0);
        ((scaled + MAGIC).to_bits() as i32 - MAGIC.to_bits() as i32) as i8
    }));
    scale
}

/// A row as a scan reads it: its number, code and scale.
pub(crate) type Entry<'a> = (usize, &'a [i8], f32);

impl Codes {
    pub(crate) fn new(dims: usize) -> Codes {
        Codes { dims, ..Codes::default() }
    }

    pub(crate) fn dims(&self) -> usize {
        self.dims
    }

    /// The number of rows.
    pub(crate) fn len(&self) -> usize {
        self.rows
    }

    /// Row `row`'s code and scale, while the codes are in row order (no lists).
    pub(crate) fn row(&self, row: usize) -> (&[i8], f32) {
        (&self.codes[row * self.dims..(row + 1) * self.dims], self.scales[row])
    }

    /// Appends `vector` (of `dims` values, normalized first).
    pub(crate) fn push(&mut self, vector: &[f32]) {
        let unit = normalized(vector);
        match &mut self.lists {
            Some(lists) => lists.file(self.rows, &unit),
            None => {
                let scale = quantize(&unit, &mut self.codes);
                self.scales.push(scale);
            }
        }
        self.rows += 1;
    }

    /// Moves the codes into inverted lists once there are [`INDEXED_FROM`] rows, and trains
    /// the lists again each time the rows have doubled since.
    pub(crate) fn index(&mut self) {
        let rows = self.len();
        if rows < INDEXED_FROM || self.lists.as_ref().is_some_and(|l| rows < 2 * l.trained_on()) {
            return;
        }
        if let Some(lists) = self.lists.take() {
            (self.codes, self.scales) = lists.into_rows(self.dims, rows);
        }
        let lists = Lists::train(self);
        (self.codes, self.scales) = (Vec::new(), Vec::new());
        self.lists = Some(lists);
    }

    /// The approximate cosines of the rows `keep` accepts with `query` (a unit vector), the
    /// best `n` of them, best first, as `(row, score)`: from the nearest lists when there are
    /// lists and they hold `n` such rows, else from every row. Large scans are split between
    /// two threads.
    pub(crate) fn top(&self, query: &[f32], n: usize, keep: impl Fn(usize) -> bool + Sync) -> Vec<(usize, f32)> {
        if n == 0 || self.dims == 0 {
            return Vec::new();
        }
        let mut q = Vec::with_capacity(self.dims);
        let qscale = quantize(query, &mut q);
        let (q, keep) = (&q, &keep);
        let mut found = match &self.lists {
            Some(lists) => {
                let probed = lists.nearest(q, self.len() / PROBED);
                let found = split(|part| {
                    scan(q, qscale, probed.iter().skip(part).step_by(2).flat_map(|&l| lists.entries(l)), n, keep)
                });
                if found.len() >= n {
                    found
                } else {
                    split(|part| {
                        scan(q, qscale, lists.all().skip(part).step_by(2).flat_map(|l| lists.entries(l)), n, keep)
                    })
                }
            }
            None => {
                let (rows, dims) = (self.len(), self.dims);
                let entries = |range: std::ops::Range<usize>| {
                    range.map(move |r| (r, &self.codes[r * dims..(r + 1) * dims], self.scales[r]))
                };
                if rows >= 20_000 {
                    split(|part| scan(q, qscale, entries(part * rows / 2..(part + 1) * rows / 2), n, keep))
                } else {
                    scan(q, qscale, entries(0..rows), n, keep)
                }
            }
        };
        found.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        found.truncate(n);
        found
    }
}

/// `work(0)` and `work(1)` on two threads, their results together.
pub(crate) fn split<T: Send>(work: impl Fn(usize) -> Vec<T> + Sync) -> Vec<T> {
    let work = &work;
    std::thread::scope(|s| {
        let upper = s.spawn(move || work(1));
        let mut lower = work(0);
        // The work does not panic; if a thread did, its half is done again on this one.
        lower.extend(upper.join().unwrap_or_else(|_| work(1)));
        lower
    })
}

/// The best `n` of `entries` that `keep` accepts, by their approximate cosine with `q`.
fn scan<'a>(
    q: &[i8],
    qscale: f32,
    entries: impl Iterator<Item = Entry<'a>>,
    n: usize,
    keep: &impl Fn(usize) -> bool,
) -> Vec<(usize, f32)> {
    let mut best = BinaryHeap::with_capacity(n + 1);
    for (row, code, scale) in entries {
        if !keep(row) {
            continue;
        }
        let score = dot_i8(q, code) * scale * qscale;
        if best.len() < n {
            best.push(Worst(score, row));
        } else if best.peek().is_some_and(|w: &Worst| score > w.0) {
            best.pop();
            best.push(Worst(score, row));
        }
    }
    best.into_iter().map(|Worst(s, r)| (r, s)).collect()
}

/// The dot product of two rows of 8-bit codes, by SimSIMD's kernel for the CPU it runs on
/// (AVX2, AVX-512, NEON, chosen at run time).
pub(crate) fn dot_i8(q: &[i8], code: &[i8]) -> f32 {
    use simsimd::SpatialSimilarity;
    match i8::dot(q, code) {
        Some(d) => d as f32,
        None => q.iter().zip(code).map(|(a, b)| i32::from(*a) * i32::from(*b)).sum::<i32>() as f32,
    }
}

/// A heap entry ordered so that the heap's top is the worst score kept.
struct Worst(f32, usize);

impl PartialEq for Worst {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Worst {}
impl PartialOrd for Worst {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Worst {
    fn cmp(&self, other: &Self) -> Ordering {
        // Reversed: a lower score is "greater", so it sits on top of the max-heap.
        other.0.total_cmp(&self.0).then(other.1.cmp(&self.1).reverse())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scan_ranks_like_exact_cosine_on_distinct_vectors() {
        let rows = [[1.0f32, 0.0, 0.0, 0.0], [0.7, 0.7, 0.0, 0.0], [0.0, 1.0, 0.0, 0.0], [-1.0, 0.0, 0.0, 0.0]];
        let mut codes = Codes::new(4);
        for r in &rows {
            codes.push(r);
        }
        let q = normalized(&[1.0, 0.2, 0.0, 0.0]);
        let top: Vec<usize> = codes.top(&q, 3, |_| true).into_iter().map(|(r, _)| r).collect();
        assert_eq!(top, vec![0, 1, 2]);
        let filtered: Vec<usize> = codes.top(&q, 3, |r| r != 0).into_iter().map(|(r, _)| r).collect();
        assert_eq!(filtered, vec![1, 2, 3]);
    }

    /// `n` unit vectors of `dims` random values.
    fn random(n: usize, dims: usize) -> Vec<Vec<f32>> {
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        (0..n)
            .map(|_| {
                let v: Vec<f32> = (0..dims)
                    .map(|_| {
                        state ^= state << 13;
                        state ^= state >> 7;
                        state ^= state << 17;
                        (state % 2001) as f32 / 1000.0 - 1.0
                    })
                    .collect();
                normalized(&v)
            })
            .collect()
    }

    #[test]
    fn with_lists_a_search_reads_the_nearest_lists_and_a_narrow_filter_reads_every_row() {
        let vectors = random(4000, 16);
        let (mut codes, mut plain) = (Codes::new(16), Codes::new(16));
        for v in &vectors {
            codes.push(v);
            plain.push(v);
        }
        codes.lists = Some(Lists::train(&codes));
        (codes.codes, codes.scales) = (Vec::new(), Vec::new());
        let exact = |q: &[f32], keep: &(dyn Fn(usize) -> bool + Sync)| -> Vec<usize> {
            plain.top(q, 5, keep).into_iter().map(|(r, _)| r).collect()
        };
        // A stored vector as the query: its own row is in the first list read, so it comes first.
        for row in [0, 1234, 3999] {
            assert_eq!(codes.top(&vectors[row], 5, |_| true)[0].0, row);
            assert_eq!(exact(&vectors[row], &|_| true)[0], row);
        }
        // Any other query: every hit is a row of the lists read, and they are read in full.
        let read = codes.lists.as_ref().map_or(Vec::new(), |l| {
            let probed = l.nearest(&quantized(&vectors[77]), 4000 / PROBED);
            probed.into_iter().flat_map(|p| l.entries(p)).map(|(r, _, _)| r).collect::<Vec<usize>>()
        });
        let top: Vec<usize> = codes.top(&vectors[77], 5, |r| r != 77).into_iter().map(|(r, _)| r).collect();
        assert_eq!(top, exact(&vectors[77], &|r| r != 77 && read.contains(&r)));
        assert_ne!(top, exact(&vectors[77], &|r| r != 77), "random vectors: the lists miss some true neighbours");
        // Rows 0..10 only: the lists read hold fewer than 5 of them, so every row is scanned.
        let few = |r: usize| r < 10;
        assert_eq!(
            codes.top(&vectors[2000], 5, few).into_iter().map(|(r, _)| r).collect::<Vec<_>>(),
            exact(&vectors[2000], &few)
        );
        // A row pushed after training is filed and found.
        let extra = random(4001, 16).pop().unwrap_or_default();
        codes.push(&extra);
        assert_eq!(codes.top(&extra, 1, |_| true)[0].0, 4000);
    }

    #[test]
    fn lists_start_at_their_threshold_and_keep_every_row() {
        let vectors = random(INDEXED_FROM, 4);
        let mut codes = Codes::new(4);
        for v in &vectors[..INDEXED_FROM - 1] {
            codes.push(v);
        }
        codes.index();
        assert!(codes.lists.is_none());
        codes.push(&vectors[INDEXED_FROM - 1]);
        codes.index();
        assert!(codes.lists.is_some() && codes.codes.is_empty());
        let rows = codes.lists.as_ref().map_or(0, |l| l.all().flat_map(|i| l.entries(i)).count());
        assert_eq!(rows, INDEXED_FROM);
        assert_eq!(codes.top(&vectors[5], 1, |r| r == 5), vec![(5, codes.top(&vectors[5], 1, |r| r == 5)[0].1)]);
    }

    fn quantized(q: &[f32]) -> Vec<i8> {
        let mut out = Vec::new();
        quantize(q, &mut out);
        out
    }
}
