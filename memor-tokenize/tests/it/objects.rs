//! memor's `estimate_tokens` on every fixture object (40 responses, 44 prompts, 16 sessions):
//! on the expected STRING render's text, and on the loaded object through the extension trait.

use memor_core::{Document, Prompt, Response, Session};
use memor_tokenize::prelude::*;
use memor_tokenize::{Error, Estimator};
use serde_json::Value;

use crate::fixtures;

const KINDS: [(&str, &str, usize); 3] = [("responses", "R", 40), ("prompts", "P", 44), ("sessions", "S", 16)];

/// memor's outcome: the count, or `None` for its `MemorRenderError`.
fn outcome(expected: &Value, estimator: Estimator) -> Option<usize> {
    let outcome = &expected["estimate_tokens"][estimator.memor_name()];
    if let Some(error) = outcome.get("error") {
        assert_eq!(error["class"], "MemorRenderError");
        assert_eq!(error["message"], "Prompt template and properties are incompatible.");
        return None;
    }
    Some(outcome["value"].as_u64().unwrap() as usize)
}

#[test]
fn estimates_of_string_renders_match_memor() {
    let (mut checked, mut errors) = (0, 0);
    for (dir, prefix, n) in KINDS {
        for i in 0..n {
            let id = format!("{prefix}{i:03}");
            let expected = fixtures::testdata(&format!("conformance/objects/{dir}/{id}.expected.json"));
            let string = &expected["render"]["STRING"];
            assert_eq!(string.get("value"), expected["str"].get("value"), "{id}: str() is the STRING render");
            for estimator in Estimator::ALL {
                let want = outcome(&expected, estimator);
                match string.get("value") {
                    Some(text) => assert_eq!(Some(estimator.estimate(text.as_str().unwrap())), want, "{id}"),
                    None => {
                        assert_eq!(want, None, "{id}: a render error is an estimate error");
                        errors += 1;
                    }
                }
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 3 * 100);
    assert_eq!(errors, 3 * 10);
}

#[test]
fn estimate_tokens_of_loaded_objects_matches_memor() {
    let mut checked = 0;
    for (dir, prefix, n) in KINDS {
        for i in 0..n {
            let id = format!("{prefix}{i:03}");
            let file = fixtures::testdata_text(&format!("conformance/objects/{dir}/{id}.json"));
            let expected = fixtures::testdata(&format!("conformance/objects/{dir}/{id}.expected.json"));
            for estimator in Estimator::ALL {
                let got = match prefix {
                    "R" => Response::from_json(&file).unwrap().estimate_tokens(&estimator),
                    "P" => Prompt::from_json(&file).unwrap().estimate_tokens(&estimator),
                    _ => Session::from_json(&file).unwrap().estimate_tokens(&estimator),
                };
                match outcome(&expected, estimator) {
                    Some(want) => assert_eq!(got.unwrap(), want, "{id} {}", estimator.memor_name()),
                    None => {
                        let err = got.unwrap_err();
                        assert!(matches!(err, Error::Render(_)), "{id}: {err:?}");
                        assert_eq!(err.to_string(), "Prompt template and properties are incompatible.");
                    }
                }
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 300);
}
