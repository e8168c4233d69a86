//! [`HttpRequest`] and [`HttpResponse`]: the plain data that passes between a provider and a
//! transport, and [`Header`] values that keep secrets out of `Debug` output.

use std::fmt;

/// An API key. Its `Debug` output is redacted; [`expose`](Self::expose) gives the text.
#[derive(Clone, PartialEq, Eq)]
pub struct ApiKey(String);

impl ApiKey {
    /// Wraps a key.
    pub fn new(key: impl Into<String>) -> Self {
        ApiKey(key.into())
    }

    /// Reads a key from an environment variable (`None` when unset or empty).
    pub fn from_env(var: &str) -> Option<Self> {
        std::env::var(var).ok().filter(|k| !k.is_empty()).map(ApiKey)
    }

    /// The key itself, for the transport.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for ApiKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ApiKey(<redacted>)")
    }
}

impl From<&str> for ApiKey {
    fn from(key: &str) -> Self {
        ApiKey::new(key)
    }
}

impl From<String> for ApiKey {
    fn from(key: String) -> Self {
        ApiKey(key)
    }
}

/// A header value: plain, or a secret whose `Debug` output is redacted.
#[derive(Clone, PartialEq, Eq)]
pub enum Header {
    /// A value that may be shown.
    Plain(String),
    /// A value that must never be shown (an API key, a bearer token).
    Secret(ApiKey),
}

impl Header {
    /// The value to send.
    pub fn value(&self) -> &str {
        match self {
            Header::Plain(v) => v,
            Header::Secret(k) => k.expose(),
        }
    }

    /// Whether the value is a secret.
    pub fn is_secret(&self) -> bool {
        matches!(self, Header::Secret(_))
    }
}

impl fmt::Debug for Header {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Header::Plain(v) => fmt::Debug::fmt(v, f),
            Header::Secret(_) => f.write_str("<redacted>"),
        }
    }
}

/// An HTTP request, built by a [`Provider`](crate::Provider) and sent by a
/// [`Transport`](crate::Transport).
#[derive(Clone, PartialEq, Eq)]
pub struct HttpRequest {
    /// `POST`, `GET`, …
    pub method: &'static str,
    /// The full URL.
    pub url: String,
    /// Header names and values, in order.
    pub headers: Vec<(String, Header)>,
    /// The body (JSON for every built-in provider).
    pub body: Vec<u8>,
}

impl HttpRequest {
    /// A `POST` of a JSON body with `content-type: application/json`.
    pub fn post_json(url: String, body: &serde_json::Value) -> Self {
        HttpRequest {
            method: "POST",
            url,
            headers: vec![("content-type".to_owned(), Header::Plain("application/json".to_owned()))],
            body: body.to_string().into_bytes(),
        }
    }

    /// Adds a plain header.
    pub fn header(mut self, name: &str, value: impl Into<String>) -> Self {
        self.headers.push((name.to_owned(), Header::Plain(value.into())));
        self
    }

    /// Adds a secret header.
    pub fn secret_header(mut self, name: &str, value: ApiKey) -> Self {
        self.headers.push((name.to_owned(), Header::Secret(value)));
        self
    }

    /// The texts that must never be shown: each secret header's value (and, for
    /// `Bearer`/`Basic` values, the token alone) and the URL's userinfo (`user:password`, and
    /// each part on its own).
    pub(crate) fn secrets(&self) -> Vec<String> {
        let mut secrets = Vec::new();
        for (_, value) in &self.headers {
            if let Header::Secret(key) = value {
                let key = key.expose();
                secrets.push(key.to_owned());
                if let Some((_, token)) = key.split_once(' ') {
                    secrets.push(token.trim().to_owned());
                }
            }
        }
        if let Some(userinfo) = userinfo(&self.url) {
            secrets.push(userinfo.to_owned());
            secrets.extend(userinfo.split(':').map(str::to_owned));
        }
        // Very short pieces (an empty password, a one-letter user) would blank out ordinary
        // text; longest first, so that a token inside a longer secret goes with it.
        secrets.retain(|s| s.len() >= 4);
        secrets.sort_by_key(|s| std::cmp::Reverse(s.len()));
        secrets.dedup();
        secrets
    }
}

/// The `user:password` part of a URL's authority, if it has one.
fn userinfo(url: &str) -> Option<&str> {
    let rest = &url[url.find("://")? + 3..];
    let authority = &rest[..rest.find(['/', '?', '#']).unwrap_or(rest.len())];
    authority.rfind('@').map(|at| &authority[..at])
}

/// `url` with its userinfo (`https://user:password@host/…`) replaced by `<redacted>`, for
/// messages and `Debug` output.
pub(crate) fn redact_url(url: &str) -> String {
    match userinfo(url) {
        Some(info) => {
            let start = url.find("://").map_or(0, |i| i + 3);
            format!("{}<redacted>{}", &url[..start], &url[start + info.len()..])
        }
        None => url.to_owned(),
    }
}

/// `text` with every one of `secrets` replaced by `<redacted>`.
pub(crate) fn redact(text: &str, secrets: &[String]) -> String {
    let mut text = text.to_owned();
    for secret in secrets {
        if text.contains(secret.as_str()) {
            text = text.replace(secret.as_str(), "<redacted>");
        }
    }
    text
}

impl fmt::Debug for HttpRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HttpRequest")
            .field("method", &self.method)
            .field("url", &redact_url(&self.url))
            .field("headers", &self.headers)
            .field("body", &String::from_utf8_lossy(&self.body))
            .finish()
    }
}

/// An HTTP response as a transport received it, whatever its status.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HttpResponse {
    /// The status code.
    pub status: u16,
    /// Header names (lowercase) and values.
    pub headers: Vec<(String, String)>,
    /// The body.
    pub body: Vec<u8>,
}

impl HttpResponse {
    /// The first header with this name (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    /// Whether the status is 2xx.
    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }
}
