//! Counting a conversation as a provider bills it: [`ChatRule`] (OpenAI's per-message
//! overheads) and [`ChatCounter`] (a counter with a rule).

use std::sync::LazyLock;

use memor_core::Session;
use memor_render::RendererRegistry;
use serde_json::Value;

use crate::{CounterRegistry, Error, ModelMap, Result, TokenCounter};

/// The tokens a chat format adds around its messages' text, after OpenAI's cookbook
/// ("How to count tokens with tiktoken"): every message costs `tokens_per_message` plus its
/// values' tokens (role, content, name), a `name` adds `tokens_per_name`, and the reply is
/// primed with `reply_priming` tokens (`<|start|>assistant<|message|>`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChatRule {
    /// Tokens added for each message.
    pub tokens_per_message: i64,
    /// Tokens added for each message that has a `name`.
    pub tokens_per_name: i64,
    /// Tokens added once, for the reply.
    pub reply_priming: i64,
}

impl ChatRule {
    /// OpenAI's rule for its chat models: 3 per message, 1 per name, 3 for the reply.
    pub const OPENAI: ChatRule = ChatRule { tokens_per_message: 3, tokens_per_name: 1, reply_priming: 3 };

    /// `gpt-3.5-turbo-0301`'s rule: 4 per message (`<|start|>{role/name}\n{content}<|end|>\n`),
    /// −1 per name (a name replaces the role), 3 for the reply.
    pub const GPT_3_5_TURBO_0301: ChatRule = ChatRule { tokens_per_message: 4, tokens_per_name: -1, reply_priming: 3 };

    /// The rule for an OpenAI model: [`GPT_3_5_TURBO_0301`](Self::GPT_3_5_TURBO_0301) for
    /// that snapshot, [`OPENAI`](Self::OPENAI) for every other.
    pub fn openai(model: &str) -> ChatRule {
        if model == "gpt-3.5-turbo-0301" { ChatRule::GPT_3_5_TURBO_0301 } else { ChatRule::OPENAI }
    }
}

/// One chat message: what the rule counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChatMessage<'a> {
    /// `system`, `user`, `assistant`…
    pub role: &'a str,
    /// The message's text.
    pub content: &'a str,
    /// The participant's name, if the message has one.
    pub name: Option<&'a str>,
}

impl<'a> ChatMessage<'a> {
    /// A message without a name.
    pub fn new(role: &'a str, content: &'a str) -> Self {
        ChatMessage { role, content, name: None }
    }

    /// The message with a participant's name.
    pub fn with_name(self, name: &'a str) -> Self {
        ChatMessage { name: Some(name), ..self }
    }
}

/// A token counter with a chat rule: counts a conversation the way the provider bills its
/// prompt.
///
/// ```
/// use memor_tokenize::{ChatCounter, ChatMessage, ChatRule, Estimator};
///
/// let chat = ChatCounter::new(&Estimator::Universal, ChatRule::OPENAI);
/// let messages = [ChatMessage::new("system", "Be brief."), ChatMessage::new("user", "Hi!")];
/// // 3 per message plus its role and content, 3 for the reply: memor's universal estimator
/// // counts "system" 1, "Be brief." 3, "user" 2 and "Hi!" 2.
/// assert_eq!(chat.count(messages), (3 + 1 + 3) + (3 + 2 + 2) + 3);
/// ```
#[derive(Clone, Copy)]
pub struct ChatCounter<'c> {
    counter: &'c dyn TokenCounter,
    rule: ChatRule,
}

impl std::fmt::Debug for ChatCounter<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ChatCounter").field("counter", &self.counter.id()).field("rule", &self.rule).finish()
    }
}

impl<'c> ChatCounter<'c> {
    /// Counts with `counter` and `rule`.
    pub fn new(counter: &'c dyn TokenCounter, rule: ChatRule) -> Self {
        ChatCounter { counter, rule }
    }

    /// The counter and rule the default [`ModelMap`] gives `model`, from the
    /// [global registry](CounterRegistry::global).
    pub fn for_model(model: &str) -> Result<ChatCounter<'static>> {
        static MODELS: LazyLock<ModelMap> = LazyLock::new(ModelMap::default);
        ChatCounter::for_model_in(model, &MODELS, CounterRegistry::global())
    }

    /// The counter and rule `models` gives `model`, from `registry`.
    pub fn for_model_in(model: &str, models: &ModelMap, registry: &'c CounterRegistry) -> Result<Self> {
        Ok(ChatCounter { counter: models.counter(model, registry)?, rule: models.chat_rule(model) })
    }

    /// The counter used for text.
    pub fn counter(&self) -> &'c dyn TokenCounter {
        self.counter
    }

    /// The rule used for the overheads.
    pub fn rule(&self) -> ChatRule {
        self.rule
    }

    /// The tokens of `messages` as a prompt: each message's overhead and values, and the reply
    /// priming.
    pub fn count<'m>(&self, messages: impl IntoIterator<Item = ChatMessage<'m>>) -> usize {
        let mut total = self.rule.reply_priming;
        for message in messages {
            total += self.rule.tokens_per_message + self.tokens(message.role) + self.tokens(message.content);
            if let Some(name) = message.name {
                total += self.tokens(name) + self.rule.tokens_per_name;
            }
        }
        usize::try_from(total).unwrap_or(0)
    }

    /// The tokens of a JSON array of messages (`[{"role": …, "content": …}, …]`, as the
    /// `openai` render gives): each message's overhead, every value's tokens, `tokens_per_name`
    /// for a `name`, and the reply priming. Every value must be a string.
    pub fn count_json(&self, messages: &Value) -> Result<usize> {
        let Value::Array(messages) = messages else {
            return Err(Error::ChatFormat { index: None, message: format!("expected an array, got {messages}") });
        };
        let mut total = self.rule.reply_priming;
        for (index, message) in messages.iter().enumerate() {
            let Value::Object(fields) = message else {
                return Err(Error::ChatFormat { index: Some(index), message: "expected an object".to_owned() });
            };
            total += self.rule.tokens_per_message;
            for (key, value) in fields {
                let Value::String(text) = value else {
                    let message = format!("`{key}` is not a string");
                    return Err(Error::ChatFormat { index: Some(index), message });
                };
                total += self.tokens(text);
                if key == "name" {
                    total += self.rule.tokens_per_name;
                }
            }
        }
        Ok(usize::try_from(total).unwrap_or(0))
    }

    /// The tokens of `session`'s render in `format` (a chat format such as `openai`, rendered
    /// with the [global registry](RendererRegistry::global), its enabled messages only).
    pub fn count_session(&self, session: &Session, format: &str) -> Result<usize> {
        let rendered = RendererRegistry::global().render_session(session, format, false)?;
        self.count_json(&rendered.value)
    }

    fn tokens(&self, text: &str) -> i64 {
        i64::try_from(self.counter.count(text)).unwrap_or(i64::MAX)
    }
}
