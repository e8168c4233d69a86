//! [`EmbedderRegistry`]: embedder factories by id scheme, and the plugin mechanism.

use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

use crate::{Embedder, Error, Result};

/// Builds an embedder from the part of an id after `scheme:` (a model name, a directory).
pub type EmbedderFactory = Arc<dyn Fn(&str) -> Result<Box<dyn Embedder>> + Send + Sync>;

/// Embedder factories by scheme: [`open`](Self::open) turns an id `scheme:rest` into an
/// embedder (`openai:text-embedding-3-small`, `local:/models/all-MiniLM-L6-v2`). Built-ins
/// are registered explicitly ([`register`](crate::register)); plugins through
/// [`register_embedder!`](crate::register_embedder) (collected by
/// [`with_plugins`](Self::with_plugins)) or with [`register`](Self::register). Schemes are
/// unique: registering one twice is an error.
#[derive(Clone, Default)]
pub struct EmbedderRegistry {
    factories: BTreeMap<String, EmbedderFactory>,
}

impl std::fmt::Debug for EmbedderRegistry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.factories.keys()).finish()
    }
}

impl EmbedderRegistry {
    /// An empty registry.
    pub fn new() -> Self {
        Self::default()
    }

    /// The built-ins (see [`register`](crate::register)).
    pub fn with_builtins() -> Self {
        let mut registry = Self::new();
        // An empty registry has none of the built-in schemes: this cannot fail.
        let _ = crate::register(&mut registry);
        registry
    }

    /// The built-ins plus every embedder linked in through `register_embedder!`.
    pub fn with_plugins() -> Result<Self> {
        let mut registry = Self::with_builtins();
        let mut plugins: Vec<&crate::__private::EmbedderPlugin> =
            inventory::iter::<crate::__private::EmbedderPlugin>.into_iter().collect();
        plugins.sort_by_key(|p| p.scheme);
        for plugin in plugins {
            registry.register(plugin.scheme, plugin.factory)?;
        }
        Ok(registry)
    }

    /// The process-wide registry: built-ins and plugins. If two plugins claim one scheme (or
    /// one claims a built-in's), it holds the built-ins only (see
    /// [`with_plugins`](Self::with_plugins) for the error).
    pub fn global() -> &'static EmbedderRegistry {
        static GLOBAL: OnceLock<EmbedderRegistry> = OnceLock::new();
        GLOBAL.get_or_init(|| Self::with_plugins().unwrap_or_else(|_| Self::with_builtins()))
    }

    /// Adds a factory for ids `scheme:…`; a scheme already registered is an
    /// [`Error::DuplicateScheme`].
    pub fn register(
        &mut self,
        scheme: &str,
        factory: impl Fn(&str) -> Result<Box<dyn Embedder>> + Send + Sync + 'static,
    ) -> Result<()> {
        if scheme.is_empty() || scheme.contains(':') {
            return Err(Error::BadId { id: scheme.to_owned() });
        }
        if self.factories.contains_key(scheme) {
            return Err(Error::DuplicateScheme { scheme: scheme.to_owned() });
        }
        self.factories.insert(scheme.to_owned(), Arc::new(factory));
        Ok(())
    }

    /// The embedder for `id` (`scheme:rest`): the scheme's factory given `rest`. An id
    /// without both parts is an [`Error::BadId`]; an unregistered scheme an
    /// [`Error::UnknownScheme`] naming the known ones.
    pub fn open(&self, id: &str) -> Result<Box<dyn Embedder>> {
        let Some((scheme, rest)) = id.split_once(':').filter(|(s, r)| !s.is_empty() && !r.is_empty()) else {
            return Err(Error::BadId { id: id.to_owned() });
        };
        match self.factories.get(scheme) {
            Some(factory) => factory(rest),
            None => Err(Error::UnknownScheme { id: id.to_owned(), known: self.factories.keys().cloned().collect() }),
        }
    }

    /// The registered schemes, sorted.
    pub fn schemes(&self) -> impl Iterator<Item = &str> {
        self.factories.keys().map(String::as_str)
    }
}
