//! The inverted lists of the 8-bit codes (an IVF index): each row filed under the nearest of
//! about √n / 4 centroids, found by spherical k-means on a sample of the rows. A search reads
//! only the lists whose centroids are nearest the query, at least 1/[`PROBED`] of the rows.
//!
//! This is approximate: a true neighbour filed under a list that is not read is missed. So
//! the lists start at [`INDEXED_FROM`] rows (below it the exact scan meets the latency goal),
//! and a search whose filter leaves fewer rows in the read lists than it asks for scans every
//! row instead. Rows added later are filed under their nearest centroid; the centroids are
//! trained again when the rows have doubled since, and with everything else when a memory is
//! removed (the cache is then read again).

use crate::codes::{Codes, Entry, dot_i8, quantize, split};
use crate::vectors::normalized;

/// The number of rows from which a store's vectors get lists.
pub(crate) const INDEXED_FROM: usize = 150_000;
/// A search reads lists until it has read at least 1/`PROBED` of the rows.
pub(crate) const PROBED: usize = 8;
/// The k-means rounds.
const ROUNDS: usize = 6;
/// The rows of the training sample, per list.
const SAMPLE_PER_LIST: usize = 40;

/// Rows grouped by their nearest centroid.
#[derive(Debug)]
pub(crate) struct Lists {
    centroids: Centroids,
    lists: Vec<List>,
    trained_on: usize,
}

/// The rows of one list, their codes side by side so that a search reads them in one sweep.
#[derive(Debug, Clone, Default)]
struct List {
    rows: Vec<u32>,
    codes: Vec<i8>,
    scales: Vec<f32>,
}

/// Unit centroids as 8-bit codes, one row each.
#[derive(Debug)]
struct Centroids {
    dims: usize,
    codes: Vec<i8>,
    scales: Vec<f32>,
}

impl Centroids {
    fn of(units: &[Vec<f32>], dims: usize) -> Centroids {
        let mut codes = Vec::with_capacity(units.len() * dims);
        let scales = units.iter().map(|u| quantize(u, &mut codes)).collect();
        Centroids { dims, codes, scales }
    }

    /// The approximate cosine of each centroid with `code`, up to the code's own scale.
    fn scores<'a>(&'a self, code: &'a [i8]) -> impl Iterator<Item = f32> + 'a {
        self.codes.chunks_exact(self.dims.max(1)).zip(&self.scales).map(move |(c, s)| dot_i8(c, code) * s)
    }

    /// The centroid nearest `code`.
    fn nearest(&self, code: &[i8]) -> u32 {
        let mut best = (0, f32::NEG_INFINITY);
        for (i, score) in self.scores(code).enumerate() {
            if score > best.1 {
                best = (i, score);
            }
        }
        best.0 as u32
    }

    /// The centroid nearest each row of `rows`, in order, on two threads.
    fn assign(&self, codes: &Codes, rows: &[usize]) -> Vec<u32> {
        let half = rows.len() / 2;
        split(|part| {
            let rows = if part == 0 { &rows[..half] } else { &rows[half..] };
            rows.iter().map(|&r| self.nearest(codes.row(r).0)).collect()
        })
    }
}

impl Lists {
    /// Lists for every row of `codes` (at least one row).
    pub(crate) fn train(codes: &Codes) -> Lists {
        let (rows, dims) = (codes.len(), codes.dims());
        let k = (((rows as f64).sqrt() / 4.0).round() as usize).clamp(1, rows.max(1));
        let samples = (k * SAMPLE_PER_LIST).min(rows);
        let sample: Vec<usize> = (0..samples).map(|i| i * rows / samples).collect();
        let unit = |row: usize| {
            let (code, scale) = codes.row(row);
            code.iter().map(|&c| f32::from(c) * scale).collect::<Vec<f32>>()
        };
        // The first centroids are sample rows spread evenly over the sample.
        let mut units: Vec<Vec<f32>> = (0..k).map(|i| unit(sample[i * samples / k])).collect();
        for _ in 0..ROUNDS {
            let assigned = Centroids::of(&units, dims).assign(codes, &sample);
            let mut sums = vec![vec![0.0f32; dims]; k];
            for (&row, &list) in sample.iter().zip(&assigned) {
                let (code, scale) = codes.row(row);
                for (s, &c) in sums[list as usize].iter_mut().zip(code) {
                    *s += f32::from(c) * scale;
                }
            }
            for (centroid, sum) in units.iter_mut().zip(sums) {
                // A list the sample left empty keeps its centroid.
                if sum.iter().any(|&x| x != 0.0) {
                    *centroid = normalized(&sum);
                }
            }
        }
        let centroids = Centroids::of(&units, dims);
        let all: Vec<usize> = (0..rows).collect();
        let mut lists = vec![List::default(); k];
        for (row, list) in centroids.assign(codes, &all).into_iter().enumerate() {
            let (code, scale) = codes.row(row);
            let list = &mut lists[list as usize];
            list.rows.push(row as u32);
            list.codes.extend_from_slice(code);
            list.scales.push(scale);
        }
        Lists { centroids, lists, trained_on: rows }
    }

    /// The codes and scales of all `rows` rows, in row order.
    pub(crate) fn into_rows(self, dims: usize, rows: usize) -> (Vec<i8>, Vec<f32>) {
        let (mut codes, mut scales) = (vec![0i8; rows * dims], vec![0.0f32; rows]);
        for list in self.lists {
            for ((&row, code), scale) in list.rows.iter().zip(list.codes.chunks_exact(dims.max(1))).zip(list.scales) {
                let row = row as usize;
                codes[row * dims..(row + 1) * dims].copy_from_slice(code);
                scales[row] = scale;
            }
        }
        (codes, scales)
    }

    /// The number of rows the centroids were trained on.
    pub(crate) fn trained_on(&self) -> usize {
        self.trained_on
    }

    /// Files row `row`, the unit vector `unit`, under its nearest centroid.
    pub(crate) fn file(&mut self, row: usize, unit: &[f32]) {
        let mut code = Vec::with_capacity(unit.len());
        let scale = quantize(unit, &mut code);
        let list = &mut self.lists[self.centroids.nearest(&code) as usize];
        list.rows.push(row as u32);
        list.codes.extend_from_slice(&code);
        list.scales.push(scale);
    }

    /// The lists whose centroids are nearest `query` (an 8-bit code), nearest first, enough
    /// of them to hold at least `rows` rows (or all of them).
    pub(crate) fn nearest(&self, query: &[i8], rows: usize) -> Vec<usize> {
        let mut order: Vec<(usize, f32)> = self.centroids.scores(query).enumerate().collect();
        order.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let mut held = 0;
        order
            .into_iter()
            .take_while(|&(list, _)| {
                let more = held < rows;
                held += self.lists[list].rows.len();
                more
            })
            .map(|(list, _)| list)
            .collect()
    }

    /// Every list.
    pub(crate) fn all(&self) -> std::ops::Range<usize> {
        0..self.lists.len()
    }

    /// The rows filed under `list`.
    pub(crate) fn entries(&self, list: usize) -> impl Iterator<Item = Entry<'_>> + '_ {
        let list = &self.lists[list];
        let dims = self.centroids.dims.max(1);
        list.rows.iter().zip(list.codes.chunks_exact(dims)).zip(&list.scales).map(|((&r, c), &s)| (r as usize, c, s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Unit vectors of `dims` values around `topics` directions, `per` of each.
    fn clustered(dims: usize, topics: usize, per: usize) -> Vec<Vec<f32>> {
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % 2_000_001) as f32 / 1_000_000.0 - 1.0
        };
        let centres: Vec<Vec<f32>> =
            (0..topics).map(|_| normalized(&(0..dims).map(|_| next()).collect::<Vec<_>>())).collect();
        let mut out = Vec::new();
        for _ in 0..per {
            for c in &centres {
                let noise = normalized(&(0..dims).map(|_| next()).collect::<Vec<_>>());
                out.push(normalized(&c.iter().zip(&noise).map(|(a, b)| a + 0.6 * b).collect::<Vec<_>>()));
            }
        }
        out
    }

    #[test]
    fn every_row_is_filed_once_and_rows_added_later_are_filed_too() {
        let vectors = clustered(32, 20, 100);
        let mut codes = Codes::new(32);
        for v in &vectors[..1500] {
            codes.push(v);
        }
        let mut lists = Lists::train(&codes);
        for (row, v) in vectors.iter().enumerate().skip(1500) {
            lists.file(row, &normalized(v));
        }
        let mut filed: Vec<usize> = lists.all().flat_map(|l| lists.entries(l)).map(|(r, _, _)| r).collect();
        filed.sort_unstable();
        assert_eq!(filed, (0..2000).collect::<Vec<_>>());
        assert_eq!(lists.lists.len(), 10, "√1500 / 4 lists");
        assert_eq!(lists.trained_on(), 1500);
        // Back in row order, every row has the code it was given.
        let (flat, scales) = lists.into_rows(32, 2000);
        for (row, v) in vectors.iter().enumerate() {
            let mut code = Vec::new();
            let scale = quantize(&normalized(v), &mut code);
            assert_eq!((&flat[row * 32..(row + 1) * 32], scales[row]), (&code[..], scale), "row {row}");
        }
    }

    #[test]
    fn the_nearest_lists_hold_the_rows_asked_for_and_a_query_finds_its_own_topic() {
        let vectors = clustered(32, 20, 100);
        let mut codes = Codes::new(32);
        for v in &vectors {
            codes.push(v);
        }
        let lists = Lists::train(&codes);
        for (row, v) in vectors.iter().enumerate().step_by(97) {
            let mut q = Vec::new();
            quantize(v, &mut q);
            let probed = lists.nearest(&q, 2000 / PROBED);
            let held: usize = probed.iter().map(|&l| lists.lists[l].rows.len()).sum();
            assert!(held >= 2000 / PROBED, "{held} rows in the lists read");
            let without_last: usize = probed[..probed.len() - 1].iter().map(|&l| lists.lists[l].rows.len()).sum();
            assert!(without_last < 2000 / PROBED, "one list more than needed was read");
            assert!(
                probed.iter().any(|&l| lists.entries(l).any(|(r, _, _)| r == row)),
                "row {row} is in a list its own vector reads"
            );
        }
    }
}
