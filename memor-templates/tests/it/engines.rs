//! The template-engine registry and its two built-in engines: `memor` (Python `str.format`)
//! and `tera` (Tera 1, confined to the one template it renders).

use memor_templates::{EngineError, EngineRegistry, MemorEngine, TemplateEngine, TeraEngine};
use serde_json::{Map, Value, json};

/// An engine this test crate contributes through `register_engine!`.
struct Reverse;

impl TemplateEngine for Reverse {
    fn id(&self) -> &str {
        "test-reverse"
    }
    fn render(&self, content: &str, _args: &Map<String, Value>) -> Result<String, EngineError> {
        Ok(content.chars().rev().collect())
    }
}

memor_templates::register_engine!(Reverse);

/// Arguments shaped like memor's: the prompt, the selected response, all responses, then a
/// custom_map entry.
fn args() -> Map<String, Value> {
    let value = json!({
        "prompt": {"message": "Capital of France?", "role": "user"},
        "response": {"message": "Paris.", "score": 0.5},
        "responses": [{"message": "Paris."}, {"message": "Lyon?"}],
        "instruction": "Answer briefly.",
    });
    value.as_object().unwrap().clone()
}

fn tera(content: &str) -> Result<String, EngineError> {
    TeraEngine.render(content, &args())
}

/// The refusal or error of a Tera render, which must fail.
fn tera_err(content: &str) -> EngineError {
    tera(content).unwrap_err()
}

fn position(error: &EngineError) -> (Option<usize>, Option<usize>) {
    match error {
        EngineError::Template { engine, line, column, .. } => {
            assert_eq!(engine, "tera");
            (*line, *column)
        }
        other => panic!("not a template error: {other:?}"),
    }
}

#[test]
fn the_builtins_are_memor_and_tera() {
    let registry = EngineRegistry::with_builtins();
    assert_eq!(registry.ids().collect::<Vec<_>>(), ["memor", "tera"]);
    assert_eq!(registry.get("memor").unwrap().id(), memor_core::MEMOR_ENGINE);
    assert_eq!(registry.get("tera").unwrap().id(), "tera");
    assert_eq!(EngineRegistry::new().ids().count(), 0);
    assert_eq!(format!("{registry:?}"), r#"["memor", "tera"]"#);
}

#[test]
fn registering_an_id_twice_is_an_error() {
    let mut registry = EngineRegistry::with_builtins();
    let err = registry.register(TeraEngine).unwrap_err();
    assert!(matches!(&err, EngineError::DuplicateEngine { id } if id == "tera"), "{err:?}");
    assert_eq!(err.to_string(), r#"template engine "tera" is already registered"#);
    registry.register(Reverse).unwrap();
    assert!(registry.register_arc(std::sync::Arc::new(Reverse)).is_err());
    assert_eq!(registry.ids().collect::<Vec<_>>(), ["memor", "tera", "test-reverse"]);
}

#[test]
fn an_unknown_id_is_an_error_listing_the_known_ones() {
    let err = EngineRegistry::with_builtins().get("jinja").map(|e| e.id().to_owned()).unwrap_err();
    assert!(
        matches!(&err, EngineError::UnknownEngine { id, known } if id == "jinja" && known == &["memor", "tera"]),
        "{err:?}"
    );
    assert_eq!(err.to_string(), r#"unknown template engine "jinja" (known engines: memor, tera)"#);
}

#[test]
fn the_memor_engine_is_format() {
    let args = args();
    for content in [
        "{instruction} {prompt[message]}",
        "{response[message]} ({response[score]:.2f}) {{literal}}",
        "{responses[1][message]!r}",
        "{missing}",
        "{0}",
        "{prompt[message]",
    ] {
        let expected = memor_templates::format(content, &args);
        match MemorEngine.render(content, &args) {
            Ok(text) => assert_eq!(Ok(text), expected, "{content}"),
            Err(EngineError::Format(e)) => assert_eq!(Err(e), expected, "{content}"),
            Err(other) => panic!("{content}: {other:?}"),
        }
    }
    assert_eq!(
        MemorEngine.render("{instruction} {prompt[message]}", &args).unwrap(),
        "Answer briefly. Capital of France?"
    );
    let err = MemorEngine.render("{missing}", &args).unwrap_err();
    assert!(err.to_string().starts_with("memor template: field {missing} at byte 0"), "{err}");
}

#[test]
fn tera_renders_arguments_and_loops() {
    assert_eq!(tera("{{ prompt.message }}").unwrap(), "Capital of France?");
    let content = "{{ instruction }}\nQ: {{ prompt.message }}\n{% for r in responses %}{{ loop.index }}. {{ r.message }}\n{% endfor %}";
    assert_eq!(tera(content).unwrap(), "Answer briefly.\nQ: Capital of France?\n1. Paris.\n2. Lyon?\n");
    assert_eq!(tera("{{ response.score * 2 }} {{ responses | length }}").unwrap(), "1 2");
}

#[test]
fn tera_does_not_escape_html() {
    let args = json!({"prompt": {"message": "<b>Tom & Jerry</b> \"quoted\""}});
    let text = TeraEngine.render("{{ prompt.message }} <i>", args.as_object().unwrap()).unwrap();
    assert_eq!(text, "<b>Tom & Jerry</b> \"quoted\" <i>");
}

#[test]
fn tera_refuses_get_env_now_and_get_random() {
    for (content, name) in [
        (r#"{{ get_env(name="HOME") }}"#, "get_env"),
        (r#"{{ get_env(name="PATH", default="none") }}"#, "get_env"),
        ("{{ now() }}", "now"),
        ("{{ get_random(end=10) }}", "get_random"),
    ] {
        let message = tera_err(content).to_string();
        assert!(message.contains(&format!("`{name}` is not available in memor templates")), "{message}");
    }
}

#[test]
fn tera_templates_cannot_load_other_templates() {
    for (content, keyword) in [
        (r#"{% include "x" %}"#, "include"),
        (r#"{% include "template" %}"#, "include"),
        (r#"{%- include ["a", "b"] ignore missing -%}"#, "include"),
        (r#"{% extends "x" %}"#, "extends"),
        (r#"{% import "x" as m %}"#, "import"),
    ] {
        let err = tera_err(content);
        assert_eq!(position(&err), (Some(1), Some(1)), "{content}");
        assert!(err.to_string().contains(&format!("`{keyword}` is not available")), "{err}");
    }
    // A raw section is text up to the first `endraw` tag, and is not checked; what follows is.
    assert_eq!(
        tera(r#"{% raw %}{% include "x" %}{{ ((((((x)))))) }}{%- endraw %}"#).unwrap(),
        r#"{% include "x" %}{{ ((((((x)))))) }}"#
    );
    let err = tera_err(r#"{% raw %}{{ "{% endraw %}{% include "template" %}"#);
    assert_eq!(position(&err), (Some(1), Some(26)));
    let err = tera_err("Hello.\n  {% include \"x\" %}");
    assert_eq!(position(&err), (Some(2), Some(3)));
    assert_eq!(
        err.to_string(),
        "tera template, line 2, column 3: `include` is not available in memor templates: a template holds no other templates"
    );
}

#[test]
fn tera_refuses_macros() {
    // A macro calling itself would overflow the stack: Tera 1 has no recursion limit.
    let err = tera_err("{% macro f() %}{{ self::f() }}{% endmacro f %}{{ self::f() }}");
    assert!(err.to_string().contains("`macro` is not available"), "{err}");
}

#[test]
fn a_tera_syntax_error_names_its_line() {
    let err = tera_err("Q: {{ prompt.message }}\nA: {{ response.message }");
    assert_eq!(position(&err), (Some(2), Some(24)));
    let message = err.to_string();
    assert!(message.starts_with("tera template, line 2, column 24: "), "{message}");
    assert!(message.contains("--> 2:24"), "{message}");
}

#[test]
fn a_tera_render_error_carries_teras_whole_chain() {
    let message = tera_err("{{ prompt.missing }}").to_string();
    assert!(message.starts_with("tera template: Failed to render 'template': "), "{message}");
    assert!(message.contains("Variable `prompt.missing` not found"), "{message}");
    let message = tera_err("{{ prompt.message | no_such_filter }}").to_string();
    assert!(message.contains("Filter 'no_such_filter' not found"), "{message}");
}

#[test]
fn tera_refuses_templates_nested_beyond_its_limits() {
    assert_eq!(tera("{{ (((response.score + 1))) }} {{ responses[1].message }}").unwrap(), "1.5 Lyon?");
    let err = tera_err("x\n{{ (((((response.score))))) }}");
    assert_eq!(position(&err), (Some(2), Some(8)));
    assert!(err.to_string().contains("brackets nest deeper than 4 levels"), "{err}");
    // Brackets inside strings are text.
    assert_eq!(tera(r#"{{ "((((([[[[[" }}"#).unwrap(), "((((([[[[[");

    let sum = |terms: usize| format!("{{{{ 1{} }}}}", " + 1".repeat(terms - 1));
    assert_eq!(tera(&sum(33)).unwrap(), "33");
    assert!(tera_err(&sum(34)).to_string().contains("more than 32 operators in one tag"));

    let nested = |depth: usize| format!("{}x{}", "{% if true %}".repeat(depth), "{% endif %}".repeat(depth));
    assert_eq!(tera(&nested(16)).unwrap(), "x");
    let err = tera_err(&nested(17));
    assert_eq!(position(&err), (Some(1), Some(16 * 13 + 1)));
    assert!(err.to_string().contains("sections nest deeper than 16 levels"), "{err}");
}

#[test]
fn tera_templates_at_the_limits_render_on_a_small_stack() {
    let content = format!(
        "{}{{{{ (((1{}))) }}}}{}",
        "{% for r in responses %}".repeat(16),
        " + 1".repeat(32),
        "{% endfor %}".repeat(16)
    );
    let handle = std::thread::Builder::new()
        .stack_size(1024 * 1024)
        .spawn(move || tera(&content).map(|text| text.len()))
        .unwrap();
    // 2^16 iterations of the innermost loop, each writing "33".
    assert_eq!(handle.join().unwrap().unwrap(), 2 * (1 << 16));
}

#[test]
fn a_plugin_is_in_with_plugins_and_global_but_not_in_with_builtins() {
    let registry = EngineRegistry::with_plugins().unwrap();
    assert_eq!(registry.ids().collect::<Vec<_>>(), ["memor", "tera", "test-reverse"]);
    assert_eq!(registry.get("test-reverse").unwrap().render("abc", &Map::new()).unwrap(), "cba");
    assert!(EngineRegistry::with_builtins().get("test-reverse").is_err());
    assert!(EngineRegistry::global().get("test-reverse").is_ok());
}

#[test]
fn a_custom_error_is_shown_as_is() {
    let err = EngineError::custom("the engine is tired");
    assert_eq!(err.to_string(), "the engine is tired");
    assert!(std::error::Error::source(&err).is_none());
    fn is_send_sync<T: Send + Sync + 'static>() {}
    is_send_sync::<EngineError>();
    is_send_sync::<EngineRegistry>();
}

/// Whether Tera's parse of a template holds anything that reaches other templates or defines
/// a macro.
fn loads_or_defines(nodes: &[tera::ast::Node]) -> bool {
    use tera::ast::Node;
    nodes.iter().any(|node| match node {
        Node::Include(..) | Node::Extends(..) | Node::ImportMacro(..) | Node::MacroDefinition(..) => true,
        Node::FilterSection(_, section, _) => loads_or_defines(&section.body),
        Node::Block(_, block, _) => loads_or_defines(&block.body),
        Node::Forloop(_, forloop, _) => {
            loads_or_defines(&forloop.body) || forloop.empty_body.as_deref().is_some_and(loads_or_defines)
        }
        Node::If(branches, _) => {
            branches.conditions.iter().any(|(_, _, body)| loads_or_defines(body))
                || branches.otherwise.as_ref().is_some_and(|(_, body)| loads_or_defines(body))
        }
        _ => false,
    })
}

#[test]
fn the_check_sees_every_tag_tera_would_run() {
    // Random templates from pieces of Tera syntax: whenever Tera parses one into something
    // that includes, extends, imports or defines a macro, the engine must refuse it.
    const PIECES: &[&str] = &[
        "{%",
        "{%-",
        "%}",
        "-%}",
        "{{",
        "}}",
        "{#",
        "#}",
        " raw ",
        " endraw ",
        " include ",
        "\"template\"",
        "\"",
        "'",
        "`",
        " ",
        "\n",
        "x",
        " if ",
        " endif ",
        " for ",
        " in ",
        " endfor ",
        " macro ",
        "m()",
        " endmacro ",
        " import ",
        " as ",
        " extends ",
        "self::m()",
        "(",
        ")",
        "1",
        " + ",
        "-",
        "}",
        "{",
        "{% include \"template\" %}",
        "{% raw %}",
        "{% endraw %}",
        "{%- raw -%}",
        "{%-endraw%}",
        "{% macro m() %}",
        "{% endmacro %}",
        "{% import \"template\" as t %}",
        "{% extends \"template\" %}",
        "{{ \"",
        "\" }}",
        "{# ",
        " #}",
    ];
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        usize::try_from(state % 1_000_003).unwrap()
    };
    let mut caught = 0;
    for _ in 0..20_000 {
        let text: String = (0..1 + next() % 12).map(|_| PIECES[next() % PIECES.len()]).collect();
        let Ok(parsed) = tera::Template::new("template", None, &text) else { continue };
        if loads_or_defines(&parsed.ast) || !parsed.macros.is_empty() || parsed.parent.is_some() {
            let message = tera_err(&text).to_string();
            assert!(message.contains("is not available in memor templates"), "{text:?}: {message}");
            caught += 1;
        }
    }
    assert!(caught > 100, "only {caught} templates exercised the check");
}
