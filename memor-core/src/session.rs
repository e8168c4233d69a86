//! [`Session`]: an ordered conversation of prompts and responses with masks (spec §11).

use std::ops::{Add, Range};

use serde_json::{Map, Value};

use crate::message::Message;
use crate::{Error, Number, Result, Timestamp};

/// A conversation: messages, each enabled or disabled ("masked"), plus a title, a render
/// counter and size-warning settings.
///
/// ```
/// use memor_core::{Prompt, Response, Session};
/// let mut s = Session::new(Some("demo".into()));
/// s.add_message(Prompt::builder().message("Hi").build());
/// s.add_message(Response::builder().message("Hello!").build()?);
/// s.disable_message(0)?;
/// assert_eq!(s.masks(), vec![true, false]);
/// # Ok::<(), memor_core::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Session {
    pub(crate) title: Option<String>,
    pub(crate) messages: Vec<Message>,
    pub(crate) status: Vec<bool>,
    pub(crate) render_counter: u64,
    pub(crate) warnings: Map<String, Value>,
    pub(crate) date_created: Timestamp,
    pub(crate) date_modified: Timestamp,
    pub(crate) memor_version: std::borrow::Cow<'static, str>,
}

impl Default for Session {
    fn default() -> Self {
        Session::new(None)
    }
}

impl Session {
    /// An empty session.
    pub fn new(title: Option<String>) -> Self {
        let now = Timestamp::now();
        Session {
            title,
            messages: Vec::new(),
            status: Vec::new(),
            render_counter: 0,
            warnings: Map::new(),
            date_created: now,
            date_modified: now,
            memor_version: crate::MEMOR_VERSION.into(),
        }
    }

    /// A session holding `messages`, all enabled.
    pub fn with_messages(title: Option<String>, messages: Vec<Message>) -> Self {
        let status = vec![true; messages.len()];
        Session { messages, status, ..Session::new(title) }
    }

    fn touch(&mut self) {
        self.date_modified = Timestamp::now();
    }

    fn check_index(&self, index: usize) -> Result<()> {
        if index < self.messages.len() {
            Ok(())
        } else {
            Err(Error::IndexOutOfRange { what: "messages", index, len: self.messages.len() })
        }
    }

    /// The title.
    pub fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }

    /// All messages, enabled or not.
    pub fn messages(&self) -> &[Message] {
        &self.messages
    }

    /// `true` for each enabled message.
    pub fn messages_status(&self) -> &[bool] {
        &self.status
    }

    /// `true` for each disabled (masked) message.
    pub fn masks(&self) -> Vec<bool> {
        self.status.iter().map(|s| !s).collect()
    }

    /// How many counted renders the session has had.
    pub fn render_counter(&self) -> u64 {
        self.render_counter
    }

    /// The warnings settings.
    pub fn warnings(&self) -> &Map<String, Value> {
        &self.warnings
    }

    /// When it was created.
    pub fn date_created(&self) -> Timestamp {
        self.date_created
    }

    /// When it was last modified.
    pub fn date_modified(&self) -> Timestamp {
        self.date_modified
    }

    /// The `memor_version` read from a file (always written back as `"1.1"`).
    pub fn memor_version(&self) -> &str {
        &self.memor_version
    }

    /// Sets both dates (for reproducible files).
    pub fn set_dates(&mut self, created: Timestamp, modified: Timestamp) {
        self.date_created = created;
        self.date_modified = modified;
    }

    /// Number of messages, enabled or not.
    pub fn len(&self) -> usize {
        self.messages.len()
    }

    /// Whether there are no messages.
    pub fn is_empty(&self) -> bool {
        self.messages.is_empty()
    }

    /// Iterates over the messages.
    pub fn iter(&self) -> std::slice::Iter<'_, Message> {
        self.messages.iter()
    }

    /// Whether an equal message (memor's equality, ids ignored) is in the session.
    pub fn contains(&self, message: &Message) -> bool {
        self.messages.contains(message)
    }

    /// The message at `index`.
    pub fn get_message(&self, index: usize) -> Option<&Message> {
        self.messages.get(index)
    }

    /// Mutable access to the message at `index`.
    pub fn get_message_mut(&mut self, index: usize) -> Option<&mut Message> {
        self.messages.get_mut(index)
    }

    /// The messages in `range`.
    pub fn get_messages(&self, range: Range<usize>) -> Option<&[Message]> {
        self.messages.get(range)
    }

    /// The first message with this id.
    pub fn get_message_by_id(&self, id: &str) -> Option<&Message> {
        self.messages.iter().find(|m| m.id() == id)
    }

    /// Appends an enabled message; marks modified.
    pub fn add_message(&mut self, message: impl Into<Message>) {
        self.messages.push(message.into());
        self.status.push(true);
        self.touch();
    }

    /// Inserts a message at `index` (≤ the number of messages) with its status; marks modified.
    pub fn insert_message(&mut self, index: usize, message: impl Into<Message>, enabled: bool) -> Result<()> {
        if index > self.messages.len() {
            return Err(Error::IndexOutOfRange { what: "messages", index, len: self.messages.len() });
        }
        self.messages.insert(index, message.into());
        self.status.insert(index, enabled);
        self.touch();
        Ok(())
    }

    /// Removes and returns the message at `index`; marks modified.
    pub fn remove_message(&mut self, index: usize) -> Result<Message> {
        self.check_index(index)?;
        self.status.remove(index);
        let removed = self.messages.remove(index);
        self.touch();
        Ok(removed)
    }

    /// Removes the first message with this id (nothing happens if there is none, as in memor).
    pub fn remove_message_by_id(&mut self, id: &str) -> Option<Message> {
        let index = self.messages.iter().position(|m| m.id() == id)?;
        self.remove_message(index).ok()
    }

    /// Removes every message; marks modified.
    pub fn clear_messages(&mut self) {
        self.messages.clear();
        self.status.clear();
        self.touch();
    }

    /// Replaces the messages and their statuses (`None` or an empty list: all enabled, as in
    /// memor); marks modified.
    pub fn update_messages(&mut self, messages: Vec<Message>, status: Option<Vec<bool>>) -> Result<()> {
        self.status = checked_status(status.unwrap_or_default(), messages.len())?;
        self.messages = messages;
        self.touch();
        Ok(())
    }

    /// Replaces the statuses (an empty list: all enabled, as in memor); marks modified.
    pub fn update_messages_status(&mut self, status: Vec<bool>) -> Result<()> {
        self.status = checked_status(status, self.messages.len())?;
        self.touch();
        Ok(())
    }

    fn set_status(&mut self, index: usize, enabled: bool) -> Result<()> {
        self.check_index(index)?;
        self.status[index] = enabled;
        Ok(())
    }

    /// Enables a message (memor does not mark the session modified here).
    pub fn enable_message(&mut self, index: usize) -> Result<()> {
        self.set_status(index, true)
    }

    /// Disables a message.
    pub fn disable_message(&mut self, index: usize) -> Result<()> {
        self.set_status(index, false)
    }

    /// Same as [`disable_message`](Self::disable_message).
    pub fn mask_message(&mut self, index: usize) -> Result<()> {
        self.set_status(index, false)
    }

    /// Same as [`enable_message`](Self::enable_message).
    pub fn unmask_message(&mut self, index: usize) -> Result<()> {
        self.set_status(index, true)
    }

    /// Replaces the title; marks modified.
    pub fn update_title(&mut self, title: Option<String>) {
        self.title = title;
        self.touch();
    }

    /// Adds one to the render counter; marks modified (what a counted render does).
    pub fn increment_render_counter(&mut self) {
        self.render_counter += 1;
        self.touch();
    }

    /// Sets the render counter to 0; marks modified.
    pub fn reset_render_counter(&mut self) {
        self.render_counter = 0;
        self.touch();
    }

    /// Enables the session size warning at `threshold` bytes; marks modified.
    pub fn set_size_warning(&mut self, threshold: impl Into<Number>) -> Result<()> {
        crate::validate::set_size_warning(&mut self.warnings, threshold.into())?;
        self.touch();
        Ok(())
    }

    /// Disables the session size warning; marks modified.
    pub fn reset_size_warning(&mut self) {
        crate::validate::reset_size_warning(&mut self.warnings);
        self.touch();
    }

    /// Fresh ids for every message.
    pub fn regenerate_ids(&mut self) {
        for m in &mut self.messages {
            m.base_mut().regenerate_id();
        }
    }
}

/// memor's status rule: an empty list means all enabled, otherwise one status per message.
fn checked_status(status: Vec<bool>, len: usize) -> Result<Vec<bool>> {
    match status.len() {
        0 => Ok(vec![true; len]),
        n if n == len => Ok(status),
        _ => Err(Error::StatusLength),
    }
}

impl<'a> IntoIterator for &'a Session {
    type Item = &'a Message;
    type IntoIter = std::slice::Iter<'a, Message>;

    fn into_iter(self) -> Self::IntoIter {
        self.messages.iter()
    }
}

/// memor's equality: title and messages; statuses, counter, warnings and dates are ignored.
impl PartialEq for Session {
    fn eq(&self, o: &Self) -> bool {
        self.title == o.title && self.messages == o.messages
    }
}

/// `session + message`: a new session (same title, all enabled, counter 0, dates now).
impl<M: Into<Message>> Add<M> for Session {
    type Output = Session;

    fn add(self, message: M) -> Session {
        let mut messages = self.messages;
        messages.push(message.into());
        Session::with_messages(self.title, messages)
    }
}

/// `session + session`: a new session without a title (as memor does), all enabled.
impl Add<Session> for Session {
    type Output = Session;

    fn add(self, other: Session) -> Session {
        let mut messages = self.messages;
        messages.extend(other.messages);
        Session::with_messages(None, messages)
    }
}

/// `message + session`: a new session with the message first and the session's title.
impl Add<Session> for Message {
    type Output = Session;

    fn add(self, session: Session) -> Session {
        let mut messages = Vec::with_capacity(session.messages.len() + 1);
        messages.push(self);
        messages.extend(session.messages);
        Session::with_messages(session.title, messages)
    }
}
