//! Property tests: anything built through the API survives save -> load -> save unchanged.

use memor_core::{
    Document, Image, Message, Number, Prompt, PromptTemplate, Reasoning, Response, Role, Session, Timestamp, ToolCall,
    ToolResult,
};
use proptest::prelude::*;
use serde_json::{Map, Value};

fn role() -> impl Strategy<Value = Role> {
    prop_oneof![Just(Role::System), Just(Role::User), Just(Role::Assistant)]
}

fn text() -> impl Strategy<Value = String> {
    // Any Unicode scalar values, with a bias towards the characters escaping cares about.
    prop_oneof![any::<String>(), "[ -~\\n\\t\"\\\\\u{7f}\u{e9}\u{1F600}{}]{0,40}"]
}

fn number(max: f64) -> impl Strategy<Value = Number> {
    prop_oneof![(0..=max as u64).prop_map(Number::Int), (0.0..=max).prop_map(Number::Float)]
}

fn timestamp() -> impl Strategy<Value = Timestamp> {
    (1i64..=253_402_300_799, -86_399i64..=86_399).prop_map(|(secs, offset)| {
        let local = chrono::DateTime::from_timestamp(secs, 0).unwrap().naive_utc();
        Timestamp::from_parts(local, offset * 1_000_000).unwrap()
    })
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(Value::from),
        text().prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec((text(), inner), 0..4)
                .prop_map(|kv| Value::Object(kv.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

fn arguments() -> impl Strategy<Value = Map<String, Value>> {
    prop::collection::vec((text(), json_value()), 0..3).prop_map(|kv| kv.into_iter().collect())
}

fn tool_calls() -> impl Strategy<Value = Vec<ToolCall>> {
    let call = (text(), text(), arguments()).prop_map(|(id, name, arguments)| ToolCall { id, name, arguments });
    prop::collection::vec(call, 0..3)
}

fn tool_results() -> impl Strategy<Value = Vec<ToolResult>> {
    let result = (text(), text(), text(), any::<bool>()).prop_map(|(call_id, name, content, is_error)| ToolResult {
        call_id,
        name,
        content,
        is_error,
    });
    prop::collection::vec(result, 0..3)
}

fn images() -> impl Strategy<Value = Vec<Image>> {
    let image = prop_oneof![
        text().prop_map(Image::Url),
        (text(), "[A-Za-z0-9+/]{0,40}={0,2}").prop_map(|(media_type, base64)| Image::Data { media_type, base64 }),
    ];
    prop::collection::vec(image, 0..3)
}

fn reasoning() -> impl Strategy<Value = Vec<Reasoning>> {
    let item = (text(), arguments()).prop_map(|(provider, item)| Reasoning { provider, item });
    prop::collection::vec(item, 0..3)
}

prop_compose! {
    pub fn response()(
        message in text(), score in proptest::option::of(number(1.0)), r in role(),
        temperature in proptest::option::of(number(2.0)), top_k in proptest::option::of(any::<u64>()),
        top_p in proptest::option::of(number(1.0)), tokens in proptest::option::of(any::<u64>()),
        inference_time in proptest::option::of(number(100.0)), model in text(), gpu in proptest::option::of(text()),
        created in timestamp(), modified in timestamp(), warn in proptest::option::of(number(1e6)),
        metadata in proptest::option::of(prop::collection::vec((text(), json_value()), 0..3)),
        calls in tool_calls(), reasoning in reasoning(),
    ) -> Response {
        let mut b = Response::builder().message(message).role(r).model(model).tool_calls(calls).reasoning(reasoning);
        if let Some(v) = score { b = b.score(v); }
        if let Some(v) = temperature { b = b.temperature(v); }
        if let Some(v) = top_k { b = b.top_k(v); }
        if let Some(v) = top_p { b = b.top_p(v); }
        if let Some(v) = tokens { b = b.tokens(v); }
        if let Some(v) = inference_time { b = b.inference_time(v); }
        if let Some(v) = gpu { b = b.gpu(v); }
        let mut r = b.build().unwrap();
        if let Some(t) = warn { r.set_size_warning(t).unwrap(); }
        r.update_provider_metadata(metadata.map(|kv| kv.into_iter().collect()));
        r.set_dates(created, modified);
        r
    }
}

prop_compose! {
    pub fn template()(content in proptest::option::of(text()), title in proptest::option::of(text()),
                  map in proptest::option::of(prop::collection::vec((text(), json_value()), 0..4)),
                  engine in prop_oneof![Just("memor"), Just("tera")],
                  created in timestamp(), modified in timestamp()) -> PromptTemplate {
        let mut t = PromptTemplate::default().with_engine(engine);
        t.update_content(content);
        t.update_title(title);
        t.update_map(map.map(|kv| kv.into_iter().collect()));
        t.set_dates(created, modified);
        t
    }
}

prop_compose! {
    pub fn prompt()(message in text(), responses in prop::collection::vec(response(), 0..3), r in role(),
                tokens in proptest::option::of(any::<u64>()), template in template(), selected in 0u64..5,
                created in timestamp(), modified in timestamp(), results in tool_results(), images in images()) -> Prompt {
        let mut b = Prompt::builder().message(message).responses(responses).role(r).template(template);
        b = b.tool_results(results).images(images);
        if let Some(t) = tokens { b = b.tokens(t); }
        let mut p = b.build();
        p.select_response(selected);
        p.set_dates(created, modified);
        p
    }
}

prop_compose! {
    pub fn session()(title in proptest::option::of(text()),
                 messages in prop::collection::vec(prop_oneof![prompt().prop_map(Message::from), response().prop_map(Message::from)], 0..5),
                 masks in prop::collection::vec(any::<bool>(), 5), counter in any::<u64>(), warn in proptest::option::of(number(1e9)),
                 created in timestamp(), modified in timestamp()) -> Session {
        let mut s = Session::with_messages(title, messages);
        for (i, masked) in masks.iter().enumerate().take(s.len()) {
            if *masked { s.disable_message(i).unwrap(); }
        }
        for _ in 0..counter % 4 { s.increment_render_counter(); }
        if let Some(t) = warn { s.set_size_warning(t).unwrap(); }
        s.set_dates(created, modified);
        s
    }
}

fn survives<T: Document + std::fmt::Debug>(value: &T) -> Result<(), TestCaseError> {
    let text = value.to_json();
    prop_assert!(text.is_ascii());
    prop_assert_eq!(text.len(), value.get_size());
    let loaded = T::from_json(&text).map_err(|e| TestCaseError::fail(format!("{e}: {:?}", e.detail())))?;
    prop_assert_eq!(loaded.to_json(), text);
    prop_assert_eq!(loaded.to_value(), value.to_value());
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn responses_survive(r in response()) { survives(&r)?; }

    #[test]
    fn templates_survive(t in template()) { survives(&t)?; }

    #[test]
    fn prompts_survive(p in prompt()) { survives(&p)?; }

    #[test]
    fn sessions_survive(s in session()) {
        survives(&s)?;
        // Streamed in one part and in two, as the whole tree loads it.
        prop_assert!(memor_core::json::__streaming_agrees(&s.to_json()));
        // And a window at a time, as a file of it is read.
        prop_assert!(memor_core::json::__windowed(&s.to_json()));
    }
}
