//! A deterministic synthetic session like `shared/bench/memor_py_baseline.py` builds:
//! alternating prompts and responses of 20–120 common words.

use memor_core::{Prompt, Response, Session, models};

const WORDS: &[&str] = &[
    "alpha", "beta", "gamma", "delta", "memory", "context", "window", "token", "prompt", "response", "model", "the",
    "of", "and", "to", "in", "is", "that", "for", "it", "as", "with", "was", "on", "be", "at", "by", "this", "had",
    "not", "are", "but", "from",
];

/// `n` messages, the same for the same `n`.
pub fn session(n: usize) -> Session {
    let mut state: u64 = 7;
    let mut next = move |bound: u64| {
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (state >> 33) % bound
    };
    let mut s = Session::new(Some("bench".into()));
    for i in 0..n {
        let len = 20 + next(101) as usize;
        let text = (0..len).map(|_| WORDS[next(WORDS.len() as u64) as usize]).collect::<Vec<_>>().join(" ");
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
