//! [`ModelTable`]: each model's context window, maximum output and provider family.

use std::collections::BTreeMap;

/// Who serves a model: decides the counter and whether a conversation must start with a user
/// turn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Family {
    /// OpenAI: exact BPE counts and OpenAI's chat overheads; any turn may come first.
    OpenAi,
    /// Anthropic: the first message must be a user turn.
    Anthropic,
    /// Google Gemini: the first content must be a user turn.
    Gemini,
    /// Mistral: after the system messages, a user turn (or tool results) must come first.
    Mistral,
    /// A local model served by Ollama (or any other server): no ordering rule.
    Local,
}

impl Family {
    /// Whether the provider refuses a conversation whose first non-system turn is not a user's.
    pub fn user_first(self) -> bool {
        matches!(self, Family::Anthropic | Family::Gemini | Family::Mistral)
    }
}

/// What the table knows of a model.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ModelInfo {
    /// The context window in tokens: request and reply together.
    pub window: usize,
    /// The most tokens one reply may have.
    pub max_output: usize,
    /// Who serves it.
    pub family: Family,
}

impl ModelInfo {
    /// The default reply reserve: the maximum output, at most 4,096 tokens and at most a quarter
    /// of the window.
    pub fn default_reserve(&self) -> usize {
        self.max_output.min(4096).min(self.window / 4)
    }
}

const fn info(window: usize, max_output: usize, family: Family) -> ModelInfo {
    ModelInfo { window, max_output, family }
}

use Family::{Anthropic, Gemini, Local, Mistral, OpenAi};

/// The built-in entries, matched by longest prefix (the providers' documented limits as of
/// late 2025; dated snapshots such as `gpt-4o-2024-08-06` match their family's prefix).
const BUILT_IN: &[(&str, ModelInfo)] = &[
    // OpenAI
    ("gpt-5", info(400_000, 128_000, OpenAi)),
    ("gpt-4.1", info(1_047_576, 32_768, OpenAi)),
    ("gpt-4.5", info(128_000, 16_384, OpenAi)),
    ("gpt-4o", info(128_000, 16_384, OpenAi)),
    ("chatgpt-4o", info(128_000, 16_384, OpenAi)),
    ("gpt-4-turbo", info(128_000, 4_096, OpenAi)),
    ("gpt-4", info(8_192, 8_192, OpenAi)),
    ("gpt-3.5-turbo", info(16_385, 4_096, OpenAi)),
    ("o1", info(200_000, 100_000, OpenAi)),
    ("o1-mini", info(128_000, 65_536, OpenAi)),
    ("o3", info(200_000, 100_000, OpenAi)),
    ("o4-mini", info(200_000, 100_000, OpenAi)),
    ("gpt-oss", info(131_072, 131_072, OpenAi)),
    // Anthropic
    ("claude-opus-4", info(200_000, 32_000, Anthropic)),
    ("claude-sonnet-4", info(200_000, 64_000, Anthropic)),
    ("claude-haiku-4", info(200_000, 64_000, Anthropic)),
    ("claude-3-7-sonnet", info(200_000, 64_000, Anthropic)),
    ("claude-3-5-sonnet", info(200_000, 8_192, Anthropic)),
    ("claude-3-5-haiku", info(200_000, 8_192, Anthropic)),
    ("claude-3-opus", info(200_000, 4_096, Anthropic)),
    ("claude-3-haiku", info(200_000, 4_096, Anthropic)),
    ("claude", info(200_000, 4_096, Anthropic)),
    // Gemini
    ("gemini-2.5-pro", info(1_048_576, 65_536, Gemini)),
    ("gemini-2.5-flash", info(1_048_576, 65_536, Gemini)),
    ("gemini-2.0-flash", info(1_048_576, 8_192, Gemini)),
    ("gemini-1.5-pro", info(2_097_152, 8_192, Gemini)),
    ("gemini-1.5-flash", info(1_048_576, 8_192, Gemini)),
    // Mistral (no separate output limit: the window)
    ("mistral-large", info(131_072, 131_072, Mistral)),
    ("mistral-medium", info(131_072, 131_072, Mistral)),
    ("mistral-small", info(131_072, 131_072, Mistral)),
    ("magistral", info(40_000, 40_000, Mistral)),
    ("codestral", info(256_000, 256_000, Mistral)),
    ("open-mistral-nemo", info(131_072, 131_072, Mistral)),
    ("ministral", info(131_072, 131_072, Mistral)),
    ("pixtral", info(131_072, 131_072, Mistral)),
    // Ollama's usual models (the model's own window; Ollama's `num_ctx` may be set lower)
    ("llama3.3", info(131_072, 131_072, Local)),
    ("llama3.2", info(131_072, 131_072, Local)),
    ("llama3.1", info(131_072, 131_072, Local)),
    ("llama3", info(8_192, 8_192, Local)),
    ("gemma3", info(131_072, 8_192, Local)),
    ("gemma2", info(8_192, 8_192, Local)),
    ("qwen3", info(40_960, 40_960, Local)),
    ("qwen2.5", info(32_768, 8_192, Local)),
    ("mistral", info(32_768, 32_768, Local)),
    ("phi4", info(16_384, 16_384, Local)),
    ("phi3", info(4_096, 4_096, Local)),
    ("deepseek-r1", info(131_072, 131_072, Local)),
];

/// Each model's window, maximum output and [`Family`], looked up by exact name, then by the
/// longest matching prefix (`gpt-4o-mini-2024-07-18` is a `gpt-4o`). An OpenAI fine-tune
/// `ft:BASE:…` is its base. The built-in entries cover OpenAI's GPT-4o, GPT-4.1, GPT-5 and
/// o-series, Claude, Gemini, Mistral and the usual Ollama models; any entry can be replaced
/// and more added.
///
/// ```
/// use memor_context::{Family, ModelInfo, ModelTable};
///
/// let mut table = ModelTable::default();
/// assert_eq!(table.get("gpt-4o-mini")?.window, 128_000);
/// assert_eq!(table.get("claude-sonnet-4-5")?.family, Family::Anthropic);
/// assert!(table.get("my-model").is_err());
/// table.insert("my-model", ModelInfo { window: 32_768, max_output: 4_096, family: Family::Local });
/// assert_eq!(table.get("my-model:7b")?.window, 32_768);
/// # Ok::<(), memor_context::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct ModelTable {
    entries: BTreeMap<String, ModelInfo>,
}

impl Default for ModelTable {
    fn default() -> Self {
        ModelTable { entries: BUILT_IN.iter().map(|(name, info)| ((*name).to_owned(), *info)).collect() }
    }
}

impl ModelTable {
    /// A table with no entries.
    pub fn empty() -> Self {
        ModelTable { entries: BTreeMap::new() }
    }

    /// Adds or replaces the entry for `name` (a model name or a prefix of model names).
    pub fn insert(&mut self, name: impl Into<String>, info: ModelInfo) -> &mut Self {
        self.entries.insert(name.into(), info);
        self
    }

    /// What the table knows of `model`, or [`Error::UnknownModel`](crate::Error::UnknownModel).
    pub fn get(&self, model: &str) -> crate::Result<ModelInfo> {
        self.lookup(model).ok_or_else(|| crate::Error::UnknownModel { model: model.to_owned() })
    }

    /// What the table knows of `model`, if anything.
    pub fn lookup(&self, model: &str) -> Option<ModelInfo> {
        let model = fine_tuned_base(model).unwrap_or(model);
        let model = model.strip_prefix("models/").unwrap_or(model);
        if let Some(info) = self.entries.get(model) {
            return Some(*info);
        }
        self.entries
            .iter()
            .filter(|(prefix, _)| model.starts_with(prefix.as_str()))
            .max_by_key(|(prefix, _)| prefix.len())
            .map(|(_, info)| *info)
    }

    /// The entries, sorted by name.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &ModelInfo)> {
        self.entries.iter().map(|(name, info)| (name.as_str(), info))
    }
}

/// `ft:gpt-4o-mini:org::id` → `gpt-4o-mini`.
fn fine_tuned_base(model: &str) -> Option<&str> {
    model.strip_prefix("ft:")?.split(':').next()
}
