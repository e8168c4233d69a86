//! Warnings a render returns beside its value (memor emits them through Python's `warnings`).

use std::fmt;

/// Python's warning category, as memor uses it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Category {
    /// `RuntimeWarning`: a size threshold was exceeded.
    Runtime,
    /// `UserWarning`: content that a target may not support.
    User,
}

/// One warning, with memor's exact text.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Warning {
    /// Its category.
    pub category: Category,
    /// memor's text.
    pub message: String,
}

impl Warning {
    /// `Message {id} exceeded size threshold ({size} > {threshold}).`
    pub fn message_size(id: &str, size: usize, threshold: &str) -> Self {
        Warning {
            category: Category::Runtime,
            message: format!("Message {id} exceeded size threshold ({size} > {threshold})."),
        }
    }

    /// `Session exceeded size threshold ({size} > {threshold}).`
    pub fn session_size(size: usize, threshold: &str) -> Self {
        Warning {
            category: Category::Runtime,
            message: format!("Session exceeded size threshold ({size} > {threshold})."),
        }
    }

    /// `Google AI Studio models may not support content with a system role.`
    pub fn ai_studio_system_role() -> Self {
        Warning {
            category: Category::User,
            message: "Google AI Studio models may not support content with a system role.".into(),
        }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}
