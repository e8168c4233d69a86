//! An example of a third-party render format: `markdown`, a transcript with the role in bold;
//! and of a third-party provider: [`completion::LlamaCppCompletion`].
//!
//! It registers itself with [`memor_render::register_renderer!`], so any binary that links
//! this crate has it in [`RendererRegistry::global`](memor_render::RendererRegistry::global)
//! (the `memor-with-plugin` binary here is the `memor` command plus this format). Because a
//! linker may drop a crate that nothing references, it also offers [`register`] for explicit
//! registration on a registry value.

pub mod completion;

use memor_core::Session;
use memor_render::{Context, MessageRef, Renderer, RendererRegistry, Result, enabled};
use serde_json::Value;

/// `**user**: text` for a message; the enabled messages, one per paragraph, for a session.
#[derive(Clone, Copy, Debug, Default)]
pub struct Markdown;

impl Renderer for Markdown {
    fn id(&self) -> &str {
        "markdown"
    }

    fn message(&self, message: MessageRef<'_>, cx: &mut Context) -> Result<Value> {
        Ok(Value::String(format!("**{}**: {}", message.role(), cx.text(message)?)))
    }

    fn session(&self, session: &Session, cx: &mut Context) -> Result<Value> {
        let mut paragraphs = Vec::new();
        for message in enabled(session) {
            cx.check_message_size(message);
            if let Value::String(text) = self.message(message, cx)? {
                paragraphs.push(text);
            }
        }
        Ok(Value::String(paragraphs.join("\n\n")))
    }
}

memor_render::register_renderer!(Markdown);

/// Adds the format to a registry value.
pub fn register(registry: &mut RendererRegistry) -> Result<()> {
    registry.register(Markdown)
}
