//! Bad locations and bad files: a clear error naming the path or server (never a password),
//! and nothing changed.

use std::time::Duration;

use memor_store::{Error, SqliteOptions, SqliteStore};

fn open_err(given: &str) -> String {
    memor_store::open_existing(given).unwrap_err().to_string()
}

#[test]
fn missing_directory_and_foreign_files() {
    let dir = crate::tempdir();
    let missing = dir.join("missing.db");
    assert_eq!(open_err(missing.to_str().unwrap()), format!("{}: no such file", missing.display()));
    assert!(!missing.exists(), "nothing was created");
    assert_eq!(
        open_err(dir.to_str().unwrap()),
        format!("{}: is a directory, not a SQLite database file", dir.display())
    );
    for (name, bytes) in [
        ("text.db", b"this is not a database, just some text that is long enough to matter".repeat(100)),
        ("json.db", br#"{"type": "Session", "title": null}"#.to_vec()),
        (
            "truncated.db",
            std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/store-v1.db")).unwrap()[..1000].to_vec(),
        ),
    ] {
        let path = dir.join(name);
        std::fs::write(&path, &bytes).unwrap();
        let err = open_err(path.to_str().unwrap());
        assert!(err.starts_with(&format!("{}: ", path.display())), "{err}");
        assert!(err.contains("not a SQLite database") || err.contains("malformed"), "{name}: {err}");
        assert_eq!(std::fs::read(&path).unwrap(), bytes, "{name} is unchanged");
    }
}

#[test]
fn a_locked_database_fails_after_the_busy_timeout() {
    let path = crate::tempdir().join("locked.db");
    let mut options = SqliteOptions::default();
    options.busy_timeout = Duration::from_millis(200);
    let store = SqliteStore::open(&path, &options).unwrap();
    let holder = rusqlite::Connection::open(&path).unwrap();
    holder.execute_batch("BEGIN EXCLUSIVE").unwrap();
    let err = memor_store::Store::create(&store, &memor_store::NewConversation::default()).unwrap_err().to_string();
    assert!(err.starts_with(&format!("{}: database is locked", path.display())), "{err}");
    holder.execute_batch("ROLLBACK").unwrap();
    assert!(memor_store::Store::create(&store, &memor_store::NewConversation::default()).is_ok());
}

#[test]
fn malformed_urls_are_refused_without_their_password() {
    for (given, reason) in [
        ("postgres://ann:hunter2@:5432/db", "the URL names no host"),
        ("postgres://ann:hunter2@host:port/db", "`port` is not a port number"),
        ("mysql://ann:hunter2@host/db", "unknown scheme"),
        ("sqlite://", "the URL names no file"),
        ("", "no path given"),
    ] {
        let err = memor_store::open(given).unwrap_err();
        assert!(matches!(err, Error::Location { .. }));
        let text = err.to_string();
        assert!(text.contains(reason), "{given}: {text}");
        assert!(!text.contains("hunter2") && !format!("{err:?}").contains("hunter2"), "{text}");
    }
}

#[cfg(feature = "postgres")]
#[test]
fn unreachable_servers_and_refused_passwords_name_the_server_only() {
    // Nothing listens on port 1 of this machine.
    let err = memor_store::open("postgres://ann:hunter2@127.0.0.1:1/db").unwrap_err();
    let text = err.to_string();
    assert!(text.starts_with("postgres://ann@127.0.0.1:1/db: "), "{text}");
    assert!(!text.contains("hunter2") && !format!("{err:?}").contains("hunter2"), "{text}");
    let Some(url) = crate::backends::postgres_url() else { return };
    let (scheme_user, rest) = url.split_once('@').unwrap();
    let user = scheme_user.trim_start_matches("postgres://").split(':').next().unwrap();
    let wrong = format!("postgres://{user}:not-the-password-hunter2@{rest}");
    let err = memor_store::open(&wrong).unwrap_err();
    let text = err.to_string();
    assert!(text.contains("password authentication failed"), "{text}");
    assert!(text.starts_with(&format!("postgres://{user}@")), "{text}");
    assert!(!text.contains("hunter2") && !format!("{err:?}").contains("hunter2"), "{text}");
}

#[test]
fn a_corrupt_stored_message_is_named_when_loading() {
    let path = crate::tempdir().join("corrupt-row.db");
    let store = memor_store::open(path.to_str().unwrap()).unwrap();
    let session = <memor_core::Session as memor_core::Document>::load(crate::fixture_sessions()[3].clone()).unwrap();
    let c = memor_store::Store::import(store.as_ref(), &session, &memor_store::NewConversation::default()).unwrap();
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute("UPDATE messages SET json = '{\"type\": \"Prompt\", \"message\": 5}' WHERE position = 1", [])
        .unwrap();
    let err = store.load(&c.id).unwrap_err();
    assert!(matches!(err, Error::Corrupt { .. }), "{err}");
    let text = err.to_string();
    assert!(
        text.starts_with(&format!("{}: conversation {}, message 1 cannot be read back: ", path.display(), c.id)),
        "{text}"
    );
}

/// TLS when asked: the server's certificate is verified against `sslrootcert`, and a server
/// whose certificate no root vouches for is refused.
#[cfg(feature = "postgres")]
#[test]
fn tls_connections_verify_the_server() {
    let Some(url) = crate::backends::postgres_url() else { return };
    let ca = std::env::var("MEMOR_TEST_POSTGRES_CA").expect("the test server's CA (MEMOR_TEST_POSTGRES_CA)");
    let db = crate::backends::fresh_database(&url);
    let (userinfo, rest) = db.split_once('@').unwrap();
    let (upstream, dbname) = rest.split_once('/').unwrap();
    let front = crate::tls_front::start(upstream.to_owned(), std::path::Path::new(&ca).parent().unwrap());
    let over_tls = format!("{userinfo}@{front}/{dbname}");
    let store = memor_store::open(&format!("{over_tls}?sslmode=require&sslrootcert={ca}")).unwrap();
    let mut session = memor_core::Session::new(Some("over TLS".into()));
    session.add_message(memor_core::Prompt::builder().message("hi").build());
    let c = memor_store::Store::import(store.as_ref(), &session, &memor_store::NewConversation::default()).unwrap();
    let loaded = store.load(&c.id).unwrap();
    assert_eq!(memor_core::Document::to_json(&loaded), memor_core::Document::to_json(&session));
    // The webpki roots do not vouch for the test CA; plain connections get no answer here.
    let err = memor_store::open(&format!("{over_tls}?sslmode=verify-full")).unwrap_err().to_string();
    assert!(err.contains("certificate"), "{err}");
    let password = userinfo.rsplit_once(':').unwrap().1;
    assert!(!err.contains(password), "{err}");
    assert!(memor_store::open(&over_tls).is_err(), "the front speaks TLS only");
}
