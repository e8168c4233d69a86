//! What the workspace's tests share, as a dev-dependency only (`xtask tidy` checks that no
//! crate builds on it): [`http`], a small HTTP/1.1 server on 127.0.0.1, so that providers,
//! embedders and the CLI are tested over real sockets rather than mocks.

pub mod http;
