//! The SSE and NDJSON decoders: any body, cut into chunks anywhere, gives the same events as
//! the body fed whole, without a panic (and in time linear in the body: libFuzzer's
//! `-timeout` catches a decoder that rescans its buffer).
#![no_main]

use libfuzzer_sys::fuzz_target;
use memor_providers::{NdjsonDecoder, SseDecoder};

fuzz_target!(|data: &[u8]| {
    // The first byte picks the chunk size (1 to 256); the rest is the body.
    let Some((&size, body)) = data.split_first() else { return };
    let size = usize::from(size) + 1;

    let mut whole = SseDecoder::new();
    let mut expected = whole.feed(body);
    expected.extend(whole.finish());
    let mut chunked = SseDecoder::new();
    let mut events = Vec::new();
    for chunk in body.chunks(size) {
        events.extend(chunked.feed(chunk));
    }
    events.extend(chunked.finish());
    assert_eq!(events, expected, "SSE events depend on the chunking");

    let mut whole = NdjsonDecoder::new("fuzz");
    let expected = whole.feed(body).and_then(|mut values| {
        values.extend(whole.finish()?);
        Ok(values)
    });
    let mut chunked = NdjsonDecoder::new("fuzz");
    let mut values = Vec::new();
    let mut result = Ok(());
    for chunk in body.chunks(size) {
        match chunked.feed(chunk) {
            Ok(more) => values.extend(more),
            Err(e) => {
                result = Err(e);
                break;
            }
        }
    }
    let got = result.and_then(|()| {
        values.extend(chunked.finish()?);
        Ok(values)
    });
    match (got, expected) {
        (Ok(a), Ok(b)) => assert_eq!(a, b, "NDJSON values depend on the chunking"),
        (Err(_), Err(_)) => {}
        (a, b) => panic!("NDJSON chunked {a:?} but whole {b:?}"),
    }
});
