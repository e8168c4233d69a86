//! [`CounterRegistry`]: token counters by id, and the plugin mechanism.

use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

use crate::{Error, Estimator, Result, TokenCounter};

/// Token counters by id. Built-ins are registered explicitly; plugins through
/// [`register_token_counter!`](crate::register_token_counter) (collected by
/// [`with_plugins`](Self::with_plugins)) or with [`register`](Self::register). Ids are unique:
/// registering one twice is an error.
#[derive(Clone, Default)]
pub struct CounterRegistry {
    counters: BTreeMap<String, Arc<dyn TokenCounter>>,
}

impl std::fmt::Debug for CounterRegistry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.counters.keys()).finish()
    }
}

impl CounterRegistry {
    /// An empty registry.
    pub fn new() -> Self {
        Self::default()
    }

    /// memor's estimators (`universal`, `openai_gpt_3_5`, `openai_gpt_4`) and, with the `bpe`
    /// feature, the exact `cl100k_base` and `o200k_base` counters (built on first use).
    pub fn with_builtins() -> Self {
        let mut registry = Self::new();
        let estimators = Estimator::ALL.map(|e| Arc::new(e) as Arc<dyn TokenCounter>);
        #[cfg(feature = "bpe")]
        let exact = crate::Encoding::ALL.map(|e| Arc::new(e) as Arc<dyn TokenCounter>);
        #[cfg(not(feature = "bpe"))]
        let exact: [Arc<dyn TokenCounter>; 0] = [];
        for counter in estimators.into_iter().chain(exact) {
            registry.counters.insert(counter.id().to_owned(), counter);
        }
        registry
    }

    /// The built-ins plus every counter linked in through `register_token_counter!`.
    pub fn with_plugins() -> Result<Self> {
        let mut registry = Self::with_builtins();
        for plugin in inventory::iter::<crate::__private::CounterPlugin> {
            registry.register_arc(Arc::from((plugin.0)()))?;
        }
        Ok(registry)
    }

    /// The process-wide registry the extension traits use: built-ins and plugins. If two
    /// plugins claim one id, it holds the built-ins only (see [`with_plugins`](Self::with_plugins)
    /// for the error).
    pub fn global() -> &'static CounterRegistry {
        static GLOBAL: OnceLock<CounterRegistry> = OnceLock::new();
        GLOBAL.get_or_init(|| Self::with_plugins().unwrap_or_else(|_| Self::with_builtins()))
    }

    /// Adds a counter.
    pub fn register(&mut self, counter: impl TokenCounter) -> Result<()> {
        self.register_arc(Arc::new(counter))
    }

    /// Adds a shared counter.
    pub fn register_arc(&mut self, counter: Arc<dyn TokenCounter>) -> Result<()> {
        let id = counter.id().to_owned();
        if self.counters.contains_key(&id) {
            return Err(Error::DuplicateCounter { id });
        }
        self.counters.insert(id, counter);
        Ok(())
    }

    /// The counter registered as `id`.
    pub fn get(&self, id: &str) -> Result<&dyn TokenCounter> {
        self.counters
            .get(id)
            .map(|c| &**c)
            .ok_or_else(|| Error::UnknownCounter { id: id.to_owned(), known: self.counters.keys().cloned().collect() })
    }

    /// The registered ids, sorted.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.counters.keys().map(String::as_str)
    }
}
