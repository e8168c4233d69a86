//! [`PromptTemplate`]: the text a prompt is rendered through (spec §9).

use chrono::NaiveDate;
use serde_json::{Map, Value};

use crate::Timestamp;

/// The id of memor's own template engine (Python `str.format`).
pub const MEMOR_ENGINE: &str = "memor";

/// A template: `content` with `{placeholders}` and a `custom_map` of extra values.
///
/// `custom_map` values keep their JSON kinds (int, float, bool, null, list, object), which
/// rendering prints the way Python would.
#[derive(Clone, Debug)]
pub struct PromptTemplate {
    pub(crate) title: Option<String>,
    pub(crate) content: Option<String>,
    pub(crate) custom_map: Option<Map<String, Value>>,
    pub(crate) date_created: Timestamp,
    pub(crate) date_modified: Timestamp,
    pub(crate) memor_version: std::borrow::Cow<'static, str>,
    /// The template engine's id; `None` is memor's own `str.format` engine.
    pub(crate) engine: Option<String>,
}

impl Default for PromptTemplate {
    /// memor's `PromptTemplate()`: no title, content or custom map; dates now.
    fn default() -> Self {
        let now = Timestamp::now();
        PromptTemplate {
            title: None,
            content: None,
            custom_map: None,
            date_created: now,
            date_modified: now,
            memor_version: crate::MEMOR_VERSION.into(),
            engine: None,
        }
    }
}

impl PromptTemplate {
    /// A template with this content and an empty custom map.
    pub fn new(content: impl Into<String>) -> Self {
        PromptTemplate { content: Some(content.into()), custom_map: Some(Map::new()), ..Self::default() }
    }

    /// memor's default template, `PresetPromptTemplate.BASIC.PROMPT`
    /// (`{instruction}{prompt[message]}`), dated `2025-06-01 12:00:00 +0000` (DECISIONS D20).
    pub fn basic_prompt() -> Self {
        let mut custom_map = Map::new();
        custom_map.insert("instruction".into(), Value::String(String::new()));
        let date = NaiveDate::from_ymd_opt(2025, 6, 1)
            .and_then(|d| d.and_hms_opt(12, 0, 0))
            .and_then(|t| Timestamp::from_parts(t, 0))
            .unwrap_or_else(Timestamp::now);
        PromptTemplate {
            title: Some("Basic/Prompt".into()),
            content: Some("{instruction}{prompt[message]}".into()),
            custom_map: Some(custom_map),
            date_created: date,
            date_modified: date,
            memor_version: crate::MEMOR_VERSION.into(),
            engine: None,
        }
    }

    /// Sets the title (builder style).
    #[must_use]
    pub fn with_title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// Sets the custom map (builder style).
    #[must_use]
    pub fn with_custom_map(mut self, custom_map: Map<String, Value>) -> Self {
        self.custom_map = Some(custom_map);
        self
    }

    /// Renders with another template engine than memor's (`"tera"`); builder style.
    #[must_use]
    pub fn with_engine(mut self, engine: impl Into<String>) -> Self {
        self.engine = Some(engine.into()).filter(|e| e != MEMOR_ENGINE);
        self
    }

    /// The id of the engine that renders it: [`MEMOR_ENGINE`] unless another was chosen.
    ///
    /// Only another engine is written to the file (as a trailing `"engine"` key, which Python
    /// memor ignores), so templates of memor's engine keep memor's bytes.
    pub fn engine(&self) -> &str {
        self.engine.as_deref().unwrap_or(MEMOR_ENGINE)
    }

    /// The title.
    pub fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }

    /// The template text.
    pub fn content(&self) -> Option<&str> {
        self.content.as_deref()
    }

    /// The extra placeholder values.
    pub fn custom_map(&self) -> Option<&Map<String, Value>> {
        self.custom_map.as_ref()
    }

    /// When it was created.
    pub fn date_created(&self) -> Timestamp {
        self.date_created
    }

    /// When it was last modified.
    pub fn date_modified(&self) -> Timestamp {
        self.date_modified
    }

    /// The `memor_version` read from a file (always written back as `"1.1"`).
    pub fn memor_version(&self) -> &str {
        &self.memor_version
    }

    /// Sets both dates (for reproducible files).
    pub fn set_dates(&mut self, created: Timestamp, modified: Timestamp) {
        self.date_created = created;
        self.date_modified = modified;
    }

    /// Replaces the title; marks modified.
    pub fn update_title(&mut self, title: Option<String>) {
        self.title = title;
        self.date_modified = Timestamp::now();
    }

    /// Replaces the content; marks modified.
    pub fn update_content(&mut self, content: Option<String>) {
        self.content = content;
        self.date_modified = Timestamp::now();
    }

    /// Replaces the custom map; marks modified.
    pub fn update_map(&mut self, custom_map: Option<Map<String, Value>>) {
        self.custom_map = custom_map;
        self.date_modified = Timestamp::now();
    }
}

/// memor's equality: content, title and custom map (and the engine); dates are ignored.
impl PartialEq for PromptTemplate {
    fn eq(&self, o: &Self) -> bool {
        self.content == o.content && self.title == o.title && self.custom_map == o.custom_map && self.engine == o.engine
    }
}
