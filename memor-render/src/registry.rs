//! [`RendererRegistry`]: render formats by id, and the plugin mechanism.

use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

use memor_core::{Prompt, Response, Session};
use serde_json::Value;

use crate::formats::{AiStudio, Dictionary, Items, OpenAi, StringFormat};
use crate::{Context, Error, MessageRef, Renderer, Result, Warning};

/// What a render gives: the value, and the warnings memor would have emitted, in order.
#[derive(Clone, Debug, PartialEq)]
pub struct Rendered {
    /// The rendered value (a JSON string for `string`).
    pub value: Value,
    /// memor's warnings, in the order memor emits them.
    pub warnings: Vec<Warning>,
}

/// What a render to JSON text gives: the text, and memor's warnings.
#[derive(Clone, Debug, PartialEq)]
pub struct RenderedJson {
    /// Compact JSON (`serde_json::to_string` of the rendered value).
    pub json: String,
    /// memor's warnings, in order.
    pub warnings: Vec<Warning>,
}

/// Render formats by id. Built-ins are registered explicitly; plugins through
/// [`register_renderer!`](crate::register_renderer) (collected by [`with_plugins`](Self::with_plugins))
/// or with [`register`](Self::register). Ids are unique: registering one twice is an error.
#[derive(Clone, Default)]
pub struct RendererRegistry {
    renderers: BTreeMap<String, Arc<dyn Renderer>>,
}

impl std::fmt::Debug for RendererRegistry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.renderers.keys()).finish()
    }
}

impl RendererRegistry {
    /// An empty registry.
    pub fn new() -> Self {
        Self::default()
    }

    /// memor's formats: `string`, `openai`, `ai_studio`, `dictionary`, `items`.
    pub fn with_builtins() -> Self {
        let mut registry = Self::new();
        let builtins: [Arc<dyn Renderer>; 5] =
            [Arc::new(StringFormat), Arc::new(OpenAi), Arc::new(AiStudio), Arc::new(Dictionary), Arc::new(Items)];
        for renderer in builtins {
            registry.renderers.insert(renderer.id().to_owned(), renderer);
        }
        registry
    }

    /// The built-ins plus every renderer linked in through `register_renderer!`.
    pub fn with_plugins() -> Result<Self> {
        let mut registry = Self::with_builtins();
        for plugin in inventory::iter::<crate::__private::RendererPlugin> {
            registry.register_arc(Arc::from((plugin.0)()))?;
        }
        Ok(registry)
    }

    /// The process-wide registry the extension traits use: built-ins and plugins. If two
    /// plugins claim one id, it holds the built-ins only (see [`with_plugins`](Self::with_plugins)
    /// for the error).
    pub fn global() -> &'static RendererRegistry {
        static GLOBAL: OnceLock<RendererRegistry> = OnceLock::new();
        GLOBAL.get_or_init(|| Self::with_plugins().unwrap_or_else(|_| Self::with_builtins()))
    }

    /// Adds a renderer.
    pub fn register(&mut self, renderer: impl Renderer) -> Result<()> {
        self.register_arc(Arc::new(renderer))
    }

    /// Adds a shared renderer.
    pub fn register_arc(&mut self, renderer: Arc<dyn Renderer>) -> Result<()> {
        let id = renderer.id().to_owned();
        if self.renderers.contains_key(&id) {
            return Err(Error::DuplicateFormat { id });
        }
        self.renderers.insert(id, renderer);
        Ok(())
    }

    /// The renderer registered as `id`.
    pub fn get(&self, id: &str) -> Result<&dyn Renderer> {
        self.renderers
            .get(id)
            .map(|r| &**r)
            .ok_or_else(|| Error::UnknownFormat { id: id.to_owned(), known: self.renderers.keys().cloned().collect() })
    }

    /// The registered ids, sorted.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.renderers.keys().map(String::as_str)
    }

    /// Renders a prompt or response (memor's `render(format, show_warning)`).
    pub fn render_message(&self, message: MessageRef<'_>, format: &str, show_warning: bool) -> Result<Rendered> {
        let renderer = self.get(format)?;
        let mut cx = Context::new(show_warning);
        cx.check_message_size(message);
        match renderer.message(message, &mut cx) {
            Ok(value) => Ok(Rendered { value, warnings: cx.into_warnings() }),
            Err(e) => Err(e.after(cx)),
        }
    }

    /// Renders a prompt.
    pub fn render_prompt(&self, prompt: &Prompt, format: &str, show_warning: bool) -> Result<Rendered> {
        self.render_message(MessageRef::Prompt(prompt), format, show_warning)
    }

    /// Renders a response.
    pub fn render_response(&self, response: &Response, format: &str, show_warning: bool) -> Result<Rendered> {
        self.render_message(MessageRef::Response(response), format, show_warning)
    }

    /// Renders a session straight to JSON text (the same text as serializing
    /// [`render_session`](Self::render_session)'s value), without building the value where the
    /// format can: what a provider adapter sends and what `memor render` prints.
    pub fn render_session_json(&self, session: &Session, format: &str, show_warning: bool) -> Result<RenderedJson> {
        let renderer = self.get(format)?;
        let mut cx = Context::new(show_warning);
        if show_warning {
            cx.check_session_size(session);
        }
        cx.set_show_warning(true);
        let mut json = String::with_capacity(64 * 1024);
        match renderer.session_json(session, &mut cx, &mut json) {
            Ok(()) => Ok(RenderedJson { json, warnings: cx.into_warnings() }),
            Err(e) => Err(e.after(cx)),
        }
    }

    /// Renders a session without counting the render (memor's `enable_counter=False`). The
    /// session's size warning follows `show_warning`; its messages' warnings are always
    /// returned, as memor emits them (spec Q21).
    pub fn render_session(&self, session: &Session, format: &str, show_warning: bool) -> Result<Rendered> {
        let renderer = self.get(format)?;
        let mut cx = Context::new(show_warning);
        if show_warning {
            cx.check_session_size(session);
        }
        cx.set_show_warning(true);
        match renderer.session(session, &mut cx) {
            Ok(value) => Ok(Rendered { value, warnings: cx.into_warnings() }),
            Err(e) => Err(e.after(cx)),
        }
    }
}
