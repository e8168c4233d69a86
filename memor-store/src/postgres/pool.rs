//! A small pool of blocking PostgreSQL connections.

use std::sync::{Condvar, Mutex};
use std::time::Duration;

use postgres::{Client, NoTls};
use tokio_postgres_rustls::MakeRustlsConnect;

use crate::{Error, PgConfig, Result};

/// Up to `size` connections, opened when first needed and reused; a caller waits while all
/// are in use. A connection that is found closed is dropped and replaced.
pub(crate) struct Pool {
    config: postgres::Config,
    /// The TLS connector, when the location asks for TLS.
    tls: Option<MakeRustlsConnect>,
    shown: String,
    size: usize,
    state: Mutex<State>,
    freed: Condvar,
}

struct State {
    idle: Vec<Client>,
    open: usize,
}

/// A connection lent by the pool; it goes back when dropped.
pub(crate) struct Lease<'p> {
    pool: &'p Pool,
    client: Option<Client>,
}

impl Pool {
    pub(crate) fn new(config: &PgConfig) -> Result<Pool> {
        let mut pg = postgres::Config::new();
        pg.user(&config.user).host(&config.host).port(config.port).dbname(&config.dbname);
        pg.connect_timeout(Duration::from_secs(10)).application_name("memor");
        if let Some(password) = &config.password {
            pg.password(password);
        }
        let tls = match config.tls {
            true => {
                pg.ssl_mode(postgres::config::SslMode::Require);
                Some(super::tls::connector(config)?)
            }
            false => None,
        };
        Ok(Pool {
            config: pg,
            tls,
            shown: config.to_string(),
            size: config.pool_size,
            state: Mutex::new(State { idle: Vec::new(), open: 0 }),
            freed: Condvar::new(),
        })
    }

    /// Where the pool connects, without the password.
    pub(crate) fn shown(&self) -> &str {
        &self.shown
    }

    pub(crate) fn get(&self) -> Result<Lease<'_>> {
        let mut state = self.state.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        loop {
            while let Some(client) = state.idle.pop() {
                if !client.is_closed() {
                    return Ok(Lease { pool: self, client: Some(client) });
                }
                state.open -= 1;
            }
            if state.open < self.size {
                state.open += 1;
                drop(state);
                let connected = match &self.tls {
                    Some(tls) => self.config.connect(tls.clone()),
                    None => self.config.connect(NoTls),
                };
                return match connected {
                    Ok(client) => Ok(Lease { pool: self, client: Some(client) }),
                    Err(e) => {
                        self.release(None);
                        Err(Error::Database { location: self.shown.clone(), message: super::message(&e) })
                    }
                };
            }
            state = self.freed.wait(state).unwrap_or_else(std::sync::PoisonError::into_inner);
        }
    }

    fn release(&self, client: Option<Client>) {
        let mut state = self.state.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        match client {
            Some(c) if !c.is_closed() => state.idle.push(c),
            _ => state.open -= 1,
        }
        self.freed.notify_one();
    }
}

impl std::ops::Deref for Lease<'_> {
    type Target = Client;

    fn deref(&self) -> &Client {
        // Always `Some` until dropped.
        self.client.as_ref().unwrap_or_else(|| unreachable!("a lease holds its client until dropped"))
    }
}

impl std::ops::DerefMut for Lease<'_> {
    fn deref_mut(&mut self) -> &mut Client {
        self.client.as_mut().unwrap_or_else(|| unreachable!("a lease holds its client until dropped"))
    }
}

impl Drop for Lease<'_> {
    fn drop(&mut self) {
        self.pool.release(self.client.take());
    }
}
