//! [`TemplateEngine`]: one template language.

use serde_json::{Map, Value};

use crate::EngineError;

/// Renders a template's content with its arguments (a JSON object: `prompt`, `response`,
/// `responses`, then the template's `custom_map` entries).
///
/// memor's engine (`memor`, Python `str.format`) and Tera (`tera`) are built in; third
/// parties add theirs to an [`EngineRegistry`](crate::EngineRegistry) value, or to every
/// [`EngineRegistry::with_plugins`](crate::EngineRegistry::with_plugins) registry with
/// [`register_engine!`](crate::register_engine).
///
/// ```
/// use memor_templates::{EngineError, EngineRegistry, TemplateEngine};
/// use serde_json::{Map, Value, json};
///
/// /// Renders a template as its content in upper case.
/// struct Shout;
///
/// impl TemplateEngine for Shout {
///     fn id(&self) -> &str {
///         "shout"
///     }
///     fn render(&self, content: &str, _args: &Map<String, Value>) -> Result<String, EngineError> {
///         Ok(content.to_uppercase())
///     }
/// }
///
/// let mut registry = EngineRegistry::with_builtins();
/// registry.register(Shout)?;
/// let args = json!({"prompt": {"message": "hi"}});
/// let args = args.as_object().ok_or("not an object")?;
/// assert_eq!(registry.get("shout")?.render("Say {prompt[message]}", args)?, "SAY {PROMPT[MESSAGE]}");
/// assert_eq!(registry.get("memor")?.render("Say {prompt[message]}", args)?, "Say hi");
/// assert!(registry.register(Shout).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub trait TemplateEngine: Send + Sync + 'static {
    /// The engine's id, as a template names it in its `engine` field (`tera`).
    fn id(&self) -> &str;

    /// Renders `content` with `args`.
    fn render(&self, content: &str, args: &Map<String, Value>) -> Result<String, EngineError>;
}
