//! The tools `memor mcp` serves: their definitions (name, description, JSON Schema of the
//! arguments and of the structured result) and their calls. A call that fails is a tool
//! result with `isError: true` and a text saying what was wrong, so the model can correct
//! itself; it never ends the server.

use memor_embed::Embedder;
use memor_recall::{Kind, Memories, NewMemory, Search};
use memor_store::ListFilter;
use serde_json::{Map, Value, json};

use crate::memory::{hit_json, memory_json, rfc3339};

/// The tools' names, in the order `tools/list` gives them.
pub(crate) const NAMES: [&str; 5] = ["remember", "recall", "forget", "list_conversations", "read_conversation"];

/// What a tool call works on: the database's memories and conversations, the embedder, and
/// the user everything is scoped to.
pub(crate) struct Tools {
    pub(crate) memories: Memories,
    pub(crate) embedder: Option<Box<dyn Embedder>>,
    pub(crate) user: Option<String>,
}

/// A time argument's description.
const TIME: &str = "2023-05-08, an RFC 3339 time such as 2023-05-08T13:56:00Z, or \"1:56 pm on 8 May, 2023\"";

/// The definitions `tools/list` gives.
pub(crate) fn definitions() -> Value {
    let memory_item = json!({
        "type": "object",
        "properties": {
            "id": {"type": "string"},
            "text": {"type": "string"},
            "kind": {"type": "string", "enum": ["episode", "fact", "insight"]},
            "date": {"type": "string", "description": "when it happened (RFC 3339)"},
            "score": {"type": "number"},
            "conversation": {"type": ["string", "null"], "description": "the stored conversation it comes from"},
            "message": {"type": ["string", "null"], "description": "the message it comes from"}
        },
        "required": ["id", "text", "kind", "date"]
    });
    let mut hit = memory_item.clone();
    hit["required"] = json!(["id", "text", "kind", "date", "score"]);
    json!([
        {
            "name": "remember",
            "title": "Remember",
            "description": "Remember a fact about the user or the world (or an insight) for later conversations. \
                            Relative times in the text (\"yesterday\", \"last week\") are counted from `at`.",
            "inputSchema": {
                "type": "object",
                "properties": {
                    "text": {"type": "string", "minLength": 1, "description": "What to remember, as a sentence"},
                    "kind": {"type": "string", "enum": ["fact", "insight"], "default": "fact"},
                    "importance": {"type": "number", "minimum": 0, "maximum": 1, "default": 0.5,
                                   "description": "How much it matters, 0 to 1"},
                    "at": {"type": "string", "description": format!("When it was said or happened (default: now): {TIME}")}
                },
                "required": ["text"],
                "additionalProperties": false
            },
            "outputSchema": memory_item,
            "annotations": {"readOnlyHint": false, "destructiveHint": false, "idempotentHint": false, "openWorldHint": false}
        },
        {
            "name": "recall",
            "title": "Recall",
            "description": "Recall memories relevant to a question, by words, meaning and time: a time in the \
                            query (\"last week\", \"in May 2023\") favours memories of that time. Best first.",
            "inputSchema": {
                "type": "object",
                "properties": {
                    "query": {"type": "string", "minLength": 1, "description": "What to recall, in words"},
                    "k": {"type": "integer", "minimum": 1, "maximum": 100, "default": 10, "description": "How many memories"},
                    "at": {"type": "string", "description": format!("The time \"yesterday\" or \"last week\" count from (default: now): {TIME}")},
                    "kind": {"type": "string", "enum": ["episode", "fact", "insight"], "description": "Only memories of this kind"}
                },
                "required": ["query"],
                "additionalProperties": false
            },
            "outputSchema": {
                "type": "object",
                "properties": {"memories": {"type": "array", "items": hit}},
                "required": ["memories"]
            },
            "annotations": {"readOnlyHint": true, "openWorldHint": false}
        },
        {
            "name": "forget",
            "title": "Forget",
            "description": "Forget a memory by its id: it is never recalled again (its history is kept).",
            "inputSchema": {
                "type": "object",
                "properties": {"id": {"type": "string", "minLength": 1, "description": "The memory's id, as recall gives it"}},
                "required": ["id"],
                "additionalProperties": false
            },
            "outputSchema": {
                "type": "object",
                "properties": {"id": {"type": "string"}, "forgotten": {"type": "boolean"}},
                "required": ["id", "forgotten"]
            },
            "annotations": {"readOnlyHint": false, "destructiveHint": true, "idempotentHint": true, "openWorldHint": false}
        },
        {
            "name": "list_conversations",
            "title": "List conversations",
            "description": "List the stored conversations, most recently changed first.",
            "inputSchema": {
                "type": "object",
                "properties": {
                    "limit": {"type": "integer", "minimum": 1, "maximum": 1000, "default": 50},
                    "offset": {"type": "integer", "minimum": 0, "default": 0, "description": "Skip the first N"}
                },
                "additionalProperties": false
            },
            "outputSchema": {
                "type": "object",
                "properties": {"conversations": {"type": "array", "items": {
                    "type": "object",
                    "properties": {
                        "id": {"type": "string"},
                        "title": {"type": ["string", "null"]},
                        "messages": {"type": "integer"},
                        "created_at": {"type": "string"},
                        "updated_at": {"type": "string"}
                    },
                    "required": ["id", "title", "messages", "created_at", "updated_at"]
                }}},
                "required": ["conversations"]
            },
            "annotations": {"readOnlyHint": true, "openWorldHint": false}
        },
        {
            "name": "read_conversation",
            "title": "Read a conversation",
            "description": "Read a stored conversation's messages (role, text, time), oldest first.",
            "inputSchema": {
                "type": "object",
                "properties": {
                    "conversation": {"type": "string", "minLength": 1, "description": "The conversation's id or title"},
                    "offset": {"type": "integer", "minimum": 0, "default": 0, "description": "Skip the first N messages"},
                    "limit": {"type": "integer", "minimum": 1, "maximum": 1000, "default": 100}
                },
                "required": ["conversation"],
                "additionalProperties": false
            },
            "outputSchema": {
                "type": "object",
                "properties": {
                    "id": {"type": "string"},
                    "title": {"type": ["string", "null"]},
                    "total": {"type": "integer", "description": "How many messages it has"},
                    "offset": {"type": "integer"},
                    "messages": {"type": "array", "items": {
                        "type": "object",
                        "properties": {
                            "index": {"type": "integer"},
                            "role": {"type": "string"},
                            "text": {"type": "string"},
                            "time": {"type": "string"},
                            "model": {"type": "string"},
                            "masked": {"type": "boolean"}
                        },
                        "required": ["index", "role", "text", "time", "masked"]
                    }}
                },
                "required": ["id", "title", "total", "offset", "messages"]
            },
            "annotations": {"readOnlyHint": true, "openWorldHint": false}
        }
    ])
}

/// What a call gives: a text for the model and the structured result.
struct Output {
    text: String,
    structured: Value,
}

impl Tools {
    /// Calls the tool `name` (one of [`NAMES`]) with `arguments`: its `CallToolResult`.
    pub(crate) fn call(&self, name: &str, arguments: &Map<String, Value>) -> Value {
        let outcome = match name {
            "remember" => self.remember(&Arguments::new(name, arguments, &["text", "kind", "importance", "at"])),
            "recall" => self.recall(&Arguments::new(name, arguments, &["query", "k", "at", "kind"])),
            "forget" => self.forget(&Arguments::new(name, arguments, &["id"])),
            "list_conversations" => self.list_conversations(&Arguments::new(name, arguments, &["limit", "offset"])),
            "read_conversation" => {
                self.read_conversation(&Arguments::new(name, arguments, &["conversation", "offset", "limit"]))
            }
            _ => Err(format!("no tool is called `{name}`")),
        };
        match outcome {
            Ok(Output { text, structured }) => json!({
                "content": [{"type": "text", "text": text}],
                "structuredContent": structured,
                "isError": false,
            }),
            Err(message) => json!({"content": [{"type": "text", "text": message}], "isError": true}),
        }
    }

    fn remember(&self, args: &Arguments<'_>) -> Result<Output, String> {
        args.known()?;
        let text = args.required_string("text")?;
        let kind = match args.string("kind")? {
            None => Kind::Fact,
            Some(name) => match Kind::parse(name) {
                Some(kind @ (Kind::Fact | Kind::Insight)) => kind,
                _ => return Err(format!("`kind` is fact or insight, not `{name}`")),
            },
        };
        let importance = args.number("importance", 0.0, 1.0)?.unwrap_or(0.5);
        let at = match args.string("at")? {
            Some(at) => crate::memory::time(at).map_err(|e| format!("`at`: {e}"))?,
            None => chrono::Utc::now().timestamp_millis(),
        };
        let mut memory = NewMemory::of_kind(kind, text);
        (memory.scope.user, memory.importance) = (self.user.clone(), importance as f32);
        crate::memory::dated(&mut memory, at);
        if let Some(embedder) = &self.embedder {
            let vector = embedder.embed_query(&memory.text).map_err(|e| e.to_string())?;
            memory = memory.embedding(embedder.model(), vector);
        }
        let id = self.memories.add(memory).map_err(|e| e.to_string())?;
        let stored = self.memories.get(&id).map_err(|e| e.to_string())?;
        let structured = memory_json(&stored);
        Ok(Output { text: format!("Remembered ({}, id {id}): {}", stored.kind.as_str(), stored.text), structured })
    }

    fn recall(&self, args: &Arguments<'_>) -> Result<Output, String> {
        args.known()?;
        let query = args.required_string("query")?;
        let k = args.integer("k", 1, 100)?.unwrap_or(10);
        let mut search = Search::text(query).k(k as usize);
        search.filter.user = self.user.clone();
        if let Some(at) = args.string("at")? {
            search.at = Some(crate::memory::time(at).map_err(|e| format!("`at`: {e}"))?);
        }
        if let Some(name) = args.string("kind")? {
            let kind = Kind::parse(name).ok_or_else(|| format!("`kind` is episode, fact or insight, not `{name}`"))?;
            search.filter.kinds = vec![kind];
        }
        let hits = match &self.embedder {
            Some(embedder) => self.memories.search_with(&search, embedder.as_ref()),
            None => self.memories.search(&search),
        }
        .map_err(|e| e.to_string())?;
        let text = match hits.is_empty() {
            true => format!("No memory matches `{query}`."),
            false => hits
                .iter()
                .enumerate()
                .map(|(i, hit)| {
                    let json = hit_json(hit);
                    let date = json["date"].as_str().unwrap_or_default().get(..10).unwrap_or_default().to_owned();
                    format!(
                        "{}. [{date}] {} ({}, score {:.4}, id {})",
                        i + 1,
                        hit.memory.text,
                        hit.memory.kind.as_str(),
                        hit.score,
                        hit.memory.id
                    )
                })
                .collect::<Vec<_>>()
                .join("\n"),
        };
        Ok(Output { text, structured: json!({"memories": hits.iter().map(hit_json).collect::<Vec<_>>()}) })
    }

    fn forget(&self, args: &Arguments<'_>) -> Result<Output, String> {
        args.known()?;
        let id = args.required_string("id")?;
        let memory = self.memories.get(id).map_err(|e| e.to_string())?;
        if self.user.is_some() && memory.scope.user != self.user {
            // Another user's memory is not this server's to forget, nor to reveal.
            return Err(format!("no memory has the id `{id}`"));
        }
        self.memories.forget(id).map_err(|e| e.to_string())?;
        Ok(Output { text: format!("Forgot {id}: {}", memory.text), structured: json!({"id": id, "forgotten": true}) })
    }

    fn list_conversations(&self, args: &Arguments<'_>) -> Result<Output, String> {
        args.known()?;
        let mut filter = ListFilter::default();
        filter.user = self.user.clone();
        filter.limit = args.integer("limit", 1, 1000)?.unwrap_or(50);
        filter.offset = args.integer("offset", 0, u64::MAX)?.unwrap_or(0);
        let found = self.memories.conversations().list(&filter).map_err(|e| e.to_string())?;
        let list: Vec<Value> = found
            .iter()
            .map(|c| {
                json!({
                    "id": c.id, "title": c.title, "messages": c.messages,
                    "created_at": rfc3339(c.created_at), "updated_at": rfc3339(c.updated_at),
                })
            })
            .collect();
        let text = match found.is_empty() {
            true => "No stored conversations.".to_owned(),
            false => found
                .iter()
                .map(|c| {
                    let title = c.title.as_deref().unwrap_or("(untitled)");
                    format!("{}  {}  {} messages  {title}", c.id, rfc3339(c.updated_at), c.messages)
                })
                .collect::<Vec<_>>()
                .join("\n"),
        };
        Ok(Output { text, structured: json!({"conversations": list}) })
    }

    fn read_conversation(&self, args: &Arguments<'_>) -> Result<Output, String> {
        args.known()?;
        let asked = args.required_string("conversation")?;
        let offset = args.integer("offset", 0, u64::MAX)?.unwrap_or(0);
        let limit = args.integer("limit", 1, 1000)?.unwrap_or(100);
        let store = self.memories.conversations();
        let missing = || format!("no stored conversation has the id or title `{asked}`");
        let conversation = match store.find(asked) {
            Ok(conversation) => conversation,
            Err(memor_store::Error::NoConversation { .. }) => return Err(missing()),
            Err(e) => return Err(e.to_string()),
        };
        if self.user.is_some() && conversation.user != self.user {
            return Err(missing());
        }
        let session = store.load(&conversation.id).map_err(|e| e.to_string())?;
        let mut messages = Vec::new();
        let mut text = format!(
            "{} · {} · {} messages",
            conversation.title.as_deref().unwrap_or("(untitled)"),
            conversation.id,
            session.len()
        );
        let shown = session.messages().iter().zip(session.messages_status()).enumerate();
        let skip = usize::try_from(offset).unwrap_or(usize::MAX);
        for (index, (message, enabled)) in shown.skip(skip).take(limit as usize) {
            let (time, model) = match message {
                memor_core::Message::Prompt(p) => (p.date_created(), None),
                memor_core::Message::Response(r) => (r.date_created(), Some(r.model()).filter(|m| !m.is_empty())),
            };
            let time = time.to_chrono().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
            let role = message.role().as_str();
            let mut item =
                json!({"index": index, "role": role, "text": message.message(), "time": time, "masked": !enabled});
            if let Some(model) = model {
                item["model"] = json!(model);
            }
            messages.push(item);
            text.push_str(&format!(
                "\n\n[{index}] {role} · {time}{}\n{}",
                if *enabled { "" } else { " · masked" },
                message.message()
            ));
        }
        if messages.is_empty() && !session.is_empty() {
            text.push_str(&format!("\n\n(no messages from offset {offset})"));
        }
        let structured = json!({
            "id": conversation.id, "title": conversation.title, "total": session.len(), "offset": offset,
            "messages": messages,
        });
        Ok(Output { text, structured })
    }
}

/// A call's arguments, read with messages that name the tool and the argument.
struct Arguments<'a> {
    tool: &'a str,
    map: &'a Map<String, Value>,
    accepted: &'a [&'a str],
}

impl<'a> Arguments<'a> {
    fn new(tool: &'a str, map: &'a Map<String, Value>, accepted: &'a [&'a str]) -> Self {
        Arguments { tool, map, accepted }
    }

    /// An error naming the first argument the tool does not take.
    fn known(&self) -> Result<(), String> {
        match self.map.keys().find(|k| !self.accepted.contains(&k.as_str())) {
            Some(unknown) => {
                Err(format!("{} takes no argument `{unknown}` (it takes {})", self.tool, self.accepted.join(", ")))
            }
            None => Ok(()),
        }
    }

    /// A string argument, `None` when absent or null.
    fn string(&self, name: &str) -> Result<Option<&'a str>, String> {
        match self.map.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(other) => Err(format!("`{name}` is a string, not {}", super::protocol::what(other))),
        }
    }

    /// A string argument that must be there and hold more than spaces.
    fn required_string(&self, name: &str) -> Result<&'a str, String> {
        match self.string(name)? {
            Some(s) if !s.trim().is_empty() => Ok(s),
            Some(_) => Err(format!("`{name}` is empty")),
            None => Err(format!("{} needs `{name}`", self.tool)),
        }
    }

    /// A whole number argument in `min..=max`.
    fn integer(&self, name: &str, min: u64, max: u64) -> Result<Option<u64>, String> {
        match self.map.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Number(n)) => {
                match n.as_u64().or_else(|| n.as_f64().filter(|f| f.fract() == 0.0 && *f >= 0.0).map(|f| f as u64)) {
                    Some(v) if (min..=max).contains(&v) => Ok(Some(v)),
                    _ if max == u64::MAX => Err(format!("`{name}` is a whole number of at least {min}, not {n}")),
                    _ => Err(format!("`{name}` is a whole number from {min} to {max}, not {n}")),
                }
            }
            Some(other) => Err(format!("`{name}` is a number, not {}", super::protocol::what(other))),
        }
    }

    /// A number argument in `min..=max`.
    fn number(&self, name: &str, min: f64, max: f64) -> Result<Option<f64>, String> {
        match self.map.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Number(n)) => match n.as_f64() {
                Some(v) if (min..=max).contains(&v) => Ok(Some(v)),
                _ => Err(format!("`{name}` is a number from {min} to {max}, not {n}")),
            },
            Some(other) => Err(format!("`{name}` is a number, not {}", super::protocol::what(other))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_named_tool_is_defined_in_order_with_object_schemas() {
        let definitions = definitions();
        let names: Vec<&str> = definitions.as_array().unwrap().iter().map(|t| t["name"].as_str().unwrap()).collect();
        assert_eq!(names, NAMES);
        for tool in definitions.as_array().unwrap() {
            assert_eq!(tool["inputSchema"]["type"], "object", "{}", tool["name"]);
            assert_eq!(tool["outputSchema"]["type"], "object", "{}", tool["name"]);
            for required in tool["inputSchema"]["required"].as_array().into_iter().flatten() {
                assert!(tool["inputSchema"]["properties"].get(required.as_str().unwrap()).is_some());
            }
        }
    }

    #[test]
    fn arguments_are_checked_with_messages_naming_them() {
        let map = json!({"k": 0, "query": 5, "offset": 2.0, "x": 1}).as_object().unwrap().clone();
        let args = Arguments::new("recall", &map, &["query", "k", "offset"]);
        assert_eq!(args.known().unwrap_err(), "recall takes no argument `x` (it takes query, k, offset)");
        assert_eq!(args.string("query").unwrap_err(), "`query` is a string, not a number");
        assert_eq!(args.integer("k", 1, 100).unwrap_err(), "`k` is a whole number from 1 to 100, not 0");
        assert_eq!(args.integer("offset", 0, u64::MAX).unwrap(), Some(2));
        assert_eq!(args.required_string("missing").unwrap_err(), "recall needs `missing`");
    }
}
