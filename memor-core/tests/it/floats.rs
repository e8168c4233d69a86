//! floats
