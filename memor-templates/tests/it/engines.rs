//! probe
use memor_templates::{TemplateEngine, TeraEngine};
use serde_json::json;

fn run(t: &str) {
    let args = json!({"x": 1});
    let args = args.as_object().unwrap();
    println!("{:?}", TeraEngine.render(t, args).map(|s| s.len()).map_err(|e| e.to_string().chars().take(300).collect::<String>()));
}
#[test]
fn probe_parens() { let n = std::env::var("N").unwrap().parse().unwrap(); run(&format!("{{{{ {}1{} }}}}", "(".repeat(n), ")".repeat(n))); }
#[test]
fn probe_ifs() { let n = std::env::var("N").unwrap().parse().unwrap(); run(&format!("{}a{}", "{% if x %}".repeat(n), "{% endif %}".repeat(n))); }
#[test]
fn probe_plus() { let n = std::env::var("N").unwrap().parse().unwrap(); run(&format!("{{{{ 1{} }}}}", " + 1".repeat(n))); }
#[test]
fn probe_not() { let n = std::env::var("N").unwrap().parse().unwrap(); run(&format!("{{{{ {}x }}}}", "not ".repeat(n))); }
#[test]
fn probe_array() { let n = std::env::var("N").unwrap().parse().unwrap(); run(&format!("{{{{ {}1{} }}}}", "[".repeat(n), "]".repeat(n))); }
