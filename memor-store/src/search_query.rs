//! A user's search text as the words a full-text index is asked for.

use crate::{Error, Result};

/// The words of `query` (letters, digits and `_`, split on everything else), lowercased.
/// Every word must occur in a hit; an empty list is an error.
pub(crate) fn words(query: &str) -> Result<Vec<String>> {
    let words: Vec<String> = query
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.is_empty() {
        return Err(Error::Invalid {
            what: format!("search query `{query}`"),
            reason: "has no words to search for".to_owned(),
        });
    }
    Ok(words)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::words;

    #[test]
    fn splits_on_syntax() {
        assert_eq!(words("Café \"OR\" -x* NEAR(a b)").unwrap(), ["café", "or", "x", "near", "a", "b"]);
        assert!(words(" \"*- ").unwrap_err().to_string().contains("has no words"));
    }
}
