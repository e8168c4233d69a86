//! A TLS front for the test PostgreSQL server (pgserver's build has no TLS): it answers the
//! protocol's `SSLRequest` with `S`, speaks TLS with the certificate `xtask` made, and passes
//! the plain bytes on to the server. The client side is the store's real TLS path.

use std::io::{ErrorKind, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};

/// Starts the front for the server at `upstream` (`HOST:PORT`); its address.
pub(crate) fn start(upstream: String, cert_dir: &Path) -> String {
    let certs: Vec<CertificateDer<'static>> =
        CertificateDer::pem_file_iter(cert_dir.join("server.pem")).unwrap().map(Result::unwrap).collect();
    let key = PrivateKeyDer::from_pem_file(cert_dir.join("server.key")).unwrap();
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(certs, key)
        .unwrap();
    let config = Arc::new(config);
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap().to_string();
    std::thread::spawn(move || {
        for client in listener.incoming().map_while(Result::ok) {
            let (config, upstream) = (config.clone(), upstream.clone());
            std::thread::spawn(move || relay(client, &upstream, config));
        }
    });
    address
}

/// One connection: `SSLRequest` → `S`, then TLS both ways until either side closes.
fn relay(mut client: TcpStream, upstream: &str, config: Arc<rustls::ServerConfig>) {
    let mut request = [0u8; 8];
    if client.read_exact(&mut request).is_err() || request != [0, 0, 0, 8, 4, 210, 22, 47] {
        return; // not an SSLRequest: this front speaks TLS only
    }
    if client.write_all(b"S").is_err() {
        return;
    }
    let Ok(mut server) = TcpStream::connect(upstream) else { return };
    let quantum = Some(Duration::from_millis(2));
    let _ = (client.set_read_timeout(quantum), server.set_read_timeout(quantum));
    let Ok(connection) = rustls::ServerConnection::new(config) else { return };
    let mut tls = rustls::StreamOwned::new(connection, client);
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        match tls.read(&mut buf) {
            Ok(0) => return,
            Ok(n) if server.write_all(&buf[..n]).is_err() => return,
            Ok(_) => {}
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {}
            Err(_) => return,
        }
        match server.read(&mut buf) {
            Ok(0) => return,
            Ok(n) if tls.write_all(&buf[..n]).and_then(|()| tls.flush()).is_err() => return,
            Ok(_) => {}
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {}
            Err(_) => return,
        }
    }
}
