//! `dictionary`: memor's `RenderFormat.DICTIONARY`.

use memor_core::{Document, Session};
use serde_json::Value;

use super::StringFormat;
use crate::{Context, MessageRef, Renderer, Result};

/// memor's `to_dict()` as JSON (dates as memor's date strings, roles as their values, nested
/// messages and templates as their memor JSON), plus `content` (the text) for prompts and
/// sessions; a response has no `content`, as in memor (spec Q19).
#[derive(Clone, Copy, Debug, Default)]
pub struct Dictionary;

impl Renderer for Dictionary {
    fn id(&self) -> &str {
        "dictionary"
    }

    fn message(&self, message: MessageRef<'_>, cx: &mut Context) -> Result<Value> {
        let mut value = message.to_value();
        if let (MessageRef::Prompt(_), Value::Object(map)) = (message, &mut value) {
            map.insert("content".into(), Value::String(cx.text(message)?.into_owned()));
        }
        Ok(value)
    }

    fn session(&self, session: &Session, cx: &mut Context) -> Result<Value> {
        let mut value = session.to_value();
        let content = StringFormat::session_text(session, cx)?;
        if let Value::Object(map) = &mut value {
            map.insert("content".into(), Value::String(content));
        }
        Ok(value)
    }
}
