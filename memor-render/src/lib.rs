//! Rendering memor objects: the `Renderer` trait and its registry, memor's render formats
//! (`string`, `openai`, `ai_studio`, `dictionary`, `items`), search, XML helpers and table
//! export. Not built yet: this crate will own all of it (see the rendering issue).
