//! memor's OpenAI estimators (`openai_tokens_estimator_gpt_3_5` and `_gpt_4`, spec §14.3):
//! character statistics with f64 arithmetic in memor's order.

use std::sync::LazyLock;

use memor_core::pychar::is_space;

use super::words::KEYWORDS;

/// memor's GPT-3.5 estimate (`TokensEstimator.OPENAI_GPT_3_5`).
pub fn estimate_gpt_3_5(text: &str) -> usize {
    finish(raw_estimate(text))
}

/// memor's GPT-4 estimate (`TokensEstimator.OPENAI_GPT_4`): the raw estimate × 1.05.
pub fn estimate_gpt_4(text: &str) -> usize {
    finish(raw_estimate(text) * 1.05)
}

/// Python's `int(max(1, e))`.
fn finish(estimate: f64) -> usize {
    if estimate > 1.0 { estimate as usize } else { 1 }
}

/// memor's `_openai_tokens_estimator`: the unrounded estimate, before GPT-4's factor.
pub fn raw_estimate(text: &str) -> f64 {
    let (mut chars, mut spaces_and_punct, mut newlines, mut rare) = (0usize, 0usize, 0usize, 0usize);
    // Python's `sum(len(w) / 10 for w in text.split() if len(w) > 15)`: plain left-to-right
    // addition (Python 3.11; 3.12 compensates).
    let mut long_words = 0.0f64;
    let mut word = 0usize;
    for c in text.chars() {
        chars += 1;
        let class = if c.is_ascii() {
            ASCII_CLASS[c as usize]
        } else {
            rare += usize::from(c as u32 > 10000);
            if is_space(c) { SPACE } else { 0 }
        };
        spaces_and_punct += usize::from(class & COUNTED != 0);
        newlines += usize::from(class & NEWLINE != 0);
        if class & SPACE != 0 {
            long_words += long_word(word);
            word = 0;
        } else {
            word += 1;
        }
    }
    long_words += long_word(word);

    let mut e = chars as f64 / 4.0;
    e += spaces_and_punct as f64 * 0.5;
    if contains_keyword(text) {
        e *= 1.1;
    }
    e += newlines as f64 * 0.8;
    e += long_words;
    if text.contains("http") {
        e *= 1.1;
    }
    e += rare as f64 * 0.8;
    e
}

/// A space or one of `,.?!;:` (counted ½ each).
const COUNTED: u8 = 1;
/// `\n` (counted 0.8 each).
const NEWLINE: u8 = 2;
/// Python whitespace (ends a word).
const SPACE: u8 = 4;

/// What each ASCII character counts as.
static ASCII_CLASS: [u8; 128] = {
    let mut table = [0; 128];
    let mut c = 0;
    while c < 128 {
        table[c] = match c as u8 {
            b' ' => COUNTED | SPACE,
            b',' | b'.' | b'?' | b'!' | b';' | b':' => COUNTED,
            b'\n' => NEWLINE | SPACE,
            b'\t' | 0x0B..=0x0D | 0x1C..=0x1F => SPACE,
            _ => 0,
        };
        c += 1;
    }
    table
};

/// A word's share of the long-word penalty.
fn long_word(len: usize) -> f64 {
    if len > 15 { len as f64 / 10.0 } else { 0.0 }
}

/// The one-letter keywords, and the keywords that contain none of them (any other keyword
/// contains one, so finding that letter settles it).
static KEYWORD_SEARCH: LazyLock<(Vec<u8>, Vec<&'static str>)> = LazyLock::new(|| {
    let letters: Vec<u8> = KEYWORDS.iter().filter(|k| k.len() == 1).map(|k| k.as_bytes()[0]).collect();
    let rest = KEYWORDS.iter().copied().filter(|k| !k.bytes().any(|b| letters.contains(&b))).collect();
    (letters, rest)
});

/// memor's `any(keyword in text for keyword in PROGRAMMING_LANGUAGES_KEYWORDS)`.
fn contains_keyword(text: &str) -> bool {
    let (letters, rest) = &*KEYWORD_SEARCH;
    text.bytes().any(|b| letters.contains(&b)) || rest.iter().any(|k| text.contains(k))
}
