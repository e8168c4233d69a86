//! Reciprocal rank fusion: the lexical and vector rankings, and the time, recency and
//! importance signals, combined into one ranking. Pure: the backends give ranked ids.
//!
//! Each signal is a ranking of the candidates; a candidate at rank `r` (1-based) of a
//! ranking gets `weight / (K + r)`, and its score is the sum over rankings (Cormack et al.,
//! 2009, with their `K = 60`). The time signal ranks the candidates whose event time falls in
//! the query's span (or, for a "when ..." question, those whose text states a time) in
//! their fused order, so it lifts them without letting a poor match jump a good one.

use std::collections::HashMap;

use crate::when::TimeRange;

/// Rank fusion's constant.
pub(crate) const K: f64 = 60.0;

/// What fusion needs to know of a candidate.
#[derive(Clone, Debug)]
pub(crate) struct Candidate {
    pub(crate) id: i64,
    pub(crate) event: Option<(i64, i64)>,
    pub(crate) time_in_text: bool,
    pub(crate) recorded_at: i64,
    pub(crate) importance: f32,
}

impl Candidate {
    /// The candidate of stored row `id`, holding `memory`.
    pub(crate) fn of(id: i64, memory: &crate::Memory) -> Candidate {
        Candidate {
            id,
            event: memory.event.map(|e| (e.start.timestamp_millis(), e.end.timestamp_millis())),
            time_in_text: memory.time_in_text,
            recorded_at: memory.recorded_at,
            importance: memory.importance,
        }
    }
}

/// The signals of one search.
#[derive(Clone, Debug, Default)]
pub(crate) struct Signals<'a> {
    /// Ids, best lexical match first.
    pub(crate) lexical: &'a [i64],
    /// Ids with their cosine, nearest first.
    pub(crate) vector: &'a [(i64, f32)],
    /// The span the query names.
    pub(crate) range: Option<TimeRange>,
    /// The query asks when something happened.
    pub(crate) asks_when: bool,
    pub(crate) recency: f64,
    pub(crate) importance: f64,
}

/// One fused result.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Fused {
    pub(crate) id: i64,
    pub(crate) score: f64,
    pub(crate) lexical_rank: Option<usize>,
    pub(crate) vector_rank: Option<usize>,
    pub(crate) cosine: Option<f32>,
    pub(crate) time_match: bool,
}

/// Whether the event span `[start, end)` overlaps `range`.
pub(crate) fn overlaps(event: (i64, i64), range: &TimeRange) -> bool {
    let (start, end) = (range.start.timestamp_millis(), range.end.timestamp_millis());
    event.0 < end && start < event.1.max(event.0 + 1)
}

/// The candidates ranked by the fused score, best first (ties: lower id first).
pub(crate) fn fuse(candidates: &[Candidate], signals: &Signals<'_>) -> Vec<Fused> {
    let mut fused: Vec<Fused> = candidates
        .iter()
        .map(|c| Fused { id: c.id, score: 0.0, lexical_rank: None, vector_rank: None, cosine: None, time_match: false })
        .collect();
    let at: HashMap<i64, usize> = candidates.iter().enumerate().map(|(i, c)| (c.id, i)).collect();
    for (rank, id) in signals.lexical.iter().enumerate() {
        if let Some(&i) = at.get(id) {
            fused[i].lexical_rank = Some(rank + 1);
            fused[i].score += 1.0 / (K + (rank + 1) as f64);
        }
    }
    for (rank, (id, cosine)) in signals.vector.iter().enumerate() {
        if let Some(&i) = at.get(id) {
            fused[i].vector_rank = Some(rank + 1);
            fused[i].cosine = Some(*cosine);
            fused[i].score += 1.0 / (K + (rank + 1) as f64);
        }
    }
    let order = |fused: &[Fused]| -> Vec<usize> {
        let mut order: Vec<usize> = (0..fused.len()).collect();
        order.sort_by(|&a, &b| fused[b].score.total_cmp(&fused[a].score).then(fused[a].id.cmp(&fused[b].id)));
        order
    };
    let relevance = order(&fused);
    let mut extra = vec![0.0; fused.len()];
    let mut time_rank = 0;
    for &i in &relevance {
        let c = &candidates[i];
        let matched = match (&signals.range, c.event) {
            (Some(range), Some(event)) => overlaps(event, range),
            (None, _) if signals.asks_when => c.time_in_text,
            _ => false,
        };
        if matched {
            time_rank += 1;
            fused[i].time_match = true;
            extra[i] += 1.0 / (K + f64::from(time_rank));
        }
    }
    if signals.recency > 0.0 {
        let mut newest = relevance.clone();
        newest.sort_by(|&a, &b| candidates[b].recorded_at.cmp(&candidates[a].recorded_at));
        for (rank, &i) in newest.iter().enumerate() {
            extra[i] += signals.recency / (K + (rank + 1) as f64);
        }
    }
    if signals.importance > 0.0 {
        let mut weightiest = relevance.clone();
        weightiest.sort_by(|&a, &b| candidates[b].importance.total_cmp(&candidates[a].importance));
        for (rank, &i) in weightiest.iter().enumerate() {
            extra[i] += signals.importance / (K + (rank + 1) as f64);
        }
    }
    for (f, e) in fused.iter_mut().zip(extra) {
        f.score += e;
    }
    let ranked = order(&fused);
    ranked.into_iter().map(|i| fused[i].clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn candidate(id: i64) -> Candidate {
        Candidate { id, event: None, time_in_text: false, recorded_at: id, importance: 0.5 }
    }

    #[test]
    fn a_memory_both_rankings_find_beats_one_found_by_one_only() {
        let candidates: Vec<Candidate> = (1..=3).map(candidate).collect();
        // 1 is first lexically only, 3 first by vector only, 2 second in both.
        let signals = Signals { lexical: &[1, 2], vector: &[(3, 0.9), (2, 0.8)], ..Signals::default() };
        let fused = fuse(&candidates, &signals);
        assert_eq!(fused[0].id, 2);
        assert_eq!((fused[0].lexical_rank, fused[0].vector_rank), (Some(2), Some(2)));
        // 1/(60+2) * 2 against 1/(60+1).
        assert!((fused[0].score - 2.0 / 62.0).abs() < 1e-12);
    }

    #[test]
    fn recency_orders_equal_matches_newest_first() {
        let candidates: Vec<Candidate> = (1..=2).map(candidate).collect();
        let signals = Signals { lexical: &[1, 2], recency: 1.0, ..Signals::default() };
        let without = fuse(&candidates, &Signals { lexical: &[1, 2], ..Signals::default() });
        assert_eq!(without[0].id, 1);
        // 1: 1/61 + 1/62; 2: 1/62 + 1/61 (newest) — a tie, broken by id.
        let with = fuse(&candidates, &signals);
        assert!((with[0].score - with[1].score).abs() < 1e-12);
    }
}
