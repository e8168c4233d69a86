//! Integration tests of memor-context.
