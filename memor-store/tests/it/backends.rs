//! The stores each backend test runs on: a fresh SQLite file, and a fresh PostgreSQL database.

use memor_store::Store;

/// A fresh SQLite store in a temporary directory.
pub(crate) fn sqlite() -> Box<dyn Store> {
    let path = crate::tempdir().join("memor.db");
    memor_store::open(path.to_str().unwrap()).unwrap()
}

/// The server's URL, or `None` (said in the test output) when there is none and none is required.
pub(crate) fn postgres_url() -> Option<String> {
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

/// A fresh database on the test server, as a store.
#[cfg(feature = "postgres")]
pub(crate) fn postgres() -> Option<Box<dyn Store>> {
    let url = postgres_url()?;
    Some(memor_store::open(&fresh_database(&url)).unwrap())
}

#[cfg(not(feature = "postgres"))]
pub(crate) fn postgres() -> Option<Box<dyn Store>> {
    if postgres_url().is_some() {
        panic!("MEMOR_TEST_POSTGRES_URL is set but memor-store was built without its `postgres` feature");
    }
    None
}

/// Creates a new database on the server of `url`; the URL of that database.
#[cfg(feature = "postgres")]
pub(crate) fn fresh_database(url: &str) -> String {
    let name = format!("t_{}", uuid_like());
    let mut admin = postgres::Client::connect(&url.replace("postgres://", "postgresql://"), postgres::NoTls).unwrap();
    admin.batch_execute(&format!("CREATE DATABASE {name}")).unwrap();
    let (base, _) = url.rsplit_once('/').unwrap();
    format!("{base}/{name}")
}

#[cfg(feature = "postgres")]
fn uuid_like() -> String {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    format!("{}_{}", std::process::id(), N.fetch_add(1, Ordering::Relaxed))
}

/// Every backend available: SQLite always, PostgreSQL when the server is there.
pub(crate) fn all() -> Vec<(&'static str, Box<dyn Store>)> {
    let mut stores: Vec<(&'static str, Box<dyn Store>)> = vec![("sqlite", sqlite())];
    if let Some(pg) = postgres() {
        stores.push(("postgres", pg));
    }
    stores
}
