//! `openai`: memor's `RenderFormat.OPENAI`.

use memor_core::Session;
use serde_json::{Value, json};

use crate::renderer::{enabled, write_json_str};
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

    fn session_json(&self, session: &Session, cx: &mut Context, out: &mut String) -> Result<()> {
        out.push('[');
        for (i, message) in enabled(session).enumerate() {
            cx.check_message_size(message);
            let text = cx.text(message)?;
            if i > 0 {
                out.push(',');
            }
            out.push_str("{\"role\":\"");
            out.push_str(message.role().as_str());
            out.push_str("\",\"content\":");
            write_json_str(out, &text);
            out.push('}');
        }
        out.push(']');
        Ok(())
    }
}
