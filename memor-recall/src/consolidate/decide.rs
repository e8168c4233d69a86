//! The decide step and the batch it builds: each observation against the similar active
//! facts (and the batch's own new ones), then everything written at once.

use memor_embed::Embedder;
use memor_store::Conversation;
use serde_json::Value;

use super::read::Observation;
use super::{Options, Report, same};
use crate::backend::{Added, Advance, Batch, Revision};
use crate::llm::{Llm, Step, ask_json};
use crate::memories::embed_batch;
use crate::model::{Kind, Scope, Source};
use crate::when::TimeRange;
use crate::{Memories, NewMemory, Result, Search};

/// A memory the batch adds.
struct New {
    id: String,
    memory: NewMemory,
    sources: Vec<Source>,
    /// The batch's own later observation that contradicts it.
    superseded_by: Option<String>,
}

/// A change to a memory already kept.
struct Change {
    id: String,
    /// Its text when read (the write checks it is still so).
    expected: String,
    /// Its text after the batch's updates.
    text: String,
    superseded_by: Option<String>,
    event: Option<TimeRange>,
    sources: Vec<Source>,
}

/// What an observation is decided against.
enum Target {
    /// A memory the batch adds (index in `adds`).
    New(usize),
    /// A memory kept (index in `changes`).
    Kept(usize),
}

/// What the model decided.
enum Decision {
    Add,
    Update(usize, String),
    Supersede(usize),
    Nothing,
}

/// A batch's changes, as they are decided.
pub(super) struct Plan<'a> {
    memories: &'a Memories,
    llm: &'a dyn Llm,
    embedder: Option<&'a dyn Embedder>,
    options: &'a Options,
    conversation: &'a Conversation,
    adds: Vec<New>,
    changes: Vec<Change>,
}

impl<'a> Plan<'a> {
    pub(super) fn new(
        memories: &'a Memories,
        llm: &'a dyn Llm,
        embedder: Option<&'a dyn Embedder>,
        options: &'a Options,
        conversation: &'a Conversation,
    ) -> Self {
        Plan { memories, llm, embedder, options, conversation, adds: Vec::new(), changes: Vec::new() }
    }

    /// The memories `observation` is decided against, with their texts as the batch has them.
    fn similar(&mut self, observation: &Observation<'_>) -> Result<Vec<(Target, String)>> {
        let mut search = Search::text(&observation.text).k(self.options.similar);
        search.filter.user = self.conversation.user.clone();
        search.filter.kinds = vec![Kind::Fact];
        search.time_aware = false;
        let hits = match self.embedder {
            Some(embedder) => self.memories.search_with(&search, embedder)?,
            None => self.memories.search(&search)?,
        };
        let mut similar = Vec::new();
        for hit in hits {
            let m = hit.memory;
            let at = match self.changes.iter().position(|c| c.id == m.id) {
                Some(at) => at,
                None => {
                    self.changes.push(Change {
                        id: m.id,
                        expected: m.text.clone(),
                        text: m.text,
                        superseded_by: None,
                        event: None,
                        sources: Vec::new(),
                    });
                    self.changes.len() - 1
                }
            };
            let change = &self.changes[at];
            if change.superseded_by.is_none() {
                similar.push((Target::Kept(at), change.text.clone()));
            }
        }
        for (i, new) in self.adds.iter().enumerate() {
            if new.superseded_by.is_none() {
                similar.push((Target::New(i), new.memory.text.clone()));
            }
        }
        Ok(similar)
    }

    /// Decides `observation` and plans the change.
    pub(super) fn decide(&mut self, observation: Observation<'_>, report: &mut Report) -> Result<()> {
        let similar = self.similar(&observation)?;
        let decision = if similar.is_empty() {
            Decision::Add
        } else if similar.iter().any(|(_, text)| same(text, &observation.text)) {
            Decision::Nothing
        } else {
            let lines: Vec<String> =
                similar.iter().enumerate().map(|(i, (_, t))| format!("[m{}] {t}", i + 1)).collect();
            let prompt = self
                .options
                .prompts
                .render(Step::Decide, &[("observation", observation.text.clone()), ("memories", lines.join("\n"))])?;
            ask_json(self.llm, Step::Decide, &prompt, |v| read_decision(v, similar.len()))?
        };
        let source =
            Source { conversation: self.conversation.id.clone(), message: Some(observation.message.to_owned()) };
        match decision {
            Decision::Nothing => report.unchanged += 1,
            Decision::Add => {
                self.add(&observation, source);
                report.added += 1;
            }
            Decision::Update(i, text) => {
                match similar[i].0 {
                    Target::New(n) => {
                        let new = &mut self.adds[n];
                        new.memory.text = text;
                        new.sources.push(source);
                        if observation.event.is_some() {
                            new.memory.event = observation.event;
                            new.memory.time_in_text = true;
                        }
                    }
                    Target::Kept(k) => {
                        let change = &mut self.changes[k];
                        change.text = text;
                        change.sources.push(source);
                        change.event = observation.event.or(change.event);
                    }
                }
                report.updated += 1;
            }
            Decision::Supersede(i) => {
                let new = self.add(&observation, source.clone());
                match similar[i].0 {
                    Target::New(n) => self.adds[n].superseded_by = Some(new),
                    Target::Kept(k) => {
                        let change = &mut self.changes[k];
                        change.superseded_by = Some(new);
                        change.sources.push(source);
                    }
                }
                report.added += 1;
                report.superseded += 1;
            }
        }
        Ok(())
    }

    /// Plans a new fact from `observation`; gives its id.
    fn add(&mut self, observation: &Observation<'_>, source: Source) -> String {
        let id = uuid::Uuid::now_v7().to_string();
        let memory = NewMemory {
            text: observation.text.clone(),
            kind: Kind::Fact,
            scope: Scope {
                user: self.conversation.user.clone(),
                agent: self.conversation.agent.clone(),
                conversation: None,
            },
            source: Some(source.clone()),
            recorded_at: Some(observation.at.timestamp_millis()),
            event: observation.event,
            time_in_text: observation.event.is_some(),
            importance: observation.importance,
            metadata: serde_json::Map::new(),
            embedding: None,
        };
        self.adds.push(New { id: id.clone(), memory, sources: vec![source], superseded_by: None });
        id
    }

    /// Writes the plan and the progress marks `progress` in one transaction.
    pub(super) fn write(mut self, progress: Advance<'_>) -> Result<()> {
        let changed: Vec<&Change> =
            self.changes.iter().filter(|c| c.superseded_by.is_some() || c.text != c.expected).collect();
        // Updated texts get new vectors; superseded ones keep theirs.
        let updated: Vec<usize> = (0..changed.len()).filter(|&i| changed[i].text != changed[i].expected).collect();
        let revised: Vec<&str> = updated.iter().map(|&i| changed[i].text.as_str()).collect();
        let news = self.adds.iter_mut().map(|n| &mut n.memory).collect();
        let (of_updates, model) = embed_batch(self.embedder, news, &revised)?;
        let mut vectors: Vec<Option<Vec<f32>>> = vec![None; changed.len()];
        for (&i, vector) in updated.iter().zip(of_updates) {
            vectors[i] = vector;
        }
        let news: Vec<NewMemory> = self.adds.iter().map(|n| n.memory.clone()).collect();
        let (mut prepared, _) = self.memories.prepare(&news)?;
        for (p, new) in prepared.iter_mut().zip(&self.adds) {
            p.id = new.id.clone();
        }
        let mut revisions: Vec<Revision<'_>> = changed
            .iter()
            .zip(vectors)
            .map(|(c, vector)| {
                let (action, text) = match &c.superseded_by {
                    Some(_) => ("supersede", None),
                    None => ("update", Some(c.text.as_str())),
                };
                Revision {
                    id: &c.id,
                    expected: &c.expected,
                    action,
                    text,
                    metadata: None,
                    event: c.event,
                    vector,
                    related: c.superseded_by.as_deref(),
                    sources: &c.sources,
                }
            })
            .collect();
        for new in &self.adds {
            if let Some(by) = &new.superseded_by {
                revisions.push(Revision {
                    id: &new.id,
                    expected: &new.memory.text,
                    action: "supersede",
                    text: None,
                    metadata: None,
                    event: None,
                    vector: None,
                    related: Some(by),
                    sources: &new.sources[new.sources.len() - 1..],
                });
            }
        }
        let actor = self.llm.id();
        let adds =
            prepared.into_iter().zip(&self.adds).map(|(memory, n)| Added { memory, sources: &n.sources }).collect();
        let batch = Batch {
            adds,
            revisions,
            model: model.as_ref().map(|(m, d)| (m.as_str(), *d)),
            actor: &actor,
            progress: vec![progress],
        };
        self.memories.write_batch(&batch)
    }
}

/// The decide step's reply: an action, the memory it is about (`mN`), the merged text.
fn read_decision(reply: &Value, shown: usize) -> std::result::Result<Decision, String> {
    let action = reply.get("action").and_then(Value::as_str).ok_or("no `action`")?;
    let target = || -> std::result::Result<usize, String> {
        let id = match reply.get("id") {
            Some(Value::String(s)) => s.trim().trim_start_matches('[').trim_end_matches(']').to_owned(),
            Some(Value::Number(n)) => n.to_string(),
            _ => return Err(format!("{action} needs the `id` of a memory")),
        };
        let n: usize = id.trim_start_matches(['m', 'M']).parse().map_err(|_| format!("no memory `{id}`"))?;
        if n == 0 || n > shown {
            return Err(format!("no memory `{id}` (m1 to m{shown} were shown)"));
        }
        Ok(n - 1)
    };
    match action.trim().to_ascii_uppercase().as_str() {
        "ADD" => Ok(Decision::Add),
        "NONE" => Ok(Decision::Nothing),
        "SUPERSEDE" => Ok(Decision::Supersede(target()?)),
        "UPDATE" => {
            let at = target()?;
            match reply.get("text") {
                Some(Value::String(t)) if !t.trim().is_empty() => Ok(Decision::Update(at, t.trim().to_owned())),
                _ => Err("UPDATE needs the merged `text`".into()),
            }
        }
        other => Err(format!("unknown action `{other}` (ADD, UPDATE, SUPERSEDE or NONE)")),
    }
}
