//! tiktoken's byte-pair merge: a piece that is not itself a token starts as its bytes (every
//! byte is a token), and the adjacent pair whose joined bytes have the lowest rank is merged,
//! the leftmost of equal ranks first, until no joined pair is a token. The parts left are the
//! piece's tokens.
//!
//! tiktoken rescans the pairs after each merge, which is quadratic in the piece's length (a
//! long run of one character takes seconds); here a piece longer than [`SCAN_UP_TO`] bytes
//! keeps its pairs in a heap instead, ordered by rank and then position, which merges in the
//! same order. The tests hold the two to the same parts.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use super::vocab::Vocab;

/// Pieces up to this long are merged by rescanning, as tiktoken does; longer ones by heap.
const SCAN_UP_TO: usize = 64;

const NONE: u32 = u32::MAX;

/// Calls `f` with where `piece`'s tokens start, and its length last (so `n + 1` bounds for
/// `n` tokens): rescanned in place up to [`SCAN_UP_TO`] bytes, from a heap beyond.
fn with_bounds<R>(vocab: &Vocab, piece: &[u8], f: impl FnOnce(&[usize]) -> R) -> R {
    if piece.len() > SCAN_UP_TO {
        return f(&by_heap(vocab, piece));
    }
    let mut room = [(0, NONE); SCAN_UP_TO + 1];
    let parts = by_scan(vocab, piece, &mut room);
    let mut starts = [0; SCAN_UP_TO + 1];
    for (start, part) in starts.iter_mut().zip(parts) {
        *start = part.0;
    }
    f(&starts[..parts.len()])
}

/// The number of tokens of `piece`.
pub(crate) fn count(vocab: &Vocab, piece: &[u8]) -> usize {
    if vocab.rank(piece).is_some() { 1 } else { with_bounds(vocab, piece, |bounds| bounds.len() - 1) }
}

/// The ranks of `piece`'s tokens, appended to `out`.
pub(crate) fn encode(vocab: &Vocab, piece: &[u8], out: &mut Vec<u32>) {
    if let Some(rank) = vocab.rank(piece) {
        out.push(rank);
        return;
    }
    // Each part is a token: parts start as single bytes and only merge into tokens.
    with_bounds(vocab, piece, |bounds| out.extend(bounds.windows(2).filter_map(|w| vocab.rank(&piece[w[0]..w[1]]))));
}

/// The rank of the bytes from `parts[i]` to `parts[i + 2]` (two parts joined), if a token.
fn joined(vocab: &Vocab, piece: &[u8], parts: &[(usize, u32)], i: usize) -> u32 {
    match (parts.get(i), parts.get(i + 2)) {
        (Some(&(start, _)), Some(&(end, _))) => vocab.rank(&piece[start..end]).unwrap_or(NONE),
        _ => NONE,
    }
}

/// tiktoken's `_byte_pair_merge`, in `room` (at least one longer than the piece): parts as
/// (start, rank of joining it with the next), the last one the piece's end.
fn by_scan<'p>(vocab: &Vocab, piece: &[u8], room: &'p mut [(usize, u32)]) -> &'p [(usize, u32)] {
    let mut len = piece.len() + 1;
    let parts = &mut room[..len];
    for (i, part) in parts.iter_mut().enumerate() {
        part.0 = i;
    }
    for i in 0..len {
        parts[i].1 = joined(vocab, piece, parts, i);
    }
    loop {
        let parts = &mut room[..len];
        let Some((i, _)) = parts.iter().enumerate().filter(|p| p.1.1 != NONE).min_by_key(|p| (p.1.1, p.0)) else {
            break;
        };
        parts.copy_within(i + 2.., i + 1);
        len -= 1;
        let parts = &mut room[..len];
        parts[i].1 = joined(vocab, piece, parts, i);
        if i > 0 {
            parts[i - 1].1 = joined(vocab, piece, parts, i - 1);
        }
    }
    &room[..len]
}

/// The same merges in the same order, with the pairs in a heap: parts are a linked list of
/// starts, and a heap entry whose rank is no longer its part's is stale and skipped.
fn by_heap(vocab: &Vocab, piece: &[u8]) -> Vec<usize> {
    let n = piece.len();
    // Part starts link to the next (n ends the list); `rank[i]` joins part `i` with its next.
    let mut next: Vec<usize> = (1..=n).collect();
    let mut prev: Vec<usize> = (0..n).map(|i| i.wrapping_sub(1)).collect();
    let pair = |next: &[usize], i: usize| match next.get(i).and_then(|&j| next.get(j)) {
        Some(&end) => vocab.rank(&piece[i..end]).unwrap_or(NONE),
        None => NONE,
    };
    let mut rank: Vec<u32> = (0..n).map(|i| pair(&next, i)).collect();
    let mut heap: BinaryHeap<_> =
        rank.iter().enumerate().filter(|&(_, &r)| r != NONE).map(|(i, &r)| Reverse((r, i))).collect();
    while let Some(Reverse((r, i))) = heap.pop() {
        if rank[i] != r {
            continue;
        }
        let gone = next[i];
        next[i] = next[gone];
        if next[i] < n {
            prev[next[i]] = i;
        }
        rank[gone] = NONE;
        rank[i] = pair(&next, i);
        if rank[i] != NONE {
            heap.push(Reverse((rank[i], i)));
        }
        // The first part (0) stays first; every other one has a part before it.
        if i > 0 {
            let p = prev[i];
            rank[p] = pair(&next, p);
            if rank[p] != NONE {
                heap.push(Reverse((rank[p], p)));
            }
        }
    }
    let mut bounds = vec![0];
    while let Some(&at) = bounds.last().and_then(|&b| next.get(b)) {
        bounds.push(at);
    }
    bounds
}

#[cfg(test)]
mod tests {
    use super::super::vocab::{CL100K_BASE, O200K_BASE};
    use super::*;

    #[test]
    fn scan_and_heap_merge_alike() {
        let mut next = crate::xorshift(0x2545_F491_4F6C_DD1Du64);
        let alphabet: Vec<&[u8]> = vec![
            b"a",
            b"b",
            b"e",
            b"r",
            b"t",
            b" ",
            b"  ",
            b"-",
            b"=",
            b"1",
            b"0",
            "é".as_bytes(),
            "東".as_bytes(),
            b"\n",
        ];
        for vocab in [&CL100K_BASE, &O200K_BASE] {
            for _ in 0..3000 {
                let len = (next() % 200) as usize;
                let mut piece = Vec::new();
                while piece.len() < len {
                    piece.extend_from_slice(alphabet[(next() % alphabet.len() as u64) as usize]);
                }
                let mut room = vec![(0, NONE); piece.len() + 1];
                let scanned: Vec<usize> = by_scan(vocab, &piece, &mut room).iter().map(|p| p.0).collect();
                assert_eq!(scanned, by_heap(vocab, &piece), "{:?}", String::from_utf8_lossy(&piece));
            }
        }
    }

    #[test]
    fn a_long_run_merges_in_linear_time_and_into_tokens() {
        let piece = vec![b'a'; 200_000];
        let bounds = with_bounds(&CL100K_BASE, &piece, <[usize]>::to_vec);
        assert_eq!(bounds.first(), Some(&0));
        assert_eq!(bounds.last(), Some(&piece.len()));
        assert!(bounds.windows(2).all(|w| CL100K_BASE.rank(&piece[w[0]..w[1]]).is_some()));
    }
}
