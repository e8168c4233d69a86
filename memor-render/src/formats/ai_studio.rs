//! `ai_studio`: memor's `RenderFormat.AI_STUDIO` (Google AI Studio).

use memor_core::Role;
use serde_json::{Value, json};

use crate::{Context, MessageRef, Renderer, Result, Warning};

/// `{"role": "user" | "model" | "system", "parts": [{"text": …}]}`, with memor's warning for
/// the system role.
#[derive(Clone, Copy, Debug, Default)]
pub struct AiStudio;

impl Renderer for AiStudio {
    fn id(&self) -> &str {
        "ai_studio"
    }

    fn message(&self, message: MessageRef<'_>, cx: &mut Context) -> Result<Value> {
        let text = cx.text(message)?;
        let role = match message.role() {
            Role::Assistant => "model",
            Role::System => {
                cx.warn(Warning::ai_studio_system_role());
                "system"
            }
            Role::User => "user",
        };
        Ok(json!({ "role": role, "parts": [{ "text": text }] }))
    }
}
