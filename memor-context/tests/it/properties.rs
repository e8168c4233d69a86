//! Properties over random sessions (system prompts, tool exchanges, images, masks) and random
//! budgets, checked with the exact counter and an independent reference count.

use memor_context::{Counter, Error, Fit, ModelTable, Policy, fit};
use memor_core::{Message, Role, Session};
use proptest::prelude::*;

use crate::support::*;

#[derive(Clone, Debug)]
enum Part {
    System(usize),
    User(usize, bool),
    Assistant(usize, bool),
    Tool(usize, usize),
    Image(usize),
}

fn part() -> impl Strategy<Value = Part> {
    prop_oneof![
        1 => (1..20usize).prop_map(Part::System),
        4 => (1..60usize, any::<bool>()).prop_map(|(n, m)| Part::User(n, m)),
        4 => (1..60usize, any::<bool>()).prop_map(|(n, m)| Part::Assistant(n, m)),
        2 => (1..10usize, 1..80usize).prop_map(|(a, r)| Part::Tool(a, r)),
        1 => (1..10usize).prop_map(Part::Image),
    ]
}

const WORDS: [&str; 8] = ["memory", "token", "窓", "window", "naïve", "42", "emoji🙂", "tool"];

fn words(n: usize, seed: usize) -> String {
    (0..n).map(|i| WORDS[(i * 7 + seed) % WORDS.len()]).collect::<Vec<_>>().join(" ")
}

/// The session, and the indices of the masked messages.
fn build(parts: &[Part]) -> Session {
    let mut s = Session::new(None);
    let mut masks = Vec::new();
    for (k, p) in parts.iter().enumerate() {
        match p {
            Part::System(n) => s.add_message(system(&words(*n, k))),
            Part::User(n, masked) | Part::Assistant(n, masked) => {
                let m = if matches!(p, Part::User(..)) { user(&words(*n, k)) } else { assistant(&words(*n, k)) };
                if *masked && k % 3 == 0 {
                    masks.push(s.len());
                }
                s.add_message(m);
            }
            Part::Tool(a, r) => {
                let id = format!("call_{k}");
                s.add_message(call(&id, "search", city(&words(*a, k))));
                s.add_message(result(&id, "search", &words(*r, k + 1)));
            }
            Part::Image(n) => s.add_message(with_image(&words(*n, k), "https://example.com/a.png")),
        }
    }
    for i in masks {
        s.mask_message(i).unwrap();
    }
    s
}

fn is_system(s: &Session, i: usize) -> bool {
    s.get_message(i).unwrap().role() == Role::System
}

fn check(s: &Session, policy: &Policy, fit: &Fit) {
    let available = policy.budget - policy.reserve;
    let request = fit.request(s);
    // Never over the budget, by an independent count of what is sent; and exactly that count.
    let exact = reference_count("gpt-4o", &request);
    assert_eq!(fit.total, exact);
    assert!(exact <= available, "{exact} > {available}");
    // No orphaned tool result, no call without its results.
    memor_providers::turns(&request).unwrap();
    let first = request.iter().find(|m| m.role() != Role::System);
    assert!(first.is_none_or(|m| m.tool_results().is_empty()), "starts with a tool result");
    if policy.user_first && fit.warnings.is_empty() {
        assert!(first.is_none_or(|m| m.role() == Role::User), "starts with {:?}", first.map(Message::role));
    }
    // System messages and the newest user turn are kept.
    let enabled: Vec<usize> = (0..s.len()).filter(|&i| s.messages_status()[i]).collect();
    let kept: Vec<usize> = fit.kept.iter().map(|e| e.index).collect();
    for &i in &enabled {
        if is_system(s, i) {
            assert!(kept.contains(&i), "system message {i} dropped");
        }
    }
    if let Some(&newest) = enabled.iter().rev().find(|&&i| s.get_message(i).unwrap().role() == Role::User) {
        assert!(kept.contains(&newest), "newest user turn {newest} dropped");
    }
    assert_eq!(kept.len() + fit.dropped.len(), enabled.len());
    // Pinned messages are kept, with their tool exchange.
    for id in &policy.pinned {
        let i = s.iter().position(|m| m.id() == id).unwrap();
        if s.messages_status()[i] {
            assert!(kept.contains(&i), "pinned message {i} dropped");
        }
    }
    // Maximal: the newest dropped group would not have fitted (in tokens, or in the last N).
    let kept_messages = kept.iter().filter(|&&i| !is_system(s, i)).count();
    if !policy.user_first {
        if let Some(d) = fit.dropped.last() {
            let mut tokens = d.tokens.unwrap();
            let mut len = 1;
            if !s.get_message(d.index).unwrap().tool_results().is_empty() {
                tokens += fit.dropped[fit.dropped.len() - 2].tokens.unwrap();
                len = 2;
            }
            let over_last = policy.last.is_some_and(|n| kept_messages + len > n);
            assert!(
                fit.total + tokens > available || over_last,
                "group at {} would fit: {} + {tokens} <= {available}",
                d.index,
                fit.total
            );
        }
    }
    // At most the last N, beyond what must be kept (pinned groups, the newest turn's group).
    if let Some(n) = policy.last {
        let required = 2 * (policy.pinned.len() + 1);
        assert!(kept_messages <= n.max(required), "{kept_messages} kept with last {n}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 160, ..ProptestConfig::default() })]

    #[test]
    fn fits_are_within_budget_whole_and_maximal(
        parts in prop::collection::vec(part(), 1..24),
        budget in 30..1500usize,
        reserve in 0..25usize,
        user_first in any::<bool>(),
        last in prop::option::weighted(0.3, 1..12usize),
        pins in prop::collection::vec(any::<prop::sample::Index>(), 0..3),
    ) {
        let s = build(&parts);
        let counter = Counter::for_model("gpt-4o", &ModelTable::default()).unwrap();
        let mut policy = Policy::new(budget).reserve(reserve).user_first(user_first);
        policy.last = last;
        for pin in pins {
            policy = policy.pin(s.get_message(pin.index(s.len())).unwrap().id());
        }
        match fit(&s, &policy, &counter) {
            Ok(fit) => check(&s, &policy, &fit),
            Err(Error::TooLarge { newest, pinned, fixed, available, .. }) => {
                prop_assert_eq!(available, budget - reserve);
                prop_assert!(newest + pinned + fixed > available);
            }
            Err(e) => panic!("{e}"),
        }
    }
}
