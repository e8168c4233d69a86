//! Summary memory: the messages that fall out of the window, summarized by a [`Summarizer`]
//! into a system message placed first; [`prepare`] is the whole step before a request.

use memor_core::{Message, Prompt, PromptTemplate, Response, Role, Session};
use memor_providers::{ChatOptions, Client, Provider};
use serde_json::{Map, Value, json};

use crate::{Counter, Error, Fit, Item, Policy, Result, fit};

/// The key of a summary's provider metadata: `{"memor_summary": {"covers": [ids…]}}`.
pub const SUMMARY_KEY: &str = "memor_summary";

/// The default prompt of [`ProviderSummarizer`], a memor template: `{previous}` is the earlier
/// summary (with a heading) or nothing, `{prompt[message]}` the messages to summarize, one
/// `role: text` paragraph each.
pub const SUMMARY_TEMPLATE: &str = "Summarize the conversation below for the assistant that continues it. \
Keep every fact, name, number, decision and open question; write plain notes without a preamble.\n\n\
{previous}{prompt[message]}";

/// Writes the summary of messages that no longer fit.
///
/// ```
/// use memor_context::{Item, Summarizer};
///
/// /// Keeps the first word of every message.
/// struct FirstWords;
///
/// impl Summarizer for FirstWords {
///     fn summarize(&self, previous: Option<&str>, messages: &[Item<'_>]) -> memor_context::Result<String> {
///         let words = messages.iter().filter_map(|m| m.text.split_whitespace().next());
///         Ok(previous.into_iter().chain(words).collect::<Vec<_>>().join(" "))
///     }
/// }
///
/// let messages = [Item::text(memor_core::Role::User, "Hello there")];
/// assert_eq!(FirstWords.summarize(Some("Earlier:"), &messages)?, "Earlier: Hello");
/// # Ok::<(), memor_context::Error>(())
/// ```
pub trait Summarizer {
    /// A summary of `messages` (oldest first) that builds on `previous`, the summary of the
    /// messages before them, if there is one.
    fn summarize(&self, previous: Option<&str>, messages: &[Item<'_>]) -> Result<String>;

    /// The tokens to keep free for the summary when choosing what to summarize.
    fn reserve(&self) -> usize {
        1024
    }
}

/// A [`Summarizer`] that asks a provider through a memor-providers [`Client`], with a prompt
/// from a memor template ([`SUMMARY_TEMPLATE`] unless replaced).
pub struct ProviderSummarizer<'p> {
    client: Client,
    provider: &'p dyn Provider,
    options: ChatOptions,
    template: String,
}

impl std::fmt::Debug for ProviderSummarizer<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ProviderSummarizer")
            .field("provider", &self.provider.id())
            .field("model", &self.options.model)
            .finish_non_exhaustive()
    }
}

impl<'p> ProviderSummarizer<'p> {
    /// Summaries from `provider` with `options` (the model, and the summary's token limit as
    /// its `max_tokens`, 1,024 when unset).
    pub fn new(client: Client, provider: &'p dyn Provider, options: ChatOptions) -> Self {
        ProviderSummarizer { client, provider, options, template: SUMMARY_TEMPLATE.to_owned() }
    }

    /// Uses this memor template instead of [`SUMMARY_TEMPLATE`] (the same two fields).
    #[must_use]
    pub fn template(mut self, content: impl Into<String>) -> Self {
        self.template = content.into();
        self
    }

    /// The one-prompt session that asks for the summary.
    pub fn request(&self, previous: Option<&str>, messages: &[Item<'_>]) -> Session {
        let mut map = Map::new();
        let previous = previous.map_or_else(String::new, |p| format!("Summary so far:\n{p}\n\nNew messages:\n\n"));
        map.insert("previous".to_owned(), Value::String(previous));
        let template = PromptTemplate::new(self.template.as_str()).with_custom_map(map);
        let prompt = Prompt::builder().message(transcript(messages)).template(template).build();
        Session::with_messages(None, vec![prompt.into()])
    }
}

impl Summarizer for ProviderSummarizer<'_> {
    fn summarize(&self, previous: Option<&str>, messages: &[Item<'_>]) -> Result<String> {
        let replies = self.client.chat(self.provider, &self.request(previous, messages), &self.options)?;
        match replies.first().map(|r| r.message().trim()) {
            Some(text) if !text.is_empty() => Ok(text.to_owned()),
            _ => Err(Error::Custom(format!("{}: the summary came back empty", self.provider.id()).into())),
        }
    }

    fn reserve(&self) -> usize {
        self.options.max_tokens.and_then(|n| usize::try_from(n).ok()).unwrap_or(1024)
    }
}

/// The messages as `role: text` paragraphs, tool calls and results written out.
fn transcript(messages: &[Item<'_>]) -> String {
    let mut out = String::new();
    for m in messages {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(m.role.as_str());
        out.push_str(": ");
        out.push_str(m.text);
        for call in m.tool_calls {
            out.push_str(&format!("\n(called {} with {})", call.name, Value::Object(call.arguments.clone())));
        }
        for result in m.tool_results {
            out.push_str(&format!("\n(result of {}: {})", result.name, result.content));
        }
        if !m.images.is_empty() {
            out.push_str(&format!("\n({} image(s))", m.images.len()));
        }
    }
    out
}

/// Whether `message` is a summary made by [`prepare`].
pub fn is_summary(message: &Message) -> bool {
    summary_metadata(message).is_some()
}

/// The ids of the messages a summary covers (none for any other message).
pub fn covered_ids(message: &Message) -> Vec<String> {
    summary_metadata(message)
        .and_then(|m| m.get("covers"))
        .and_then(Value::as_array)
        .map(|ids| ids.iter().filter_map(Value::as_str).map(str::to_owned).collect())
        .unwrap_or_default()
}

fn summary_metadata(message: &Message) -> Option<&Value> {
    message.as_response()?.provider_metadata()?.get(SUMMARY_KEY)
}

/// What to send and what to keep after [`prepare`].
#[derive(Clone, Debug)]
pub struct Prepared {
    /// The session as it should be saved: unchanged, or with the new summary first and the
    /// messages it covers (and the summary it replaces) masked.
    pub session: Session,
    /// The fit of [`session`](Self::session).
    pub fit: Fit<'static>,
    /// The session to send: the kept messages of [`session`](Self::session).
    pub request: Session,
    /// Whether a new summary was made.
    pub summarized: bool,
    /// What the caller should know: the fit's warnings, and a summary that failed.
    pub warnings: Vec<String>,
}

/// Fits `session` for the next request; with a `summarizer`, the messages that fall out are
/// summarized first.
///
/// Without a summarizer, or when everything fits, this is [`fit`]. Otherwise the session is
/// fitted with [`Summarizer::reserve`] more tokens kept back, the messages that fall out are
/// summarized (building on the newest earlier summary), and the summary becomes a system
/// message (a [`Response`] whose provider metadata `memor_summary.covers` lists the ids of
/// every message it covers, earlier summaries' included) inserted first; the covered messages
/// and the earlier summary are masked, never deleted. The new session is then fitted again.
/// If the summarizer fails, the result is the plain fit and the failure a warning.
pub fn prepare(
    session: &Session,
    policy: &Policy,
    counter: &Counter,
    summarizer: Option<&dyn Summarizer>,
) -> Result<Prepared> {
    let plain = fit(session, policy, counter)?;
    let summarizer = match summarizer {
        Some(s) if !plain.dropped.is_empty() => s,
        _ => return Ok(done(session.clone(), plain, false, Vec::new())),
    };
    let roomy = policy.clone().reserve(policy.reserve.saturating_add(summarizer.reserve()));
    let chosen = match fit(session, &roomy, counter) {
        Ok(chosen) => chosen,
        Err(_) => plain.clone(),
    };
    match summarize(session, &chosen, summarizer).and_then(|next| Ok((fit(&next, policy, counter)?.into_owned(), next)))
    {
        Ok((fitted, next)) => Ok(done(next, fitted, true, Vec::new())),
        Err(e) => {
            let warning = format!("the summary failed ({e}); the request is trimmed without one");
            Ok(done(session.clone(), plain, false, vec![warning]))
        }
    }
}

fn done(session: Session, fit: Fit<'_>, summarized: bool, mut warnings: Vec<String>) -> Prepared {
    let fit = fit.into_owned();
    warnings.splice(0..0, fit.warnings.iter().cloned());
    let request = fit.request(&session);
    Prepared { session, fit, request, summarized, warnings }
}

/// The session with `chosen`'s dropped messages summarized.
fn summarize(session: &Session, chosen: &Fit<'_>, summarizer: &dyn Summarizer) -> Result<Session> {
    let enabled = session.messages_status();
    let previous = session.iter().enumerate().find(|(i, m)| enabled.get(*i).copied().unwrap_or(false) && is_summary(m));
    let texts: Vec<std::borrow::Cow<'_, str>> = chosen
        .dropped
        .iter()
        .map(|e| session.get_message(e.index).map_or(Ok(std::borrow::Cow::Borrowed("")), crate::fit::text))
        .collect::<Result<_>>()?;
    let items: Vec<Item<'_>> = chosen
        .dropped
        .iter()
        .zip(&texts)
        .filter_map(|(e, text)| {
            let m = session.get_message(e.index)?;
            Some(Item {
                role: m.role(),
                text,
                tool_calls: m.tool_calls(),
                tool_results: m.tool_results(),
                images: m.images(),
            })
        })
        .collect();
    let text = summarizer.summarize(previous.map(|(_, m)| m.message()), &items)?;

    let mut covers: Vec<Value> =
        previous.map(|(_, m)| covered_ids(m)).unwrap_or_default().into_iter().map(Value::String).collect();
    covers.extend(chosen.dropped.iter().map(|e| Value::String(e.id.clone().into_owned())));
    let mut summary =
        Response::builder().message(text).role(Role::System).build().map_err(|e| Error::Custom(Box::new(e)))?;
    let mut metadata = Map::new();
    metadata.insert(SUMMARY_KEY.to_owned(), json!({"covers": covers}));
    summary.update_provider_metadata(Some(metadata));

    let mut next = session.clone();
    for index in chosen.dropped.iter().map(|e| e.index).chain(previous.map(|(i, _)| i)) {
        next.mask_message(index).map_err(|e| Error::Custom(Box::new(e)))?;
    }
    next.insert_message(0, summary, true).map_err(|e| Error::Custom(Box::new(e)))?;
    Ok(next)
}
