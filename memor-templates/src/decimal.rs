//! Python 3.11 decimal digits (`str.isdecimal`, category Nd, Unicode 14.0) and their values.
//!
//! Generated; do not edit. Every Nd character belongs to a run of ten consecutive code points
//! with values 0 to 9; the table lists the first code point of each run. Regenerate with
//! Python 3.11 (Unicode 14.0):
//!
//! ```text
//! python3 -c 'import unicodedata as u; print([c for c in range(0x110000)
//!     if chr(c).isdecimal() and u.decimal(chr(c)) == 0])'
//! ```

/// First code point (the digit zero) of every run of ten Unicode decimal digits, sorted.
#[rustfmt::skip]
const ZEROS: &[u32] = &[
    0x0030, 0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6,
    0x0B66, 0x0BE6, 0x0C66, 0x0CE6, 0x0D66, 0x0DE6, 0x0E50, 0x0ED0,
    0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80,
    0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900,
    0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10, 0x104A0, 0x10D30, 0x11066,
    0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650, 0x116C0,
    0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0,
    0x16B50, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0,
    0x1E950, 0x1FBF0,
];

/// Python `Py_UNICODE_TODECIMAL`: the value of a Unicode decimal digit, or `None`.
pub(crate) fn decimal_value(ch: char) -> Option<u32> {
    let cp = u32::from(ch);
    let run = match ZEROS.binary_search(&cp) {
        Ok(i) => i,
        Err(0) => return None,
        Err(i) => i - 1,
    };
    let offset = cp - ZEROS.get(run).copied()?;
    (offset < 10).then_some(offset)
}
