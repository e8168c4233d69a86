//! Times load, save and get_size of one session file, best of N runs, for the side-by-side
//! comparison with Python memor (`bench/side_by_side.py`).
//!
//! `cargo run --release -p memor-core --example time_files -- FILE [RUNS]`

// Tests and tools: a failed unwrap is a failed check, which is what we want here.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../../bench/best.rs"]
mod best;

use best::{best, report};

use memor_core::{Document, Session};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: time_files FILE [RUNS]")?;
    let runs: usize = args.next().map_or(Ok(20), |r| r.parse())?;
    let session = Session::load(&path)?;
    let out = std::env::temp_dir().join(format!("memor-time-files-{}.json", std::process::id()));
    report("load", best(runs, || Session::load(&path)));
    report("save", best(runs, || session.save(&out)));
    report("get_size", best(runs, || session.get_size()));
    report("to_json", best(runs, || session.to_json()));
    let text = std::fs::read_to_string(&path)?;
    report("from_json", best(runs, || Session::from_json(&text)));
    std::fs::remove_file(&out)?;
    Ok(())
}
