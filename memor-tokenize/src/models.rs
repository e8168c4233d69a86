//! [`ModelMap`]: which counter and which chat rule a model's name calls for.

use std::collections::BTreeMap;

use crate::{ChatRule, CounterRegistry, Result, TokenCounter};

/// OpenAI's models by exact name, as tiktoken 0.14 maps them (`o200k_harmony`, gpt-oss's
/// encoding, is `o200k_base` with more special tokens, so it counts plain text the same).
const EXACT: [(&str, Family); 15] = [
    ("o1", Family::O200k),
    ("o3", Family::O200k),
    ("o4-mini", Family::O200k),
    ("gpt-5", Family::O200k),
    ("gpt-4.1", Family::O200k),
    ("gpt-4o", Family::O200k),
    ("gpt-4", Family::Cl100k),
    ("gpt-3.5-turbo", Family::Cl100k35),
    ("gpt-3.5", Family::Cl100k35),
    ("gpt-35-turbo", Family::Cl100k35),
    ("davinci-002", Family::Cl100k),
    ("babbage-002", Family::Cl100k),
    ("text-embedding-ada-002", Family::Cl100k),
    ("text-embedding-3-small", Family::Cl100k),
    ("text-embedding-3-large", Family::Cl100k),
];

/// OpenAI's models by prefix, as tiktoken 0.14 maps them, plus memor's spellings of the
/// reasoning models (`gpt-o1`, `gpt-o3-mini`, `gpt-o4-mini`…).
const PREFIXES: [(&str, Family); 15] = [
    ("o1-", Family::O200k),
    ("o3-", Family::O200k),
    ("o4-mini-", Family::O200k),
    ("gpt-5", Family::O200k),
    ("gpt-4.5-", Family::O200k),
    ("gpt-4.1-", Family::O200k),
    ("chatgpt-4o-", Family::O200k),
    ("gpt-4o-", Family::O200k),
    ("gpt-4-", Family::Cl100k),
    ("gpt-3.5-turbo-", Family::Cl100k35),
    ("gpt-35-turbo-", Family::Cl100k35),
    ("gpt-oss-", Family::O200k),
    ("gpt-o1", Family::O200k),
    ("gpt-o3", Family::O200k),
    ("gpt-o4", Family::O200k),
];

/// A group of models that share a counter.
#[derive(Clone, Copy)]
enum Family {
    O200k,
    Cl100k,
    /// GPT-3.5: `cl100k_base`, or memor's GPT-3.5 estimator without the `bpe` feature.
    Cl100k35,
}

impl Family {
    /// The counter: exact with the `bpe` feature, else memor's OpenAI estimator for the model.
    fn counter_id(self) -> &'static str {
        #[cfg(feature = "bpe")]
        match self {
            Family::O200k => "o200k_base",
            Family::Cl100k | Family::Cl100k35 => "cl100k_base",
        }
        #[cfg(not(feature = "bpe"))]
        match self {
            Family::O200k | Family::Cl100k => "openai_gpt_4",
            Family::Cl100k35 => "openai_gpt_3_5",
        }
    }
}

/// Which counter and which chat rule a model's name calls for.
///
/// The [default](ModelMap::default) follows tiktoken: `gpt-4o`, `gpt-4.1`, `gpt-4.5`, `gpt-5`,
/// `o1`, `o3`, `o4-mini` and `gpt-oss` (and memor's `gpt-o1`… spellings) count with
/// `o200k_base`; `gpt-4`, `gpt-3.5-turbo` and OpenAI's embedding models with `cl100k_base`;
/// a fine-tuned `ft:BASE:…` like its base. Without the `bpe` feature, these use memor's
/// `openai_gpt_4` estimator (`openai_gpt_3_5` for GPT-3.5). Every other model (Claude,
/// Gemini, Llama… whose tokenizers are not public or not built in) falls back to memor's
/// `universal` estimator, memor's default. Every entry can be overridden.
///
/// A name is looked up exactly, then by its longest matching prefix, then falls back.
///
/// ```
/// use memor_tokenize::{CounterRegistry, ModelMap};
///
/// let mut models = ModelMap::default();
/// assert_eq!(models.counter_id("claude-3.5-sonnet"), "universal");
/// models.set_prefix("claude-", "openai_gpt_4");
/// assert_eq!(models.counter_id("claude-3.5-sonnet"), "openai_gpt_4");
/// let counter = models.counter("claude-3.5-sonnet", CounterRegistry::global())?;
/// assert_eq!(counter.id(), "openai_gpt_4");
/// # Ok::<(), memor_tokenize::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct ModelMap {
    exact: BTreeMap<String, String>,
    prefixes: BTreeMap<String, String>,
    rules: BTreeMap<String, ChatRule>,
    fallback: String,
}

impl Default for ModelMap {
    fn default() -> Self {
        let owned = |(name, family): &(&str, Family)| ((*name).to_owned(), family.counter_id().to_owned());
        ModelMap {
            exact: EXACT.iter().map(owned).collect(),
            prefixes: PREFIXES.iter().map(owned).collect(),
            rules: BTreeMap::new(),
            fallback: crate::Estimator::Universal.id().to_owned(),
        }
    }
}

impl ModelMap {
    /// A map with no entries: every model gets `fallback`.
    pub fn empty(fallback: impl Into<String>) -> Self {
        ModelMap {
            exact: BTreeMap::new(),
            prefixes: BTreeMap::new(),
            rules: BTreeMap::new(),
            fallback: fallback.into(),
        }
    }

    /// The id of the counter for `model`.
    pub fn counter_id(&self, model: &str) -> &str {
        if let Some(id) = self.exact.get(model) {
            return id;
        }
        let prefix = self
            .prefixes
            .iter()
            .filter(|(prefix, _)| model.starts_with(prefix.as_str()))
            .max_by_key(|(prefix, _)| prefix.len());
        if let Some((_, id)) = prefix {
            return id;
        }
        match fine_tuned_base(model) {
            Some(base) => self.counter_id(base),
            None => &self.fallback,
        }
    }

    /// The counter for `model`, from `registry`.
    pub fn counter<'r>(&self, model: &str, registry: &'r CounterRegistry) -> Result<&'r dyn TokenCounter> {
        registry.get(self.counter_id(model))
    }

    /// The chat rule for `model`: one set with [`set_chat_rule`](Self::set_chat_rule), else
    /// [`ChatRule::openai`].
    pub fn chat_rule(&self, model: &str) -> ChatRule {
        self.rules.get(model).copied().unwrap_or_else(|| ChatRule::openai(model))
    }

    /// Counts `model` with the counter `counter_id` (an exact name; takes precedence over
    /// prefixes).
    pub fn set(&mut self, model: impl Into<String>, counter_id: impl Into<String>) -> &mut Self {
        self.exact.insert(model.into(), counter_id.into());
        self
    }

    /// Counts every model whose name starts with `prefix` with `counter_id` (the longest
    /// matching prefix wins).
    pub fn set_prefix(&mut self, prefix: impl Into<String>, counter_id: impl Into<String>) -> &mut Self {
        self.prefixes.insert(prefix.into(), counter_id.into());
        self
    }

    /// Counts models that match no entry with `counter_id`.
    pub fn set_fallback(&mut self, counter_id: impl Into<String>) -> &mut Self {
        self.fallback = counter_id.into();
        self
    }

    /// Uses `rule` for chats with `model` (an exact name).
    pub fn set_chat_rule(&mut self, model: impl Into<String>, rule: ChatRule) -> &mut Self {
        self.rules.insert(model.into(), rule);
        self
    }
}

/// `ft:gpt-4o-mini:org::id` → `gpt-4o-mini`.
fn fine_tuned_base(model: &str) -> Option<&str> {
    let rest = model.strip_prefix("ft:")?;
    rest.split(':').next()
}
