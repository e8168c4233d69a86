//! [`StreamedCalls`]: tool calls assembled from a stream that sends each call's id and name
//! first and its arguments as JSON string fragments (chat completions, Anthropic, Responses).

use memor_core::ToolCall;

use crate::tools::arguments_from_string;
use crate::{Error, Result};

/// One call so far.
struct Partial {
    key: u64,
    id: String,
    name: String,
    arguments: String,
}

/// The calls of one streamed reply, keyed by the provider's index for them, in the order they
/// began.
#[derive(Default)]
pub(crate) struct StreamedCalls {
    calls: Vec<Partial>,
}

impl StreamedCalls {
    /// Adds what one event says of the call `key`: its id and name (kept when not empty) and
    /// the next fragment of its arguments. The first event for a key starts the call.
    pub(crate) fn add(&mut self, key: u64, id: Option<&str>, name: Option<&str>, fragment: Option<&str>) {
        let call = self.call(key);
        if let Some(id) = id.filter(|id| !id.is_empty()) {
            id.clone_into(&mut call.id);
        }
        if let Some(name) = name.filter(|name| !name.is_empty()) {
            name.clone_into(&mut call.name);
        }
        if let Some(fragment) = fragment {
            call.arguments.push_str(fragment);
        }
    }

    /// Replaces the arguments of the call `key` with the whole string.
    pub(crate) fn set_arguments(&mut self, key: u64, arguments: &str) {
        arguments.clone_into(&mut self.call(key).arguments);
    }

    /// The key of the call begun last, if any.
    pub(crate) fn last_key(&self) -> Option<u64> {
        self.calls.last().map(|c| c.key)
    }

    /// The next key not yet used.
    pub(crate) fn next_key(&self) -> u64 {
        self.calls.iter().map(|c| c.key + 1).max().unwrap_or(0)
    }

    fn call(&mut self, key: u64) -> &mut Partial {
        let at = match self.calls.iter().position(|c| c.key == key) {
            Some(at) => at,
            None => {
                self.calls.push(Partial { key, id: String::new(), name: String::new(), arguments: String::new() });
                self.calls.len() - 1
            }
        };
        &mut self.calls[at]
    }

    /// The calls, their arguments read as JSON objects (an empty string is no arguments); a
    /// call without id or name, or whose arguments are not a JSON object, is a parse error.
    pub(crate) fn finish(self, provider: &str) -> Result<Vec<ToolCall>> {
        self.calls
            .into_iter()
            .map(|call| {
                if call.id.is_empty() || call.name.is_empty() {
                    return Err(Error::parse(provider, "a streamed tool call without id or name"));
                }
                let arguments = arguments_from_string(provider, &call.arguments)?;
                Ok(ToolCall { id: call.id, name: call.name, arguments })
            })
            .collect()
    }
}
