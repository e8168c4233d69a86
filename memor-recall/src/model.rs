//! What memories are, and what adding, listing and searching them take and give.

use serde_json::{Map, Value};

use crate::when::TimeRange;

/// What a memory is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// A message of a stored conversation, remembered as it was said.
    Episode,
    /// A fact or observation about the user or the world.
    Fact,
    /// An insight drawn from several observations.
    Insight,
}

impl Kind {
    /// Every kind.
    pub const ALL: [Kind; 3] = [Kind::Episode, Kind::Fact, Kind::Insight];

    /// Its name in the database and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Episode => "episode",
            Kind::Fact => "fact",
            Kind::Insight => "insight",
        }
    }

    /// The kind named `name`.
    pub fn parse(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

/// Whether a memory is recalled.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    /// Recalled.
    Active,
    /// Replaced by a newer memory that contradicts or merges it (kept, with a link).
    Superseded,
    /// Forgotten on request (kept for its history, never recalled).
    Forgotten,
}

impl Status {
    /// Its name in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Active => "active",
            Status::Superseded => "superseded",
            Status::Forgotten => "forgotten",
        }
    }

    /// The status named `name`.
    pub fn parse(name: &str) -> Option<Status> {
        [Status::Active, Status::Superseded, Status::Forgotten].into_iter().find(|s| s.as_str() == name)
    }
}

/// Whose a memory is.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Scope {
    /// The user it is about.
    pub user: Option<String>,
    /// The agent or application that keeps it.
    pub agent: Option<String>,
    /// The conversation it belongs to, when it belongs to one only.
    pub conversation: Option<String>,
}

/// Where a memory comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    /// The stored conversation.
    pub conversation: String,
    /// The message's memor id, when it comes from one message.
    pub message: Option<String>,
}

/// A vector and the model that made it.
#[derive(Clone, Debug, PartialEq)]
pub struct Embedding {
    /// The embedding model's id (`local:all-MiniLM-L6-v2`, `openai:text-embedding-3-small`).
    pub model: String,
    /// The vector.
    pub vector: Vec<f32>,
}

/// A memory to add.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct NewMemory {
    /// What is remembered.
    pub text: String,
    /// What it is.
    pub kind: Kind,
    /// Whose it is.
    pub scope: Scope,
    /// Where it comes from.
    pub source: Option<Source>,
    /// When it was recorded, in Unix milliseconds (now when `None`).
    pub recorded_at: Option<i64>,
    /// When the thing it describes happened, when known.
    pub event: Option<TimeRange>,
    /// Whether `event` was read from the text itself ("yesterday", "in May") rather than
    /// taken from when the text was written.
    pub time_in_text: bool,
    /// How much it matters, from 0 to 1.
    pub importance: f32,
    /// Free-form metadata.
    pub metadata: Map<String, Value>,
    /// Its vector, when it has one.
    pub embedding: Option<Embedding>,
}

impl NewMemory {
    /// A fact with this text and nothing else.
    pub fn fact(text: impl Into<String>) -> NewMemory {
        NewMemory::of_kind(Kind::Fact, text)
    }

    /// A memory of `kind` with this text and nothing else.
    pub fn of_kind(kind: Kind, text: impl Into<String>) -> NewMemory {
        NewMemory {
            text: text.into(),
            kind,
            scope: Scope::default(),
            source: None,
            recorded_at: None,
            event: None,
            time_in_text: false,
            importance: 0.5,
            metadata: Map::new(),
            embedding: None,
        }
    }

    /// Sets the user.
    pub fn user(mut self, user: impl Into<String>) -> Self {
        self.scope.user = Some(user.into());
        self
    }

    /// Sets the agent.
    pub fn agent(mut self, agent: impl Into<String>) -> Self {
        self.scope.agent = Some(agent.into());
        self
    }

    /// Sets the event time.
    pub fn event(mut self, event: TimeRange) -> Self {
        self.event = Some(event);
        self
    }

    /// Sets when it was recorded (Unix milliseconds).
    pub fn recorded_at(mut self, at: i64) -> Self {
        self.recorded_at = Some(at);
        self
    }

    /// Sets its vector.
    pub fn embedding(mut self, model: impl Into<String>, vector: Vec<f32>) -> Self {
        self.embedding = Some(Embedding { model: model.into(), vector });
        self
    }
}

/// A stored memory.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Memory {
    /// Its id (a UUID).
    pub id: String,
    /// What is remembered.
    pub text: String,
    /// What it is.
    pub kind: Kind,
    /// Whether it is recalled.
    pub status: Status,
    /// Whose it is.
    pub scope: Scope,
    /// Where it comes from.
    pub source: Option<Source>,
    /// When it was recorded, in Unix milliseconds.
    pub recorded_at: i64,
    /// When the thing it describes happened, when known.
    pub event: Option<TimeRange>,
    /// Whether `event` was read from the text.
    pub time_in_text: bool,
    /// How much it matters, from 0 to 1.
    pub importance: f32,
    /// Free-form metadata.
    pub metadata: Map<String, Value>,
    /// The memory that replaced it, when superseded.
    pub superseded_by: Option<String>,
    /// The model of its vector, when it has one.
    pub model: Option<String>,
}

/// Which memories a list or search considers.
#[derive(Clone, Debug, Default, PartialEq)]
#[non_exhaustive]
pub struct Filter {
    /// Only this user's.
    pub user: Option<String>,
    /// Only this agent's.
    pub agent: Option<String>,
    /// Only this conversation's (by scope or source).
    pub conversation: Option<String>,
    /// Only these kinds (all when empty).
    pub kinds: Vec<Kind>,
    /// Also superseded and forgotten memories (lists only; a search recalls active ones).
    pub all_statuses: bool,
    /// Only memories whose event time overlaps this span.
    pub during: Option<TimeRange>,
}

/// How a search combines its signals.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Search {
    /// The words (may be empty when a vector is given).
    pub text: String,
    /// The query's vector, with the model that made it.
    pub vector: Option<Embedding>,
    /// How many hits.
    pub k: usize,
    /// Which memories.
    pub filter: Filter,
    /// The reference time for time expressions in the query (now when `None`), in Unix
    /// milliseconds.
    pub at: Option<i64>,
    /// Read time expressions in the query ("last week", "in May", "when did ...").
    pub time_aware: bool,
    /// A time expression only boosts memories in its span (`false`) or filters to them
    /// (`true`).
    pub time_filters: bool,
    /// Weight of recency (newer memories first among equals); 0 turns it off.
    pub recency: f64,
    /// Weight of importance; 0 turns it off.
    pub importance: f64,
}

impl Search {
    /// A search for `text`, ten hits, time-aware, no recency or importance weighting.
    pub fn text(text: impl Into<String>) -> Search {
        Search {
            text: text.into(),
            vector: None,
            k: 10,
            filter: Filter::default(),
            at: None,
            time_aware: true,
            time_filters: false,
            recency: 0.0,
            importance: 0.0,
        }
    }

    /// Sets the query vector.
    pub fn vector(mut self, model: impl Into<String>, vector: Vec<f32>) -> Self {
        self.vector = Some(Embedding { model: model.into(), vector });
        self
    }

    /// Sets the number of hits.
    pub fn k(mut self, k: usize) -> Self {
        self.k = k;
        self
    }

    /// Sets the user.
    pub fn user(mut self, user: impl Into<String>) -> Self {
        self.filter.user = Some(user.into());
        self
    }
}

/// Why a memory was recalled.
#[derive(Clone, Debug, Default, PartialEq)]
#[non_exhaustive]
pub struct Why {
    /// Its rank (1-based) among the lexical (BM25) matches.
    pub lexical_rank: Option<usize>,
    /// Its rank (1-based) among the nearest vectors.
    pub vector_rank: Option<usize>,
    /// Its cosine similarity to the query vector.
    pub cosine: Option<f32>,
    /// Whether its event time falls in the span the query names.
    pub time_match: bool,
    /// The span the query's time expression names.
    pub time_range: Option<TimeRange>,
}

/// A recalled memory.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Hit {
    /// The memory.
    pub memory: Memory,
    /// Its final score (higher is better).
    pub score: f64,
    /// What put it here.
    pub why: Why,
}

/// One change in a memory's history.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Event {
    /// The memory.
    pub memory: String,
    /// What happened: `add`, `update`, `supersede`, `forget`.
    pub action: String,
    /// When, in Unix milliseconds.
    pub at: i64,
    /// The text after the change.
    pub text: Option<String>,
    /// The text before the change.
    pub previous: Option<String>,
    /// Who decided (a model id, `user`, `index`).
    pub actor: Option<String>,
    /// The messages it comes from.
    pub sources: Vec<Source>,
    /// The other memory involved (the one that superseded this one).
    pub related: Option<String>,
}
