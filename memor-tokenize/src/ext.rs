//! Extension traits: `prompt.estimate_tokens(&Estimator::Universal)`,
//! `session.chat_tokens("gpt-4o")`.

use memor_core::{Prompt, Response, Session};
use memor_render::prelude::{RenderExt, SessionRenderExt};

use crate::{ChatCounter, Result, TokenCounter};

/// memor's `estimate_tokens(method)` for prompts, responses and sessions, with any counter.
///
/// ```
/// use memor_core::Response;
/// use memor_tokenize::prelude::*;
/// use memor_tokenize::{CounterRegistry, Estimator};
///
/// let reply = Response::builder().message("Hello, world!").build()?;
/// // memor 1.1: Response(message="Hello, world!").estimate_tokens() == 5
/// assert_eq!(reply.estimate_tokens(&Estimator::Universal)?, 5);
/// let universal = CounterRegistry::global().get("universal")?;
/// assert_eq!(reply.estimate_tokens(universal)?, 5);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub trait EstimateTokensExt {
    /// `counter`'s count of the STRING render (memor's `str()`), as memor's
    /// `estimate_tokens(method)`. A prompt whose template cannot render is an error, as in memor.
    /// The render's warnings are not reported (memor's are `show_warning=False` for messages).
    fn estimate_tokens(&self, counter: &dyn TokenCounter) -> Result<usize>;
}

impl EstimateTokensExt for Prompt {
    fn estimate_tokens(&self, counter: &dyn TokenCounter) -> Result<usize> {
        Ok(counter.count(&RenderExt::text(self)?))
    }
}

impl EstimateTokensExt for Response {
    fn estimate_tokens(&self, counter: &dyn TokenCounter) -> Result<usize> {
        Ok(counter.count(&RenderExt::text(self)?))
    }
}

impl EstimateTokensExt for Session {
    fn estimate_tokens(&self, counter: &dyn TokenCounter) -> Result<usize> {
        Ok(counter.count(&SessionRenderExt::text(self)?))
    }
}

/// The tokens a provider bills for a session as a chat prompt.
///
/// ```
/// use memor_core::{Prompt, Response, Session};
/// use memor_tokenize::prelude::*;
///
/// let mut session = Session::default();
/// session.add_message(Prompt::builder().message("Hi!").build());
/// session.add_message(Response::builder().message("Hello, world!").build()?);
/// // The `openai` render, [{"role": "user", "content": "Hi!"}, {"role": "assistant", …}]:
/// // 3 per message, 3 for the reply, and with o200k_base (tiktoken) "user" 1, "Hi!" 2,
/// // "assistant" 1 and "Hello, world!" 4.
/// # #[cfg(feature = "bpe")]
/// assert_eq!(session.chat_tokens("gpt-4o")?, 3 + 1 + 2 + 3 + 1 + 4 + 3);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub trait ChatTokensExt {
    /// The tokens of the session's enabled messages in the `openai` chat format, counted with
    /// `model`'s counter and chat rule from the default [`ModelMap`](crate::ModelMap) and the
    /// [global registry](crate::CounterRegistry::global). For another map or format, use
    /// [`ChatCounter`].
    fn chat_tokens(&self, model: &str) -> Result<usize>;
}

impl ChatTokensExt for Session {
    fn chat_tokens(&self, model: &str) -> Result<usize> {
        ChatCounter::for_model(model)?.count_session(self, "openai")
    }
}
