//! The language model behind consolidation and reflection: the [`Llm`] trait (one call: a
//! prompt's text in, a reply's text out), [`ProviderLlm`] over memor-providers' [`Client`],
//! and the JSON asking every step shares (a malformed or refused reply is asked again once).

use memor_core::{Prompt, Role, Session};
use memor_providers::{ChatOptions, Client, Provider};
use serde_json::Value;

use crate::{Error, Result};

/// The steps that ask a model.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Step {
    /// Which user messages hold information about the user.
    Filter,
    /// Observations (with the time they happened) from the messages kept.
    Extract,
    /// ADD, UPDATE, SUPERSEDE or NONE for an observation against similar memories.
    Decide,
    /// Insights from observations, grouped by theme.
    Reflect,
}

impl Step {
    /// The step's name: `filter`, `extract`, `decide`, `reflect`.
    pub fn as_str(self) -> &'static str {
        match self {
            Step::Filter => "filter",
            Step::Extract => "extract",
            Step::Decide => "decide",
            Step::Reflect => "reflect",
        }
    }
}

/// What a model answered.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Answer {
    /// The reply's text.
    Text(String),
    /// The model refused, with its words.
    Refused(String),
}

/// A model the memory steps ask. Implement it to consolidate with anything; tests script it.
///
/// ```
/// use memor_recall::llm::{Answer, Llm, Step};
///
/// /// Finds nothing worth remembering, ever.
/// struct Forgetful;
///
/// impl Llm for Forgetful {
///     fn id(&self) -> String {
///         "test:forgetful".into()
///     }
///     fn ask(&self, _step: Step, _prompt: &str) -> memor_recall::Result<Answer> {
///         Ok(Answer::Text(r#"{"messages": []}"#.into()))
///     }
/// }
/// assert_eq!(Forgetful.ask(Step::Filter, "…")?, Answer::Text(r#"{"messages": []}"#.into()));
/// # Ok::<(), memor_recall::Error>(())
/// ```
pub trait Llm: Send + Sync {
    /// Who decides, recorded as the actor of every change it makes (`openai:gpt-4o-mini`).
    fn id(&self) -> String;
    /// The answer to `prompt` (a rendered memor template) for `step`. An `Err` (the provider
    /// failed after its retries) ends the batch at once.
    fn ask(&self, step: Step, prompt: &str) -> Result<Answer>;
}

/// An [`Llm`] that asks a provider through a memor-providers [`Client`] (with its retries and
/// timeouts): the prompt goes as one user message after a system message asking for JSON.
pub struct ProviderLlm {
    client: Client,
    provider: std::sync::Arc<dyn Provider>,
    options: ChatOptions,
}

impl std::fmt::Debug for ProviderLlm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ProviderLlm")
            .field("provider", &self.provider.id())
            .field("model", &self.options.model)
            .finish()
    }
}

/// The system message of every step.
const SYSTEM: &str = "You maintain a long-term memory about a user. Reply with one JSON object only, \
with no other text.";

impl ProviderLlm {
    /// Asks `provider` with `options` (the model, base URL, key, sampling).
    pub fn new(client: Client, provider: std::sync::Arc<dyn Provider>, options: ChatOptions) -> Self {
        ProviderLlm { client, provider, options }
    }
}

impl Llm for ProviderLlm {
    fn id(&self) -> String {
        format!("{}:{}", self.provider.id(), self.options.model)
    }

    fn ask(&self, step: Step, prompt: &str) -> Result<Answer> {
        let session = Session::with_messages(
            None,
            vec![
                Prompt::builder().message(SYSTEM).role(Role::System).build().into(),
                Prompt::builder().message(prompt).build().into(),
            ],
        );
        let replies = self
            .client
            .chat(self.provider.as_ref(), &session, &self.options)
            .map_err(|e| Error::Step { step: step.as_str(), reason: e.to_string() })?;
        let Some(reply) = replies.first() else {
            return Err(Error::Step { step: step.as_str(), reason: format!("{} gave no reply", self.id()) });
        };
        let refused = reply.provider_metadata().and_then(|m| m.get("refusal")) == Some(&Value::Bool(true));
        let text = reply.message().to_owned();
        Ok(if refused { Answer::Refused(text) } else { Answer::Text(text) })
    }
}

/// Asks `llm` for a JSON object that `read` accepts; a reply that is not JSON, that `read`
/// rejects, or a refusal is asked once more, then the step fails with the last reason.
pub(crate) fn ask_json<T>(
    llm: &dyn Llm,
    step: Step,
    prompt: &str,
    read: impl Fn(&Value) -> std::result::Result<T, String>,
) -> Result<T> {
    let mut reason = String::new();
    for _ in 0..2 {
        reason = match llm.ask(step, prompt)? {
            Answer::Refused(words) => format!("the model refused: {}", excerpt(&words)),
            Answer::Text(text) => match json_object(&text) {
                Err(why) => why,
                Ok(value) => match read(&value) {
                    Ok(read) => return Ok(read),
                    Err(why) => format!("the reply does not fit the step's schema: {why}"),
                },
            },
        };
    }
    Err(Error::Step { step: step.as_str(), reason: format!("{reason} (asked twice)") })
}

/// The JSON object in a reply: the whole text, or inside a Markdown code fence, or from its
/// first `{` to its last `}`.
fn json_object(text: &str) -> std::result::Result<Value, String> {
    let trimmed = text.trim();
    let fenced = trimmed
        .strip_prefix("```json")
        .or_else(|| trimmed.strip_prefix("```"))
        .and_then(|rest| rest.trim_end().strip_suffix("```"))
        .map(str::trim);
    let body = fenced.unwrap_or(trimmed);
    let attempt = serde_json::from_str::<Value>(body).or_else(|first| match (body.find('{'), body.rfind('}')) {
        (Some(start), Some(end)) if start < end => serde_json::from_str(&body[start..=end]).map_err(|_| first),
        _ => Err(first),
    });
    match attempt {
        Ok(value @ Value::Object(_)) => Ok(value),
        Ok(_) => Err(format!("the reply is JSON but not an object: {}", excerpt(body))),
        Err(e) => Err(format!("the reply is not JSON ({e}): {}", excerpt(body))),
    }
}

/// The start of a text, for an error message.
fn excerpt(text: &str) -> String {
    let mut cut: String = text.chars().take(120).collect();
    if cut.len() < text.len() {
        cut.push('…');
    }
    cut
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_json_object_is_found_bare_fenced_or_inside_words() {
        let want = serde_json::json!({"a": 1});
        assert_eq!(json_object(r#"{"a": 1}"#).unwrap(), want);
        assert_eq!(json_object("```json\n{\"a\": 1}\n```").unwrap(), want);
        assert_eq!(json_object("Here you go: {\"a\": 1} Hope it helps").unwrap(), want);
        assert!(json_object("[1, 2]").unwrap_err().contains("not an object"));
        assert!(json_object("no json here").unwrap_err().contains("not JSON"));
        assert!(json_object("{\"a\": }").unwrap_err().contains("not JSON"));
    }
}
