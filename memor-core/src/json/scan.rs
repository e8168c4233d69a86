//! Finding the next interesting byte quickly: string contents are most of a memor file, and
//! both the reader and the writer spend their time skipping over them.
//!
//! Eight bytes at a time with word tricks, and the exact position from the lowest flag; only
//! a last partial word goes byte by byte. No `unsafe`, no intrinsics. (A 32-byte vectorised
//! loop was measured too: no faster on memor files, whose strings are mostly short keys.)

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// High bit set in some byte when a byte of `w` equals `b` (exact for "any").
#[inline]
fn eq(w: u64, b: u8) -> u64 {
    let x = w ^ (ONES * u64::from(b));
    x.wrapping_sub(ONES) & !x & HIGH
}

/// Non-zero when some byte of `w` is below `n` (`n` ≤ 128).
#[inline]
fn below(w: u64, n: u8) -> u64 {
    w.wrapping_sub(ONES * u64::from(n)) & !w & HIGH
}

/// The index of the first byte for which `special` holds (`s.len()` if none). `word` flags
/// such bytes in an eight-byte little-endian word; its flags may be wrong only *after* a true
/// one (a borrow runs towards higher bytes), so the lowest flag is exact.
#[inline(always)]
fn find(s: &[u8], special: impl Fn(u8) -> bool, word: impl Fn(u64) -> u64) -> usize {
    let mut i = 0;
    while let Some(chunk) = s.get(i..i + 8) {
        let Ok(bytes) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let hits = word(u64::from_le_bytes(bytes));
        if hits != 0 {
            return i + (hits.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while let Some(&b) = s.get(i) {
        if special(b) {
            break;
        }
        i += 1;
    }
    i
}

/// Where a JSON string's plain run ends when reading: `"`, `\` or a control byte.
#[inline(always)]
pub(crate) fn read_stop(s: &[u8]) -> usize {
    find(s, |b| b == b'"' || b == b'\\' || b < 0x20, |w| eq(w, b'"') | eq(w, b'\\') | below(w, 0x20))
}

/// Where the next `"` is.
#[inline(always)]
pub(crate) fn quote(s: &[u8]) -> usize {
    find(s, |b| b == b'"', |w| eq(w, b'"'))
}

/// Where Python's `json.dumps` must escape: `"`, `\`, controls, DEL and all non-ASCII.
#[inline(always)]
pub(crate) fn write_stop(s: &[u8]) -> usize {
    find(
        s,
        |b| b == b'"' || b == b'\\' || !(0x20..0x7f).contains(&b),
        |w| (w & HIGH) | eq(w, b'"') | eq(w, b'\\') | below(w, 0x20) | eq(w, 0x7f),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_first_stop_at_any_offset() {
        for len in 0..40 {
            for at in 0..=len {
                for special in [b'"', b'\\', 0x00, 0x1f] {
                    let mut s = vec![b'a'; len];
                    s.extend_from_slice(b"~ ");
                    if at < len {
                        s[at] = special;
                    }
                    let want = if at < len { at } else { s.len() };
                    assert_eq!(read_stop(&s), want, "read: len {len} at {at} byte {special}");
                    assert_eq!(write_stop(&s), want, "write: len {len} at {at} byte {special}");
                    let quote_at = if special == b'"' { want } else { s.len() };
                    assert_eq!(quote(&s), quote_at, "quote: len {len} at {at} byte {special}");
                }
                for special in [0x7f, 0xc3, 0xff] {
                    let mut s = vec![b' '; len + 2];
                    s[at] = special;
                    assert_eq!(write_stop(&s), at, "write: len {len} at {at} byte {special}");
                    assert_eq!(read_stop(&s), s.len(), "read passes {special}");
                }
            }
        }
    }
}
