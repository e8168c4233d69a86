//! The hash the vocabulary's table is laid out and probed with. The build script reads this
//! file as its own module, so both sides hash alike.

/// FxHash's multiplier.
pub(crate) const K: u64 = 0xf135_7aea_2e62_a9c5;

/// The hash of a token's bytes: FxHash's multiply and xor, eight bytes at a time, with the
/// length mixed in last. The table's slot is taken from the top bits, the best mixed ones.
pub(crate) fn hash(bytes: &[u8]) -> u64 {
    let mut h = 0u64;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        h = (h ^ u64::from_le_bytes(word)).wrapping_mul(K);
    }
    let mut last = [0; 8];
    last[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    (h ^ u64::from_le_bytes(last) ^ bytes.len() as u64).wrapping_mul(K)
}

/// A slot of the table holds rank + 1 in its low `RANK_BITS` bits and the token's [`tag`]
/// above them, so most probes for bytes that are not a token stop without reading one.
pub(crate) const RANK_BITS: u32 = 18;

/// The bits of `hash` a slot keeps beside the rank (not those the slot's index is taken from).
pub(crate) fn tag(hash: u64) -> u32 {
    (hash >> 16) as u32 & ((1 << (32 - RANK_BITS)) - 1)
}
