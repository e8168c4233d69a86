//! A user's search text as the words a full-text index is asked for.

use crate::{Error, Result};

/// The [words](crate::query_words) of `query`; every word must occur in a hit. A query with no
/// words, or only stop words, is an error.
pub(crate) fn words(query: &str) -> Result<Vec<String>> {
    let words = crate::query_words(query);
    if words.is_empty() {
        let all: Vec<String> = crate::stop::all_words(query).collect();
        let reason = if all.is_empty() {
            "has no words to search for".to_owned()
        } else {
            format!("has only stop words ({}), which the index does not search for", all.join(", "))
        };
        return Err(Error::Invalid { what: format!("search query `{query}`"), reason });
    }
    Ok(words)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::words;

    #[test]
    fn splits_on_syntax() {
        assert_eq!(words("Café \"OR\" -x* NEAR(a b)").unwrap(), ["café", "x", "near", "b"]);
        assert_eq!(words("When do THE trains leave?").unwrap(), ["trains", "leave"]);
        assert!(words("the, and: of").unwrap_err().to_string().contains("only stop words (the, and, of)"));
        assert!(words(" \"*- ").unwrap_err().to_string().contains("has no words"));
    }
}
