//! probe
use memor_templates::{TemplateEngine, TeraEngine};
use serde_json::json;

#[test]
fn probe_self_include() {
    let args = json!({});
    let args = args.as_object().unwrap();
    println!("{:?}", TeraEngine.render("a{% include \"template\" %}", args).map(|s| s.len()));
}
#[test]
fn probe_macro() {
    let args = json!({});
    let args = args.as_object().unwrap();
    println!("{:?}", TeraEngine.render("{% macro f(n) %}{{ self::f(n=n) }}{% endmacro f %}{{ self::f(n=1) }}", args).map(|s| s.len()));
}
#[test]
fn probe_range() {
    let args = json!({});
    let args = args.as_object().unwrap();
    println!("{:?}", TeraEngine.render("{{ range(end=100000000) | length }}", args).map(|s| s.len()));
}
