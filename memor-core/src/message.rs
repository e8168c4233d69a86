//! What prompts and responses share (memor's message base, spec §5), and [`Message`].

use serde_json::{Map, Value};

use crate::parts::Parts;
use crate::{Image, Prompt, Response, Role, Timestamp, ToolCall, ToolResult, id};

/// The fields of memor's message base.
#[derive(Clone, Debug)]
pub(crate) struct Base {
    pub(crate) message: String,
    pub(crate) role: Role,
    pub(crate) tokens: Option<u64>,
    pub(crate) id: String,
    /// Boxed, and `None` while empty (as nearly always): inline, an empty map would make
    /// every message 64 bytes larger. Read and written through [`Base::warnings`].
    pub(crate) warnings: Option<Box<Map<String, Value>>>,
    pub(crate) date_created: Timestamp,
    pub(crate) date_modified: Timestamp,
    pub(crate) memor_version: std::borrow::Cow<'static, str>,
    /// Not memor's: tool calls, tool results, images.
    pub(crate) parts: Parts,
}

impl Base {
    pub(crate) fn new(role: Role) -> Self {
        let now = Timestamp::now();
        Base {
            message: String::new(),
            role,
            tokens: None,
            id: id::new_id(),
            warnings: None,
            date_created: now,
            date_modified: now,
            memor_version: crate::MEMOR_VERSION.into(),
            parts: Parts::default(),
        }
    }

    /// The warnings settings (an empty map when there are none).
    pub(crate) fn warnings(&self) -> &Map<String, Value> {
        static EMPTY: std::sync::OnceLock<Map<String, Value>> = std::sync::OnceLock::new();
        self.warnings.as_deref().unwrap_or_else(|| EMPTY.get_or_init(Map::new))
    }

    /// Boxes `map` unless it is empty.
    pub(crate) fn boxed_warnings(map: Map<String, Value>) -> Option<Box<Map<String, Value>>> {
        (!map.is_empty()).then(|| Box::new(map))
    }

    /// memor's "mark modified".
    pub(crate) fn touch(&mut self) {
        self.date_modified = Timestamp::now();
    }

    /// memor's `regenerate_id`: a fresh id different from the current one.
    pub(crate) fn regenerate_id(&mut self) {
        let mut fresh = id::new_id();
        while fresh == self.id {
            fresh = id::new_id();
        }
        self.id = fresh;
    }
}

/// The accessors and setters of memor's message base, for `Prompt` and `Response`.
macro_rules! message_base_methods {
    () => {
        /// The message text.
        pub fn message(&self) -> &str {
            &self.base.message
        }

        /// Who wrote it.
        pub fn role(&self) -> $crate::Role {
            self.base.role
        }

        /// Its token count, if recorded.
        pub fn tokens(&self) -> Option<u64> {
            self.base.tokens
        }

        /// Its id, exactly as given or loaded (memor does not normalise ids).
        pub fn id(&self) -> &str {
            &self.base.id
        }

        /// The warnings settings (`{"size": {"enable": .., "threshold": ..}}`).
        pub fn warnings(&self) -> &serde_json::Map<String, serde_json::Value> {
            self.base.warnings()
        }

        /// When it was created.
        pub fn date_created(&self) -> $crate::Timestamp {
            self.base.date_created
        }

        /// When it was last modified.
        pub fn date_modified(&self) -> $crate::Timestamp {
            self.base.date_modified
        }

        /// The `memor_version` read from a file (always written back as `"1.1"`).
        pub fn memor_version(&self) -> &str {
            &self.base.memor_version
        }

        /// Replaces the text; marks modified.
        pub fn update_message(&mut self, message: impl Into<String>) {
            self.base.message = message.into();
            self.base.touch();
        }

        /// Replaces the role; marks modified.
        pub fn update_role(&mut self, role: $crate::Role) {
            self.base.role = role;
            self.base.touch();
        }

        /// Replaces the token count; marks modified.
        pub fn update_tokens(&mut self, tokens: Option<u64>) {
            self.base.tokens = tokens;
            self.base.touch();
        }

        /// Replaces the id after memor's check; marks modified.
        pub fn update_id(&mut self, id: impl Into<String>) -> $crate::Result<()> {
            let id = id.into();
            if !$crate::id::is_valid_id(&id) {
                return Err($crate::Error::InvalidId);
            }
            self.base.id = id;
            self.base.touch();
            Ok(())
        }

        /// Sets both dates (for reproducible files; memor stamps them with the clock).
        pub fn set_dates(&mut self, created: $crate::Timestamp, modified: $crate::Timestamp) {
            self.base.date_created = created;
            self.base.date_modified = modified;
        }

        /// Enables the size warning at `threshold` bytes; marks modified.
        pub fn set_size_warning(&mut self, threshold: impl Into<$crate::Number>) -> $crate::Result<()> {
            $crate::validate::set_size_warning(
                self.base.warnings.get_or_insert_with(Default::default),
                threshold.into(),
            )?;
            self.base.touch();
            Ok(())
        }

        /// Disables the size warning; marks modified.
        pub fn reset_size_warning(&mut self) {
            $crate::validate::reset_size_warning(self.base.warnings.get_or_insert_with(Default::default));
            self.base.touch();
        }

        /// The tool calls it asks for (not memor's; see [`ToolCall`](crate::ToolCall)).
        pub fn tool_calls(&self) -> &[$crate::ToolCall] {
            &self.base.parts.tool_calls
        }

        /// The tool results it carries (not memor's; see [`ToolResult`](crate::ToolResult)).
        pub fn tool_results(&self) -> &[$crate::ToolResult] {
            &self.base.parts.tool_results
        }

        /// The images it carries (not memor's; see [`Image`](crate::Image)).
        pub fn images(&self) -> &[$crate::Image] {
            &self.base.parts.images
        }

        /// The provider's reasoning state it carries (not memor's; see
        /// [`Reasoning`](crate::Reasoning)).
        pub fn reasoning(&self) -> &[$crate::Reasoning] {
            &self.base.parts.reasoning
        }

        /// Replaces the reasoning state; marks modified.
        pub fn update_reasoning(&mut self, reasoning: Vec<$crate::Reasoning>) {
            self.base.parts.reasoning = reasoning;
            self.base.touch();
        }

        /// Replaces the tool calls; marks modified.
        pub fn update_tool_calls(&mut self, calls: Vec<$crate::ToolCall>) {
            self.base.parts.tool_calls = calls;
            self.base.touch();
        }

        /// Replaces the tool results; marks modified.
        pub fn update_tool_results(&mut self, results: Vec<$crate::ToolResult>) {
            self.base.parts.tool_results = results;
            self.base.touch();
        }

        /// Replaces the images; marks modified.
        pub fn update_images(&mut self, images: Vec<$crate::Image>) {
            self.base.parts.images = images;
            self.base.touch();
        }

        /// Draws a fresh id (does not mark modified, as in memor).
        pub fn regenerate_id(&mut self) {
            self.base.regenerate_id();
        }

        /// memor's `copy()`: a clone with a fresh id.
        pub fn copy(&self) -> Self {
            let mut copy = self.clone();
            copy.base.regenerate_id();
            copy
        }
    };
}
pub(crate) use message_base_methods;

/// A session entry: a [`Prompt`] or a [`Response`].
#[derive(Clone, Debug, PartialEq)]
pub enum Message {
    /// A prompt with its candidate responses.
    Prompt(Prompt),
    /// A response on its own.
    Response(Response),
}

impl Message {
    fn base(&self) -> &Base {
        match self {
            Message::Prompt(p) => &p.base,
            Message::Response(r) => &r.base,
        }
    }

    pub(crate) fn base_mut(&mut self) -> &mut Base {
        match self {
            Message::Prompt(p) => &mut p.base,
            Message::Response(r) => &mut r.base,
        }
    }

    /// The message text.
    pub fn message(&self) -> &str {
        &self.base().message
    }

    /// Who wrote it.
    pub fn role(&self) -> Role {
        self.base().role
    }

    /// Its id.
    pub fn id(&self) -> &str {
        &self.base().id
    }

    /// Its token count, if recorded.
    pub fn tokens(&self) -> Option<u64> {
        self.base().tokens
    }

    /// The tool calls it asks for.
    pub fn tool_calls(&self) -> &[ToolCall] {
        &self.base().parts.tool_calls
    }

    /// The tool results it carries.
    pub fn tool_results(&self) -> &[ToolResult] {
        &self.base().parts.tool_results
    }

    /// The images it carries.
    pub fn images(&self) -> &[Image] {
        &self.base().parts.images
    }

    /// The provider's reasoning state it carries.
    pub fn reasoning(&self) -> &[crate::Reasoning] {
        &self.base().parts.reasoning
    }

    /// The prompt, if this is one.
    pub fn as_prompt(&self) -> Option<&Prompt> {
        match self {
            Message::Prompt(p) => Some(p),
            Message::Response(_) => None,
        }
    }

    /// The response, if this is one.
    pub fn as_response(&self) -> Option<&Response> {
        match self {
            Message::Response(r) => Some(r),
            Message::Prompt(_) => None,
        }
    }

    /// `Prompt` or `Response`, as the `"type"` field says.
    pub fn type_name(&self) -> &'static str {
        match self {
            Message::Prompt(_) => "Prompt",
            Message::Response(_) => "Response",
        }
    }
}

impl From<Prompt> for Message {
    fn from(p: Prompt) -> Self {
        Message::Prompt(p)
    }
}

impl From<Response> for Message {
    fn from(r: Response) -> Self {
        Message::Response(r)
    }
}
