//! Rendering memor objects: the [`Renderer`] trait and its [`RendererRegistry`], memor's
//! render formats (`string`, `openai`, `ai_studio`, `dictionary`, `items`), search, XML
//! helpers and table export.
//!
//! ```
//! use memor_core::{Prompt, Response};
//! use memor_render::prelude::*;
//!
//! let mut prompt = Prompt::builder().message("Hi").build();
//! prompt.add_response(Response::builder().message("Hello!").build()?);
//! assert_eq!(prompt.render("openai")?.value, serde_json::json!({"role": "user", "content": "Hi"}));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Plugins
//!
//! A crate adds a format by implementing [`Renderer`] and either registering it on a
//! registry value ([`RendererRegistry::register`]) or, to appear in the
//! [global registry](RendererRegistry::global) and in `memor formats`, with
//! [`register_renderer!`]. Because a linker may drop a crate that nothing references
//! (dtolnay/inventory#50), a plugin crate should also export a `register` function that
//! applications can call.

mod context;
mod error;
mod ext;
pub mod formats;
mod message_ref;
mod registry;
mod renderer;
mod search;
pub mod table;
mod warning;
pub mod xml;

pub use context::{Context, template_arguments};
pub use error::{Error, Result};
pub use ext::{RenderExt, SessionRenderExt, XmlUpdateExt};
pub use message_ref::MessageRef;
pub use registry::{Rendered, RenderedJson, RendererRegistry};
pub use renderer::{Renderer, enabled, write_json_str};
pub use search::{Found, SEARCH_BACKTRACK_BUDGET, SearchOptions, search};
pub use warning::{Category, Warning};

/// The extension traits, for `use memor_render::prelude::*`.
pub mod prelude {
    pub use crate::{RenderExt, SessionRenderExt, XmlUpdateExt};
}

/// Registers a [`Renderer`] in the [global registry](RendererRegistry::global) of any binary
/// that links the calling crate.
///
/// ```ignore
/// memor_render::register_renderer!(MyFormat);
/// ```
#[macro_export]
macro_rules! register_renderer {
    ($renderer:expr) => {
        $crate::__private::inventory::submit! {
            $crate::__private::RendererPlugin(|| ::std::boxed::Box::new($renderer))
        }
    };
}

#[doc(hidden)]
pub mod __private {
    pub use inventory;

    /// A renderer contributed by `register_renderer!`.
    pub struct RendererPlugin(pub fn() -> Box<dyn crate::Renderer>);

    inventory::collect!(RendererPlugin);
}
