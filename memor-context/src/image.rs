//! What an image costs on OpenAI: the documented tile rule, with the size read from the
//! image's own header (PNG, GIF, JPEG) when the data is inline.

use memor_core::Image;

/// The most an image can cost (`detail: high`, 768×2048 after scaling: 8 tiles).
pub const OPENAI_MAX_IMAGE: usize = 85 + 170 * 8;

/// OpenAI's count for `image` at `detail: auto` (no more than `high`): 85 plus 170 per
/// 512-pixel tile of the image fitted into 2048×2048 and then scaled so that its short side
/// is at most 768. [`OPENAI_MAX_IMAGE`] when the size cannot be read (a URL, another format).
pub fn openai_tokens(image: &Image) -> usize {
    match image {
        Image::Data { base64, .. } => size(base64).map_or(OPENAI_MAX_IMAGE, |(w, h)| tiles_rule(w, h)),
        Image::Url(_) => OPENAI_MAX_IMAGE,
    }
}

/// The tile rule for a `width`×`height` image.
pub fn tiles_rule(width: u32, height: u32) -> usize {
    let (mut w, mut h) = (f64::from(width.max(1)), f64::from(height.max(1)));
    let long = w.max(h);
    if long > 2048.0 {
        w *= 2048.0 / long;
        h *= 2048.0 / long;
    }
    let short = w.min(h);
    if short > 768.0 {
        w *= 768.0 / short;
        h *= 768.0 / short;
    }
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // at most 4 × 4 tiles
    let tiles = ((w / 512.0).ceil() as usize) * ((h / 512.0).ceil() as usize);
    85 + 170 * tiles
}

/// The pixel size of base64 PNG, GIF or JPEG data.
fn size(base64: &str) -> Option<(u32, u32)> {
    // A JPEG's frame header can follow its metadata: read up to 256 KiB.
    let bytes = decode(base64.get(..base64.len().min(349_528))?);
    let be16 = |i: usize| Some(u32::from(u16::from_be_bytes([*bytes.get(i)?, *bytes.get(i + 1)?])));
    let le16 = |i: usize| Some(u32::from(u16::from_le_bytes([*bytes.get(i)?, *bytes.get(i + 1)?])));
    let be32 = |i: usize| Some(u32::from_be_bytes(bytes.get(i..i + 4)?.try_into().ok()?));
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Some((be32(16)?, be32(20)?));
    }
    if bytes.starts_with(b"GIF8") {
        return Some((le16(6)?, le16(8)?));
    }
    if bytes.starts_with(&[0xff, 0xd8]) {
        let mut i = 2;
        while i + 9 < bytes.len() {
            if bytes[i] != 0xff {
                return None;
            }
            let marker = bytes[i + 1];
            let length = usize::try_from(be16(i + 2)?).ok()?;
            // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC).
            if (0xc0..=0xcf).contains(&marker) && ![0xc4, 0xc8, 0xcc].contains(&marker) {
                return Some((be16(i + 7)?, be16(i + 5)?));
            }
            i += 2 + length;
        }
    }
    None
}

/// Standard base64 (padding and stray characters ignored).
fn decode(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len() / 4 * 3);
    let (mut acc, mut bits) = (0u32, 0u32);
    for b in text.bytes() {
        let v = match b {
            b'A'..=b'Z' => b - b'A',
            b'a'..=b'z' => b - b'a' + 26,
            b'0'..=b'9' => b - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            _ => continue,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push(((acc >> bits) & 0xff) as u8);
        }
    }
    out
}
