//! The store's turn-by-turn and load workload, as `bench/store_side_by_side.py` runs it beside
//! Memento: `cargo run --release -p memor-store --example workload -- --db PATH --turns N
//! --loads K`. Prints one JSON line: turns, turn_per_s, load_ms_median, load_ms_mean, messages.
//!
//! Each turn appends a user prompt and the assistant's response in one transaction (durable
//! before the next turn starts); each load is what an application does before a request:
//! `Recorder::from_conversation` and the history rendered for OpenAI.

use std::time::Instant;

use memor_core::{Prompt, Response};
use memor_store::{NewConversation, Recorder};

const USER_SENTENCE: &str = "The café on the corner serves a naïve but honest espresso; we met there before \
flying to 東京 for the conference, and everyone agreed the trip was worth every yen 😀 See you next week, same place!";
const ASSISTANT_SENTENCE: &str = "Sure! Here is a naïve summary: the café near the station in 東京 opens at \
seven, the espresso is strong, the croissants are fresh, and the staff are friendly 😀 Let me know if you need directions.";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let (mut db, mut turns, mut loads) = (String::from("workload.db"), 1000usize, 20usize);
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--db" => db = value()?,
            "--turns" => turns = value()?.parse()?,
            "--loads" => loads = value()?.parse()?,
            other => return Err(format!("unknown argument {other}").into()),
        }
    }
    let store = memor_store::open(&db)?;
    let id = store.create(&NewConversation::titled("memor-bench").agent("memor-bench"))?.id;
    let start = Instant::now();
    for i in 0..turns {
        let prompt = Prompt::builder().message(format!("user message {i}: {USER_SENTENCE}")).build();
        let reply = Response::builder()
            .message(format!("assistant reply {i}: {ASSISTANT_SENTENCE}"))
            .model("gpt-4o-mini")
            .build()?;
        store.append(&id, &[prompt.into(), reply.into()])?;
    }
    let turn_per_s = turns as f64 / start.elapsed().as_secs_f64();
    let mut times = Vec::with_capacity(loads);
    let mut messages = 0;
    for _ in 0..loads {
        let start = Instant::now();
        let recorder = Recorder::from_conversation(store.as_ref(), &id)?;
        let history = recorder.render("openai")?;
        times.push(start.elapsed().as_secs_f64() * 1000.0);
        messages = history.as_array().map_or(0, Vec::len);
    }
    times.sort_by(f64::total_cmp);
    let median = times.get(times.len() / 2).copied().unwrap_or(f64::NAN);
    let mean = times.iter().sum::<f64>() / times.len().max(1) as f64;
    println!(
        "{{\"turns\": {turns}, \"turn_per_s\": {turn_per_s:.1}, \"load_ms_median\": {median:.3}, \
         \"load_ms_mean\": {mean:.3}, \"messages\": {messages}}}"
    );
    Ok(())
}
