//! [`ChatOptions`]: the model and sampling settings of one call.

use crate::{ApiKey, Tool, ToolChoice};

/// What to ask for in one call: the model, sampling settings, and optionally where and with
/// which key. `Debug` output never shows the key, nor the base URL's userinfo.
#[derive(Clone, Default, PartialEq)]
pub struct ChatOptions {
    /// The model name, as the provider spells it.
    pub model: String,
    /// Sampling temperature.
    pub temperature: Option<f64>,
    /// Nucleus sampling.
    pub top_p: Option<f64>,
    /// Top-k sampling (not on OpenAI or Mistral).
    pub top_k: Option<u64>,
    /// The most tokens to generate (Anthropic requires one: 1024 when unset).
    pub max_tokens: Option<u64>,
    /// How many candidate replies (`n` on OpenAI and Mistral, `candidateCount` on Gemini).
    pub candidates: Option<u32>,
    /// Replaces the provider's base URL (for example a proxy or a local server).
    pub base_url: Option<String>,
    /// Overrides the provider's key and its environment variable.
    pub api_key: Option<ApiKey>,
    /// Functions the model may call (sent only when there are some).
    pub tools: Vec<Tool>,
    /// Whether the model may or must call a tool (sent only when set; needs tools).
    pub tool_choice: Option<ToolChoice>,
}

impl ChatOptions {
    /// Options for `model`, everything else unset.
    pub fn new(model: impl Into<String>) -> Self {
        ChatOptions { model: model.into(), ..Self::default() }
    }

    /// Sets the temperature.
    #[must_use]
    pub fn temperature(mut self, temperature: f64) -> Self {
        self.temperature = Some(temperature);
        self
    }

    /// Sets top-p.
    #[must_use]
    pub fn top_p(mut self, top_p: f64) -> Self {
        self.top_p = Some(top_p);
        self
    }

    /// Sets top-k.
    #[must_use]
    pub fn top_k(mut self, top_k: u64) -> Self {
        self.top_k = Some(top_k);
        self
    }

    /// Sets the token limit.
    #[must_use]
    pub fn max_tokens(mut self, max_tokens: u64) -> Self {
        self.max_tokens = Some(max_tokens);
        self
    }

    /// Sets the number of candidates.
    #[must_use]
    pub fn candidates(mut self, candidates: u32) -> Self {
        self.candidates = Some(candidates);
        self
    }

    /// Sets the base URL.
    #[must_use]
    pub fn base_url(mut self, base_url: impl Into<String>) -> Self {
        self.base_url = Some(base_url.into());
        self
    }

    /// Sets the API key.
    #[must_use]
    pub fn api_key(mut self, key: impl Into<ApiKey>) -> Self {
        self.api_key = Some(key.into());
        self
    }

    /// Sets the tools the model may call.
    #[must_use]
    pub fn tools(mut self, tools: Vec<Tool>) -> Self {
        self.tools = tools;
        self
    }

    /// Sets whether the model may or must call a tool.
    #[must_use]
    pub fn tool_choice(mut self, choice: ToolChoice) -> Self {
        self.tool_choice = Some(choice);
        self
    }
}

impl std::fmt::Debug for ChatOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ChatOptions")
            .field("model", &self.model)
            .field("temperature", &self.temperature)
            .field("top_p", &self.top_p)
            .field("top_k", &self.top_k)
            .field("max_tokens", &self.max_tokens)
            .field("candidates", &self.candidates)
            .field("base_url", &self.base_url.as_deref().map(crate::http::redact_url))
            .field("api_key", &self.api_key)
            .field("tools", &self.tools)
            .field("tool_choice", &self.tool_choice)
            .finish()
    }
}
