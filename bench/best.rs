//! Timing for the `time_*` examples of the side-by-side benchmark: the best of N runs.

use std::time::{Duration, Instant};

/// The shortest of `runs` runs of `f`.
pub fn best<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(f());
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

/// Prints `label<TAB>milliseconds ms`, the line `bench/side_by_side.py` reads.
pub fn report(label: &str, d: Duration) {
    println!("{label}\t{:.3} ms", d.as_secs_f64() * 1e3);
}
