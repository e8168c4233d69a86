//! [`Prompt`]: a user turn with its candidate responses and template (spec §7).

use std::sync::Arc;

use crate::message::{Base, message_base_methods};
use crate::{Error, PromptTemplate, Response, Result, Role};

/// A prompt, the responses it received, which one is selected, and its template.
///
/// ```
/// use memor_core::{Prompt, Response};
/// let mut p = Prompt::builder().message("What is 2+2?").build();
/// p.add_response(Response::builder().message("4").build()?);
/// assert_eq!(p.selected_response().map(|r| r.message()), Some("4"));
/// # Ok::<(), memor_core::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Prompt {
    pub(crate) base: Base,
    pub(crate) responses: Vec<Response>,
    pub(crate) selected_response_index: u64,
    /// Shared copy-on-write: loading a session gives every prompt with the same template one
    /// copy of it, and changing one prompt's template copies it first (memor's presets were
    /// shared *mutably*, spec Q17; here sharing is invisible).
    pub(crate) template: Arc<PromptTemplate>,
}

impl Default for Prompt {
    /// memor's `Prompt()`: empty user prompt with the `BASIC.PROMPT` template.
    fn default() -> Self {
        Prompt {
            base: Base::new(Role::User),
            responses: Vec::new(),
            selected_response_index: 0,
            template: Arc::new(PromptTemplate::basic_prompt()),
        }
    }
}

impl Prompt {
    /// A builder in memor's constructor order.
    pub fn builder() -> PromptBuilder {
        PromptBuilder::default()
    }

    message_base_methods!();

    /// The candidate responses.
    pub fn responses(&self) -> &[Response] {
        &self.responses
    }

    /// Mutable access to one response.
    pub fn response_mut(&mut self, index: usize) -> Option<&mut Response> {
        self.responses.get_mut(index)
    }

    /// The index of the selected response (may point past the end, as in memor).
    pub fn selected_response_index(&self) -> u64 {
        self.selected_response_index
    }

    /// The selected response, if the index is in range.
    pub fn selected_response(&self) -> Option<&Response> {
        usize::try_from(self.selected_response_index).ok().and_then(|i| self.responses.get(i))
    }

    /// The template.
    pub fn template(&self) -> &PromptTemplate {
        &self.template
    }

    /// Mutable access to the template (this prompt's own copy; presets are never shared).
    pub fn template_mut(&mut self) -> &mut PromptTemplate {
        Arc::make_mut(&mut self.template)
    }

    /// Replaces all responses; marks modified.
    pub fn update_responses(&mut self, responses: Vec<Response>) {
        self.responses = responses;
        self.base.touch();
    }

    /// Appends a response; marks modified.
    pub fn add_response(&mut self, response: Response) {
        self.responses.push(response);
        self.base.touch();
    }

    /// Inserts a response at `index` (≤ the number of responses); marks modified.
    pub fn insert_response(&mut self, index: usize, response: Response) -> Result<()> {
        if index > self.responses.len() {
            return Err(Error::IndexOutOfRange { what: "responses", index, len: self.responses.len() });
        }
        self.responses.insert(index, response);
        self.base.touch();
        Ok(())
    }

    /// Removes and returns the response at `index`; marks modified. As in memor, the selected
    /// index is left as it was.
    pub fn remove_response(&mut self, index: usize) -> Result<Response> {
        if index >= self.responses.len() {
            return Err(Error::IndexOutOfRange { what: "responses", index, len: self.responses.len() });
        }
        let removed = self.responses.remove(index);
        self.base.touch();
        Ok(removed)
    }

    /// Selects a response (the index is stored even when out of range); marks modified.
    pub fn select_response(&mut self, index: u64) -> Option<&Response> {
        self.selected_response_index = index;
        self.base.touch();
        self.selected_response()
    }

    /// Replaces the template; marks modified.
    pub fn update_template(&mut self, template: PromptTemplate) {
        self.template = Arc::new(template);
        self.base.touch();
    }
}

/// memor's equality: message, responses, role, template and tokens.
impl PartialEq for Prompt {
    fn eq(&self, o: &Self) -> bool {
        self.base.message == o.base.message
            && self.responses == o.responses
            && self.base.role == o.base.role
            && self.template == o.template
            && self.base.tokens == o.base.tokens
            && self.base.parts == o.base.parts
    }
}

/// Builds a [`Prompt`]; see [`Prompt::builder`].
#[derive(Clone, Debug, Default)]
#[must_use]
pub struct PromptBuilder {
    prompt: Prompt,
}

impl PromptBuilder {
    /// The text.
    pub fn message(mut self, message: impl Into<String>) -> Self {
        self.prompt.base.message = message.into();
        self
    }

    /// The candidate responses.
    pub fn responses(mut self, responses: Vec<Response>) -> Self {
        self.prompt.responses = responses;
        self
    }

    /// The role (default user).
    pub fn role(mut self, role: Role) -> Self {
        self.prompt.base.role = role;
        self
    }

    /// The token count.
    pub fn tokens(mut self, tokens: u64) -> Self {
        self.prompt.base.tokens = Some(tokens);
        self
    }

    /// The template (default `BASIC.PROMPT`).
    pub fn template(mut self, template: PromptTemplate) -> Self {
        self.prompt.template = Arc::new(template);
        self
    }

    /// Tool results this turn carries (not memor's).
    pub fn tool_results(mut self, results: Vec<crate::ToolResult>) -> Self {
        self.prompt.base.parts.tool_results = results;
        self
    }

    /// Images this turn carries (not memor's).
    pub fn images(mut self, images: Vec<crate::Image>) -> Self {
        self.prompt.base.parts.images = images;
        self
    }

    /// The prompt. Whether its template renders is checked by `memor-render`, not here.
    pub fn build(self) -> Prompt {
        self.prompt
    }
}
