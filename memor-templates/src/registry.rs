//! [`EngineRegistry`]: template engines by id, and the plugin mechanism.

use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

use crate::{EngineError, MemorEngine, TemplateEngine};

/// Template engines by id. Built-ins are registered explicitly; plugins through
/// [`register_engine!`](crate::register_engine) (collected by
/// [`with_plugins`](Self::with_plugins)) or with [`register`](Self::register). Ids are
/// unique: registering one twice is an error, never "last one wins".
#[derive(Clone, Default)]
pub struct EngineRegistry {
    engines: BTreeMap<String, Arc<dyn TemplateEngine>>,
}

impl std::fmt::Debug for EngineRegistry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.engines.keys()).finish()
    }
}

impl EngineRegistry {
    /// An empty registry.
    pub fn new() -> Self {
        Self::default()
    }

    /// The built-in engines: `memor` ([`MemorEngine`]) and, with the `tera` feature, `tera`
    /// ([`TeraEngine`](crate::TeraEngine)).
    pub fn with_builtins() -> Self {
        let mut registry = Self::new();
        let builtins: Vec<Arc<dyn TemplateEngine>> = vec![
            Arc::new(MemorEngine),
            #[cfg(feature = "tera")]
            Arc::new(crate::TeraEngine),
        ];
        for engine in builtins {
            registry.engines.insert(engine.id().to_owned(), engine);
        }
        registry
    }

    /// The built-ins plus every engine linked in through
    /// [`register_engine!`](crate::register_engine). Two engines with one id are an error.
    pub fn with_plugins() -> Result<Self, EngineError> {
        let mut registry = Self::with_builtins();
        for plugin in inventory::iter::<crate::__private::EnginePlugin> {
            registry.register_arc(Arc::from((plugin.0)()))?;
        }
        Ok(registry)
    }

    /// A process-wide registry: built-ins and plugins, built on first use. If two plugins
    /// claim one id, it holds the built-ins only (see [`with_plugins`](Self::with_plugins)
    /// for the error).
    pub fn global() -> &'static EngineRegistry {
        static GLOBAL: OnceLock<EngineRegistry> = OnceLock::new();
        GLOBAL.get_or_init(|| Self::with_plugins().unwrap_or_else(|_| Self::with_builtins()))
    }

    /// Adds an engine; an error if its id is taken.
    pub fn register(&mut self, engine: impl TemplateEngine) -> Result<(), EngineError> {
        self.register_arc(Arc::new(engine))
    }

    /// Adds a shared engine; an error if its id is taken.
    pub fn register_arc(&mut self, engine: Arc<dyn TemplateEngine>) -> Result<(), EngineError> {
        let id = engine.id().to_owned();
        if self.engines.contains_key(&id) {
            return Err(EngineError::DuplicateEngine { id });
        }
        self.engines.insert(id, engine);
        Ok(())
    }

    /// The engine registered as `id`; the error lists the registered ids.
    pub fn get(&self, id: &str) -> Result<&dyn TemplateEngine, EngineError> {
        self.engines.get(id).map(|engine| &**engine).ok_or_else(|| EngineError::UnknownEngine {
            id: id.to_owned(),
            known: self.engines.keys().cloned().collect(),
        })
    }

    /// The registered ids, sorted.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.engines.keys().map(String::as_str)
    }
}
