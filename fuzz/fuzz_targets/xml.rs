//! memor's XML helpers never panic, and a tree read from a text always turns back into text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use memor_render::xml;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let found = xml::contains_xml(text, false);
    let verified = xml::contains_xml(text, true);
    assert!(!verified || found, "verified XML must first be found");
    if let Ok(tree) = xml::xml_tree(text) {
        assert!(xml::message_from_tree(&tree).is_ok(), "xml_tree's own output is a valid tree");
    }
});
