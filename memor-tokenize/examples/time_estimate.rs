//! Times memor's estimators (and, with the `bpe` feature, the exact counters) on one session
//! file, best of N runs, for the comparison with Python memor's
//! `session.estimate_tokens(TokensEstimator.UNIVERSAL)`.
//!
//! `cargo run --release -p memor-tokenize --example time_estimate -- FILE [RUNS]`
//!
//! Prints one `label<TAB>milliseconds ms` line per measurement, like memor-render's
//! `time_render`: `estimate_universal` is the whole of memor's `estimate_tokens` (the STRING
//! render, then the count); the `count_*` lines count the already rendered text.

#[path = "../../bench/best.rs"]
mod best;

use best::{best, report};

use memor_core::{Document, Session};
use memor_render::prelude::SessionRenderExt;
use memor_tokenize::prelude::*;
use memor_tokenize::{ChatCounter, CounterRegistry, Estimator};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: time_estimate FILE [RUNS]")?;
    let runs: usize = args.next().map_or(Ok(20), |r| r.parse())?;
    let session = Session::load(&path)?;
    eprintln!("universal estimate: {}", session.estimate_tokens(&Estimator::Universal)?);
    report("estimate_universal", best(runs, || session.estimate_tokens(&Estimator::Universal)));
    report("render_string", best(runs, || session.text()));
    let text = session.text()?;
    eprintln!("string render: {} bytes", text.len());
    let registry = CounterRegistry::global();
    for id in registry.ids() {
        let counter = registry.get(id)?;
        eprintln!("{id}: {} tokens", counter.count(&text));
        report(&format!("count_{id}"), best(runs, || counter.count(&text)));
    }
    if let Ok(chat) = ChatCounter::for_model("gpt-4o") {
        eprintln!("gpt-4o chat tokens ({}): {}", chat.counter().id(), chat.count_session(&session, "openai")?);
        report("chat_gpt_4o", best(runs, || chat.count_session(&session, "openai")));
    }
    Ok(())
}
