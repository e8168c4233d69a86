//! memor 1.1's token estimators (`TokensEstimator`, spec §14): heuristics that give memor's
//! numbers exactly, not a tokenizer's.

pub mod openai;
pub mod universal;
mod words;

use crate::TokenCounter;

/// memor's `TokensEstimator`: `UNIVERSAL` (the default), `OPENAI_GPT_3_5` and `OPENAI_GPT_4`.
///
/// Each is a [`TokenCounter`] registered under its [`id`](Estimator::id).
///
/// ```
/// use memor_tokenize::Estimator;
///
/// // memor 1.1: 12, 15 and 16.
/// let code = "def add(a, b):\n    return a + b";
/// assert_eq!(Estimator::Universal.estimate(code), 12);
/// assert_eq!(Estimator::OpenAiGpt35.estimate(code), 15);
/// assert_eq!(Estimator::OpenAiGpt4.estimate(code), 16);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Estimator {
    /// `TokensEstimator.UNIVERSAL` (and `DEFAULT`): a word and symbol tokenizer with code and
    /// text rules.
    #[default]
    Universal,
    /// `TokensEstimator.OPENAI_GPT_3_5`: character statistics.
    OpenAiGpt35,
    /// `TokensEstimator.OPENAI_GPT_4`: GPT-3.5's statistics × 1.05.
    OpenAiGpt4,
}

impl Estimator {
    /// The three estimators, in memor's order.
    pub const ALL: [Estimator; 3] = [Estimator::Universal, Estimator::OpenAiGpt35, Estimator::OpenAiGpt4];

    /// The counter id: `universal`, `openai_gpt_3_5` or `openai_gpt_4`.
    pub fn id(self) -> &'static str {
        match self {
            Estimator::Universal => "universal",
            Estimator::OpenAiGpt35 => "openai_gpt_3_5",
            Estimator::OpenAiGpt4 => "openai_gpt_4",
        }
    }

    /// memor's attribute name: `UNIVERSAL`, `OPENAI_GPT_3_5` or `OPENAI_GPT_4`.
    pub fn memor_name(self) -> &'static str {
        match self {
            Estimator::Universal => "UNIVERSAL",
            Estimator::OpenAiGpt35 => "OPENAI_GPT_3_5",
            Estimator::OpenAiGpt4 => "OPENAI_GPT_4",
        }
    }

    /// The estimator with this counter id or memor name.
    pub fn from_name(name: &str) -> Option<Estimator> {
        Estimator::ALL.into_iter().find(|e| e.id() == name || e.memor_name() == name)
    }

    /// memor's estimate of `text`'s tokens.
    pub fn estimate(self, text: &str) -> usize {
        match self {
            Estimator::Universal => universal::estimate(text),
            Estimator::OpenAiGpt35 => openai::estimate_gpt_3_5(text),
            Estimator::OpenAiGpt4 => openai::estimate_gpt_4(text),
        }
    }
}

impl TokenCounter for Estimator {
    fn id(&self) -> &str {
        Estimator::id(*self)
    }

    fn count(&self, text: &str) -> usize {
        self.estimate(text)
    }
}
