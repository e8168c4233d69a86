//! [`MemorEngine`]: memor's own engine, Python `str.format`, as a [`TemplateEngine`].

use serde_json::{Map, Value};

use crate::{EngineError, TemplateEngine};

/// memor 1.1's engine: `content.format(**args)`, that is [`format`](crate::format). Its id is
/// [`memor_core::MEMOR_ENGINE`] (`memor`), the engine of every template that names none.
#[derive(Clone, Copy, Debug, Default)]
pub struct MemorEngine;

impl TemplateEngine for MemorEngine {
    fn id(&self) -> &str {
        memor_core::MEMOR_ENGINE
    }

    fn render(&self, content: &str, args: &Map<String, Value>) -> Result<String, EngineError> {
        Ok(crate::format(content, args)?)
    }
}
