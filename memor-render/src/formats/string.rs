//! `string`: memor's `RenderFormat.STRING`.

use memor_core::Session;
use serde_json::Value;

use crate::renderer::{enabled, write_json_str};
use crate::{Context, MessageRef, Renderer, Result};

/// The message's text; for a session, every enabled message's text followed by `\n`.
#[derive(Clone, Copy, Debug, Default)]
pub struct StringFormat;

impl StringFormat {
    /// A session's text (memor's `content`): each enabled message's text and a newline.
    pub fn session_text(session: &Session, cx: &mut Context) -> Result<String> {
        let mut out = String::new();
        for message in enabled(session) {
            cx.check_message_size(message);
            out.push_str(&cx.text(message)?);
            out.push('\n');
        }
        Ok(out)
    }
}

impl Renderer for StringFormat {
    fn id(&self) -> &str {
        "string"
    }

    fn message(&self, message: MessageRef<'_>, cx: &mut Context) -> Result<Value> {
        cx.text(message).map(|t| Value::String(t.into_owned()))
    }

    fn session(&self, session: &Session, cx: &mut Context) -> Result<Value> {
        Self::session_text(session, cx).map(Value::String)
    }

    fn session_json(&self, session: &Session, cx: &mut Context, out: &mut String) -> Result<()> {
        write_json_str(out, &Self::session_text(session, cx)?);
        Ok(())
    }
}
