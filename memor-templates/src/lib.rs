//! Template engines: memor's `str.format` placeholder engine with its 56 presets, Tera as a
//! second engine, and the engine trait and registry. Not built yet: this crate will own them.
