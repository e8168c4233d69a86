//! The provider registry and the plugin macro.

use std::time::Duration;

use memor_core::{Response, Session};
use memor_providers::{ChatOptions, Error, HttpRequest, HttpResponse, Provider, ProviderRegistry, Result};

/// A third-party provider that answers with a fixed text.
struct Echo;

impl Provider for Echo {
    fn id(&self) -> &str {
        "echo-plugin"
    }

    fn request(&self, _session: &Session, _options: &ChatOptions) -> Result<HttpRequest> {
        Ok(HttpRequest::post_json("http://127.0.0.1:9/".to_owned(), &serde_json::json!({})))
    }

    fn parse(&self, _reply: &HttpResponse, _options: &ChatOptions, _elapsed: Duration) -> Result<Vec<Response>> {
        Ok(vec![Response::builder().message("echo").build()?])
    }
}

memor_providers::register_provider!(Echo);

#[test]
fn builtins_sorted() {
    let registry = ProviderRegistry::with_builtins();
    let ids: Vec<&str> = registry.ids().collect();
    assert_eq!(ids, ["anthropic", "gemini", "mistral", "ollama", "openai", "openai_responses"]);
}

#[test]
fn plugins_and_duplicates() {
    let registry = ProviderRegistry::with_plugins().unwrap();
    assert_eq!(registry.get("echo-plugin").unwrap().id(), "echo-plugin");
    assert!(ProviderRegistry::global().get("echo-plugin").is_ok());

    let mut registry = ProviderRegistry::with_builtins();
    let error = registry.register(memor_providers::OpenAi::new()).unwrap_err();
    assert_eq!(error.to_string(), "a provider `openai` is already registered");
    registry.register(Echo).unwrap();
    let error = registry.get("nope").err().unwrap();
    assert!(matches!(&error, Error::UnknownProvider { .. }));
    assert_eq!(
        error.to_string(),
        "no provider `nope`; known: anthropic, echo-plugin, gemini, mistral, ollama, openai, openai_responses"
    );
}
