//! The words a full-text query asks for, and the English stop words it leaves out.
//!
//! This is the list PostgreSQL's `english` text search configuration drops
//! (`share/tsearch_data/english.stop` of PostgreSQL 16, 127 words, the Snowball project's
//! list), so that both backends match the same words: PostgreSQL never indexes them, and
//! SQLite's FTS5 (which indexes every word) is not asked for them. Asked for, they make a
//! search of messages miss ("when do the trains leave" needs a message holding "when", "do"
//! and "the") and a ranked recall prefer questions to answers ("what did you" matches the
//! turns that ask something far better than the one that answers).

/// The stop words, lowercase, sorted for a binary search.
#[rustfmt::skip]
const WORDS: &[&str] = &[
    "a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are",
    "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but",
    "by", "can", "did", "do", "does", "doing", "don", "down", "during", "each", "few", "for",
    "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself",
    "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just",
    "me", "more", "most", "my", "myself", "no", "nor", "not", "now", "of", "off", "on", "once",
    "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own", "s", "same", "she",
    "should", "so", "some", "such", "t", "than", "that", "the", "their", "theirs", "them",
    "themselves", "then", "there", "these", "they", "this", "those", "through", "to", "too",
    "under", "until", "up", "very", "was", "we", "were", "what", "when", "where", "which", "while",
    "who", "whom", "why", "will", "with", "you", "your", "yours", "yourself", "yourselves",
];

/// Whether `word` (lowercase) is one of the English stop words neither backend searches for.
pub fn is_stop_word(word: &str) -> bool {
    WORDS.binary_search(&word).is_ok()
}

/// The words of `text` a full-text query asks for: runs of letters and digits (split on
/// everything else, as both indexes split), lowercased, each once, in order, without the
/// [stop words](is_stop_word). A text of stop words only has none.
///
/// ```
/// assert_eq!(memor_store::query_words("When do THE trains leave? Trains!"), ["trains", "leave"]);
/// assert!(memor_store::query_words("the, and: of").is_empty());
/// ```
pub fn query_words(text: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for word in all_words(text) {
        if !is_stop_word(&word) && !words.contains(&word) {
            words.push(word);
        }
    }
    words
}

/// Every word of `text` (runs of letters and digits), lowercased, stop words included.
pub(crate) fn all_words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_sorted_so_the_search_finds_every_word() {
        assert!(WORDS.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(WORDS.len(), 127);
        for word in ["what", "did", "the", "you", "when", "why", "how", "t"] {
            assert!(is_stop_word(word), "{word}");
        }
        for word in ["caroline", "paint", "won", "hospital", "whats"] {
            assert!(!is_stop_word(word), "{word}");
        }
    }
}
