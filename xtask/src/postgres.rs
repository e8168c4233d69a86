//! A PostgreSQL 16 server with pgvector for the tests, from the PyPI package `pgserver`
//! (Debian's PostgreSQL has no pgvector): installed if needed, started on 127.0.0.1 in a
//! temporary directory (as `nobody` when we are root: PostgreSQL refuses to run as root), and
//! stopped, its directory removed, when the [`Server`] is dropped.

use std::path::{Path, PathBuf};
use std::process::Command;

const PGSERVER: &str = "pgserver==0.1.4";
const USER: &str = "memor";

/// A running server.
pub(crate) struct Server {
    dir: PathBuf,
    data: PathBuf,
    run_as: Option<&'static str>,
    /// `postgres://memor:PASSWORD@127.0.0.1:PORT/postgres`.
    pub(crate) url: String,
    /// The PEM file of a certificate authority that signed `server.pem` and `server.key`
    /// beside it, a TLS certificate for 127.0.0.1: pgserver's PostgreSQL is built without
    /// TLS, so the TLS tests put a TLS front (the protocol's own `SSLRequest`) before it.
    pub(crate) ca: PathBuf,
}

impl Server {
    pub(crate) fn start() -> Result<Server, String> {
        let bin = install()?.join("bin");
        let dir = std::env::temp_dir().join(format!("memor-pg-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).map_err(|e| format!("postgres: {}: {e}", dir.display()))?;
        let root = is_root();
        // As root, PostgreSQL runs as `nobody`, who cannot read root's home: run a copy, laid
        // out as in site-packages (the binaries find their libraries in `../../../pgserver.libs`).
        let bin = if root {
            let package = bin.parent().and_then(Path::parent).ok_or("postgres: odd pgserver layout")?;
            let site = package.parent().ok_or("postgres: odd pgserver layout")?;
            let copy = dir.join("site");
            std::fs::create_dir_all(&copy).map_err(|e| format!("postgres: {e}"))?;
            for part in ["pgserver", "pgserver.libs"] {
                run(Command::new("cp").arg("-a").arg(site.join(part)).arg(&copy), "copy the PostgreSQL binaries")?;
            }
            copy.join("pgserver/pginstall/bin")
        } else {
            bin
        };
        let data = dir.join("data");
        let password = format!("memor-ci-{}", std::process::id());
        let pwfile = dir.join("pwfile");
        std::fs::write(&pwfile, &password).map_err(|e| format!("postgres: {e}"))?;
        let port = free_port()?;
        let server = Server {
            dir: dir.clone(),
            data: data.clone(),
            run_as: root.then_some("nobody"),
            url: format!("postgres://{USER}:{password}@127.0.0.1:{port}/postgres"),
            ca: dir.join("ca.pem"),
        };
        certificates(&dir)?;
        if root {
            run(Command::new("chown").arg("-R").arg("nobody").arg(&dir), "give the server its directory")?;
            run(Command::new("chmod").arg("755").arg(&dir), "open the server directory")?;
        }
        let mut initdb = server.command(&bin.join("initdb"));
        run(
            initdb
                .arg("-D")
                .arg(&data)
                .args(["-U", USER, "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--no-locale"])
                .arg(format!("--pwfile={}", pwfile.display())),
            "initdb",
        )?;
        let options = format!("-c listen_addresses=127.0.0.1 -p {port} -k {} -c max_connections=100", dir.display());
        let log = dir.join("server.log");
        run(
            server
                .command(&bin.join("pg_ctl"))
                .arg("-D")
                .arg(&data)
                .arg("-l")
                .arg(&log)
                .args(["-w", "-o", &options, "start"]),
            "pg_ctl start",
        )
        .map_err(|e| format!("{e}\n{}", std::fs::read_to_string(&log).unwrap_or_default()))?;
        println!("==> PostgreSQL (pgserver) on 127.0.0.1:{port}, data in {}", data.display());
        Ok(server)
    }

    fn command(&self, program: &Path) -> Command {
        match self.run_as {
            Some(user) => {
                let mut c = Command::new("runuser");
                c.args(["-u", user, "--"]).arg(program);
                c
            }
            None => Command::new(program),
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let pg_ctl = match self.run_as {
            Some(_) => self.dir.join("site/pgserver/pginstall/bin/pg_ctl"),
            None => install().map(|p| p.join("bin/pg_ctl")).unwrap_or_default(),
        };
        let stopped = self.command(&pg_ctl).arg("-D").arg(&self.data).args(["-m", "fast", "-w", "stop"]).output();
        if !stopped.is_ok_and(|o| o.status.success()) {
            eprintln!("xtask: could not stop the PostgreSQL server in {}", self.data.display());
        }
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// A certificate authority (`ca.pem`) and a server certificate for 127.0.0.1 signed by it
/// (`server.pem`, `server.key`), made with the `openssl` command, valid for two days.
fn certificates(dir: &Path) -> Result<(), String> {
    let openssl = |args: &[&str]| {
        let mut c = Command::new("openssl");
        c.args(args).current_dir(dir);
        run(&mut c, "openssl (making the test server's TLS certificate)")
    };
    openssl(&[
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "2",
        "-subj",
        "/CN=memor test CA",
        "-keyout",
        "ca.key",
        "-out",
        "ca.pem",
    ])?;
    openssl(&[
        "req",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-subj",
        "/CN=127.0.0.1",
        "-keyout",
        "server.key",
        "-out",
        "server.csr",
    ])?;
    std::fs::write(dir.join("server.ext"), "subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\n")
        .map_err(|e| format!("postgres: {e}"))?;
    openssl(&[
        "x509",
        "-req",
        "-in",
        "server.csr",
        "-CA",
        "ca.pem",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-days",
        "2",
        "-extfile",
        "server.ext",
        "-out",
        "server.pem",
    ])?;
    let mut perms = std::fs::metadata(dir.join("server.key")).map_err(|e| format!("postgres: {e}"))?.permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut perms, 0o600);
    std::fs::set_permissions(dir.join("server.key"), perms).map_err(|e| format!("postgres: {e}"))
}

/// The `pginstall` directory of the `pgserver` package, installing the package if needed.
fn install() -> Result<PathBuf, String> {
    let probe = "import os, pgserver; print(os.path.join(os.path.dirname(pgserver.__file__), 'pginstall'))";
    let find = || {
        Command::new("python3")
            .args(["-W", "ignore", "-c", probe])
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| PathBuf::from(String::from_utf8_lossy(&o.stdout).trim()))
    };
    if let Some(dir) = find() {
        return Ok(dir);
    }
    println!("==> python3 -m pip install {PGSERVER}");
    run(
        Command::new("python3")
            .args(["-m", "pip", "install", "--quiet", "--disable-pip-version-check", PGSERVER])
            .env("PIP_ROOT_USER_ACTION", "ignore"),
        "pip install pgserver",
    )?;
    find().ok_or_else(|| format!("{PGSERVER} is installed but python3 cannot find its binaries"))
}

fn is_root() -> bool {
    Command::new("id").arg("-u").output().is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

fn free_port() -> Result<u16, String> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").map_err(|e| format!("postgres: no free port: {e}"))?;
    listener.local_addr().map(|a| a.port()).map_err(|e| format!("postgres: {e}"))
}

fn run(command: &mut Command, what: &str) -> Result<(), String> {
    let out = command.output().map_err(|e| format!("postgres: {what}: {e}"))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(format!("postgres: {what} failed ({}): {}", out.status, String::from_utf8_lossy(&out.stderr).trim()))
    }
}
