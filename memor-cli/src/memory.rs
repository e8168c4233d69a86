//! `memor memory …`: add, index, search, list, forget and show the history of long-term
//! memories kept in a store's database.

use clap::{Args, Subcommand};
use memor_embed::{Embedder, EmbedderRegistry};
use memor_recall::index::{self, Options};
use memor_recall::{Filter, Hit, Kind, Memories, Memory, NewMemory, Search, when};
use serde_json::{Value, json};

use crate::Failure;

/// `memor memory …`.
#[derive(Subcommand)]
pub(crate) enum MemoryCli {
    /// Remember a fact; print its id
    #[command(after_help = "Example:\n  memor memory add chats.db \"Ana is vegetarian\" --user ana")]
    Add {
        /// The database (created if new)
        db: String,
        /// What to remember
        text: String,
        #[command(flatten)]
        owner: Owner,
        /// When it was said or happened (2023-05-08, an RFC 3339 time, "1:56 pm on 8 May, 2023")
        #[arg(long, value_name = "TIME", value_parser = time)]
        at: Option<i64>,
        /// fact or insight
        #[arg(long, value_name = "KIND", default_value = "fact", value_parser = kind)]
        kind: Kind,
        /// How much it matters, 0 to 1
        #[arg(long, value_name = "X", default_value_t = 0.5)]
        importance: f32,
        #[command(flatten)]
        embedder: EmbedderArg,
    },
    /// Remember every stored message not remembered yet, as episodes (resumable)
    #[command(after_help = "Example:\n  memor memory index chats.db --embedder local:./all-MiniLM-L6-v2")]
    Index {
        /// The database
        db: String,
        /// Only this conversation (id or title)
        #[arg(long, value_name = "ID")]
        conversation: Option<String>,
        #[command(flatten)]
        embedder: EmbedderArg,
    },
    /// Turn new user messages into observations kept coherent, asking a model (resumable)
    #[command(after_help = "Each batch of user messages is filtered (nothing about the user, hypothetical or \
fictional: dropped), its observations extracted (with when they happened) and each decided against the similar \
memories: ADD, UPDATE (merge), SUPERSEDE (a contradiction: the old one kept, marked) or NONE. A batch is written \
whole or not at all; a failed one is reported (exit 1) and taken again by the next run.\n\n\
Example:\n  memor memory consolidate chats.db --provider openai --model gpt-4o-mini")]
    Consolidate {
        /// The database
        db: String,
        /// Only this conversation (id or title)
        #[arg(long, value_name = "ID")]
        conversation: Option<String>,
        #[command(flatten)]
        model: crate::consolidate::ModelArgs,
        /// User messages per batch (one transaction)
        #[arg(long, value_name = "N", default_value_t = 8)]
        batch: usize,
        #[command(flatten)]
        embedder: EmbedderArg,
    },
    /// Draw insights (job, diet, family…) from a user's observations once enough are new
    #[command(
        after_help = "Example:\n  memor memory reflect chats.db --user ana --provider openai --model gpt-4o-mini"
    )]
    Reflect {
        /// The database
        db: String,
        /// The user
        #[arg(long, value_name = "U")]
        user: Option<String>,
        #[command(flatten)]
        model: crate::consolidate::ModelArgs,
        /// New observations it takes (an insight whose observations changed is revised anyway)
        #[arg(long, value_name = "N", default_value_t = 5)]
        min_new: usize,
        #[command(flatten)]
        embedder: EmbedderArg,
    },
    /// Recall by words, meaning and time
    #[command(after_help = "Example:\n  memor memory search chats.db \"what did Ana do last week?\" --user ana --json")]
    Search {
        /// The database
        db: String,
        /// What to recall
        query: String,
        #[command(flatten)]
        owner: Owner,
        /// How many memories
        #[arg(long, short, value_name = "N", default_value_t = 10, value_parser = at_least_one)]
        k: usize,
        /// The time "yesterday" or "last week" count from (default: now)
        #[arg(long, value_name = "TIME", value_parser = time)]
        at: Option<i64>,
        /// Only memories of this kind (episode, fact, insight)
        #[arg(long, value_name = "KIND", value_parser = kind)]
        kind: Option<Kind>,
        /// Ignore time expressions in the query
        #[arg(long)]
        no_time: bool,
        #[command(flatten)]
        embedder: EmbedderArg,
        /// Print JSON
        #[arg(long)]
        json: bool,
    },
    /// List memories, newest first
    List {
        /// The database
        db: String,
        #[command(flatten)]
        owner: Owner,
        /// Only memories of this kind (episode, fact, insight)
        #[arg(long, value_name = "KIND", value_parser = kind)]
        kind: Option<Kind>,
        /// Superseded and forgotten ones too
        #[arg(long)]
        all: bool,
        /// At most N
        #[arg(long, value_name = "N", default_value_t = 100)]
        limit: usize,
        /// Print JSON
        #[arg(long)]
        json: bool,
    },
    /// Forget a memory (never recalled again; its history is kept)
    Forget {
        /// The database
        db: String,
        /// The memory's id
        id: String,
    },
    /// Every change of a memory
    History {
        /// The database
        db: String,
        /// The memory's id
        id: String,
        /// Print JSON
        #[arg(long)]
        json: bool,
    },
}

/// Whose memories.
#[derive(Args)]
pub(crate) struct Owner {
    /// The user
    #[arg(long, value_name = "U")]
    user: Option<String>,
    /// The agent
    #[arg(long, value_name = "A")]
    agent: Option<String>,
}

/// Which embedder.
#[derive(Args)]
pub(crate) struct EmbedderArg {
    /// openai:MODEL, gemini:MODEL, mistral:MODEL, ollama:MODEL or local:DIR (default: the
    /// model the database's vectors come from, when it can be opened by that id; words only otherwise)
    #[arg(long, value_name = "ID")]
    embedder: Option<String>,
}

pub(crate) fn time(text: &str) -> Result<i64, String> {
    when::parse_datetime(text)
        .map(|t| t.timestamp_millis())
        .ok_or_else(|| format!("`{text}` is not a time (2023-05-08, an RFC 3339 time, \"1:56 pm on 8 May, 2023\")"))
}

fn at_least_one(text: &str) -> Result<usize, String> {
    match text.parse::<usize>() {
        Ok(0) => Err("0 asks for no memories: give 1 or more".to_owned()),
        Ok(n) => Ok(n),
        Err(_) => Err(format!("`{text}` is not a whole number of memories")),
    }
}

fn kind(text: &str) -> Result<Kind, String> {
    Kind::parse(text).ok_or_else(|| format!("`{text}` is not a memory kind (episode, fact, insight)"))
}

impl From<memor_recall::Error> for Failure {
    fn from(e: memor_recall::Error) -> Self {
        Failure::plain(e.to_string())
    }
}

impl From<memor_embed::Error> for Failure {
    fn from(e: memor_embed::Error) -> Self {
        Failure::plain(e.to_string())
    }
}

/// The embedder asked for, or the one the database's vectors come from (`None`: words only,
/// said on stderr when the database holds vectors).
pub(crate) fn embedder(memories: &Memories, asked: Option<&str>) -> Result<Option<Box<dyn Embedder>>, Failure> {
    if let Some(id) = asked {
        return Ok(Some(EmbedderRegistry::global().open(id)?));
    }
    let Some((model, _)) = memories.model()? else { return Ok(None) };
    match EmbedderRegistry::global().open(&model) {
        Ok(e) => Ok(Some(e)),
        Err(_) => {
            eprintln!(
                "memor: searching by words only: give --embedder to search by meaning too (the vectors are {model}'s)"
            );
            Ok(None)
        }
    }
}

pub(crate) fn run(command: MemoryCli) -> Result<(), Failure> {
    match command {
        MemoryCli::Add { db, text, owner, at, kind, importance, embedder: e } => {
            let memories = Memories::open(&db)?;
            let mut memory = NewMemory::of_kind(kind, text);
            (memory.scope.user, memory.scope.agent, memory.importance) = (owner.user, owner.agent, importance);
            if let Some(at) = at {
                dated(&mut memory, at);
            }
            if let Some(embedder) = embedder(&memories, e.embedder.as_deref())? {
                let vector = embedder.embed_query(&memory.text)?;
                memory = memory.embedding(embedder.model(), vector);
            }
            crate::output::line(memories.add(memory)?)?;
        }
        MemoryCli::Index { db, conversation, embedder: e } => {
            let memories = Memories::open_existing(&db)?;
            let embedder = match e.embedder.as_deref() {
                Some(id) => Some(EmbedderRegistry::global().open(id)?),
                None => None,
            };
            let mut options = Options::default();
            options.conversation = conversation;
            let report = index::run(&memories, embedder.as_deref(), &options, |_, _| {})?;
            crate::output::line(format!(
                "indexed {} messages of {} conversations: {} new episodes",
                report.messages, report.conversations, report.added
            ))?;
        }
        MemoryCli::Search { db, query, owner, k, at, kind, no_time, embedder: e, json } => {
            let memories = Memories::open_existing(&db)?;
            let mut search = Search::text(query).k(k);
            (search.filter.user, search.filter.agent, search.at, search.time_aware) =
                (owner.user, owner.agent, at, !no_time);
            search.filter.kinds = kind.into_iter().collect();
            let hits = match embedder(&memories, e.embedder.as_deref())? {
                Some(embedder) => memories.search_with(&search, embedder.as_ref())?,
                None => memories.search(&search)?,
            };
            if json {
                let list: Vec<Value> = hits.iter().map(hit_json).collect();
                crate::output::line(Value::from(list))?;
            } else {
                for hit in &hits {
                    crate::output::line(format!("{:.4}  {}  {}", hit.score, date(&hit.memory), hit.memory.text))?;
                }
            }
        }
        MemoryCli::List { db, owner, kind, all, limit, json } => {
            let memories = Memories::open_existing(&db)?;
            let mut filter = Filter::default();
            (filter.user, filter.agent, filter.all_statuses) = (owner.user, owner.agent, all);
            filter.kinds = kind.into_iter().collect();
            let found = memories.list(&filter, limit, 0)?;
            if json {
                crate::output::line(Value::from(found.iter().map(memory_json).collect::<Vec<_>>()))?;
            } else {
                for m in &found {
                    crate::output::line(format!("{}  {}  {:<8}  {}", m.id, date(m), m.kind.as_str(), m.text))?;
                }
            }
        }
        MemoryCli::Consolidate { db, conversation, model, batch, embedder: e } => {
            let memories = Memories::open_existing(&db)?;
            let embedder = embedder(&memories, e.embedder.as_deref())?;
            crate::consolidate::consolidate(&memories, &model, embedder.as_deref(), conversation, batch)?;
        }
        MemoryCli::Reflect { db, user, model, min_new, embedder: e } => {
            let memories = Memories::open_existing(&db)?;
            let embedder = embedder(&memories, e.embedder.as_deref())?;
            crate::consolidate::reflect(&memories, &model, embedder.as_deref(), user, min_new)?;
        }
        MemoryCli::Forget { db, id } => Memories::open_existing(&db)?.forget(&id)?,
        MemoryCli::History { db, id, json } => {
            let events = Memories::open_existing(&db)?.history(&id)?;
            let list: Vec<Value> = events
                .iter()
                .map(|e| {
                    json!({
                        "action": e.action, "at": rfc3339(e.at), "text": e.text, "previous": e.previous,
                        "actor": e.actor, "related": e.related,
                        "sources": e.sources.iter().map(|s| json!({"conversation": s.conversation, "message": s.message})).collect::<Vec<_>>(),
                    })
                })
                .collect();
            if json {
                crate::output::line(Value::from(list))?;
            } else {
                for e in &events {
                    let what = e.text.as_deref().or(e.previous.as_deref()).unwrap_or_default();
                    let by = e.actor.as_deref().unwrap_or("-");
                    let mut line = format!("{}  {:<9}  by {by}  {what}", rfc3339(e.at), e.action);
                    if let Some(related) = &e.related {
                        line.push_str(&format!("  (by memory {related})"));
                    }
                    let from: Vec<String> = e
                        .sources
                        .iter()
                        .map(|s| format!("{}/{}", s.conversation, s.message.as_deref().unwrap_or("-")))
                        .collect();
                    if !from.is_empty() {
                        line.push_str(&format!("  from {}", from.join(", ")));
                    }
                    crate::output::line(line)?;
                }
            }
        }
    }
    Ok(())
}

/// Dates a memory written at `at` (Unix ms): its event is the time its text states ("yesterday",
/// counted from `at`), or `at` itself.
pub(crate) fn dated(memory: &mut NewMemory, at: i64) {
    memory.recorded_at = Some(at);
    if let Some(written) = chrono::DateTime::from_timestamp_millis(at) {
        let stated = when::resolve(&memory.text, written).range;
        memory.time_in_text = stated.is_some();
        memory.event =
            stated.or(Some(when::TimeRange { start: written, end: written + chrono::Duration::milliseconds(1) }));
    }
}

pub(crate) fn rfc3339(unix_ms: i64) -> String {
    chrono::DateTime::from_timestamp_millis(unix_ms)
        .map(|d| d.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
        .unwrap_or_else(|| unix_ms.to_string())
}

/// When the memory's event happened (when it was recorded, if that is not known).
fn date(m: &Memory) -> String {
    rfc3339(m.event.map(|e| e.start.timestamp_millis()).unwrap_or(m.recorded_at))
}

pub(crate) fn memory_json(m: &Memory) -> Value {
    json!({
        "id": m.id,
        "text": m.text,
        "kind": m.kind.as_str(),
        "status": m.status.as_str(),
        "user": m.scope.user,
        "agent": m.scope.agent,
        "conversation": m.source.as_ref().map(|s| s.conversation.as_str()).or(m.scope.conversation.as_deref()),
        "message": m.source.as_ref().and_then(|s| s.message.as_deref()),
        "date": date(m),
        "importance": m.importance,
        "superseded_by": m.superseded_by,
    })
}

pub(crate) fn hit_json(hit: &Hit) -> Value {
    let mut value = memory_json(&hit.memory);
    value["score"] = json!(hit.score);
    value["lexical_rank"] = json!(hit.why.lexical_rank);
    value["vector_rank"] = json!(hit.why.vector_rank);
    value["cosine"] = json!(hit.why.cosine);
    value["time_match"] = json!(hit.why.time_match);
    value
}
