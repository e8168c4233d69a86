//! TLS to PostgreSQL through rustls: the server's certificate is verified against the
//! location's `sslrootcert` file, or the webpki roots.

use rustls::pki_types::CertificateDer;
use rustls::pki_types::pem::PemObject;
use tokio_postgres_rustls::MakeRustlsConnect;

use crate::{Error, PgConfig, Result};

pub(crate) fn connector(config: &PgConfig) -> Result<MakeRustlsConnect> {
    let fail = |reason: String| Error::Database { location: config.to_string(), message: reason };
    let mut roots = rustls::RootCertStore::empty();
    match &config.root_cert {
        Some(path) => {
            let certs = CertificateDer::pem_file_iter(path)
                .and_then(|certs| certs.collect::<Result<Vec<_>, _>>())
                .map_err(|e| fail(format!("sslrootcert {}: {e}", path.display())))?;
            if certs.is_empty() {
                return Err(fail(format!("sslrootcert {}: no certificate in the file", path.display())));
            }
            for cert in certs {
                roots.add(cert).map_err(|e| fail(format!("sslrootcert {}: {e}", path.display())))?;
            }
        }
        None => roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned()),
    }
    let provider = std::sync::Arc::new(rustls::crypto::ring::default_provider());
    let tls = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| fail(format!("TLS: {e}")))?
        .with_root_certificates(roots)
        .with_no_client_auth();
    Ok(MakeRustlsConnect::new(tls))
}
