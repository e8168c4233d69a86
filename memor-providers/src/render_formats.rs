//! The providers' message formats as render formats: `openai_responses`, `anthropic`,
//! `gemini`, `mistral`, `ollama` (`openai` is memor's own), so a session renders for any
//! provider without sending anything.
//!
//! A render is the conversation part of the request the adapter would send (so the two cannot
//! drift apart): `{"system", "messages"}` for Anthropic, `{"systemInstruction", "contents"}`
//! for Gemini, `{"instructions", "input"}` for the Responses API, the `messages` list for
//! Mistral and Ollama. A single message renders as its entry in that list, or as the system
//! field it becomes.

use memor_core::{Message, Session};
use memor_render::{Context, MessageRef, Renderer, RendererRegistry};
use serde_json::{Map, Value};

use crate::{Anthropic, ChatOptions, Gemini, Mistral, Ollama, OpenAiResponses, Provider};

/// One provider's format.
#[derive(Clone, Copy, Debug)]
pub struct ProviderFormat {
    /// The format id, which is also the provider's id.
    pub id: &'static str,
    /// The body keys that hold the conversation, the list one last.
    keys: &'static [&'static str],
    /// The adapter whose request body the render is.
    provider: fn() -> Box<dyn Provider>,
}

fn adapter<P: Provider + Default>() -> Box<dyn Provider> {
    Box::new(P::default())
}

impl ProviderFormat {
    /// Anthropic Messages.
    pub const ANTHROPIC: ProviderFormat =
        ProviderFormat { id: "anthropic", keys: &["system", "messages"], provider: adapter::<Anthropic> };
    /// Gemini `generateContent`.
    pub const GEMINI: ProviderFormat =
        ProviderFormat { id: "gemini", keys: &["systemInstruction", "contents"], provider: adapter::<Gemini> };
    /// Mistral chat completions.
    pub const MISTRAL: ProviderFormat =
        ProviderFormat { id: "mistral", keys: &["messages"], provider: adapter::<Mistral> };
    /// Ollama `/api/chat`.
    pub const OLLAMA: ProviderFormat =
        ProviderFormat { id: "ollama", keys: &["messages"], provider: adapter::<Ollama> };
    /// OpenAI Responses.
    pub const OPENAI_RESPONSES: ProviderFormat = ProviderFormat {
        id: "openai_responses",
        keys: &["instructions", "input"],
        provider: adapter::<OpenAiResponses>,
    };
    /// All five.
    pub const ALL: [ProviderFormat; 5] =
        [Self::ANTHROPIC, Self::GEMINI, Self::MISTRAL, Self::OLLAMA, Self::OPENAI_RESPONSES];

    /// The conversation part of the adapter's request body for `session`.
    fn body(&self, session: &Session) -> memor_render::Result<Map<String, Value>> {
        let failed = |e: crate::Error| memor_render::Error::Custom(Box::new(e));
        let provider = (self.provider)();
        // Rendering sends nothing; a placeholder key satisfies the adapters that need one.
        let options = ChatOptions::new("render").api_key("not-sent");
        let request = provider.request(session, &options).map_err(failed)?;
        let body: Value =
            serde_json::from_slice(&request.body).map_err(|e| memor_render::Error::Custom(Box::new(e)))?;
        let Value::Object(mut body) = body else { return Ok(Map::new()) };
        Ok(self.keys.iter().filter_map(|k| body.remove(*k).map(|v| ((*k).to_owned(), v))).collect())
    }
}

impl Renderer for ProviderFormat {
    fn id(&self) -> &str {
        self.id
    }

    fn message(&self, message: MessageRef<'_>, cx: &mut Context) -> memor_render::Result<Value> {
        cx.text(message)?;
        let owned = match message {
            MessageRef::Prompt(p) => Message::from(p.clone()),
            MessageRef::Response(r) => Message::from(r.clone()),
        };
        let mut body = self.body(&Session::with_messages(None, vec![owned]))?;
        let list = self.keys.last().and_then(|k| body.remove(*k));
        Ok(match list {
            Some(Value::Array(mut items)) if !items.is_empty() => items.swap_remove(0),
            _ => Value::Object(body),
        })
    }

    fn session(&self, session: &Session, cx: &mut Context) -> memor_render::Result<Value> {
        for message in memor_render::enabled(session) {
            cx.check_message_size(message);
            cx.text(message)?;
        }
        let mut body = self.body(session)?;
        if let [list] = self.keys {
            return Ok(body.remove(*list).unwrap_or(Value::Array(Vec::new())));
        }
        Ok(Value::Object(body))
    }
}

memor_render::register_renderer!(ProviderFormat::ANTHROPIC);
memor_render::register_renderer!(ProviderFormat::GEMINI);
memor_render::register_renderer!(ProviderFormat::MISTRAL);
memor_render::register_renderer!(ProviderFormat::OLLAMA);
memor_render::register_renderer!(ProviderFormat::OPENAI_RESPONSES);

/// Adds the five provider formats to a registry value (the global registry gets them through
/// the plugin macro in any binary that links this crate).
pub fn register_formats(registry: &mut RendererRegistry) -> memor_render::Result<()> {
    ProviderFormat::ALL.into_iter().try_for_each(|format| registry.register(format))
}
