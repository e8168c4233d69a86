//! memor-recall's integration tests.
