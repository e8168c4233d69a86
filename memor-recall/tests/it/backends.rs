//! The databases each test runs on: a fresh SQLite file, and a fresh PostgreSQL database on
//! the test server (`MEMOR_TEST_POSTGRES_URL`; `MEMOR_REQUIRE_POSTGRES` makes its absence a
//! failure).

use memor_recall::Memories;

/// A fresh SQLite database's location.
pub(crate) fn sqlite_location() -> String {
    crate::tempdir().join("memor.db").to_str().unwrap().to_owned()
}

fn postgres_url() -> Option<String> {
    match std::env::var("MEMOR_TEST_POSTGRES_URL") {
        Ok(url) if !url.is_empty() => Some(url),
        _ if std::env::var_os("MEMOR_REQUIRE_POSTGRES").is_some() => {
            panic!("MEMOR_REQUIRE_POSTGRES is set but MEMOR_TEST_POSTGRES_URL is not: no PostgreSQL server to test")
        }
        _ => {
            eprintln!("postgres: no server (MEMOR_TEST_POSTGRES_URL is not set); PostgreSQL backend not tested here");
            None
        }
    }
}

/// A fresh database on the test server: its location.
#[cfg(feature = "postgres")]
fn postgres_location() -> Option<String> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    let url = postgres_url()?;
    let name = format!("r_{}_{}", std::process::id(), N.fetch_add(1, Ordering::Relaxed));
    let mut admin = postgres::Client::connect(&url.replace("postgres://", "postgresql://"), postgres::NoTls).unwrap();
    admin.batch_execute(&format!("CREATE DATABASE {name}")).unwrap();
    let (base, _) = url.rsplit_once('/').unwrap();
    Some(format!("{base}/{name}"))
}

#[cfg(not(feature = "postgres"))]
fn postgres_location() -> Option<String> {
    if postgres_url().is_some() {
        panic!("MEMOR_TEST_POSTGRES_URL is set but memor-recall was built without its `postgres` feature");
    }
    None
}

/// Every backend available, each a fresh database: `(name, location)`.
pub(crate) fn locations() -> Vec<(&'static str, String)> {
    let mut all = vec![("sqlite", sqlite_location())];
    if let Some(pg) = postgres_location() {
        all.push(("postgres", pg));
    }
    all
}

/// Every backend, opened.
pub(crate) fn all() -> Vec<(&'static str, Memories)> {
    locations().into_iter().map(|(name, at)| (name, Memories::open(&at).unwrap())).collect()
}
