//! The official Python SDKs as judges (`tests/sdk/judge.py`; the versions memor-providers
//! pins in `tests/sdk/requirements.txt`, installed by `cargo xtask ci`): for every case the
//! script reports, memor sends its request for the same texts to a loopback server answering
//! with the reply the SDK was given. memor's request must equal the SDK's (path, the key's
//! header, `content-type`, and the JSON body, value for value; the SDKs' own headers such as
//! `user-agent` are not compared), and the vectors memor reads must equal the SDK's.
//!
//! Needs `python3` with the SDKs; a missing SDK fails the test when `MEMOR_REQUIRE_PYTHON` is
//! set (as `cargo xtask ci` does) and skips it otherwise.

use std::process::Command;

use memor_embed::{Embedder, GeminiEmbeddings, MistralEmbeddings, OllamaEmbeddings, OpenAiEmbeddings};
use serde_json::Value;

use crate::server::{drain, embedder, ok, serve};

const KEY: &str = "sk-judge-0123456789";

/// The script's cases, or `None` when an SDK is missing and Python is not required.
fn cases() -> Option<Vec<Value>> {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/sdk/judge.py");
    let out = Command::new("python3").arg(script).output();
    let required = std::env::var_os("MEMOR_REQUIRE_PYTHON").is_some();
    match out {
        Ok(out) if out.status.success() => Some(serde_json::from_slice(&out.stdout).expect("judge.py prints JSON")),
        Ok(out) if out.status.code() == Some(3) && !required => {
            eprintln!("skipped: {}", String::from_utf8_lossy(&out.stderr).trim());
            None
        }
        Ok(out) => panic!(
            "judge.py failed ({}; `pip install -r memor-providers/tests/sdk/requirements.txt` installs the SDKs):\n{}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        ),
        Err(e) if !required => {
            eprintln!("skipped: no python3 ({e})");
            None
        }
        Err(e) => panic!("MEMOR_REQUIRE_PYTHON is set but python3 cannot run: {e}"),
    }
}

/// memor's embedder for a case, pointed at `base` as the SDK was.
fn ours(case: &Value, base: &str) -> (Box<dyn Embedder>, &'static [&'static str]) {
    let model = case["model"].as_str().unwrap();
    let dims = case["dimensions"].as_u64().map(|n| n as usize);
    match case["api"].as_str().unwrap() {
        "openai" => {
            let mut api = OpenAiEmbeddings::new(model).with_base_url(format!("{base}/v1")).with_api_key(KEY);
            if let Some(n) = dims {
                api = api.with_dimensions(n);
            }
            (Box::new(embedder(api)), &["content-type", "authorization"])
        }
        "mistral" => {
            let mut api = MistralEmbeddings::new(model).with_base_url(format!("{base}/v1")).with_api_key(KEY);
            if let Some(n) = dims {
                api = api.with_dimensions(n);
            }
            (Box::new(embedder(api)), &["content-type", "authorization"])
        }
        "gemini" => {
            let mut api = GeminiEmbeddings::new(model).with_base_url(base).with_api_key(KEY);
            if let Some(n) = dims {
                api = api.with_dimensions(n);
            }
            (Box::new(embedder(api)), &["content-type", "x-goog-api-key"])
        }
        "ollama" => {
            let mut api = OllamaEmbeddings::new(model).with_base_url(base);
            if let Some(n) = dims {
                api = api.with_dimensions(n);
            }
            (Box::new(embedder(api)), &["content-type", "authorization", "x-goog-api-key"])
        }
        other => panic!("unknown api {other}"),
    }
}

#[test]
fn requests_and_readings_match_the_official_sdks() {
    let Some(cases) = cases() else { return };
    assert!(cases.len() >= 8, "{} cases", cases.len());
    for case in &cases {
        let name = format!("{} {} {:?}", case["api"], case["model"], case["dimensions"]);
        let replies = case["replies"].as_array().unwrap().iter().map(|r| ok(r.as_str().unwrap())).collect();
        let (base, requests) = serve(replies);
        let (embedder, headers) = ours(case, &base);
        let texts: Vec<&str> = case["texts"].as_array().unwrap().iter().map(|t| t.as_str().unwrap()).collect();
        let read = embedder.embed(&texts).unwrap_or_else(|e| panic!("{name}: {e}"));
        let sent = drain(&requests);
        let theirs = case["requests"].as_array().unwrap();
        assert_eq!(sent.len(), theirs.len(), "{name}: number of requests");
        for (mine, theirs) in sent.iter().zip(theirs) {
            assert_eq!(mine.path, theirs["path"].as_str().unwrap(), "{name}: path");
            for header in headers {
                let expected = theirs["headers"][*header].as_str();
                assert_eq!(mine.header(header), expected, "{name}: header {header}");
            }
            assert_eq!(mine.json(), theirs["body"], "{name}: body");
        }
        let expected: Vec<Vec<f32>> = serde_json::from_value(case["read"].clone()).unwrap();
        assert_eq!(read, expected, "{name}: vectors read");
    }
}
