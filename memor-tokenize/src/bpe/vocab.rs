//! An encoding's vocabulary: its tokens by rank and the rank of a token's bytes, read from
//! tables the build script laid out (see `build.rs`), so nothing is built at run time.

use super::hash::{RANK_BITS, hash, tag};

/// A byte-pair vocabulary: tokens (each a length byte and its bytes, in rank order), where
/// each rank's token starts, a hash table of tagged ranks, and the rank + 1 of each two bytes
/// (the first merges of every piece look those up).
pub(crate) struct Vocab {
    tokens: &'static [u8],
    offsets: &'static [u8],
    slots: &'static [u8],
    pairs: &'static [u8],
}

macro_rules! vocab {
    ($name:literal) => {
        Vocab {
            tokens: include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/", $name, ".vocab")),
            offsets: include_bytes!(concat!(env!("OUT_DIR"), "/", $name, ".offsets")),
            slots: include_bytes!(concat!(env!("OUT_DIR"), "/", $name, ".slots")),
            pairs: include_bytes!(concat!(env!("OUT_DIR"), "/", $name, ".pairs")),
        }
    };
}

/// `cl100k_base`'s 100,256 tokens.
pub(crate) static CL100K_BASE: Vocab = vocab!("cl100k_base");
/// `o200k_base`'s 199,998 tokens.
pub(crate) static O200K_BASE: Vocab = vocab!("o200k_base");

/// The little-endian `u32` at index `i` of `words`.
fn word(words: &[u8], i: usize) -> Option<u32> {
    match words.get(i * 4..i * 4 + 4)? {
        &[a, b, c, d] => Some(u32::from_le_bytes([a, b, c, d])),
        _ => None,
    }
}

impl Vocab {
    /// How many tokens it holds.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.offsets.len() / 4
    }

    /// The bytes of the token of `rank` (empty for a rank it does not hold).
    pub(crate) fn token(&self, rank: u32) -> &'static [u8] {
        let Some(at) = word(self.offsets, rank as usize) else { return &[] };
        let at = at as usize;
        let len = self.tokens.get(at).map_or(0, |&n| usize::from(n));
        self.tokens.get(at + 1..at + 1 + len).unwrap_or_default()
    }

    /// The rank of the token whose bytes are `bytes`, if one is.
    pub(crate) fn rank(&self, bytes: &[u8]) -> Option<u32> {
        if let &[a, b] = bytes {
            return word(self.pairs, usize::from(a) << 8 | usize::from(b)).filter(|&r| r != 0).map(|r| r - 1);
        }
        let slots = self.slots.len() / 4;
        let h = hash(bytes);
        let (tag, mut i) = (tag(h), (h >> (64 - slots.trailing_zeros())) as usize);
        // The table is at most 40% full, so a probe meets an empty slot.
        loop {
            let slot = word(self.slots, i).unwrap_or(0);
            if slot == 0 {
                return None;
            }
            let rank = (slot & ((1 << RANK_BITS) - 1)) - 1;
            if slot >> RANK_BITS == tag && self.token(rank) == bytes {
                return Some(rank);
            }
            i = (i + 1) & (slots - 1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_token_is_found_at_its_rank() {
        for (vocab, len) in [(&CL100K_BASE, 100_256), (&O200K_BASE, 199_998)] {
            assert_eq!(vocab.len(), len);
            for rank in 0..len as u32 {
                let token = vocab.token(rank);
                assert!(!token.is_empty(), "{rank}");
                assert_eq!(vocab.rank(token), Some(rank));
            }
            // Each two bytes are a token exactly when the vocabulary holds them.
            let pairs = (0..len as u32).filter(|&r| vocab.token(r).len() == 2).count();
            assert_eq!((0..=u16::MAX).filter(|p| vocab.rank(&p.to_be_bytes()).is_some()).count(), pairs);
            // Every byte is a token; these are not.
            assert!((0..=255u8).all(|b| vocab.rank(&[b]).is_some()));
            assert_eq!(vocab.rank(b""), None);
            assert_eq!(vocab.rank("memor-tokenize's vocabulary test".as_bytes()), None);
            assert!(vocab.token(len as u32).is_empty());
        }
        // tiktoken: "hello" is 15339 in cl100k_base, " world" 1917.
        assert_eq!(CL100K_BASE.rank(b"hello"), Some(15339));
        assert_eq!(CL100K_BASE.token(1917), b" world");
    }
}
