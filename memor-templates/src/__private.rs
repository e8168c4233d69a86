//! What [`register_engine!`](crate::register_engine) expands to: the plugin type `inventory`
//! collects, and `inventory` itself, so plugin crates need no direct dependency on it. Not
//! part of the public API.

pub use inventory;

/// An engine contributed by [`register_engine!`](crate::register_engine).
pub struct EnginePlugin(pub fn() -> Box<dyn crate::TemplateEngine>);

inventory::collect!(EnginePlugin);

/// Registers a [`TemplateEngine`](crate::TemplateEngine) in
/// [`EngineRegistry::with_plugins`](crate::EngineRegistry::with_plugins) (and so in the
/// [global registry](crate::EngineRegistry::global)) of any binary that links the calling
/// crate. The argument is an expression building the engine; it is evaluated each time a
/// registry is built.
///
/// ```
/// use memor_templates::{EngineError, EngineRegistry, TemplateEngine};
/// use serde_json::{Map, Value};
///
/// /// Renders a template as its content, untouched.
/// struct Verbatim;
///
/// impl TemplateEngine for Verbatim {
///     fn id(&self) -> &str {
///         "verbatim"
///     }
///     fn render(&self, content: &str, _args: &Map<String, Value>) -> Result<String, EngineError> {
///         Ok(content.to_owned())
///     }
/// }
///
/// memor_templates::register_engine!(Verbatim);
///
/// assert_eq!(EngineRegistry::with_plugins()?.ids().collect::<Vec<_>>(), ["memor", "tera", "verbatim"]);
/// assert!(EngineRegistry::with_builtins().get("verbatim").is_err());
/// # Ok::<(), EngineError>(())
/// ```
///
/// A linker may drop a crate that nothing references (dtolnay/inventory#50), so a plugin
/// crate should also export a function that registers its engine on a registry value.
#[macro_export]
macro_rules! register_engine {
    ($engine:expr) => {
        $crate::__private::inventory::submit! {
            $crate::__private::EnginePlugin(|| ::std::boxed::Box::new($engine))
        }
    };
}
