//! Reflection: once enough observations (facts) are new since the last reflection on a user,
//! they are grouped by theme into insights (attributes: job, diet, family, …) linked to the
//! observations that support them (`metadata.supports`, their ids; `metadata.theme`). An
//! insight one of whose observations changed (updated, superseded, forgotten) is shown again
//! to be revised. The insights, their history and the reflection's mark (the last memory event
//! it saw) are written in one transaction.

use std::collections::HashSet;

use memor_embed::Embedder;
use serde_json::{Map, Value};

use crate::backend::{Added, Advance, Batch, Revision};
use crate::consolidate::same;
use crate::llm::{Llm, Step, ask_json};
use crate::memories::embed_batch;
use crate::model::{Kind, Scope, Source, Status};
use crate::prompts::Prompts;
use crate::{Filter, Memories, Memory, NewMemory, Result};

/// The progress task reflection marks (per user: the last memory event seen).
pub(crate) const TASK: &str = "reflect";

/// How a reflection goes.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Options {
    /// Whose observations (all memories without a user when `None`).
    pub user: Option<String>,
    /// How many new observations it takes (fewer wait for the next time, unless an insight's
    /// observation changed).
    pub min_new: usize,
    /// At most this many observations go into the prompt.
    pub limit: usize,
    /// The templates.
    pub prompts: Prompts,
}

impl Default for Options {
    fn default() -> Self {
        Options { user: None, min_new: 5, limit: 200, prompts: Prompts::default() }
    }
}

/// What a reflection did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Report {
    /// Observations new or changed since the last reflection.
    pub new: usize,
    /// Insights whose observations changed.
    pub revisited: usize,
    /// Whether the model was asked (enough was new).
    pub ran: bool,
    /// Insights added.
    pub added: usize,
    /// Insights revised.
    pub updated: usize,
    /// Insights proposed again as they were.
    pub unchanged: usize,
}

/// The ids an insight's metadata says support it.
pub fn supports(insight: &Memory) -> Vec<String> {
    let list = insight.metadata.get("supports").and_then(Value::as_array);
    list.map(|ids| ids.iter().filter_map(Value::as_str).map(str::to_owned).collect()).unwrap_or_default()
}

/// An insight revised: the one read, its new text, metadata and sources.
type Update<'m> = (&'m Memory, String, Map<String, Value>, Vec<Source>);

/// An insight as the model proposed it.
struct Proposed {
    theme: String,
    text: String,
    /// Indices into the observations shown.
    supports: Vec<usize>,
    /// Index into the insights shown.
    revises: Option<usize>,
}

/// Reflects on `options.user`'s observations when enough are new (or an insight's changed).
pub fn run(memories: &Memories, llm: &dyn Llm, embedder: Option<&dyn Embedder>, options: &Options) -> Result<Report> {
    let key = options.user.as_deref().unwrap_or("");
    let mark = memories.progress(TASK, key)?;
    let mut facts = Filter { user: options.user.clone(), kinds: vec![Kind::Fact], ..Filter::default() };
    let (changed, last) = memories.changed_since(mark, &facts)?;
    facts.kinds = vec![Kind::Insight];
    let insights = memories.list(&facts, 1000, 0)?;
    let changed_ids: HashSet<&str> = changed.iter().map(|m| m.id.as_str()).collect();
    let revisited: Vec<&Memory> =
        insights.iter().filter(|i| supports(i).iter().any(|s| changed_ids.contains(s.as_str()))).collect();
    let new = changed.iter().filter(|m| m.status == Status::Active).count();
    let mut report = Report { new, revisited: revisited.len(), ..Report::default() };
    if new < options.min_new.max(1) && revisited.is_empty() {
        return Ok(report);
    }
    report.ran = true;
    // The observations shown: what changed, then what the revisited insights rest on.
    let mut shown: Vec<Memory> = changed;
    for insight in &revisited {
        for id in supports(insight) {
            if !shown.iter().any(|m| m.id == id) {
                if let Ok(m) = memories.get(&id) {
                    shown.push(m);
                }
            }
        }
    }
    shown.truncate(options.limit.max(1));
    let observations: Vec<String> = shown
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let gone = if m.status == Status::Active { "" } else { " (no longer true)" };
            format!("[o{}] {}{gone}", i + 1, m.text)
        })
        .collect();
    let lines: Vec<String> = insights
        .iter()
        .enumerate()
        .map(|(i, insight)| {
            let theme = insight.metadata.get("theme").and_then(Value::as_str).unwrap_or("general");
            let from: Vec<String> = supports(insight)
                .iter()
                .map(|id| match shown.iter().position(|m| m.id == *id) {
                    Some(at) => format!("o{}", at + 1),
                    None => "an earlier observation".to_owned(),
                })
                .collect();
            format!("[i{}] ({theme}) {} (from {})", i + 1, insight.text, from.join(", "))
        })
        .collect();
    let insights_text = if lines.is_empty() { "(none yet)".to_owned() } else { lines.join("\n") };
    let prompt = options
        .prompts
        .render(Step::Reflect, &[("observations", observations.join("\n")), ("insights", insights_text)])?;
    let proposed = ask_json(llm, Step::Reflect, &prompt, |v| read(v, shown.len(), insights.len()))?;

    // What changes.
    let mut adds: Vec<(NewMemory, Vec<Source>)> = Vec::new();
    let mut updates: Vec<Update<'_>> = Vec::new();
    for p in proposed {
        let mut metadata = Map::new();
        metadata.insert("theme".into(), Value::from(p.theme.as_str()));
        let ids: Vec<Value> = p.supports.iter().map(|&i| Value::from(shown[i].id.as_str())).collect();
        metadata.insert("supports".into(), Value::Array(ids));
        let sources: Vec<Source> = p.supports.iter().filter_map(|&i| shown[i].source.clone()).collect();
        let target = p.revises.map(|i| &insights[i]).or_else(|| insights.iter().find(|i| same(&i.text, &p.text)));
        match target {
            Some(old) if same(&old.text, &p.text) && old.metadata.get("supports") == metadata.get("supports") => {
                report.unchanged += 1;
            }
            Some(old) if !updates.iter().any(|(u, ..)| u.id == old.id) => {
                updates.push((old, p.text, metadata, sources));
                report.updated += 1;
            }
            _ => {
                let mut memory = NewMemory::of_kind(Kind::Insight, p.text);
                memory.scope = Scope { user: options.user.clone(), ..Scope::default() };
                memory.importance = 0.7;
                memory.metadata = metadata;
                adds.push((memory, sources));
                report.added += 1;
            }
        }
    }

    // Vectors for the new texts.
    let revised: Vec<&str> = updates.iter().map(|(_, t, ..)| t.as_str()).collect();
    let news = adds.iter_mut().map(|(m, _)| m).collect();
    let (update_vectors, model) = embed_batch(embedder, news, &revised)?;
    let news: Vec<NewMemory> = adds.iter().map(|(m, _)| m.clone()).collect();
    let (prepared, _) = memories.prepare(&news)?;
    let actor = llm.id();
    let batch = Batch {
        adds: prepared.into_iter().zip(&adds).map(|(memory, (_, sources))| Added { memory, sources }).collect(),
        revisions: updates
            .iter()
            .zip(update_vectors)
            .map(|((old, text, metadata, sources), vector)| Revision {
                id: &old.id,
                expected: &old.text,
                action: "update",
                text: Some(text),
                metadata: Some(metadata),
                event: None,
                vector,
                related: None,
                sources,
            })
            .collect(),
        model: model.as_ref().map(|(m, d)| (m.as_str(), *d)),
        actor: &actor,
        progress: vec![Advance { task: TASK, key, from: mark, to: last }],
    };
    memories.write_batch(&batch)?;
    Ok(report)
}

/// The reflect step's reply against its schema.
fn read(reply: &Value, observations: usize, insights: usize) -> std::result::Result<Vec<Proposed>, String> {
    let list = reply.get("insights").and_then(Value::as_array).ok_or("no `insights` list")?;
    let index = |value: &Value, prefix: char, count: usize, what: &str| -> std::result::Result<usize, String> {
        let text = match value {
            Value::String(s) => s.trim().trim_start_matches('[').trim_end_matches(']').to_owned(),
            other => return Err(format!("{what} {other} is not a label like {prefix}1")),
        };
        let n: usize = text
            .strip_prefix(prefix)
            .or_else(|| text.strip_prefix(prefix.to_ascii_uppercase()))
            .and_then(|n| n.parse().ok())
            .ok_or_else(|| format!("{what} `{text}` is not a label like {prefix}1"))?;
        if n == 0 || n > count {
            return Err(format!("no {what} `{text}` ({prefix}1 to {prefix}{count} were shown)"));
        }
        Ok(n - 1)
    };
    let mut out = Vec::new();
    for (i, entry) in list.iter().enumerate() {
        let text = match entry.get("text") {
            Some(Value::String(t)) if !t.trim().is_empty() => t.trim().to_owned(),
            _ => return Err(format!("insights[{i}] has no `text`")),
        };
        let theme = entry.get("theme").and_then(Value::as_str).map(str::trim).filter(|t| !t.is_empty());
        let theme = theme.ok_or_else(|| format!("insights[{i}] has no `theme`"))?.to_owned();
        let ids = entry
            .get("supports")
            .and_then(Value::as_array)
            .ok_or_else(|| format!("insights[{i}] has no `supports`"))?;
        let mut supports = Vec::new();
        for id in ids {
            let at = index(id, 'o', observations, "observation")?;
            if !supports.contains(&at) {
                supports.push(at);
            }
        }
        if supports.is_empty() {
            return Err(format!("insights[{i}] has no supporting observation"));
        }
        let revises = match entry.get("revises") {
            None | Some(Value::Null) => None,
            Some(v) => Some(index(v, 'i', insights, "insight")?),
        };
        out.push(Proposed { theme, text, supports, revises });
    }
    Ok(out)
}
