//! [`Counter`]: a [`MessageCounter`] with a cache of counts by content, so that re-fitting a
//! grown session counts only its new messages.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::{Mutex, MutexGuard};

use memor_core::Image;
use memor_providers::Tool;

use crate::{EstimateCounter, Family, Item, MessageCounter, ModelTable, OpenAiCounter, Result};

/// A [`MessageCounter`] and its cache: each message's count is kept under a 64-bit hash of what
/// is counted (role, text, tool calls, tool results, images), so a message is counted once
/// however often the session is fitted, and an edited message is counted again.
pub struct Counter {
    inner: Box<dyn MessageCounter>,
    cache: Mutex<HashMap<u64, usize>>,
}

impl std::fmt::Debug for Counter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Counter").field("id", &self.inner.id()).field("cached", &self.cached()).finish()
    }
}

impl Counter {
    /// Caches `counter`'s counts.
    pub fn new(counter: impl MessageCounter) -> Self {
        Counter { inner: Box::new(counter), cache: Mutex::new(HashMap::new()) }
    }

    /// The counter for `model`: [`OpenAiCounter`] for OpenAI models (those of the table's
    /// [`Family::OpenAi`], and unknown names memor-tokenize counts with an OpenAI encoding),
    /// [`EstimateCounter::best`] for every other.
    pub fn for_model(model: &str, table: &ModelTable) -> Result<Self> {
        let openai = match table.lookup(model) {
            Some(info) => info.family == Family::OpenAi,
            None => memor_tokenize::ModelMap::default().counter_id(model) != "universal",
        };
        Ok(if openai { Counter::new(OpenAiCounter::for_model(model)?) } else { Counter::new(EstimateCounter::best()?) })
    }

    /// The counter's id.
    pub fn id(&self) -> String {
        self.inner.id()
    }

    /// The number of counts in the cache.
    pub fn cached(&self) -> usize {
        self.lock().len()
    }

    /// Empties the cache.
    pub fn clear(&self) {
        self.lock().clear();
    }

    /// `item`'s tokens (from the cache when it was counted before).
    pub fn count(&self, item: &Item<'_>) -> Result<usize> {
        self.memo().count(item)
    }

    /// What every request costs (reply priming, tool definitions); not cached.
    pub fn fixed(&self, tools: &[Tool]) -> Result<usize> {
        self.inner.fixed(tools)
    }

    /// The cache, locked once for many counts.
    pub(crate) fn memo(&self) -> Memo<'_> {
        Memo { counter: &*self.inner, cache: self.lock() }
    }

    fn lock(&self) -> MutexGuard<'_, HashMap<u64, usize>> {
        // A count is written whole or not at all, so a poisoned cache is still a good one.
        self.cache.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// The cache while one fit runs.
pub(crate) struct Memo<'c> {
    counter: &'c dyn MessageCounter,
    cache: MutexGuard<'c, HashMap<u64, usize>>,
}

impl Memo<'_> {
    pub(crate) fn count(&mut self, item: &Item<'_>) -> Result<usize> {
        let key = key(item);
        if let Some(tokens) = self.cache.get(&key) {
            return Ok(*tokens);
        }
        let tokens = self.counter.message(item)?;
        self.cache.insert(key, tokens);
        Ok(tokens)
    }
}

/// The hash of everything `item`'s count depends on.
fn key(item: &Item<'_>) -> u64 {
    let mut h = std::hash::DefaultHasher::new();
    item.role.as_str().hash(&mut h);
    item.text.hash(&mut h);
    for call in item.tool_calls {
        (&call.id, &call.name).hash(&mut h);
        serde_json::Value::Object(call.arguments.clone()).to_string().hash(&mut h);
    }
    0xffu8.hash(&mut h);
    for result in item.tool_results {
        (&result.call_id, &result.name, &result.content, result.is_error).hash(&mut h);
    }
    0xffu8.hash(&mut h);
    for image in item.images {
        match image {
            Image::Url(url) => (0u8, url).hash(&mut h),
            Image::Data { media_type, base64 } => (1u8, media_type, base64).hash(&mut h),
        }
    }
    h.finish()
}
