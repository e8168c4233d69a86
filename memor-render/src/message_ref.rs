//! [`MessageRef`]: a borrowed prompt or response, what a renderer renders.

use memor_core::{Document, Message, Prompt, Response, Role};
use serde_json::{Map, Value};

/// A prompt or a response, borrowed.
#[derive(Clone, Copy, Debug)]
pub enum MessageRef<'a> {
    /// A prompt.
    Prompt(&'a Prompt),
    /// A response.
    Response(&'a Response),
}

impl<'a> MessageRef<'a> {
    /// Its role.
    pub fn role(self) -> Role {
        match self {
            MessageRef::Prompt(p) => p.role(),
            MessageRef::Response(r) => r.role(),
        }
    }

    /// Its id.
    pub fn id(self) -> &'a str {
        match self {
            MessageRef::Prompt(p) => p.id(),
            MessageRef::Response(r) => r.id(),
        }
    }

    /// Its warnings settings.
    pub fn warnings(self) -> &'a Map<String, Value> {
        match self {
            MessageRef::Prompt(p) => p.warnings(),
            MessageRef::Response(r) => r.warnings(),
        }
    }

    /// memor's `get_size()`.
    pub fn get_size(self) -> usize {
        match self {
            MessageRef::Prompt(p) => p.get_size(),
            MessageRef::Response(r) => r.get_size(),
        }
    }

    /// memor's `to_json()` (a prompt with its template).
    pub fn to_value(self) -> Value {
        match self {
            MessageRef::Prompt(p) => p.to_value(),
            MessageRef::Response(r) => r.to_value(),
        }
    }
}

impl<'a> From<&'a Message> for MessageRef<'a> {
    fn from(m: &'a Message) -> Self {
        match m {
            Message::Prompt(p) => MessageRef::Prompt(p),
            Message::Response(r) => MessageRef::Response(r),
        }
    }
}

impl<'a> From<&'a Prompt> for MessageRef<'a> {
    fn from(p: &'a Prompt) -> Self {
        MessageRef::Prompt(p)
    }
}

impl<'a> From<&'a Response> for MessageRef<'a> {
    fn from(r: &'a Response) -> Self {
        MessageRef::Response(r)
    }
}
