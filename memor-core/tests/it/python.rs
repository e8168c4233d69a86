//! Files written here load in Python memor 1.1, which re-saves them to the same bytes.
//!
//! Needs `python3` with `memor==1.1` (`cargo xtask ci` installs it and sets
//! `MEMOR_REQUIRE_PYTHON=1`, which turns a missing Python memor into a failure).

use std::io::Write;
use std::process::{Command, Stdio};

use memor_core::{AnyDocument, Message, Prompt, PromptTemplate, Session};
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::TestRunner;
use serde_json::Value;

use crate::roundtrip;

fn python_memor_available() -> bool {
    let probe = Command::new("python3").args(["-c", "import memor; assert memor.MEMOR_VERSION == '1.1'"]).output();
    let available = probe.is_ok_and(|o| o.status.success());
    if !available && std::env::var_os("MEMOR_REQUIRE_PYTHON").is_some() {
        panic!("MEMOR_REQUIRE_PYTHON is set but `python3 -c 'import memor'` (memor 1.1) fails");
    }
    available
}

/// Our own fields (provider metadata, a template's engine) are not memor's: Python memor loads
/// files that have them but drops them, so byte equality is checked without them.
fn memor_fields_only(doc: &mut AnyDocument) {
    let strip = |r: &mut memor_core::Response| {
        r.update_provider_metadata(None);
        r.update_tool_calls(Vec::new());
        r.update_reasoning(Vec::new());
    };
    match doc {
        AnyDocument::Response(r) => strip(r),
        AnyDocument::Prompt(p) => {
            strip_prompt(p);
            (0..p.responses().len()).for_each(|i| strip(p.response_mut(i).unwrap()))
        }
        AnyDocument::Session(s) => {
            for i in 0..s.len() {
                match s.get_message_mut(i) {
                    Some(Message::Response(r)) => strip(r),
                    Some(Message::Prompt(p)) => {
                        strip_prompt(p);
                        (0..p.responses().len()).for_each(|j| strip(p.response_mut(j).unwrap()))
                    }
                    None => {}
                }
            }
        }
        AnyDocument::Template(_) => {}
    }
}

fn strip_prompt(p: &mut memor_core::Prompt) {
    p.update_tool_results(Vec::new());
    p.update_images(Vec::new());
}

/// The keys of our own fields in prompts and responses.
const OUR_KEYS: [&str; 5] = ["provider_metadata", "tool_calls", "tool_results", "images", "reasoning"];

fn drop_key(value: &mut Value, key: &str) {
    match value {
        Value::Object(map) => {
            map.shift_remove(key);
            map.values_mut().for_each(|v| drop_key(v, key));
        }
        Value::Array(items) => items.iter_mut().for_each(|v| drop_key(v, key)),
        _ => {}
    }
}

/// memor cannot write a template without custom map (spec Q7): give those an empty one. And
/// memor drops what it does not know (the engine of a non-memor template), so use memor's.
fn with_custom_map(t: &mut PromptTemplate) {
    if t.custom_map().is_none() {
        t.update_map(Some(serde_json::Map::new()));
    }
    *t = t.clone().with_engine(memor_core::MEMOR_ENGINE);
}

fn samples<T>(strategy: impl Strategy<Value = T>, n: usize, runner: &mut TestRunner) -> Vec<T> {
    (0..n).map(|_| strategy.new_tree(runner).unwrap().current()).collect()
}

#[test]
fn python_memor_reads_and_rewrites_our_files_byte_for_byte() {
    if !python_memor_available() {
        eprintln!("skipped: Python memor 1.1 is not installed (pip install memor==1.1)");
        return;
    }
    let mut runner = TestRunner::deterministic();
    let mut docs: Vec<AnyDocument> = Vec::new();
    docs.extend(samples(roundtrip::response(), 60, &mut runner).into_iter().map(AnyDocument::Response));
    for mut t in samples(roundtrip::template(), 60, &mut runner) {
        with_custom_map(&mut t);
        docs.push(AnyDocument::Template(t));
    }
    for mut p in samples(roundtrip::prompt(), 60, &mut runner) {
        with_custom_map(p.template_mut());
        docs.push(AnyDocument::Prompt(p));
    }
    for mut s in samples(roundtrip::session(), 60, &mut runner) {
        for i in 0..s.len() {
            if let Some(Message::Prompt(p)) = s.get_message_mut(i) {
                with_custom_map(p.template_mut());
            }
        }
        docs.push(AnyDocument::Session(s));
    }
    docs.push(AnyDocument::Prompt(Prompt::default()));
    docs.push(AnyDocument::Session(Session::default()));
    // Files with our extra fields must still load in Python memor (checked below, apart).
    let extended: Vec<AnyDocument> =
        docs.iter().filter(|d| OUR_KEYS.iter().any(|k| d.to_json().contains(&format!("\"{k}\"")))).cloned().collect();
    docs.iter_mut().for_each(memor_fields_only);

    let dir = crate::objects::tempdir();
    let mut paths = String::new();
    for (i, doc) in docs.iter().enumerate() {
        let path = dir.join(format!("{i}.json"));
        doc.save(&path).unwrap();
        paths.push_str(&format!("{}\n", path.display()));
    }
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/it/memor_py.py");
    let mut child = Command::new("python3").arg(script).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all(paths.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let lines: Vec<Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), docs.len());
    for (i, (doc, python)) in docs.iter().zip(&lines).enumerate() {
        let ours = doc.to_json();
        assert_eq!(python.get("error"), None, "file {i} ({:?}) did not load in Python memor:\n{ours}", doc.kind());
        assert_eq!(python["text"].as_str(), Some(ours.as_str()), "file {i}: Python memor re-saves other bytes");
        assert_eq!(python["size"].as_u64(), Some(doc.get_size() as u64), "file {i}: get_size");
    }
    eprintln!("Python memor 1.1 re-saved all {} files byte for byte", docs.len());

    // Our extra fields: Python memor loads such files (it ignores keys it does not know) and
    // re-saves them without those keys, otherwise the same.
    assert!(!extended.is_empty());
    let mut paths = String::new();
    for (i, doc) in extended.iter().enumerate() {
        let path = dir.join(format!("extended-{i}.json"));
        doc.save(&path).unwrap();
        paths.push_str(&format!("{}\n", path.display()));
    }
    let mut child = Command::new("python3").arg(script).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all(paths.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    let lines: Vec<Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    for (doc, python) in extended.iter().zip(&lines) {
        assert_eq!(python.get("error"), None, "a file with our fields did not load in Python memor");
        let mut ours = serde_json::to_value(doc).unwrap();
        OUR_KEYS.iter().for_each(|k| drop_key(&mut ours, k));
        assert_eq!(python["text"].as_str(), Some(memor_core::json::to_string(&ours).unwrap().as_str()));
    }
    let kinds = |k: &str| extended.iter().filter(|d| d.to_json().contains(&format!("\"{k}\""))).count();
    OUR_KEYS.iter().for_each(|k| assert!(kinds(k) > 0, "no generated file has {k}"));
    eprintln!(
        "Python memor 1.1 loaded all {} files with our fields (provider metadata, tool calls and results, images, reasoning state)",
        extended.len()
    );
}
