//! Loaders never panic; whatever loads re-saves to text that loads back to the same bytes;
//! and the streamed session loader agrees with the whole-tree one.
#![no_main]

use libfuzzer_sys::fuzz_target;
use memor_core::{AnyDocument, Kind};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for kind in [None, Some(Kind::Prompt), Some(Kind::Response), Some(Kind::Session), Some(Kind::Template)] {
        if let Ok(doc) = AnyDocument::from_json(text, kind) {
            let saved = doc.to_json();
            assert_eq!(saved.len(), doc.get_size());
            let again = AnyDocument::from_json(&saved, Some(doc.kind())).expect("a saved file loads");
            assert_eq!(again.to_json(), saved, "save -> load -> save is stable");
        }
    }
    assert!(memor_core::json::__streaming_agrees(text), "streamed and whole-tree loading differ");
});
