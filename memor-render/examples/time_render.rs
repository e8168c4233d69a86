//! Times render (`openai`, `string`) and plain search of one session file, best of N runs, for
//! the side-by-side comparison with Python memor (`bench/side_by_side.py`).
//!
//! `cargo run --release -p memor-render --example time_render -- FILE [RUNS]`

#[path = "../../bench/best.rs"]
mod best;

use best::{best, report};

use memor_core::{Document, Session};
use memor_render::{RendererRegistry, SearchOptions};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: time_render FILE [RUNS]")?;
    let runs: usize = args.next().map_or(Ok(20), |r| r.parse())?;
    let session = Session::load(&path)?;
    let registry = RendererRegistry::global();
    report("render_openai", best(runs, || registry.render_session(&session, "openai", true)));
    report("render_openai_json", best(runs, || registry.render_session_json(&session, "openai", true)));
    report("render_string", best(runs, || registry.render_session(&session, "string", true)));
    let plain = SearchOptions::default();
    report("search_plain", best(runs, || memor_render::search(&session, "memory context", plain)));
    Ok(())
}
