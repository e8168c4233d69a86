//! Where a store lives: a SQLite file or a PostgreSQL server, parsed from a path or URL.

use std::fmt;
use std::path::PathBuf;

use crate::{Error, Result};

/// A store's location, as given to [`open`](crate::open): `memor.db`, `sqlite://PATH`, or
/// `postgres://USER[:PASSWORD]@HOST[:PORT]/DB` (`postgresql://` too).
///
/// `Display` and `Debug` never show a password.
///
/// ```
/// use memor_store::Location;
/// let pg = Location::parse("postgres://ann:s3cret@db.example:6543/chats")?;
/// assert_eq!(pg.to_string(), "postgres://ann@db.example:6543/chats");
/// assert!(!format!("{pg:?}").contains("s3cret"));
/// assert_eq!(Location::parse("sqlite://data/memor.db")?.to_string(), "data/memor.db");
/// # Ok::<(), memor_store::Error>(())
/// ```
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Location {
    /// A SQLite database file.
    Sqlite(PathBuf),
    /// A PostgreSQL database.
    Postgres(PgConfig),
}

/// How to reach a PostgreSQL database. The password, from the URL or `PGPASSWORD`, is never
/// shown by `Display` or `Debug`.
#[derive(Clone, PartialEq, Eq)]
pub struct PgConfig {
    /// The user name.
    pub user: String,
    pub(crate) password: Option<String>,
    /// The host name or address.
    pub host: String,
    /// The port (5432 when not given).
    pub port: u16,
    /// The database (the user name when not given).
    pub dbname: String,
    /// The most connections the store keeps open at once (`?pool=N`, 4 when not given).
    pub pool_size: usize,
    /// Whether to talk TLS (`?sslmode=require`, `verify-ca` or `verify-full`; `disable`, the
    /// default, does not). With TLS the server's certificate is always verified.
    pub tls: bool,
    /// The PEM file of the certificate authorities to verify the server against
    /// (`?sslrootcert=FILE`); the webpki roots when not given.
    pub root_cert: Option<PathBuf>,
}

impl PgConfig {
    /// Whether a password was given (in the URL or `PGPASSWORD`).
    pub fn has_password(&self) -> bool {
        self.password.is_some()
    }
}

impl Location {
    /// Parses a path or URL. A PostgreSQL URL without a password takes it from `PGPASSWORD`.
    pub fn parse(given: &str) -> Result<Location> {
        if let Some(path) = given.strip_prefix("sqlite://") {
            if path.is_empty() {
                return Err(bad(given, "the URL names no file"));
            }
            return Ok(Location::Sqlite(PathBuf::from(path)));
        }
        let rest = ["postgres://", "postgresql://"].iter().find_map(|scheme| given.strip_prefix(scheme));
        match rest {
            Some(rest) => parse_postgres(given, rest).map(Location::Postgres),
            None if given.contains("://") => {
                Err(bad(given, "unknown scheme (expected a file path, sqlite://PATH or postgres://…)"))
            }
            None if given.is_empty() => Err(bad(given, "no path given")),
            None => Ok(Location::Sqlite(PathBuf::from(given))),
        }
    }
}

fn parse_postgres(given: &str, rest: &str) -> Result<PgConfig> {
    let (rest, query) = rest.split_once('?').unwrap_or((rest, ""));
    let (authority, dbname) = rest.split_once('/').unwrap_or((rest, ""));
    let (userinfo, hostport) = match authority.rsplit_once('@') {
        Some((userinfo, hostport)) => (Some(userinfo), hostport),
        None => (None, authority),
    };
    let (user, password) = match userinfo {
        Some(info) => match info.split_once(':') {
            Some((user, password)) => (decode(given, user)?, Some(decode(given, password)?)),
            None => (decode(given, info)?, None),
        },
        None => (String::new(), None),
    };
    let (host, port) = match hostport.rsplit_once(':') {
        Some((host, port)) => {
            let port = port.parse::<u16>().map_err(|_| bad(given, &format!("`{port}` is not a port number")))?;
            (host, port)
        }
        None => (hostport, 5432),
    };
    if host.is_empty() {
        return Err(bad(given, "the URL names no host"));
    }
    let user = if user.is_empty() { std::env::var("PGUSER").unwrap_or_default() } else { user };
    if user.is_empty() {
        return Err(bad(given, "the URL names no user (postgres://USER@HOST/DB)"));
    }
    let (mut pool_size, mut tls, mut root_cert) = (4, false, None);
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        match pair.split_once('=') {
            Some(("pool", n)) => {
                pool_size = n
                    .parse()
                    .ok()
                    .filter(|&n| n > 0)
                    .ok_or_else(|| bad(given, &format!("pool size `{n}` is not a positive number")))?;
            }
            Some(("sslmode", "disable")) => tls = false,
            Some(("sslmode", "require" | "verify-ca" | "verify-full")) => tls = true,
            Some(("sslmode", mode)) => {
                return Err(bad(
                    given,
                    &format!("sslmode `{mode}` is not one of disable, require, verify-ca, verify-full"),
                ));
            }
            Some(("sslrootcert", file)) => root_cert = Some(PathBuf::from(decode(given, file)?)),
            _ => {
                return Err(bad(given, &format!("unknown URL parameter `{pair}` (known: pool, sslmode, sslrootcert)")));
            }
        }
    }
    let password = password.or_else(|| std::env::var("PGPASSWORD").ok().filter(|p| !p.is_empty()));
    let dbname = if dbname.is_empty() { user.clone() } else { decode(given, dbname)? };
    Ok(PgConfig { user, password, host: host.to_owned(), port, dbname, pool_size, tls, root_cert })
}

/// `%XX` escapes of a URL part.
fn decode(given: &str, part: &str) -> Result<String> {
    let bytes = part.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = part.get(i + 1..i + 3).and_then(|h| u8::from_str_radix(h, 16).ok());
            out.push(hex.ok_or_else(|| bad(given, "a `%` escape is not two hex digits"))?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| bad(given, "an escape is not UTF-8"))
}

/// The error for `given`, with its password (if any) hidden.
fn bad(given: &str, reason: &str) -> Error {
    Error::Location { given: redact(given), reason: reason.to_owned() }
}

/// `given` with the password of a `scheme://user:password@host` URL replaced by `***`.
pub(crate) fn redact(given: &str) -> String {
    let Some((scheme, rest)) = given.split_once("://") else { return given.to_owned() };
    let authority_end = rest.find('/').unwrap_or(rest.len());
    match rest[..authority_end].rsplit_once('@') {
        Some((info, _)) if info.contains(':') => {
            let user = info.split(':').next().unwrap_or_default();
            format!("{scheme}://{user}:***@{}", &rest[info.len() + 1..])
        }
        _ => given.to_owned(),
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::Sqlite(path) => write!(f, "{}", path.display()),
            Location::Postgres(pg) => write!(f, "{pg}"),
        }
    }
}

impl fmt::Debug for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::Sqlite(path) => f.debug_tuple("Sqlite").field(path).finish(),
            Location::Postgres(pg) => f.debug_tuple("Postgres").field(pg).finish(),
        }
    }
}

impl fmt::Display for PgConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "postgres://{}@{}:{}/{}", self.user, self.host, self.port, self.dbname)
    }
}

impl fmt::Debug for PgConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PgConfig")
            .field("user", &self.user)
            .field("password", &self.password.as_ref().map(|_| "***"))
            .field("host", &self.host)
            .field("port", &self.port)
            .field("dbname", &self.dbname)
            .field("pool_size", &self.pool_size)
            .field("tls", &self.tls)
            .field("root_cert", &self.root_cert)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn urls() {
        let Location::Postgres(pg) = Location::parse("postgresql://a%40b:p%3Aw@[::1]:7/x%20y?pool=2").unwrap() else {
            unreachable!()
        };
        assert_eq!((pg.user.as_str(), pg.password.as_deref(), pg.host.as_str()), ("a@b", Some("p:w"), "[::1]"));
        assert_eq!((pg.port, pg.dbname.as_str(), pg.pool_size), (7, "x y", 2));
        for (given, reason) in [
            ("postgres://u:pw@h:99999/d", "`99999` is not a port number"),
            ("postgres://u:pw@/d", "the URL names no host"),
            ("postgres://u:pw@h/d?pool=0", "pool size `0` is not a positive number"),
            ("postgres://u:pw@h/d?x=1", "unknown URL parameter `x=1` (known: pool, sslmode, sslrootcert)"),
            (
                "postgres://u:pw@h/d?sslmode=allow",
                "sslmode `allow` is not one of disable, require, verify-ca, verify-full",
            ),
            ("mysql://u:pw@h/d", "unknown scheme (expected a file path, sqlite://PATH or postgres://…)"),
        ] {
            let err = Location::parse(given).unwrap_err().to_string();
            assert!(err.ends_with(reason), "{given}: {err}");
            assert!(!err.contains("pw"), "{err}");
        }
    }
}
