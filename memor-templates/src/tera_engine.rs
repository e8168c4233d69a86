//! [`TeraEngine`]: Tera 1 (<https://keats.github.io/tera/>) as the `tera` engine, confined to
//! the one template it renders.
//!
//! Each render builds a fresh `Tera` instance that holds only the template being rendered,
//! added from its text, with autoescaping off (the output is plain text for a model, not
//! HTML), and no glob, so nothing is ever read from disk. Before Tera parses the text,
//! `tera_check` refuses `include`, `extends`, `import` and `macro`, and nesting beyond fixed
//! limits (Tera 1 has no recursion limit of its own).
//!
//! Tera's built-in functions that reach outside the template are replaced by functions that
//! fail: `get_env` (it reads environment variables), and also `now` (the clock) and
//! `get_random` (a random number). `now` and `get_random` are refused rather than left to
//! Tera because a template's render should be a function of the template and its arguments
//! only: the same prompt must give the same text when it is rendered again, counted, cached
//! or compared (memor renders a prompt many times: for each format, for token counts, for
//! search). Tera compiles `now` and `get_random` only with its `builtins` feature, which this
//! crate leaves off, but another crate in the same build can turn it on; the refusals hold
//! either way. A date or a random value can still be passed in as an argument.

use std::collections::HashMap;

use serde_json::{Map, Value};
use tera::{Context, Tera};

use crate::tera_check::{self, Refusal};
use crate::tera_limits::{self, Budget, Output};
use crate::{EngineError, TemplateEngine};

/// The engine's id.
const ID: &str = "tera";

/// The name of the template inside its `Tera` instance (Tera's messages quote it).
const NAME: &str = "template";

/// Tera's built-in functions that reach outside the template; each is replaced by a function
/// that fails.
const REFUSED_FUNCTIONS: [&str; 3] = ["get_env", "now", "get_random"];

/// Tera 1 as the `tera` engine: Jinja2-like templates (`{{ prompt.message }}`,
/// `{% for r in responses %}…{% endfor %}`) over the template's arguments.
///
/// A template sees its arguments and nothing else:
///
/// - it is the only template its `Tera` instance holds, so `include`, `extends` and `import`
///   have nothing to load; they are refused, as are `macro` definitions (Tera 1 does not limit
///   recursion, and a recursive macro would overflow the stack);
/// - the functions `get_env`, `now` and `get_random` fail, so a render depends on the
///   template and its arguments only;
/// - autoescaping is off: `<`, `>` and `&` come out as written.
///
/// Templates nested deeper than Tera handles safely are refused: more than 4 levels of
/// brackets or more than 32 operators in one tag, more than 16 levels of `if`, `for`,
/// `filter` or `block` sections.
///
/// A render is bounded, so that a template from a file someone sent cannot hang or exhaust
/// the process: at most [`MAX_STEPS`](crate::tera_limits::MAX_STEPS) steps (loop iterations
/// and computed values) and [`MAX_TIME`](crate::tera_limits::MAX_TIME); every value it
/// computes and its output at most [`render_limit`](crate::render_limit) bytes; a `range` of
/// at most [`MAX_RANGE`](crate::tera_limits::MAX_RANGE) numbers (refused before it is built);
/// array literals of at most [`MAX_ARRAY_LITERAL`](crate::tera_limits::MAX_ARRAY_LITERAL)
/// items. A render that reaches one is an [`EngineError::Limit`] naming it.
///
/// Every refusal, parse error and render error is an [`EngineError::Template`] naming the
/// line and column where Tera or the check gives one.
///
/// ```
/// use memor_templates::{TemplateEngine, TeraEngine};
/// use serde_json::json;
///
/// let args = json!({"prompt": {"message": "Hi"}, "responses": [{"message": "a"}, {"message": "b"}]});
/// let args = args.as_object().ok_or("not an object")?;
/// let text = TeraEngine.render("{{ prompt.message }}:{% for r in responses %} {{ r.message }}{% endfor %}", args)?;
/// assert_eq!(text, "Hi: a b");
/// assert!(TeraEngine.render(r#"{{ get_env(name="HOME") }}"#, args).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct TeraEngine;

impl TemplateEngine for TeraEngine {
    fn id(&self) -> &str {
        ID
    }

    fn render(&self, content: &str, args: &Map<String, Value>) -> Result<String, EngineError> {
        tera_check::check(content).map_err(|refusal| refused(content, refusal))?;
        let mut tera = Tera::default();
        tera.autoescape_on(Vec::new());
        for name in REFUSED_FUNCTIONS {
            tera.register_function(name, refuse(name));
        }
        let budget = Budget::new(crate::render_limit(args));
        tera_limits::register(&mut tera, &budget);
        tera.add_raw_template(NAME, content).map_err(tera_error)?;
        let limited = |message| EngineError::Limit { engine: ID.to_owned(), message };
        if let Some(template) = tera.templates.get_mut(NAME) {
            tera_limits::instrument(&mut template.ast).map_err(limited)?;
            for definitions in template.blocks_definitions.values_mut() {
                for (_, block) in definitions {
                    tera_limits::instrument(&mut block.body).map_err(limited)?;
                }
            }
            for block in template.blocks.values_mut() {
                tera_limits::instrument(&mut block.body).map_err(limited)?;
            }
        }
        let context = Context::from_value(Value::Object(args.clone())).map_err(tera_error)?;
        let mut output = Output::new(&budget);
        let rendered = tera.render_to(NAME, &context, &mut output);
        if let Some(limit) = budget.hit() {
            return Err(limited(limit));
        }
        rendered.map_err(tera_error)?;
        String::from_utf8(output.text).map_err(|e| limited(format!("the output is not UTF-8: {e}")))
    }
}

/// A Tera function that fails, standing in for the built-in `name`.
fn refuse(name: &'static str) -> impl Fn(&HashMap<String, Value>) -> tera::Result<Value> + Send + Sync {
    move |_| Err(tera::Error::msg(format!("`{name}` is not available in memor templates")))
}

/// A refusal of the check, at its line and column.
fn refused(content: &str, refusal: Refusal) -> EngineError {
    let before = content.get(..refusal.offset).unwrap_or(content);
    let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
    EngineError::Template {
        engine: ID.to_owned(),
        line: Some(before.matches('\n').count() + 1),
        column: Some(before[line_start..].chars().count() + 1),
        message: refusal.message,
    }
}

/// Tera's error with its whole chain of sources, and the line and column of a parse error.
fn tera_error(error: tera::Error) -> EngineError {
    let mut message = error.to_string();
    let mut position = None;
    let mut source = std::error::Error::source(&error);
    while let Some(cause) = source {
        let text = cause.to_string();
        position = position.or_else(|| parse_position(&text));
        message.push_str(": ");
        message.push_str(&text);
        source = cause.source();
    }
    EngineError::Template {
        engine: ID.to_owned(),
        line: position.map(|(line, _)| line),
        column: position.map(|(_, column)| column),
        message,
    }
}

/// The `line:column` of the ` --> line:column` that starts Tera's (pest's) parse errors.
fn parse_position(message: &str) -> Option<(usize, usize)> {
    let rest = message.trim_start().strip_prefix("--> ")?;
    let end = rest.find(|c: char| !(c.is_ascii_digit() || c == ':')).unwrap_or(rest.len());
    let (line, column) = rest[..end].split_once(':')?;
    Some((line.parse().ok()?, column.parse().ok()?))
}
