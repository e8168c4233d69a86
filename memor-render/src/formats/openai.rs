//! `openai`: memor's `RenderFormat.OPENAI`.

use serde_json::{Value, json};

use crate::{Context, MessageRef, Renderer, Result};

/// `{"role": …, "content": …}`; a session is the list of its enabled messages.
#[derive(Clone, Copy, Debug, Default)]
pub struct OpenAi;

impl Renderer for OpenAi {
    fn id(&self) -> &str {
        "openai"
    }

    fn message(&self, message: MessageRef<'_>, cx: &mut Context) -> Result<Value> {
        Ok(json!({ "role": message.role().as_str(), "content": cx.text(message)? }))
    }
}
