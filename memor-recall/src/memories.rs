//! [`Memories`]: long-term memory over a conversation store's database.

use std::sync::Arc;

use memor_embed::Embedder;
use memor_store::{Location, Store, query_words};

use crate::backend::{Backend, Mark, Prepared};
use crate::fuse::{self, Signals};
use crate::sql::now;
use crate::vectors::normalized;
use crate::{Error, Event, Filter, Hit, Memory, NewMemory, Result, Search, Status, Why, when};

/// An embedding model's id and its vectors' length.
type Model = (String, usize);

/// A vector scaled to length 1.
type UnitVector = Vec<f32>;

/// Long-term memory: memories kept in the same database as the conversations, recalled by
/// words (BM25), meaning (vectors) and time, fused by reciprocal rank.
///
/// ```
/// use memor_recall::{Memories, NewMemory, Search};
///
/// # let dir = std::env::temp_dir().join(format!("memor-recall-doc-{}", std::process::id()));
/// # std::fs::create_dir_all(&dir).unwrap();
/// let memories = Memories::open(dir.join("memory.db").to_str().unwrap())?;
/// memories.add(NewMemory::fact("Ana is vegetarian").user("ana"))?;
/// memories.add(NewMemory::fact("Ana works as a nurse in Porto").user("ana"))?;
///
/// let hits = memories.search(&Search::text("where does she work?").user("ana"))?;
/// assert_eq!(hits[0].memory.text, "Ana works as a nurse in Porto");
/// assert_eq!(hits[0].why.lexical_rank, Some(1));
/// # std::fs::remove_dir_all(&dir).ok();
/// # Ok::<(), memor_recall::Error>(())
/// ```
pub struct Memories {
    backend: Box<dyn Backend>,
}

impl std::fmt::Debug for Memories {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Memories").field("location", &self.backend.store().location().to_string()).finish()
    }
}

impl Memories {
    /// Opens the database at `given` (a path, `sqlite://PATH` or `postgres://…`), creating a
    /// SQLite file that does not exist yet, and brings the store's and memory's tables up to
    /// date.
    pub fn open(given: &str) -> Result<Memories> {
        Memories::open_location(&Location::parse(given)?, true)
    }

    /// Opens an existing database: a SQLite file that does not exist is an error.
    pub fn open_existing(given: &str) -> Result<Memories> {
        Memories::open_location(&Location::parse(given)?, false)
    }

    #[cfg_attr(not(feature = "sqlite"), allow(unused_variables, reason = "only a SQLite file is created"))]
    fn open_location(location: &Location, create: bool) -> Result<Memories> {
        match location {
            #[cfg(feature = "sqlite")]
            Location::Sqlite(path) => {
                let mut options = memor_store::SqliteOptions::default();
                options.create = create;
                Memories::sqlite(Arc::new(memor_store::SqliteStore::open(path, &options)?))
            }
            #[cfg(feature = "postgres")]
            Location::Postgres(config) => Memories::postgres(Arc::new(memor_store::PostgresStore::connect(config)?)),
            #[allow(unreachable_patterns, reason = "reached when a backend's feature is off")]
            other => Err(Error::invalid(
                other.to_string(),
                "this build of memor-recall was compiled without that backend's feature",
            )),
        }
    }

    /// Long-term memory in this SQLite store's file.
    #[cfg(feature = "sqlite")]
    pub fn sqlite(store: Arc<memor_store::SqliteStore>) -> Result<Memories> {
        Ok(Memories { backend: Box::new(crate::sqlite::Sqlite::new(store)?) })
    }

    /// Long-term memory in this PostgreSQL store's database (pgvector must be installable).
    #[cfg(feature = "postgres")]
    pub fn postgres(store: Arc<memor_store::PostgresStore>) -> Result<Memories> {
        Ok(Memories { backend: Box::new(crate::postgres::Postgres::new(store)?) })
    }

    /// The conversations in the same database.
    pub fn conversations(&self) -> &dyn Store {
        self.backend.store()
    }

    /// The embedding model and dimensions of the vectors the store holds, once it holds any.
    pub fn model(&self) -> Result<Option<(String, usize)>> {
        self.backend.model()
    }

    /// Adds one memory; gives its id.
    pub fn add(&self, memory: NewMemory) -> Result<String> {
        let mut ids = self.add_all(std::slice::from_ref(&memory))?;
        ids.pop().ok_or_else(|| Error::invalid("the memory", "it was not added"))
    }

    /// Adds memories in one transaction (all or none); gives their ids, in order.
    pub fn add_all(&self, memories: &[NewMemory]) -> Result<Vec<String>> {
        let (prepared, model) = self.prepare(memories)?;
        self.backend.add(&prepared, model.as_ref().map(|(m, d)| (m.as_str(), *d)), "user", None)?;
        Ok(prepared.into_iter().map(|p| p.id).collect())
    }

    /// Adds memories and the episode index's mark in one transaction; gives how many were
    /// new (an episode already indexed is skipped).
    pub(crate) fn add_indexed(&self, memories: &[NewMemory], conversation: &str, position: i64) -> Result<usize> {
        let (prepared, model) = self.prepare(memories)?;
        let mark = Mark { conversation, position };
        self.backend.add(&prepared, model.as_ref().map(|(m, d)| (m.as_str(), *d)), "index", Some(mark))
    }

    /// Checks memories and gives them ids, times and unit vectors.
    pub(crate) fn prepare<'a>(&self, memories: &'a [NewMemory]) -> Result<(Vec<Prepared<'a>>, Option<Model>)> {
        let mut model: Option<(String, usize)> = None;
        let at = now();
        let mut prepared = Vec::with_capacity(memories.len());
        for (i, m) in memories.iter().enumerate() {
            let what = || if memories.len() == 1 { "the memory".to_owned() } else { format!("memory {i} of the call") };
            if m.text.trim().is_empty() {
                return Err(Error::invalid(what(), "its text is empty"));
            }
            if m.text.contains('\0') {
                return Err(Error::invalid(what(), "its text holds a NUL character"));
            }
            if !(0.0..=1.0).contains(&m.importance) {
                return Err(Error::invalid(what(), format!("importance {} is not between 0 and 1", m.importance)));
            }
            if let Some(e) = &m.event {
                if e.end < e.start {
                    return Err(Error::invalid(what(), "its event time ends before it starts"));
                }
            }
            let vector = match &m.embedding {
                None => None,
                Some(e) => {
                    if e.vector.is_empty() {
                        return Err(Error::invalid(what(), "its vector is empty"));
                    }
                    if let Some(bad) = e.vector.iter().position(|x| !x.is_finite()) {
                        return Err(Error::invalid(what(), format!("its vector holds a non-finite value at {bad}")));
                    }
                    match &model {
                        None => model = Some((e.model.clone(), e.vector.len())),
                        Some((name, _)) if *name != e.model => {
                            return Err(Error::Model { store: name.clone(), given: e.model.clone() });
                        }
                        Some((_, dims)) if *dims != e.vector.len() => {
                            return Err(Error::Dimensions { what: what(), expected: *dims, found: e.vector.len() });
                        }
                        Some(_) => {}
                    }
                    Some(normalized(&e.vector))
                }
            };
            prepared.push(Prepared {
                id: uuid::Uuid::now_v7().to_string(),
                memory: m,
                recorded_at: m.recorded_at.unwrap_or(at),
                added_at: at,
                vector,
            });
        }
        Ok((prepared, model))
    }

    /// One memory.
    pub fn get(&self, id: &str) -> Result<Memory> {
        self.backend.get(id)
    }

    /// Memories `filter` accepts, newest first.
    pub fn list(&self, filter: &Filter, limit: usize, offset: usize) -> Result<Vec<Memory>> {
        self.backend.list(filter, limit, offset)
    }

    /// Forgets a memory: it is never recalled again; its history is kept.
    pub fn forget(&self, id: &str) -> Result<()> {
        self.backend.set_status(id, Status::Forgotten, "user", None)
    }

    /// Marks `old` as superseded by `new` (a contradiction): kept, linked, not recalled.
    pub fn supersede(&self, old: &str, new: &str, actor: &str) -> Result<()> {
        self.backend.get(new)?;
        self.backend.set_status(old, Status::Superseded, actor, Some(new))
    }

    /// Every change of a memory, oldest first.
    pub fn history(&self, id: &str) -> Result<Vec<Event>> {
        self.backend.history(id)
    }

    /// A task's progress mark for `key`: for `consolidate`, how many messages of the
    /// conversation `key` are consolidated; for `reflect`, the last memory event the
    /// reflection on user `key` has seen (0 when none).
    pub fn progress(&self, task: &str, key: &str) -> Result<i64> {
        self.backend.progress(task, key)
    }

    /// Writes a consolidation or reflection batch in one transaction.
    pub(crate) fn write_batch(&self, batch: &crate::backend::Batch<'_>) -> Result<()> {
        self.backend.apply(batch)
    }

    /// The memories `filter` accepts (any status) changed after event `seq`, and the last
    /// event's number.
    pub(crate) fn changed_since(&self, seq: i64, filter: &Filter) -> Result<(Vec<Memory>, i64)> {
        self.backend.changed_since(seq, filter)
    }

    /// How many messages of `conversation` the episode index has taken.
    pub fn indexed(&self, conversation: &str) -> Result<i64> {
        self.backend.mark(conversation)
    }

    /// Searches with the query's vector made by `embedder` (when the store holds vectors of
    /// its model; words only otherwise). The lexical ranking is read while the query is
    /// embedded.
    pub fn search_with(&self, search: &Search, embedder: &dyn Embedder) -> Result<Vec<Hit>> {
        if search.vector.is_some() || search.text.trim().is_empty() {
            return self.search(search);
        }
        let Some((model, _)) = self.model()? else { return self.search(search) };
        if model != embedder.model() {
            return Err(Error::Model { store: model, given: embedder.model().to_owned() });
        }
        let embed = || Ok(crate::Embedding { vector: embedder.embed_query(&search.text)?, model });
        self.ranked(search, Some(embed))
    }

    /// The best `search.k` memories for the query: lexical and vector rankings fused, lifted
    /// by a time expression's span, recency and importance when asked.
    pub fn search(&self, search: &Search) -> Result<Vec<Hit>> {
        self.ranked(search, search.vector.clone().map(|e| move || Ok(e)))
    }

    /// [`search`](Self::search) with the query's vector, if any, made by `vector`: then the
    /// lexical ranking is read on another thread meanwhile, and while the vectors are scanned.
    fn ranked(&self, search: &Search, vector: Option<impl FnOnce() -> Result<crate::Embedding>>) -> Result<Vec<Hit>> {
        let text = search.text.trim();
        if text.is_empty() && search.vector.is_none() {
            return Err(Error::EmptyQuery);
        }
        let reference = match search.at {
            Some(at) => chrono::DateTime::from_timestamp_millis(at)
                .ok_or_else(|| Error::invalid("the reference time", format!("{at} ms is out of range")))?,
            None => chrono::Utc::now(),
        };
        let time = if search.time_aware { when::resolve(text, reference) } else { when::TimeQuery::default() };
        let mut lexical_text = text.to_owned();
        if let Some(span) = time.matched.clone() {
            let rest = format!("{} {}", &text[..span.start], &text[span.end..]);
            if !query_words(&rest).is_empty() {
                lexical_text = rest;
            }
        }
        let mut filter = search.filter.clone();
        if search.time_filters {
            if let Some(range) = time.range {
                filter.during = Some(range);
            }
        }
        let pool = (search.k * 5).max(50);
        let words = query_words(&lexical_text);
        let (lexical, nearest) = match vector {
            None => (self.backend.lexical(&words, &filter, pool)?, Vec::new()),
            Some(vector) => std::thread::scope(|s| {
                let lexical = s.spawn(|| self.backend.lexical(&words, &filter, pool));
                let nearest = vector().and_then(|e| self.nearest(&e, &filter, pool));
                let lexical = lexical.join().unwrap_or_else(|p| std::panic::resume_unwind(p));
                Ok::<_, Error>((lexical?, nearest?))
            })?,
        };
        let mut rows: Vec<i64> = lexical.clone();
        for (row, _) in &nearest {
            if !rows.contains(row) {
                rows.push(*row);
            }
        }
        let found = self.backend.candidates(&rows)?;
        let candidates: Vec<fuse::Candidate> = found.iter().map(|(c, _)| c.clone()).collect();
        let signals = Signals {
            lexical: &lexical,
            vector: &nearest,
            range: time.range,
            asks_when: time.asks_when,
            recency: search.recency,
            importance: search.importance,
        };
        let fused = fuse::fuse(&candidates, &signals);
        let mut memories: std::collections::HashMap<i64, Memory> = found.into_iter().map(|(c, m)| (c.id, m)).collect();
        Ok(fused
            .into_iter()
            .take(search.k)
            .filter_map(|f| {
                let memory = memories.remove(&f.id)?;
                Some(Hit {
                    memory,
                    score: f.score,
                    why: Why {
                        lexical_rank: f.lexical_rank,
                        vector_rank: f.vector_rank,
                        cosine: f.cosine,
                        time_match: f.time_match,
                        time_range: time.range,
                    },
                })
            })
            .collect())
    }

    /// The vector ranking of `e` under `filter`, after the checks of its model, dimensions
    /// and values (none while the store holds no vectors).
    fn nearest(&self, e: &crate::Embedding, filter: &Filter, pool: usize) -> Result<Vec<(i64, f32)>> {
        if let Some(bad) = e.vector.iter().position(|x| !x.is_finite()) {
            return Err(Error::invalid("the query vector", format!("it holds a non-finite value at {bad}")));
        }
        // One read of the model serves the checks and the scan.
        let Some((model, dims)) = self.model()? else { return Ok(Vec::new()) };
        if model != e.model {
            return Err(Error::Model { store: model, given: e.model.clone() });
        }
        if e.vector.len() != dims {
            return Err(Error::Dimensions { what: "the query vector".into(), expected: dims, found: e.vector.len() });
        }
        self.backend.nearest(&normalized(&e.vector), dims, filter, pool)
    }
}

/// `embedder`'s vectors of `texts`, one each (checked).
pub(crate) fn embed_texts(embedder: &dyn Embedder, texts: &[&str]) -> Result<Vec<Vec<f32>>> {
    if texts.is_empty() {
        return Ok(Vec::new());
    }
    let vectors = embedder.embed(texts)?;
    if vectors.len() != texts.len() {
        return Err(Error::invalid(
            format!("the embedder `{}`", embedder.model()),
            format!("it gave {} vectors for {} texts", vectors.len(), texts.len()),
        ));
    }
    Ok(vectors)
}

/// The vectors a consolidation or reflection batch writes: `news` get their embeddings, and
/// the unit vectors of the `revised` texts come back (in order), with the model and length
/// they have; nothing without an embedder.
pub(crate) fn embed_batch(
    embedder: Option<&dyn Embedder>,
    news: Vec<&mut NewMemory>,
    revised: &[&str],
) -> Result<(Vec<Option<UnitVector>>, Option<Model>)> {
    let Some(embedder) = embedder else { return Ok((vec![None; revised.len()], None)) };
    let mut texts: Vec<String> = news.iter().map(|m| m.text.clone()).collect();
    texts.extend(revised.iter().map(|t| (*t).to_owned()));
    let mut vectors = embed_texts(embedder, &texts.iter().map(String::as_str).collect::<Vec<_>>())?;
    let model = vectors.first().map(|v| (embedder.model().to_owned(), v.len()));
    let of_revised = vectors.split_off(news.len());
    for (memory, vector) in news.into_iter().zip(vectors) {
        memory.embedding = Some(crate::Embedding { model: embedder.model().to_owned(), vector });
    }
    Ok((of_revised.iter().map(|v| Some(normalized(v))).collect(), model))
}
