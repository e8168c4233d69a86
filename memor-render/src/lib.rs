//! Rendering memor objects: the `Renderer` trait and its registry, memor's render formats
//! (`string`, `openai`, `ai_studio`, `dictionary`, `items`), search, XML helpers and table
//! export.

pub mod xml;
