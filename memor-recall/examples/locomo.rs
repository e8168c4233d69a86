//! The LoCoMo retrieval benchmark: evidence recall@5, recall@10 and MRR (categories 1-4) at
//! turn and session level, for plain BM25 over every word (the baseline), lexical, vector,
//! hybrid and time-aware hybrid recall, and the search latency, over the conversations in
//! `../shared/benchmarks/locomo/`.
//!
//! ```text
//! cargo run --release -p memor-recall --example locomo [-- --embedder local:DIR] [--data DIR]
//! ```
//!
//! Each LoCoMo session is stored as a conversation (its turns as messages dated with the
//! session's date, each `Speaker: text`, a shared photo's caption appended as
//! `[shares a photo: …]`), indexed by `memor_recall::index` as the product does it, and each
//! question searched with the conversation's speakers' memories; the reference time of a
//! time-aware search is the last session's date. Nothing is tuned on the data.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::Instant;

use memor_core::{Response, Role, Session};
use memor_embed::{Embedder, EmbedderRegistry};
use memor_recall::index::{self, Options};
use memor_recall::{Memories, Search, when};
use memor_store::NewConversation;
use serde_json::Value;

type Failure = Box<dyn std::error::Error>;

/// One question: its text and evidence turns `(session, turn)`.
struct Question {
    text: String,
    evidence: Vec<(u32, u32)>,
}

/// How one mode searches.
#[derive(Clone, Copy, PartialEq)]
enum Mode {
    /// BM25 over every word of the question, straight from the FTS5 index: the baseline.
    PlainBm25,
    Lexical,
    Vector,
    Hybrid,
    HybridTime,
}

impl Mode {
    fn name(self) -> &'static str {
        match self {
            Mode::PlainBm25 => "plain BM25 (every word)",
            Mode::Lexical => "lexical (BM25)",
            Mode::Vector => "vector",
            Mode::Hybrid => "hybrid",
            Mode::HybridTime => "hybrid + time",
        }
    }
}

#[derive(Default)]
struct Scores {
    questions: usize,
    turn_r5: f64,
    turn_r10: f64,
    turn_mrr: f64,
    session_r5: f64,
    session_r10: f64,
    session_mrr: f64,
    latencies: Vec<f64>,
}

fn main() {
    if let Err(e) = run() {
        eprintln!("locomo: {e}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), Failure> {
    let mut args = std::env::args().skip(1);
    let mut data = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/benchmarks/locomo"));
    let mut embedder_id = None;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--data" => data = PathBuf::from(args.next().ok_or("--data needs a directory")?),
            "--embedder" => embedder_id = Some(args.next().ok_or("--embedder needs an id")?),
            other => return Err(format!("unknown argument `{other}`").into()),
        }
    }
    if !data.join("26.json").exists() {
        return Err(format!(
            "no LoCoMo data in {}: get `data/locomo10.zip` from github.com/snap-research/locomo and put \
             {{26,30,41,42,43}}.json (from multimodal_dialog/locomo10_v2) there, or pass --data DIR",
            data.display()
        )
        .into());
    }
    let embedder: Option<Box<dyn Embedder>> = match &embedder_id {
        Some(id) => Some(EmbedderRegistry::global().open(id)?),
        None => None,
    };
    let mut modes = vec![Mode::PlainBm25, Mode::Lexical];
    if embedder.is_some() {
        modes.extend([Mode::Vector, Mode::Hybrid, Mode::HybridTime]);
    } else {
        modes.push(Mode::HybridTime);
        eprintln!("locomo: no --embedder: lexical modes only (\"hybrid + time\" is lexical + time)");
    }
    let mut scores: Vec<Scores> = modes.iter().map(|_| Scores::default()).collect();
    let dir = std::env::temp_dir().join(format!("memor-locomo-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let mut index_seconds = 0.0;
    let mut messages = 0;
    for name in ["26", "30", "41", "42", "43"] {
        let file = data.join(format!("{name}.json"));
        let conversation: Value = serde_json::from_str(&std::fs::read_to_string(&file)?)?;
        let db = dir.join(format!("{name}.db"));
        let memories = Memories::open(db.to_str().ok_or("temp path is not UTF-8")?)?;
        let (sessions, last) = store_sessions(&memories, &conversation, &file)?;
        let started = Instant::now();
        let report = index::run(&memories, embedder.as_deref(), &Options::default(), |_, _| {})?;
        index_seconds += started.elapsed().as_secs_f64();
        messages += report.added;
        let questions = questions(&conversation);
        let fts = memor_store::rusqlite::Connection::open(&db)?;
        for (mode, score) in modes.iter().zip(scores.iter_mut()) {
            for q in &questions {
                let started = Instant::now();
                let sources = if *mode == Mode::PlainBm25 {
                    plain_bm25(&fts, &q.text)?
                } else {
                    let hits = search(&memories, embedder.as_deref(), *mode, &q.text, last)?;
                    hits.iter()
                        .filter_map(|h| {
                            let position = h.memory.metadata.get("position")?.as_u64()?;
                            Some((h.memory.source.as_ref()?.conversation.clone(), position))
                        })
                        .collect()
                };
                score.latencies.push(started.elapsed().as_secs_f64() * 1000.0);
                let found: Vec<(u32, u32)> = sources
                    .iter()
                    .filter_map(|(conversation, position)| Some((*sessions.get(conversation)?, *position as u32 + 1)))
                    .collect();
                add_scores(score, q, &found);
            }
        }
    }
    std::fs::remove_dir_all(&dir).ok();
    println!(
        "LoCoMo, 5 conversations, {} questions (categories 1-4), {messages} messages indexed in {index_seconds:.1} s",
        scores[0].questions
    );
    if let Some(id) = &embedder_id {
        println!("embedder: {id}");
    }
    println!("| mode | turn R@5 | turn R@10 | turn MRR | session R@5 | session R@10 | session MRR | p50 ms | p95 ms |");
    println!("|---|---|---|---|---|---|---|---|---|");
    for (mode, s) in modes.iter().zip(&mut scores) {
        let n = s.questions as f64;
        s.latencies.sort_by(f64::total_cmp);
        let pct = |p: f64| s.latencies[((s.latencies.len() as f64 - 1.0) * p).round() as usize];
        println!(
            "| {} | {:.3} | {:.3} | {:.3} | {:.3} | {:.3} | {:.3} | {:.2} | {:.2} |",
            mode.name(),
            s.turn_r5 / n,
            s.turn_r10 / n,
            s.turn_mrr / n,
            s.session_r5 / n,
            s.session_r10 / n,
            s.session_mrr / n,
            pct(0.5),
            pct(0.95)
        );
    }
    Ok(())
}

/// Stores each session as a conversation; gives the session number of each stored
/// conversation and the last session's date (Unix ms).
fn store_sessions(memories: &Memories, c: &Value, file: &Path) -> Result<(HashMap<String, u32>, i64), Failure> {
    let mut sessions = HashMap::new();
    let mut last = 0;
    let speaker_a = c["speaker_a"].as_str().unwrap_or_default().to_owned();
    for n in 1.. {
        let Some(turns) = c.get(format!("session_{n}")).and_then(Value::as_array) else { break };
        let date_text = c[format!("session_{n}_date_time")].as_str().unwrap_or_default();
        let date = when::parse_datetime(date_text)
            .ok_or_else(|| format!("{}: session {n}'s date `{date_text}` is not a date", file.display()))?;
        last = last.max(date.timestamp_millis());
        let mut session = Session::new(Some(format!("session {n}")));
        for turn in turns {
            let speaker = turn["speaker"].as_str().unwrap_or_default();
            let mut text = format!("{speaker}: {}", turn["text"].as_str().unwrap_or_default());
            if let Some(caption) = turn["blip_caption"].as_str() {
                text.push_str(&format!(" [shares a photo: {caption}]"));
            }
            let role = if speaker == speaker_a { Role::User } else { Role::Assistant };
            session.add_message(Response::builder().message(text).role(role).date(date).build()?);
        }
        let stored = memories.conversations().import(&session, &NewConversation::titled(format!("session {n}")))?;
        sessions.insert(stored.id, n);
    }
    Ok((sessions, last))
}

fn questions(c: &Value) -> Vec<Question> {
    let mut out = Vec::new();
    for q in c["qa"].as_array().into_iter().flatten() {
        let category = q["category"].as_u64().unwrap_or(0);
        if !(1..=4).contains(&category) {
            continue;
        }
        let mut evidence = Vec::new();
        for e in q["evidence"].as_array().into_iter().flatten().filter_map(Value::as_str) {
            // Some entries hold several ids ("D8:6; D9:17").
            for id in e.split([';', ',', ' ']).filter(|s| !s.is_empty()) {
                let parsed = id.strip_prefix('D').and_then(|r| r.split_once(':'));
                if let Some((s, t)) = parsed.and_then(|(s, t)| Some((s.parse().ok()?, t.parse().ok()?))) {
                    evidence.push((s, t));
                }
            }
        }
        if !evidence.is_empty() {
            out.push(Question { text: q["question"].as_str().unwrap_or_default().to_owned(), evidence });
        }
    }
    out
}

fn search(
    memories: &Memories,
    embedder: Option<&dyn Embedder>,
    mode: Mode,
    question: &str,
    last: i64,
) -> Result<Vec<memor_recall::Hit>, Failure> {
    let mut search = Search::text(question).k(10);
    search.time_aware = mode == Mode::HybridTime;
    search.at = Some(last);
    Ok(match (mode, embedder) {
        (Mode::Lexical, _) | (_, None) => memories.search(&search)?,
        (Mode::Vector, Some(e)) => {
            let vector = e.embed_query(question)?;
            let mut search = search.clone();
            search.text = String::new();
            memories.search(&search.vector(e.model(), vector))?
        }
        (_, Some(e)) => memories.search_with(&search, e)?,
    })
}

/// The top 10 of BM25 over every word of `question` (none left out), read from the
/// memories' FTS5 index: the source conversation and position of each.
fn plain_bm25(fts: &memor_store::rusqlite::Connection, question: &str) -> Result<Vec<(String, u64)>, Failure> {
    let words: Vec<String> = question
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{}\"", w.to_lowercase()))
        .collect();
    let mut stmt = fts.prepare_cached(
        "SELECT m.source_conversation, json_extract(m.metadata, '$.position') FROM memories_fts f \
         JOIN memories m ON m.rowid = f.rowid WHERE memories_fts MATCH ?1 ORDER BY f.rank LIMIT 10",
    )?;
    let rows = stmt.query_map([words.join(" OR ")], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn add_scores(s: &mut Scores, q: &Question, found: &[(u32, u32)]) {
    s.questions += 1;
    let evidence: HashSet<(u32, u32)> = q.evidence.iter().copied().collect();
    let sessions: HashSet<u32> = q.evidence.iter().map(|e| e.0).collect();
    let recall_turns = |k: usize| {
        let top: HashSet<_> = found.iter().take(k).copied().collect();
        evidence.intersection(&top).count() as f64 / evidence.len() as f64
    };
    let recall_sessions = |k: usize| {
        let top: HashSet<u32> = found.iter().take(k).map(|f| f.0).collect();
        sessions.intersection(&top).count() as f64 / sessions.len() as f64
    };
    s.turn_r5 += recall_turns(5);
    s.turn_r10 += recall_turns(10);
    s.session_r5 += recall_sessions(5);
    s.session_r10 += recall_sessions(10);
    if let Some(rank) = found.iter().position(|f| evidence.contains(f)) {
        s.turn_mrr += 1.0 / (rank + 1) as f64;
    }
    if let Some(rank) = found.iter().position(|f| sessions.contains(&f.0)) {
        s.session_mrr += 1.0 / (rank + 1) as f64;
    }
}
