//! A deterministic synthetic session like `shared/bench/memor_py_baseline.py` builds:
//! alternating prompts and responses of 20–120 common words; the mixed one also draws
//! non-ASCII words (as `bench/cli_side_by_side.py` does), which its file holds as `\uXXXX`.

use memor_core::{Prompt, Response, Session, models};

const WORDS: &[&str] = &[
    "alpha", "beta", "gamma", "delta", "memory", "context", "window", "token", "prompt", "response", "model", "the",
    "of", "and", "to", "in", "is", "that", "for", "it", "as", "with", "was", "on", "be", "at", "by", "this", "had",
    "not", "are", "but", "from",
];

/// Words of the mixed session beside [`WORDS`].
#[allow(dead_code)] // The render and tokenize benches share this file without the mixed session.
const NON_ASCII: &[&str] = &[
    "caf\u{e9}",
    "na\u{ef}ve",
    "\u{6771}\u{4eac}",
    "\u{30c7}\u{30fc}\u{30bf}",
    "\u{43c}\u{438}\u{440}",
    "emoji\u{1f600}",
    "gr\u{f6}\u{df}e",
];

/// `n` messages of ASCII words, the same for the same `n`.
pub fn session(n: usize) -> Session {
    words_session(n, WORDS)
}

/// `n` messages of ASCII and non-ASCII words, the same for the same `n`.
#[allow(dead_code)] // As above.
pub fn mixed_session(n: usize) -> Session {
    let words: Vec<&str> = WORDS.iter().chain(NON_ASCII).copied().collect();
    words_session(n, &words)
}

fn words_session(n: usize, words: &[&str]) -> Session {
    let mut state: u64 = 7;
    let mut next = move |bound: u64| {
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (state >> 33) % bound
    };
    let mut s = Session::new(Some("bench".into()));
    for i in 0..n {
        let len = 20 + next(101) as usize;
        let text = (0..len).map(|_| words[next(words.len() as u64) as usize]).collect::<Vec<_>>().join(" ");
        if i % 2 == 0 {
            s.add_message(Prompt::builder().message(text).build());
        } else {
            let tokens = text.len() as u64 / 4;
            let r = Response::builder().message(text).temperature(0.7).score(0.9).model(models::GPT_4).tokens(tokens);
            if let Ok(r) = r.build() {
                s.add_message(r);
            }
        }
    }
    s
}
