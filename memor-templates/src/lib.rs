//! Template engines: memor's placeholder engine, Python's `str.format` exactly as memor 1.1
//! uses it (`content.format(**arguments)`, arguments given as a JSON object), memor's 56
//! [`presets`], Tera as a second engine, and the [`TemplateEngine`] trait with its
//! [`EngineRegistry`] (third parties add engines with [`register_engine!`]).
//!
//! ## Feature Flags
//!
//! - `tera` (default): the `tera` engine ([`TeraEngine`], Tera 1, sandboxed: one template, no
//!   files, no environment, no clock or randomness).
//!
//! ```
//! use serde_json::json;
//!
//! let args = json!({
//!     "instruction": "Translate: ",
//!     "prompt": {"message": "Hallo", "tokens": null},
//!     "response": {"score": 0.5},
//! });
//! let args = args.as_object().unwrap();
//! let text = memor_templates::format(
//!     "{instruction}{prompt[message]} ({prompt[tokens]}, {response[score]:.2f}) {{done}}",
//!     args,
//! );
//! assert_eq!(text.unwrap(), "Translate: Hallo (None, 0.50) {done}");
//! ```
//!
//! What is supported is what Python does, except for these deliberate refusals (each is a
//! [`FormatError`]): `.attribute` access (Python's result is interpreter-internal text),
//! widths and float precisions above [`MAX_WIDTH`], texts longer than [`render_limit`] (a
//! template of many wide fields), and `{n:c}` of a surrogate code point.

#[doc(hidden)]
pub mod __private;
mod decimal;
mod engine;
mod engine_error;
mod error;
mod float;
mod lookup;
mod memor_engine;
mod number;
pub mod plan;
pub mod presets;
mod printable;
mod registry;
mod repr;
mod scan;
mod spec;
#[cfg(feature = "tera")]
mod tera_check;
#[cfg(feature = "tera")]
mod tera_engine;
#[cfg(feature = "tera")]
pub mod tera_limits;

use serde_json::{Map, Value};

pub use engine::TemplateEngine;
pub use engine_error::EngineError;
pub use error::FormatError;
pub use memor_engine::MemorEngine;
pub use registry::EngineRegistry;
pub use repr::{py_ascii, py_repr, py_str};
#[cfg(feature = "tera")]
pub use tera_engine::TeraEngine;

use lookup::Obj;
use scan::{Field, Markup};
use spec::SpecError;

/// The largest width or float precision a format spec may ask for. Python would build strings
/// of any size; this port refuses larger ones with [`FormatError::TooWide`].
pub const MAX_WIDTH: usize = 100_000;

/// The fixed part of [`render_limit`]: 4 MiB.
pub const RENDER_BASE_LIMIT: usize = 4 << 20;

/// The most bytes one render may produce (and, in Tera, the largest value it may compute):
/// [`RENDER_BASE_LIMIT`] plus four times the size of the arguments (their JSON text), so a
/// template can repeat its prompt a few times but not build gigabytes from a short file.
pub fn render_limit(args: &Map<String, Value>) -> usize {
    let size = memor_core::json::byte_len(args).unwrap_or(usize::MAX / 8);
    RENDER_BASE_LIMIT.saturating_add(size.saturating_mul(4))
}

/// How deep format specs may nest fields: `{a:{w}}` is allowed, `{a:{w:{x}}}` is not.
const MAX_DEPTH: u32 = 2;

/// Python `content.format(**args)`.
///
/// Every `{field}` is looked up in `args` (a field name is an argument name followed by
/// `[key]` parts: `prompt[responses][0][message]`) and rendered as Python's `format(value,
/// spec)` of the value `json.loads` would give; `{{` and `}}` are literal braces. Everything
/// Python rejects is an error: unknown names and keys, positional fields (`{}`, `{0}`),
/// malformed text, specs the value's type does not accept.
///
/// ```
/// use serde_json::json;
///
/// let args = json!({"n": 3, "ratio": 1e-5, "tags": ["a", "b"], "flag": true});
/// let args = args.as_object().unwrap();
/// let out = memor_templates::format("{n:05d} {ratio} {tags} {tags[1]!r} {flag} {flag:>3}", args);
/// assert_eq!(out.unwrap(), "00003 1e-05 ['a', 'b'] 'b' True   1");
/// assert!(memor_templates::format("{missing}", args).is_err());
/// assert!(memor_templates::format("{0}", args).is_err());
/// ```
pub fn format(content: &str, args: &Map<String, Value>) -> Result<String, FormatError> {
    build_string(content, 0, args, MAX_DEPTH)
}

/// `build_string`: formats `text`, found at byte `base` of the original content.
fn build_string(text: &str, base: usize, args: &Map<String, Value>, depth: u32) -> Result<String, FormatError> {
    if depth == 0 {
        return Err(FormatError::Recursion { offset: base.saturating_sub(1) });
    }
    let mut out = String::with_capacity(text.len());
    let mut scan = Markup::new(text, base);
    let mut limit = RENDER_BASE_LIMIT;
    while let Some(piece) = scan.next_piece()? {
        out.push_str(piece.literal);
        if let Some(field) = piece.field {
            out.push_str(&render_field(&field, args, depth)?);
        }
        if out.len() > limit {
            // Sized only when needed: most renders stay far below the fixed part.
            limit = render_limit(args);
            if out.len() > limit {
                return Err(FormatError::TooLong { limit });
            }
        }
    }
    Ok(out)
}

/// `output_markup`: look the field up, convert it, expand its spec, format it.
fn render_field(field: &Field<'_>, args: &Map<String, Value>, depth: u32) -> Result<String, FormatError> {
    let obj = lookup::resolve(field.name, field.offset, args)?;
    let converted = match field.conversion {
        None => None,
        Some(conversion) => Some(convert(obj, conversion).ok_or(FormatError::Conversion {
            offset: field.offset,
            field: field.name.to_owned(),
            conversion,
        })?),
    };
    let spec = if field.spec_needs_expanding {
        build_string(field.spec, field.spec_offset, args, depth - 1)?
    } else {
        field.spec.to_owned()
    };
    let result = match &converted {
        Some(text) => spec::format_text(text, &spec),
        None => spec::format_obj(obj, &spec),
    };
    result.map_err(|e| match e {
        SpecError::Invalid(reason) => {
            FormatError::Spec { offset: field.offset, field: field.name.to_owned(), spec, reason }
        }
        SpecError::TooWide => FormatError::TooWide { offset: field.offset, field: field.name.to_owned(), spec },
    })
}

/// `!s`, `!r`, `!a`; `None` for any other conversion character.
fn convert(obj: Obj<'_>, conversion: char) -> Option<String> {
    let value = match obj {
        Obj::Json(value) => value,
        Obj::Char(c) => {
            let text = c.to_string();
            return match conversion {
                's' => Some(text),
                'r' => Some(repr::str_repr(&text)),
                'a' => Some(repr::ascii_escape(&repr::str_repr(&text))),
                _ => None,
            };
        }
    };
    match conversion {
        's' => Some(py_str(value)),
        'r' => Some(py_repr(value)),
        'a' => Some(py_ascii(value)),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
