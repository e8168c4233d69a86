//! OpenAI's byte-pair encodings `cl100k_base` and `o200k_base`: the exact token ids (and so
//! the exact count) OpenAI's tiktoken gives.
//!
//! The vocabularies are OpenAI's rank files, checked against tiktoken's SHA-256 and laid out
//! by the build script as tables in the binary (`vocab`), so a process counts from its first
//! call (with `bpe-openai`, which deserialized its tables in each process, `memor tokens
//! --counter cl100k_base` of a 1k-message file took 66.6 ms; now 15.0 ms). A text
//! is cut into pieces as the encoding's pattern cuts it (by hand, in `cut`), and a piece
//! that is not a token is merged as tiktoken merges it (`merge`).

mod hash;
mod merge;
mod vocab;

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::TokenCounter;

/// An OpenAI encoding, as a [`TokenCounter`] registered under its [`id`](Encoding::id).
///
/// Text is encoded as tiktoken's `encode_ordinary` does it: special tokens such as
/// `<|endoftext|>` are counted as the plain text they are.
///
/// ```
/// use memor_tokenize::{Encoding, TokenCounter};
///
/// // tiktoken: cl100k_base [9906, 11, 1917, 0], o200k_base [13225, 11, 2375, 0].
/// assert_eq!(Encoding::Cl100kBase.encode("Hello, world!"), [9906, 11, 1917, 0]);
/// assert_eq!(Encoding::O200kBase.encode("Hello, world!"), [13225, 11, 2375, 0]);
/// assert_eq!(Encoding::O200kBase.count("Hello, world!"), 4);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Encoding {
    /// `cl100k_base`: GPT-4, GPT-3.5 Turbo, OpenAI's embedding models.
    Cl100kBase,
    /// `o200k_base`: GPT-4o, GPT-4.1, GPT-5, o1, o3, o4-mini.
    O200kBase,
}

impl Encoding {
    /// Both encodings.
    pub const ALL: [Encoding; 2] = [Encoding::Cl100kBase, Encoding::O200kBase];

    /// The counter id: `cl100k_base` or `o200k_base`.
    pub fn id(self) -> &'static str {
        match self {
            Encoding::Cl100kBase => "cl100k_base",
            Encoding::O200kBase => "o200k_base",
        }
    }

    /// The encoding with this id.
    pub fn from_id(id: &str) -> Option<Encoding> {
        Encoding::ALL.into_iter().find(|e| e.id() == id)
    }

    fn vocab(self) -> &'static vocab::Vocab {
        match self {
            Encoding::Cl100kBase => &vocab::CL100K_BASE,
            Encoding::O200kBase => &vocab::O200K_BASE,
        }
    }

    /// Calls `each` with every piece of `text`, in order.
    fn pieces<'t>(self, text: &'t str, each: impl FnMut(&'t str)) {
        match self {
            Encoding::Cl100kBase => crate::cut::cl100k::each(text, each),
            Encoding::O200kBase => crate::cut::o200k::each(text, each),
        }
    }

    /// `text`'s token ids (tiktoken's `encode_ordinary`).
    pub fn encode(self, text: &str) -> Vec<u32> {
        let vocab = self.vocab();
        let mut ids = Vec::with_capacity(text.len() / 3);
        self.pieces(text, |piece| merge::encode(vocab, piece.as_bytes(), &mut ids));
        ids
    }

    /// The number of tokens in `text` (without building the ids).
    ///
    /// Each distinct piece of the text (a word with its leading space, a number, a run of
    /// punctuation) is encoded once: most pieces of a long text repeat. A text of 256 KiB or
    /// more is counted in two halves on two threads, cut at a space between two ASCII letters,
    /// where the encoding itself starts a piece.
    pub fn count(self, text: &str) -> usize {
        match (text.len() >= SPLIT_FROM).then(|| cut(text)).flatten() {
            Some(at) => {
                let (left, right) = text.split_at(at);
                std::thread::scope(|s| {
                    let right = s.spawn(|| count_pieces(self, right));
                    let left = count_pieces(self, left);
                    // A panic in the other half is counted again here.
                    left + right.join().unwrap_or_else(|_| count_pieces(self, text.split_at(at).1))
                })
            }
            None => count_pieces(self, text),
        }
    }
}

/// A text this long is counted in two halves on two threads.
const SPLIT_FROM: usize = 256 << 10;

/// The most distinct pieces one count remembers (a text of ever new pieces gains nothing).
const KNOWN: usize = 1 << 16;

/// The tokens of `text`, each distinct piece encoded once.
fn count_pieces<'t>(encoding: Encoding, text: &'t str) -> usize {
    let vocab = encoding.vocab();
    // Pieces of up to seven bytes (most of them) are remembered by their bytes and length
    // packed in a `u64`: no string to hash or compare.
    let mut short: HashMap<u64, usize, BuildHasherDefault<PieceHasher>> = HashMap::default();
    let mut known: HashMap<&str, usize, BuildHasherDefault<PieceHasher>> = HashMap::default();
    let mut total = 0;
    let each = |piece: &'t str| {
        let bytes = piece.as_bytes();
        let count = || merge::count(vocab, bytes);
        total += if bytes.len() < 8 {
            let mut key = [0; 8];
            key[..bytes.len()].copy_from_slice(bytes);
            key[7] = bytes.len() as u8;
            recall(&mut short, u64::from_le_bytes(key), count)
        } else {
            recall(&mut known, piece, count)
        }
    };
    encoding.pieces(text, each);
    total
}

/// The count `map` remembers for `key`, or `count()`, remembered while the map is not full.
fn recall<K: std::hash::Hash + Eq>(
    map: &mut HashMap<K, usize, BuildHasherDefault<PieceHasher>>,
    key: K,
    count: impl FnOnce() -> usize,
) -> usize {
    if let Some(&n) = map.get(&key) {
        return n;
    }
    let n = count();
    if map.len() < KNOWN {
        map.insert(key, n);
    }
    n
}

/// A hasher for short pieces (FxHash's mix, as the vocabulary's [`hash::hash`]): SipHash, the
/// default, cost a sixth of a count. The pieces are the text's own, so there is no attacker to resist.
#[derive(Default)]
struct PieceHasher(u64);

impl Hasher for PieceHasher {
    fn write(&mut self, bytes: &[u8]) {
        self.0 = (self.0 ^ hash::hash(bytes)).wrapping_mul(hash::K);
    }

    fn write_u64(&mut self, word: u64) {
        self.0 = (self.0 ^ word).wrapping_mul(hash::K);
    }

    fn finish(&self) -> u64 {
        self.0.rotate_left(26)
    }
}

/// Where `text` can be cut in two so that the pieces of the halves are the pieces of the
/// whole: at a space between two ASCII letters, the first such space from the middle on.
///
/// Both encodings' pieces of letters are letter runs (with marks, and a contraction such as
/// `'s` that ends in a letter) that stop at a space, and a space before a letter always
/// starts the next piece (`[^\r\n\p{L}\p{N}]?\p{L}+` comes before every whitespace rule,
/// and no rule looks behind): so the piece before the space ends at the cut, the piece after
/// starts there, and nothing else in either half depends on the other.
pub(crate) fn cut(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let from = text.len() / 2;
    (from.max(1)..bytes.len().saturating_sub(1))
        .find(|&i| bytes[i] == b' ' && bytes[i - 1].is_ascii_alphabetic() && bytes[i + 1].is_ascii_alphabetic())
}

impl TokenCounter for Encoding {
    fn id(&self) -> &str {
        Encoding::id(*self)
    }

    fn count(&self, text: &str) -> usize {
        Encoding::count(*self, text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_is_cut_at_a_space_between_letters_from_the_middle_on() {
        let text = "ab cd, ef 12 gh ij";
        let at = cut(text).unwrap();
        assert!(at >= text.len() / 2);
        assert_eq!((&text[at - 2..at], &text[at..at + 3]), ("gh", " ij"));
        // Counted in halves and whole, the same.
        let (left, right) = text.split_at(at);
        for encoding in Encoding::ALL {
            assert_eq!(count_pieces(encoding, left) + count_pieces(encoding, right), encoding.encode(text).len());
        }
        for no_cut in ["", "a", "ab  cd", "東京 データ", "abc, def", "x 1 y"] {
            assert_eq!(cut(no_cut), None, "{no_cut:?}");
        }
    }
}
