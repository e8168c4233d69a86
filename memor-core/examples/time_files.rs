//! Times load, save and get_size of one session file, best of N runs, for the side-by-side
//! comparison with Python memor (`bench/side_by_side.py`).
//!
//! `cargo run --release -p memor-core --example time_files -- FILE [RUNS]`

// Tests and tools: a failed unwrap is a failed check, which is what we want here.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::time::{Duration, Instant};

use memor_core::{Document, Session};

fn best<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(f());
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: time_files FILE [RUNS]")?;
    let runs: usize = args.next().map_or(Ok(20), |r| r.parse())?;
    let session = Session::load(&path)?;
    let out = std::env::temp_dir().join(format!("memor-time-files-{}.json", std::process::id()));
    let report = |label: &str, d: Duration| println!("{label}\t{:.3} ms", d.as_secs_f64() * 1e3);
    report("load", best(runs, || Session::load(&path)));
    report("save", best(runs, || session.save(&out)));
    report("get_size", best(runs, || session.get_size()));
    report("to_json", best(runs, || session.to_json()));
    let text = std::fs::read_to_string(&path)?;
    report("from_json", best(runs, || Session::from_json(&text)));
    std::fs::remove_file(&out)?;
    Ok(())
}
