//! [`MessageCounter`]: what one message costs in a request, and the built-in counters:
//! [`OpenAiCounter`] (exact) and [`EstimateCounter`] (any other provider, with a margin).

use memor_core::{Image, Role, ToolCall, ToolResult};
use memor_providers::Tool;
use memor_tokenize::{ChatRule, TokenCounter};
use serde_json::Value;

use crate::Result;

/// One message as it is counted: its role, its text (memor's STRING render, a prompt through
/// its template) and its parts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Item<'a> {
    /// Who wrote it.
    pub role: Role,
    /// Its text.
    pub text: &'a str,
    /// The tool calls it asks for.
    pub tool_calls: &'a [ToolCall],
    /// The tool results it carries.
    pub tool_results: &'a [ToolResult],
    /// The images it carries.
    pub images: &'a [Image],
}

impl<'a> Item<'a> {
    /// A text-only message.
    pub fn text(role: Role, text: &'a str) -> Self {
        Item { role, text, tool_calls: &[], tool_results: &[], images: &[] }
    }
}

/// What messages cost in a request to one model. A request costs
/// [`fixed`](Self::fixed) plus the sum of its messages' [`message`](Self::message) counts.
///
/// ```
/// use memor_context::{Item, MessageCounter};
/// use memor_core::Role;
///
/// /// One token per byte, two per message.
/// struct Bytes;
///
/// impl MessageCounter for Bytes {
///     fn id(&self) -> String {
///         "bytes".into()
///     }
///     fn message(&self, item: &Item<'_>) -> memor_context::Result<usize> {
///         Ok(2 + item.text.len())
///     }
///     fn fixed(&self, _tools: &[memor_providers::Tool]) -> memor_context::Result<usize> {
///         Ok(0)
///     }
/// }
///
/// assert_eq!(Bytes.message(&Item::text(Role::User, "hello"))?, 7);
/// # Ok::<(), memor_context::Error>(())
/// ```
pub trait MessageCounter: Send + Sync + 'static {
    /// What it counts with (shown in results; `o200k_base+openai`).
    fn id(&self) -> String;

    /// The tokens `item` adds to a request: its text, its parts and its framing.
    fn message(&self, item: &Item<'_>) -> Result<usize>;

    /// The tokens every request costs whatever its messages: the reply priming and the tool
    /// definitions.
    fn fixed(&self, tools: &[Tool]) -> Result<usize>;
}

/// OpenAI's chat models, exactly where OpenAI documents the rule: the text with the model's
/// encoding (`o200k_base`, `cl100k_base`) and the cookbook's per-message overheads
/// ([`ChatRule`]: 3 per message, 3 for the reply). The rest follows the published rules:
///
/// - an assistant turn's tool calls: each call's name and arguments (the JSON text sent) plus
///   1 (tiktoken-rs's `num_tokens_from_messages`); its text is its `content`;
/// - tool results: each is a `tool` message of its own (3, the role, the call id, the content);
/// - images: OpenAI's tile rule for `detail: auto` (85 plus 170 per 512-pixel tile, after
///   fitting into 2048×2048 and scaling the short side to 768); the size is read from PNG,
///   GIF and JPEG data, and an image whose size is unknown (a URL) counts as the largest,
///   8 tiles (1,445);
/// - tool definitions: the cookbook's `num_tokens_for_tools` (GPT-4o constants; GPT-4 and
///   GPT-3.5 use 10 instead of 7 per function).
#[derive(Clone, Copy)]
pub struct OpenAiCounter {
    counter: &'static dyn TokenCounter,
    rule: ChatRule,
    func_init: usize,
}

impl std::fmt::Debug for OpenAiCounter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OpenAiCounter").field("counter", &self.counter.id()).field("rule", &self.rule).finish()
    }
}

impl OpenAiCounter {
    /// The counter for `model`: its encoding from memor-tokenize's default model map.
    pub fn for_model(model: &str) -> Result<Self> {
        let chat = memor_tokenize::ChatCounter::for_model(model)?;
        let old = model.starts_with("gpt-4-") || model == "gpt-4" || model.starts_with("gpt-3.5");
        Ok(OpenAiCounter { counter: chat.counter(), rule: chat.rule(), func_init: if old { 10 } else { 7 } })
    }

    /// A counter with this text counter and rule (GPT-4o's tool constants).
    pub fn new(counter: &'static dyn TokenCounter, rule: ChatRule) -> Self {
        OpenAiCounter { counter, rule, func_init: 7 }
    }

    fn tokens(&self, text: &str) -> usize {
        self.counter.count(text)
    }

    fn per_message(&self, role: &str, content: usize) -> usize {
        let framing = usize::try_from(self.rule.tokens_per_message).unwrap_or(0);
        framing + self.tokens(role) + content
    }
}

impl MessageCounter for OpenAiCounter {
    fn id(&self) -> String {
        format!("{}+openai", self.counter.id())
    }

    fn message(&self, item: &Item<'_>) -> Result<usize> {
        let mut total = 0;
        for result in item.tool_results {
            total += self.per_message("tool", self.tokens(&result.call_id) + self.tokens(&result.content));
        }
        let images: usize = item.images.iter().map(crate::image::openai_tokens).sum();
        let calls: usize = item
            .tool_calls
            .iter()
            .map(|c| self.tokens(&c.name) + self.tokens(&Value::Object(c.arguments.clone()).to_string()) + 1)
            .sum();
        // What `memor-providers` sends: a result-only turn is its `tool` messages alone.
        let has_turn = !item.tool_calls.is_empty() || !item.text.is_empty() || !item.images.is_empty();
        if has_turn || item.tool_results.is_empty() {
            total += self.per_message(item.role.as_str(), self.tokens(item.text) + images + calls);
        }
        Ok(total)
    }

    fn fixed(&self, tools: &[Tool]) -> Result<usize> {
        let priming = usize::try_from(self.rule.reply_priming).unwrap_or(0);
        Ok(priming + crate::tools::openai_tokens(tools, self.func_init, |t| self.tokens(t)))
    }
}

/// Any other provider: the best counter memor-tokenize has (`o200k_base` by default) times a
/// safety margin (1.25 by default: Claude's and Gemini's tokenizers are not public and give up
/// to about a fifth more tokens than `o200k_base` on English prose), plus a framing per
/// message (4 by default). Tool calls count their name and arguments, tool results their
/// call id, name and content, and an image a fixed number of tokens (1,600 by default:
/// Anthropic's largest image; Gemini's is 258 per tile).
#[derive(Clone, Copy)]
pub struct EstimateCounter {
    counter: &'static dyn TokenCounter,
    margin: f64,
    per_message: usize,
    per_image: usize,
    priming: usize,
}

impl std::fmt::Debug for EstimateCounter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EstimateCounter")
            .field("counter", &self.counter.id())
            .field("margin", &self.margin)
            .field("per_message", &self.per_message)
            .field("per_image", &self.per_image)
            .finish()
    }
}

impl EstimateCounter {
    /// The counter `id` from memor-tokenize's global registry, with the default margin (1.25),
    /// framing (4 per message, 3 for the reply) and image cost (1,600).
    pub fn new(id: &str) -> Result<Self> {
        let counter = memor_tokenize::CounterRegistry::global().get(id)?;
        Ok(EstimateCounter { counter, margin: 1.25, per_message: 4, per_image: 1600, priming: 3 })
    }

    /// The best counter memor-tokenize has: `o200k_base` (memor's `universal` estimator
    /// without the `bpe` feature).
    pub fn best() -> Result<Self> {
        EstimateCounter::new("o200k_base").or_else(|_| EstimateCounter::new("universal"))
    }

    /// Multiplies every text's count by `margin` (rounded up).
    #[must_use]
    pub fn margin(mut self, margin: f64) -> Self {
        self.margin = margin;
        self
    }

    /// Adds `tokens` per message.
    #[must_use]
    pub fn per_message(mut self, tokens: usize) -> Self {
        self.per_message = tokens;
        self
    }

    /// Counts each image as `tokens`.
    #[must_use]
    pub fn per_image(mut self, tokens: usize) -> Self {
        self.per_image = tokens;
        self
    }

    fn tokens(&self, text: &str) -> usize {
        let raw = self.counter.count(text);
        if raw == 0 {
            return 0;
        }
        #[allow(clippy::cast_precision_loss, clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let scaled = (raw as f64 * self.margin).ceil() as usize; // counts are far below 2^52
        scaled.max(raw)
    }
}

impl MessageCounter for EstimateCounter {
    fn id(&self) -> String {
        format!("{} with margin {}", self.counter.id(), self.margin)
    }

    fn message(&self, item: &Item<'_>) -> Result<usize> {
        let mut total = self.per_message + self.tokens(item.role.as_str()) + self.tokens(item.text);
        for call in item.tool_calls {
            total += self.per_message + self.tokens(&call.id) + self.tokens(&call.name);
            total += self.tokens(&Value::Object(call.arguments.clone()).to_string());
        }
        for result in item.tool_results {
            total += self.per_message + self.tokens(&result.call_id) + self.tokens(&result.name);
            total += self.tokens(&result.content);
        }
        Ok(total + self.per_image * item.images.len())
    }

    fn fixed(&self, tools: &[Tool]) -> Result<usize> {
        let tools: usize = tools
            .iter()
            .map(|t| {
                self.per_message
                    + self.tokens(&t.name)
                    + self.tokens(&t.description)
                    + self.tokens(&t.parameters.to_string())
            })
            .sum();
        Ok(self.priming + tools)
    }
}
