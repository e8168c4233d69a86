//! XML helpers against the fixtures.
