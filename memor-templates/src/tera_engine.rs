//! [`TeraEngine`]: Tera 1 (<https://keats.github.io/tera/>) as the `tera` engine, sandboxed.

use std::collections::HashMap;

use serde_json::{Map, Value};
use tera::{Context, Tera};

use crate::{EngineError, TemplateEngine};

/// The engine's id.
const ID: &str = "tera";

/// The name the template has inside its Tera instance (Tera's messages quote it).
const NAME: &str = "template";

/// Tera 1 as the `tera` engine.
#[derive(Clone, Copy, Debug, Default)]
pub struct TeraEngine;

impl TemplateEngine for TeraEngine {
    fn id(&self) -> &str {
        ID
    }

    fn render(&self, content: &str, args: &Map<String, Value>) -> Result<String, EngineError> {
        let mut tera = Tera::default();
        tera.autoescape_on(Vec::new());
        for name in REFUSED {
            tera.register_function(name, refuse(name));
        }
        tera.add_raw_template(NAME, content).map_err(template_error)?;
        let context = Context::from_value(Value::Object(args.clone())).map_err(template_error)?;
        tera.render(NAME, &context).map_err(template_error)
    }
}

/// Tera's built-in functions that reach outside the template.
const REFUSED: [&str; 3] = ["get_env", "now", "get_random"];

fn refuse(name: &'static str) -> impl Fn(&HashMap<String, tera::Value>) -> tera::Result<tera::Value> + Send + Sync {
    move |_| Err(tera::Error::msg(format!("`{name}` is not available in memor templates")))
}

/// Tera's error, with its whole chain and the line and column it points at.
fn template_error(error: tera::Error) -> EngineError {
    let mut parts = vec![error.to_string()];
    let mut source = std::error::Error::source(&error);
    while let Some(cause) = source {
        parts.push(cause.to_string());
        source = cause.source();
    }
    EngineError::Template { engine: ID.to_owned(), line: None, column: None, message: parts.join(": ") }
}
