//! Bounded renders: hostile templates stop at a named limit, promptly and without building
//! huge values; ordinary templates are untouched. Each render runs on a thread the test
//! waits for only so long, so a regression fails instead of hanging.

use std::sync::mpsc::channel;
use std::time::Duration;

use memor_templates::tera_limits::{MAX_ARRAY_LITERAL, MAX_RANGE, MAX_STEPS};
use memor_templates::{EngineError, FormatError, RENDER_BASE_LIMIT, TemplateEngine, TeraEngine, render_limit};
use serde_json::{Map, Value, json};

fn args() -> Map<String, Value> {
    json!({"prompt": {"message": "Hi there"}, "responses": [{"message": "a"}, {"message": "b"}]})
        .as_object()
        .unwrap()
        .clone()
}

/// Renders `content` with Tera on a thread; fails the test if it takes over a minute.
fn tera(content: &str) -> Result<String, EngineError> {
    let content = content.to_owned();
    let (send, receive) = channel();
    std::thread::spawn(move || {
        let _ = send.send(TeraEngine.render(&content, &args()));
    });
    receive.recv_timeout(Duration::from_secs(60)).expect("the render did not stop")
}

/// The limit a Tera render stopped at.
fn limit(content: &str) -> String {
    match tera(content) {
        Err(EngineError::Limit { engine, message }) => {
            assert_eq!(engine, "tera");
            message
        }
        other => panic!("{content}: not a limit: {other:?}"),
    }
}

#[test]
fn a_huge_range_is_refused_before_it_is_built() {
    let message = limit("{% for i in range(end=1000000000000) %}x{% endfor %}");
    assert_eq!(message, format!("a `range` of more than {MAX_RANGE} numbers (1000000000000 asked for)"));
    let message = limit("{{ range(end=5, step_by=0) | length }}");
    assert!(message.starts_with("a `range` of more than"), "{message}");
    let error = TeraEngine.render("{% for i in range(end=1000000000000) %}x{% endfor %}", &args()).unwrap_err();
    assert!(error.to_string().starts_with("tera template: render stopped at a limit: a `range`"), "{error}");
}

#[test]
fn range_keeps_teras_meaning() {
    assert_eq!(tera("{% for i in range(end=5) %}{{ i }}{% endfor %}").unwrap(), "01234");
    assert_eq!(tera("{% for i in range(start=2, end=9, step_by=3) %}{{ i }},{% endfor %}").unwrap(), "2,5,8,");
    assert_eq!(tera(&format!("{{{{ range(end={MAX_RANGE}) | length }}}}")).unwrap(), MAX_RANGE.to_string());
    let error = tera("{{ range(start=3, end=1) }}").unwrap_err().to_string();
    assert!(error.contains("`start` argument greater than the `end` one"), "{error}");
    let error = tera("{{ range(start=1) }}").unwrap_err().to_string();
    assert!(error.contains("without a `end` argument"), "{error}");
}

#[test]
fn string_doubling_stops_at_the_value_limit() {
    let bytes = render_limit(&args());
    for set in ["set_global", "set"] {
        let content = format!(
            "{{% set_global s = prompt.message %}}{{% for i in range(end=64) %}}{{% {set} s = s ~ s %}}{{% endfor %}}{{{{ s | length }}}}"
        );
        match tera(&content) {
            Err(EngineError::Limit { message, .. }) => {
                assert_eq!(message, format!("a value larger than {bytes} bytes"))
            }
            // Tera's `set` in a loop does not carry over to the next iteration: no growth.
            Ok(text) if set == "set" => assert_eq!(text, "8"),
            other => panic!("{set}: {other:?}"),
        }
    }
    // Growth through filters is checked after each filter.
    let filters = "| replace(from=\"e\", to=\"eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee\")".repeat(8);
    assert_eq!(limit(&format!("{{{{ prompt.message {filters} }}}}")), format!("a value larger than {bytes} bytes"));
}

#[test]
fn nested_loops_stop_at_the_step_limit() {
    let content = "{% for a in range(end=10000) %}{% for b in range(end=10000) %}{% for c in range(end=10000) %}{% endfor %}{% endfor %}{% endfor %}";
    assert_eq!(limit(content), format!("more than {MAX_STEPS} steps (loop iterations and computed values)"));
}

#[test]
fn output_stops_at_the_output_limit() {
    let text = "x".repeat(100);
    let content = format!("{{% for a in range(end=100000) %}}{text}{{% endfor %}}");
    assert_eq!(limit(&content), format!("output larger than {} bytes", render_limit(&args())));
    assert!(render_limit(&args()) >= RENDER_BASE_LIMIT);
}

#[test]
fn long_array_literals_are_refused() {
    let items = vec!["1"; MAX_ARRAY_LITERAL + 1].join(", ");
    assert_eq!(
        limit(&format!("{{{{ [{items}] | length }}}}")),
        format!("an array literal has more than {MAX_ARRAY_LITERAL} items")
    );
    let items = vec!["1"; MAX_ARRAY_LITERAL].join(", ");
    assert_eq!(tera(&format!("{{{{ [{items}] | length }}}}")).unwrap(), MAX_ARRAY_LITERAL.to_string());
}

#[test]
fn ordinary_templates_render_as_before() {
    let content = concat!(
        "{{ prompt.message | upper }}{% if responses | length > 1 %} ({{ responses | length }}){% endif %}:",
        "{% for r in responses %} {{ loop.index }}={{ r.message ~ '!' }}{% endfor %}",
        "{{ missing | default(value='-') }}{% filter upper %}{{ prompt.message }}{% endfilter %}",
        "{% set n = [1, 2, 3] | join(sep='+') %} {{ n }}{% for w in prompt.message | split(pat=' ') %}[{{ w }}]{% endfor %}",
    );
    assert_eq!(tera(content).unwrap(), "HI THERE (2): 1=a! 2=b!-HI THERE 1+2+3[Hi][there]");
}

#[test]
fn memor_templates_stop_at_the_text_limit() {
    let content = "{prompt[message]:99999}".repeat(60);
    let args = args();
    let limit = render_limit(&args);
    match memor_templates::format(&content, &args) {
        Err(FormatError::TooLong { limit: reported }) => assert_eq!(reported, limit),
        other => panic!("{:?}", other.map(|t| t.len())),
    }
    let error = memor_templates::format(&content, &args).unwrap_err().to_string();
    assert_eq!(error, format!("the text is longer than the render limit of {limit} bytes"));
    // Below the limit, wide fields still render.
    assert_eq!(memor_templates::format(&"{prompt[message]:99999}".repeat(4), &args).unwrap().len(), 4 * 99999);
}

/// Deterministic xorshift, so failures reproduce without a fuzzing dependency.
fn next(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

/// A random well-formed template body: statements that grow strings and arrays, inside loops
/// and conditions nested up to `depth` deep.
fn body(state: &mut u64, depth: u32) -> String {
    const STATEMENTS: &[&str] = &[
        "{% set_global s = s ~ s ~ s %}",
        "{% set_global s = s | replace(from='x', to='xxxxxxxxxxxxxxxx') %}",
        "{% set_global a = a | concat(with=a) %}",
        "{{ s }}",
        "{{ a | join(sep=s) }}",
        "{{ s | length }}",
        "{{ prompt.message ~ s }}",
        "text",
    ];
    const LOOPS: &[&str] =
        &["{% for i in range(end=1000) %}", "{% for j in range(end=100000) %}", "{% for r in responses %}"];
    let mut out = String::new();
    for _ in 0..(next(state) % 3 + 1) {
        match next(state) % 4 {
            0 | 1 if depth > 0 => {
                out.push_str(LOOPS[(next(state) % LOOPS.len() as u64) as usize]);
                out.push_str(&body(state, depth - 1));
                out.push_str("{% endfor %}");
            }
            2 if depth > 0 => {
                out.push_str("{% if s | length > 10 %}");
                out.push_str(&body(state, depth - 1));
                out.push_str("{% endif %}");
            }
            _ => out.push_str(STATEMENTS[(next(state) % STATEMENTS.len() as u64) as usize]),
        }
    }
    out
}

#[test]
fn random_growing_templates_always_end_within_the_limits() {
    let bytes = render_limit(&args());
    let mut state = 0x9e37_79b9_7f4a_7c15_u64;
    let (mut rendered, mut stopped) = (0, 0);
    for case in 0..16 {
        let content = format!("{{% set_global s = 'x' %}}{{% set_global a = [1, 2] %}}{}", body(&mut state, 3));
        match tera(&content) {
            Ok(text) => {
                assert!(text.len() <= bytes, "case {case}: {} bytes from {content}", text.len());
                rendered += 1;
            }
            Err(EngineError::Limit { .. }) => stopped += 1,
            Err(other) => panic!("case {case}: {content}: {other}"),
        }
    }
    // Both outcomes occur, so the generator exercises the limits and ordinary renders.
    assert!(rendered > 2 && stopped > 2, "{rendered} rendered, {stopped} stopped");
}
