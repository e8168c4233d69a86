//! Extension traits: `prompt.render("openai")` and friends, through the global registry.

use memor_core::{Prompt, Response, Session};

use crate::{Found, MessageRef, Rendered, RendererRegistry, Result, SearchOptions};

/// Rendering a prompt or a response with the [global registry](RendererRegistry::global).
pub trait RenderExt {
    /// memor's `render(format)`: the value and memor's warnings.
    fn render(&self, format: &str) -> Result<Rendered>;

    /// memor's `render(format, show_warning=False)`.
    fn render_quiet(&self, format: &str) -> Result<Rendered>;

    /// memor's `str()`: the STRING render (for a prompt, an error if its template cannot render).
    fn text(&self) -> Result<String>;

    /// memor's `check_render()`: whether the STRING render succeeds.
    fn check_render(&self) -> bool {
        self.text().is_ok()
    }

    /// memor's `len()`: the STRING render's length in characters, 0 if it fails.
    fn len(&self) -> usize {
        self.text().map_or(0, |t| t.chars().count())
    }

    /// Whether [`len`](Self::len) is 0.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// memor's `contains_xml(verify)` on the STRING render (a prompt's render error is returned).
    fn contains_xml(&self, verify: bool) -> Result<bool> {
        self.text().map(|t| crate::xml::contains_xml(&t, verify))
    }

    /// memor's `xml_tree` of the STRING render.
    fn xml_tree(&self) -> Result<serde_json::Value> {
        Ok(crate::xml::xml_tree(&self.text()?)?)
    }

    /// memor's `repr()`: `Prompt(message=…)` / `Response(message=…)`.
    fn repr(&self) -> String;
}

fn text_of(rendered: Rendered) -> String {
    match rendered.value {
        serde_json::Value::String(s) => s,
        other => other.to_string(),
    }
}

macro_rules! render_ext {
    ($ty:ty) => {
        impl RenderExt for $ty {
            fn render(&self, format: &str) -> Result<Rendered> {
                RendererRegistry::global().render_message(MessageRef::from(self), format, true)
            }

            fn render_quiet(&self, format: &str) -> Result<Rendered> {
                RendererRegistry::global().render_message(MessageRef::from(self), format, false)
            }

            fn text(&self) -> Result<String> {
                self.render_quiet("string").map(text_of)
            }

            fn repr(&self) -> String {
                format!("{}(message={})", stringify!($ty), self.message())
            }
        }
    };
}
render_ext!(Prompt);
render_ext!(Response);

/// Rendering a session with the [global registry](RendererRegistry::global).
pub trait SessionRenderExt {
    /// memor's `render(format)`: counted (the counter goes up after a successful render).
    fn render(&mut self, format: &str) -> Result<Rendered>;

    /// memor's `render(format, enable_counter=False, show_warning=…)`: not counted.
    fn render_uncounted(&self, format: &str, show_warning: bool) -> Result<Rendered>;

    /// memor's `str(session)`: the STRING render, not counted.
    fn text(&self) -> Result<String> {
        self.render_uncounted("string", false).map(text_of)
    }

    /// memor's `check_render()`.
    fn check_render(&self) -> bool {
        self.text().is_ok()
    }

    /// memor's `repr()`: `Session(title=…)`.
    fn repr(&self) -> String;

    /// memor's `search(query, use_regex, case_sensitive)`.
    fn search(&self, query: &str, options: SearchOptions) -> Result<Found>;
}

impl SessionRenderExt for Session {
    fn repr(&self) -> String {
        format!("Session(title={})", self.title().unwrap_or("None"))
    }

    fn search(&self, query: &str, options: SearchOptions) -> Result<Found> {
        crate::search(self, query, options)
    }

    fn render(&mut self, format: &str) -> Result<Rendered> {
        let rendered = RendererRegistry::global().render_session(self, format, true)?;
        self.increment_render_counter();
        Ok(rendered)
    }

    fn render_uncounted(&self, format: &str, show_warning: bool) -> Result<Rendered> {
        RendererRegistry::global().render_session(self, format, show_warning)
    }
}

/// memor's `update_message_from_xml(tree)` for prompts and responses: the message becomes the
/// XML text the tree describes (marks modified).
pub trait XmlUpdateExt {
    /// Replaces the message with the tree's XML text.
    fn update_message_from_xml(&mut self, tree: &serde_json::Value) -> Result<()>;
}

macro_rules! xml_update_ext {
    ($ty:ty) => {
        impl XmlUpdateExt for $ty {
            fn update_message_from_xml(&mut self, tree: &serde_json::Value) -> Result<()> {
                let message = crate::xml::message_from_tree(tree)?;
                self.update_message(message);
                Ok(())
            }
        }
    };
}
xml_update_ext!(Prompt);
xml_update_ext!(Response);
