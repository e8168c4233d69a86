//! [`TokenCounter`]: one way of counting the tokens of a text.

/// A way of counting a text's tokens: memor's estimators, an exact tokenizer, or a third
/// party's.
///
/// memor's estimators (`universal`, `openai_gpt_3_5`, `openai_gpt_4`) and, with the `bpe`
/// feature, OpenAI's encodings (`cl100k_base`, `o200k_base`) are built in; others are added to
/// a [`CounterRegistry`](crate::CounterRegistry).
///
/// ```
/// use memor_tokenize::{CounterRegistry, TokenCounter};
///
/// /// One token per whitespace-separated word.
/// struct Words;
///
/// impl TokenCounter for Words {
///     fn id(&self) -> &str {
///         "words"
///     }
///     fn count(&self, text: &str) -> usize {
///         text.split_whitespace().count()
///     }
/// }
///
/// let mut registry = CounterRegistry::with_builtins();
/// registry.register(Words)?;
/// assert_eq!(registry.get("words")?.count("a memory of tokens"), 4);
/// assert_eq!(registry.get("universal")?.count("a memory of tokens"), 7); // memor 1.1 says 7
/// # Ok::<(), memor_tokenize::Error>(())
/// ```
pub trait TokenCounter: Send + Sync + 'static {
    /// The counter's id, as users name it (`cl100k_base`).
    fn id(&self) -> &str;

    /// The number of tokens in `text`.
    fn count(&self, text: &str) -> usize;
}
