//! The tests' judge of the hand-cut pieces ([`crate::cut`]): tiktoken's patterns, as
//! `bpe-openai` writes them (its lookahead `\s+(?!\S)` as a pattern `\s+\s` whose match
//! gives its last character back).

use std::cell::RefCell;
use std::sync::LazyLock;

use regex_automata::meta::{Cache, Regex};
use regex_automata::{Anchored, Input};

/// An encoding's patterns, compiled once.
pub(crate) struct Pieces {
    regex: Regex,
    /// Per pattern: its match ends with a character that belongs to the next piece.
    lookahead: [bool; 3],
    /// Which thread-local cache is this one's.
    slot: usize,
}

const CL100K: &str = "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+$";

const O200K: &str = concat!(
    "[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]*[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?",
    "|[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]+[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?",
    "|\\p{N}{1,3}",
    "| ?[^\\s\\p{L}\\p{N}]+[\\r\\n/]*",
    "|\\s*[\\r\\n]+",
    "|\\s+$",
);

fn compile(first: &str, slot: usize) -> Pieces {
    // Fixed patterns: that they compile is checked by every test that counts.
    let regex = Regex::new_many(&[first, "\\s+\\s", "\\s+"]).unwrap_or_else(|e| unreachable!("{e}"));
    Pieces { regex, lookahead: [false, true, false], slot }
}

pub(crate) static CL100K_BASE: LazyLock<Pieces> = LazyLock::new(|| compile(CL100K, 0));
pub(crate) static O200K_BASE: LazyLock<Pieces> = LazyLock::new(|| compile(O200K, 1));

thread_local! {
    /// Each thread's cache for each encoding's regex.
    static CACHES: RefCell<[Option<Cache>; 2]> = const { RefCell::new([None, None]) };
}

impl Pieces {
    /// Calls `each` with every piece of `text`, in order.
    pub(crate) fn each<'t>(&self, text: &'t str, mut each: impl FnMut(&'t str)) {
        CACHES.with_borrow_mut(|caches| {
            let cache = caches[self.slot].get_or_insert_with(|| self.regex.create_cache());
            let mut at = 0;
            while at < text.len() {
                let input = Input::new(&text[at..]).anchored(Anchored::Yes);
                // Every character starts a match of `\s+`, `\p{L}+`, `\p{N}` or the punctuation
                // rule, so this ends only at the end of the text.
                let Some(m) = self.regex.search_with(cache, &input) else { break };
                let mut end = at + m.end();
                if self.lookahead[m.pattern().as_usize()] {
                    end -= text[at..end].chars().next_back().map_or(0, char::len_utf8);
                }
                if end == at {
                    break;
                }
                each(&text[at..end]);
                at = end;
            }
        });
    }
}
