//! probe
use memor_templates::{EngineRegistry, TemplateEngine, TeraEngine};
use serde_json::json;

#[test]
fn probe() {
    let args = json!({"prompt": {"message": "hi"}, "responses": [{"message": "a"}, {"message": "b"}]});
    let args = args.as_object().unwrap();
    for t in [
        "line one\n{{ prompt.message }",
        "{% if %}",
        "{{ missing }}",
        "ok\n{{ get_env(name=\"HOME\") }}",
        "{{ now() }}",
        "{% include \"x\" %}",
        "{% extends \"x\" %}",
        "{% import \"x\" as m %}",
        "{{ prompt.message | foo }}",
        "{% for r in responses %}{{ loop.index }}={{ r.message }};{% endfor %}<&>",
        "{{ 1 / 0 }}",
        "{{ __tera_context }}",
    ] {
        let r = TeraEngine.render(t, args);
        match r {
            Ok(s) => println!("{t:?} => OK {s:?}"),
            Err(e) => println!("{t:?} => ERR {e}\n   {e:?}"),
        }
    }
    let _ = EngineRegistry::with_builtins();
}
