//! Lays out OpenAI's byte-pair vocabularies (`data/*.vocab`, written by
//! `data/make_vocab.py`) as the tables `src/bpe/vocab.rs` reads, so that nothing is built
//! when a process first counts. For each encoding: `NAME.offsets`, where each rank's token
//! starts in the `.vocab` file (a little-endian `u32` per rank); `NAME.slots`, an open-
//! addressed hash table of rank + 1 under a tag of the hash (0 for empty, at most 40% full,
//! probed linearly from the top bits of `hash`); and `NAME.pairs`, the rank + 1 of every
//! two-byte token, indexed by its bytes as a big-endian `u16` (0 where they are no token).

use std::error::Error;
use std::path::PathBuf;

#[path = "src/bpe/hash.rs"]
mod hash;

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo::rerun-if-changed=data/cl100k_base.vocab");
    println!("cargo::rerun-if-changed=data/o200k_base.vocab");
    println!("cargo::rerun-if-changed=src/bpe/hash.rs");
    if std::env::var_os("CARGO_FEATURE_BPE").is_none() {
        return Ok(());
    }
    let out = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("cargo sets no OUT_DIR")?);
    for name in ["cl100k_base", "o200k_base"] {
        let path = format!("data/{name}.vocab");
        let vocab = std::fs::read(&path).map_err(|e| format!("{path}: {e}"))?;
        let mut starts = Vec::new();
        let mut at = 0;
        while at < vocab.len() {
            starts.push(at);
            at += 1 + usize::from(vocab[at]);
        }
        if at != vocab.len() {
            return Err(format!("{path}: the last token is cut short").into());
        }
        let bits = (starts.len() * 5 / 2).next_power_of_two().trailing_zeros();
        let mask = (1usize << bits) - 1;
        let mut slots = vec![0u32; 1 << bits];
        for (rank, &start) in starts.iter().enumerate() {
            let token = &vocab[start + 1..start + 1 + usize::from(vocab[start])];
            let h = hash::hash(token);
            let mut i = (h >> (64 - bits)) as usize;
            while slots[i] != 0 {
                i = (i + 1) & mask;
            }
            if rank + 1 >= 1 << hash::RANK_BITS {
                return Err(format!("{path}: more tokens than a slot's {} bits of rank hold", hash::RANK_BITS).into());
            }
            slots[i] = hash::tag(h) << hash::RANK_BITS | u32::try_from(rank + 1)?;
        }
        let mut pairs = vec![0u32; 1 << 16];
        for (rank, &start) in starts.iter().enumerate() {
            if vocab[start] == 2 {
                pairs[usize::from(vocab[start + 1]) << 8 | usize::from(vocab[start + 2])] = u32::try_from(rank + 1)?;
            }
        }
        std::fs::write(
            out.join(format!("{name}.pairs")),
            pairs.iter().flat_map(|s| s.to_le_bytes()).collect::<Vec<u8>>(),
        )?;
        let offsets: Vec<u8> = starts.iter().flat_map(|&s| (s as u32).to_le_bytes()).collect();
        std::fs::write(out.join(format!("{name}.offsets")), offsets)?;
        std::fs::write(
            out.join(format!("{name}.slots")),
            slots.iter().flat_map(|s| s.to_le_bytes()).collect::<Vec<u8>>(),
        )?;
    }
    Ok(())
}
