//! The English stop words: the words a full-text query leaves out.
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
