//! memor 1.1's render formats.

mod ai_studio;
mod dictionary;
mod items;
mod openai;
mod string;

pub use ai_studio::AiStudio;
pub use dictionary::Dictionary;
pub use items::Items;
pub use openai::OpenAi;
pub use string::StringFormat;

/// memor's `RenderFormat.DEFAULT`: `string`.
pub const DEFAULT: &str = "string";
