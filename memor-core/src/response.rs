//! [`Response`]: one candidate answer with its sampling and timing metadata (spec §6).

use serde_json::{Map, Value};

use crate::message::{Base, message_base_methods};
use crate::validate::{optional, positive_number, probability};
use crate::{Number, Result, Role, Timestamp, models};

/// A model's answer, with what produced it.
///
/// ```
/// use memor_core::{Response, models};
/// let r = Response::builder().message("Hi!").temperature(0.7).model(models::GPT_4).build()?;
/// assert_eq!(r.model(), "gpt-4");
/// # Ok::<(), memor_core::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Response {
    pub(crate) base: Base,
    pub(crate) score: Option<Number>,
    pub(crate) temperature: Option<Number>,
    pub(crate) top_k: Option<u64>,
    pub(crate) top_p: Option<Number>,
    pub(crate) inference_time: Option<Number>,
    pub(crate) model: String,
    pub(crate) gpu: Option<String>,
    /// Not memor's: what the provider said beside the text (usage, finish reason, ids). Written
    /// as a trailing `"provider_metadata"` key only when present; Python memor ignores it.
    /// Boxed: rarely present, and inline it would make every message 64 bytes larger.
    pub(crate) provider_metadata: Option<Box<Map<String, Value>>>,
}

impl Default for Response {
    /// memor's `Response()`: empty, assistant role, model `unknown`, dates now.
    fn default() -> Self {
        Response {
            base: Base::new(Role::Assistant),
            score: None,
            temperature: None,
            top_k: None,
            top_p: None,
            inference_time: None,
            model: models::DEFAULT.to_owned(),
            gpu: None,
            provider_metadata: None,
        }
    }
}

impl Response {
    /// A builder that checks values in memor's constructor order.
    pub fn builder() -> ResponseBuilder {
        ResponseBuilder::default()
    }

    message_base_methods!();

    /// Quality score in `0..=1`.
    pub fn score(&self) -> Option<Number> {
        self.score
    }

    /// Sampling temperature (≥ 0).
    pub fn temperature(&self) -> Option<Number> {
        self.temperature
    }

    /// Top-k sampling parameter.
    pub fn top_k(&self) -> Option<u64> {
        self.top_k
    }

    /// Nucleus sampling parameter in `0..=1`.
    pub fn top_p(&self) -> Option<Number> {
        self.top_p
    }

    /// Seconds the model took (≥ 0).
    pub fn inference_time(&self) -> Option<Number> {
        self.inference_time
    }

    /// The model name (`unknown` when not given).
    pub fn model(&self) -> &str {
        &self.model
    }

    /// The hardware it ran on.
    pub fn gpu(&self) -> Option<&str> {
        self.gpu.as_deref()
    }

    /// What the provider reported beside the text (usage, finish reason, ids), if recorded.
    pub fn provider_metadata(&self) -> Option<&Map<String, Value>> {
        self.provider_metadata.as_deref()
    }

    /// Records (or clears) the provider's metadata; marks modified.
    pub fn update_provider_metadata(&mut self, metadata: Option<Map<String, Value>>) {
        self.provider_metadata = metadata.map(Box::new);
        self.base.touch();
    }

    /// Sets the score (`0..=1`); marks modified.
    pub fn update_score(&mut self, score: Option<Number>) -> Result<()> {
        self.score = optional(score, |v| probability("score", v))?;
        self.base.touch();
        Ok(())
    }

    /// Sets the temperature (≥ 0); marks modified.
    pub fn update_temperature(&mut self, temperature: Option<Number>) -> Result<()> {
        self.temperature = optional(temperature, |v| positive_number("temperature", v))?;
        self.base.touch();
        Ok(())
    }

    /// Sets top-k; marks modified.
    pub fn update_top_k(&mut self, top_k: Option<u64>) {
        self.top_k = top_k;
        self.base.touch();
    }

    /// Sets top-p (`0..=1`); marks modified.
    pub fn update_top_p(&mut self, top_p: Option<Number>) -> Result<()> {
        self.top_p = optional(top_p, |v| probability("top_p", v))?;
        self.base.touch();
        Ok(())
    }

    /// Sets the inference time (≥ 0); marks modified.
    pub fn update_inference_time(&mut self, seconds: Option<Number>) -> Result<()> {
        self.inference_time = optional(seconds, |v| positive_number("inference_time", v))?;
        self.base.touch();
        Ok(())
    }

    /// Sets the model name, stored as given (even empty); marks modified.
    pub fn update_model(&mut self, model: impl Into<String>) {
        self.model = model.into();
        self.base.touch();
    }

    /// Sets the hardware name; marks modified.
    pub fn update_gpu(&mut self, gpu: Option<String>) {
        self.gpu = gpu;
        self.base.touch();
    }
}

/// memor's equality: message, score, role, temperature, model, tokens, inference_time, top_k,
/// top_p and gpu; ids, dates and warnings are ignored. Numbers compare numerically. Tool calls,
/// tool results, images and reasoning state (not memor's) compare too; provider metadata does not.
impl PartialEq for Response {
    fn eq(&self, o: &Self) -> bool {
        self.base.message == o.base.message
            && self.score == o.score
            && self.base.role == o.base.role
            && self.temperature == o.temperature
            && self.model == o.model
            && self.base.tokens == o.base.tokens
            && self.inference_time == o.inference_time
            && self.top_k == o.top_k
            && self.top_p == o.top_p
            && self.gpu == o.gpu
            && self.base.parts == o.base.parts
    }
}

/// Builds a [`Response`]; see [`Response::builder`].
#[derive(Clone, Debug, Default)]
#[must_use]
pub struct ResponseBuilder {
    message: Option<String>,
    score: Option<Number>,
    role: Option<Role>,
    temperature: Option<Number>,
    top_k: Option<u64>,
    top_p: Option<Number>,
    tokens: Option<u64>,
    inference_time: Option<Number>,
    model: Option<String>,
    gpu: Option<String>,
    date: Option<Timestamp>,
    tool_calls: Vec<crate::ToolCall>,
    reasoning: Vec<crate::Reasoning>,
}

impl ResponseBuilder {
    /// The text.
    pub fn message(mut self, message: impl Into<String>) -> Self {
        self.message = Some(message.into());
        self
    }

    /// Quality score in `0..=1`.
    pub fn score(mut self, score: impl Into<Number>) -> Self {
        self.score = Some(score.into());
        self
    }

    /// Role (default assistant).
    pub fn role(mut self, role: Role) -> Self {
        self.role = Some(role);
        self
    }

    /// Sampling temperature (≥ 0).
    pub fn temperature(mut self, temperature: impl Into<Number>) -> Self {
        self.temperature = Some(temperature.into());
        self
    }

    /// Top-k.
    pub fn top_k(mut self, top_k: u64) -> Self {
        self.top_k = Some(top_k);
        self
    }

    /// Top-p in `0..=1`.
    pub fn top_p(mut self, top_p: impl Into<Number>) -> Self {
        self.top_p = Some(top_p.into());
        self
    }

    /// Token count.
    pub fn tokens(mut self, tokens: u64) -> Self {
        self.tokens = Some(tokens);
        self
    }

    /// Inference time in seconds (≥ 0).
    pub fn inference_time(mut self, seconds: impl Into<Number>) -> Self {
        self.inference_time = Some(seconds.into());
        self
    }

    /// Model name; an empty name means `unknown`, as in memor's constructor.
    pub fn model(mut self, model: impl Into<String>) -> Self {
        self.model = Some(model.into());
        self
    }

    /// Hardware name.
    pub fn gpu(mut self, gpu: impl Into<String>) -> Self {
        self.gpu = Some(gpu.into());
        self
    }

    /// Creation date (default: now).
    pub fn date(mut self, date: impl Into<Timestamp>) -> Self {
        self.date = Some(date.into());
        self
    }

    /// The tool calls the response asks for (not memor's).
    pub fn tool_calls(mut self, calls: Vec<crate::ToolCall>) -> Self {
        self.tool_calls = calls;
        self
    }

    /// The provider's reasoning state that came with it (not memor's).
    pub fn reasoning(mut self, reasoning: Vec<crate::Reasoning>) -> Self {
        self.reasoning = reasoning;
        self
    }

    /// Checks the values in memor's order and builds the response.
    pub fn build(self) -> Result<Response> {
        let mut r = Response::default();
        if let Some(m) = self.message {
            r.base.message = m;
        }
        r.score = optional(self.score, |v| probability("score", v))?;
        if let Some(role) = self.role {
            r.base.role = role;
        }
        if let Some(model) = self.model.filter(|m| !m.is_empty()) {
            r.model = model;
        }
        r.gpu = self.gpu;
        r.temperature = optional(self.temperature, |v| positive_number("temperature", v))?;
        r.top_k = self.top_k;
        r.top_p = optional(self.top_p, |v| probability("top_p", v))?;
        r.base.tokens = self.tokens;
        r.inference_time = optional(self.inference_time, |v| positive_number("inference_time", v))?;
        if let Some(date) = self.date {
            r.base.date_created = date;
        }
        r.base.parts.tool_calls = self.tool_calls;
        r.base.parts.reasoning = self.reasoning;
        Ok(r)
    }
}
