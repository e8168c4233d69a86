//! Vectors: their bytes in the database, and the in-memory exact scan.
//!
//! Vectors are stored as little-endian `f32` blobs and scanned in memory as 8-bit codes
//! (one scale per vector, a quarter of the bytes to stream); the best candidates of the
//! scan are then re-scored with their exact `f32` cosine, so the ranking is that of an
//! exact search unless a true neighbour falls out of the candidates, which the re-scored
//! margin makes rare (measured by the `recall` bench).

use std::cmp::Ordering;
use std::collections::BinaryHeap;

/// `vector` as the bytes stored for it.
pub(crate) fn to_blob(vector: &[f32]) -> Vec<u8> {
    vector.iter().flat_map(|x| x.to_le_bytes()).collect()
}

/// The vector stored as `blob`, or `None` when its size is not `4 × dims`.
pub(crate) fn from_blob(blob: &[u8], dims: usize) -> Option<Vec<f32>> {
    if blob.len() != dims * 4 {
        return None;
    }
    Some(blob.chunks_exact(4).map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]])).collect())
}

/// `vector` scaled to length 1 (a zero vector stays zero).
pub(crate) fn normalized(vector: &[f32]) -> Vec<f32> {
    let norm = vector.iter().map(|x| x * x).sum::<f32>().sqrt();
    if norm == 0.0 || !norm.is_finite() {
        return vector.to_vec();
    }
    vector.iter().map(|x| x / norm).collect()
}

/// The dot product of two vectors of one length.
pub(crate) fn dot(a: &[f32], b: &[f32]) -> f32 {
    // Eight running sums let the compiler keep them in vector registers.
    let mut sums = [0.0f32; 8];
    let (ca, cb) = (a.chunks_exact(8), b.chunks_exact(8));
    let tail: f32 = ca.remainder().iter().zip(cb.remainder()).map(|(x, y)| x * y).sum();
    for (x, y) in ca.zip(cb) {
        for i in 0..8 {
            sums[i] += x[i] * y[i];
        }
    }
    sums.iter().sum::<f32>() + tail
}

/// 8-bit codes of unit vectors, one row per vector.
#[derive(Debug, Default)]
pub(crate) struct Codes {
    dims: usize,
    codes: Vec<i8>,
    scales: Vec<f32>,
}

impl Codes {
    pub(crate) fn new(dims: usize) -> Codes {
        Codes { dims, codes: Vec::new(), scales: Vec::new() }
    }

    /// Appends `vector` (of `dims` values, normalized first).
    pub(crate) fn push(&mut self, vector: &[f32]) {
        let unit = normalized(vector);
        let max = unit.iter().fold(0.0f32, |m, x| m.max(x.abs()));
        let scale = if max > 0.0 { max / 127.0 } else { 1.0 };
        self.codes.extend(unit.iter().map(|x| (x / scale).round().clamp(-127.0, 127.0) as i8));
        self.scales.push(scale);
    }

    /// The approximate cosines of the rows `keep` accepts with `query` (a unit vector), the
    /// best `n` of them, best first, as `(row, score)`. Large scans are split between two
    /// threads.
    pub(crate) fn top(&self, query: &[f32], n: usize, keep: impl Fn(usize) -> bool + Sync) -> Vec<(usize, f32)> {
        if n == 0 || self.dims == 0 {
            return Vec::new();
        }
        let qmax = query.iter().fold(0.0f32, |m, x| m.max(x.abs()));
        let qscale = if qmax > 0.0 { qmax / 127.0 } else { 1.0 };
        let q: Vec<i8> = query.iter().map(|x| (x / qscale).round().clamp(-127.0, 127.0) as i8).collect();
        let rows = self.scales.len();
        let mut found = if rows >= 20_000 {
            let half = rows / 2;
            let (q, keep) = (&q, &keep);
            std::thread::scope(|s| {
                let upper = s.spawn(move || self.scan(q, qscale, half..rows, n, keep));
                let mut lower = self.scan(q, qscale, 0..half, n, keep);
                // A panicked thread (none can: the scan does not panic) would only lose its half.
                lower.extend(upper.join().unwrap_or_default());
                lower
            })
        } else {
            self.scan(&q, qscale, 0..rows, n, &keep)
        };
        found.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        found.truncate(n);
        found
    }

    fn scan(
        &self,
        q: &[i8],
        qscale: f32,
        rows: std::ops::Range<usize>,
        n: usize,
        keep: &impl Fn(usize) -> bool,
    ) -> Vec<(usize, f32)> {
        let mut best = BinaryHeap::with_capacity(n + 1);
        for row in rows {
            if !keep(row) {
                continue;
            }
            let code = &self.codes[row * self.dims..(row + 1) * self.dims];
            let score = dot_i8(q, code) * self.scales[row] * qscale;
            if best.len() < n {
                best.push(Worst(score, row));
            } else if best.peek().is_some_and(|w: &Worst| score > w.0) {
                best.pop();
                best.push(Worst(score, row));
            }
        }
        best.into_iter().map(|Worst(s, r)| (r, s)).collect()
    }
}

/// The dot product of two rows of 8-bit codes, by SimSIMD's kernel for the CPU it runs on
/// (AVX2, AVX-512, NEON, chosen at run time).
fn dot_i8(q: &[i8], code: &[i8]) -> f32 {
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
    fn blobs_round_trip_and_refuse_other_sizes() {
        let v = vec![0.5f32, -1.25, 3.0];
        assert_eq!(from_blob(&to_blob(&v), 3), Some(v));
        assert_eq!(from_blob(&[0u8; 11], 3), None);
    }

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
}
