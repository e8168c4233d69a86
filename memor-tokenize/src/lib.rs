//! Token counting: memor's three estimators, exact BPE counters (`cl100k_base`,
//! `o200k_base`), chat-format counts, and the `TokenCounter` trait and registry. Not built
//! yet: this crate will own them.
