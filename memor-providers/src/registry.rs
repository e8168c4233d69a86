//! [`ProviderRegistry`]: providers by id, and the plugin mechanism.

use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

use crate::{Anthropic, Error, Gemini, Mistral, Ollama, OpenAi, OpenAiResponses, Provider, Result};

/// Providers by id. Built-ins are registered explicitly; plugins through
/// [`register_provider!`](crate::register_provider) (collected by
/// [`with_plugins`](Self::with_plugins)) or with [`register`](Self::register). Ids are unique:
/// registering one twice is an error.
#[derive(Clone, Default)]
pub struct ProviderRegistry {
    providers: BTreeMap<String, Arc<dyn Provider>>,
}

impl std::fmt::Debug for ProviderRegistry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.providers.keys()).finish()
    }
}

impl ProviderRegistry {
    /// An empty registry.
    pub fn new() -> Self {
        Self::default()
    }

    /// The built-ins: `anthropic`, `gemini`, `mistral`, `ollama`, `openai`,
    /// `openai_responses` (keys from the environment or the options).
    pub fn with_builtins() -> Self {
        let mut registry = Self::new();
        let builtins: [Arc<dyn Provider>; 6] = [
            Arc::new(OpenAi::new()),
            Arc::new(OpenAiResponses::new()),
            Arc::new(Anthropic::new()),
            Arc::new(Gemini::new()),
            Arc::new(Mistral::new()),
            Arc::new(Ollama::new()),
        ];
        for provider in builtins {
            registry.providers.insert(provider.id().to_owned(), provider);
        }
        registry
    }

    /// The built-ins plus every provider linked in through `register_provider!`.
    pub fn with_plugins() -> Result<Self> {
        let mut registry = Self::with_builtins();
        for plugin in inventory::iter::<crate::__private::ProviderPlugin> {
            registry.register_arc(Arc::from((plugin.0)()))?;
        }
        Ok(registry)
    }

    /// The process-wide registry: built-ins and plugins. If two plugins claim one id, it holds
    /// the built-ins only (see [`with_plugins`](Self::with_plugins) for the error).
    pub fn global() -> &'static ProviderRegistry {
        static GLOBAL: OnceLock<ProviderRegistry> = OnceLock::new();
        GLOBAL.get_or_init(|| Self::with_plugins().unwrap_or_else(|_| Self::with_builtins()))
    }

    /// Adds a provider.
    pub fn register(&mut self, provider: impl Provider) -> Result<()> {
        self.register_arc(Arc::new(provider))
    }

    /// Adds a shared provider.
    pub fn register_arc(&mut self, provider: Arc<dyn Provider>) -> Result<()> {
        let id = provider.id().to_owned();
        if self.providers.contains_key(&id) {
            return Err(Error::DuplicateProvider { id });
        }
        self.providers.insert(id, provider);
        Ok(())
    }

    /// The provider registered as `id`.
    pub fn get(&self, id: &str) -> Result<&dyn Provider> {
        self.providers.get(id).map(|p| &**p).ok_or_else(|| Error::UnknownProvider {
            id: id.to_owned(),
            known: self.providers.keys().cloned().collect(),
        })
    }

    /// The provider registered as `id`, shared.
    pub fn get_arc(&self, id: &str) -> Result<Arc<dyn Provider>> {
        self.providers.get(id).cloned().ok_or_else(|| Error::UnknownProvider {
            id: id.to_owned(),
            known: self.providers.keys().cloned().collect(),
        })
    }

    /// The registered ids, sorted.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.providers.keys().map(String::as_str)
    }
}
