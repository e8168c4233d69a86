//! `items`: memor's `RenderFormat.ITEMS`.

use memor_core::Session;
use serde_json::Value;

use super::Dictionary;
use crate::{Context, MessageRef, Renderer, Result};

/// The `dictionary` render as a list of `[key, value]` pairs.
#[derive(Clone, Copy, Debug, Default)]
pub struct Items;

fn pairs(value: Value) -> Value {
    match value {
        Value::Object(map) => {
            Value::Array(map.into_iter().map(|(k, v)| Value::Array(vec![Value::String(k), v])).collect())
        }
        other => other,
    }
}

impl Renderer for Items {
    fn id(&self) -> &str {
        "items"
    }

    fn message(&self, message: MessageRef<'_>, cx: &mut Context) -> Result<Value> {
        Dictionary.message(message, cx).map(pairs)
    }

    fn session(&self, session: &Session, cx: &mut Context) -> Result<Value> {
        Dictionary.session(session, cx).map(pairs)
    }
}
