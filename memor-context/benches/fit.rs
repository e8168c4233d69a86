//! Benchmarks: re-fitting a grown session, and cold counting.
fn main() {}
