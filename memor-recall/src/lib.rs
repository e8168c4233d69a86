//! Long-term memory: what was said and learned, recalled across conversations by meaning,
//! words and time, in the same database as the conversation store.

pub mod when;
