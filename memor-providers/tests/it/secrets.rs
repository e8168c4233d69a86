//! API keys never show in Debug output or in errors.

use memor_providers::{Anthropic, ApiKey, ChatOptions, Gemini, Mistral, OpenAi, OpenAiResponses, Provider};

use crate::server::{KEY, client, serve, session, status};

fn providers() -> Vec<Box<dyn Provider>> {
    vec![
        Box::new(OpenAi::new()),
        Box::new(OpenAiResponses::new()),
        Box::new(Anthropic::new()),
        Box::new(Gemini::new()),
        Box::new(Mistral::new()),
    ]
}

#[test]
fn keys_are_redacted_in_requests_and_options() {
    for provider in providers() {
        let options = ChatOptions::new("m").base_url("http://127.0.0.1:9").api_key(KEY);
        let request = provider.request(&session(), &options).unwrap();
        assert!(request.headers.iter().any(|(_, v)| v.is_secret() && v.value().contains(KEY)), "{}", provider.id());
        let debug = format!("{request:?} {options:?} {:?}", ApiKey::new(KEY));
        assert!(!debug.contains(KEY) && !debug.contains("SECRET"), "{debug}");
        assert!(debug.contains("<redacted>"), "{debug}");
    }
}

#[test]
fn keys_given_in_code_are_used_and_redacted() {
    let provider = Gemini::new().with_api_key(KEY);
    let request = provider.request(&session(), &ChatOptions::new("m")).unwrap();
    assert_eq!(request.headers.iter().find(|(n, _)| n == "x-goog-api-key").unwrap().1.value(), KEY);
    assert!(!format!("{provider:?}").contains(KEY));
}

#[test]
fn errors_never_show_the_key() {
    for provider in providers() {
        let (base, _requests) = serve(vec![status(401, r#"{"error":{"message":"bad key"}}"#)]);
        let options = ChatOptions::new("m").base_url(&base).api_key(KEY);
        let error = client().chat(&*provider, &session(), &options).unwrap_err();
        assert!(!error.to_string().contains(KEY), "{error}");
        assert!(!format!("{error:?}").contains(KEY), "{error:?}");
    }
    // A transport failure.
    let options = ChatOptions::new("m").base_url("http://127.0.0.1:1").api_key(KEY);
    let error = client().chat(&OpenAi::new(), &session(), &options).unwrap_err();
    assert!(!error.to_string().contains(KEY) && !format!("{error:?}").contains(KEY), "{error:?}");
}
