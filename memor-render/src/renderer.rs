//! [`Renderer`]: one render format.

use memor_core::Session;
use serde_json::Value;

use crate::{Context, MessageRef, Result};

/// A render format: what a prompt, a response or a session becomes for some consumer.
///
/// memor's formats (`string`, `openai`, `ai_studio`, `dictionary`, `items`) are built in;
/// provider formats and third parties add theirs to a [`RendererRegistry`](crate::RendererRegistry).
///
/// ```
/// use memor_render::{Context, MessageRef, Renderer, RendererRegistry, Result};
/// use serde_json::{Value, json};
///
/// /// Renders a message as `ROLE: text`.
/// struct Transcript;
///
/// impl Renderer for Transcript {
///     fn id(&self) -> &str {
///         "transcript"
///     }
///     fn message(&self, message: MessageRef<'_>, cx: &mut Context) -> Result<Value> {
///         Ok(json!(format!("{}: {}", message.role().as_str().to_uppercase(), cx.text(message)?)))
///     }
/// }
///
/// let mut registry = RendererRegistry::with_builtins();
/// registry.register(Transcript)?;
/// let reply = memor_core::Response::builder().message("hi").build()?;
/// let rendered = registry.render_response(&reply, "transcript", true)?;
/// assert_eq!(rendered.value, json!("ASSISTANT: hi"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub trait Renderer: Send + Sync + 'static {
    /// The format's id, as users name it (`openai`).
    fn id(&self) -> &str;

    /// Renders one prompt or response.
    fn message(&self, message: MessageRef<'_>, cx: &mut Context) -> Result<Value>;

    /// Renders a session; by default an array of its enabled messages' renders, in order.
    fn session(&self, session: &Session, cx: &mut Context) -> Result<Value> {
        let mut out = Vec::new();
        for message in enabled(session) {
            cx.check_message_size(message);
            out.push(self.message(message, cx)?);
        }
        Ok(Value::Array(out))
    }

    /// Writes the session's render as compact JSON text: exactly `serde_json::to_string` of
    /// [`session`](Self::session)'s value, which is the default. A format can write it directly,
    /// without building the value (the built-ins do), for callers that send or print the text.
    fn session_json(&self, session: &Session, cx: &mut Context, out: &mut String) -> Result<()> {
        out.push_str(&self.session(session, cx)?.to_string());
        Ok(())
    }
}

/// Appends `text` as a JSON string (standard JSON escaping, as `serde_json` writes it).
pub use memor_core::json::push_json_str as write_json_str;

/// A session's enabled messages, in order.
pub fn enabled(session: &Session) -> impl Iterator<Item = MessageRef<'_>> {
    session.iter().zip(session.messages_status()).filter(|(_, on)| **on).map(|(m, _)| MessageRef::from(m))
}
