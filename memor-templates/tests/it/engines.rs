//! probe
use memor_templates::{TemplateEngine, TeraEngine};
use serde_json::json;

fn run(t: String) {
    let kb: usize = std::env::var("KB").unwrap().parse().unwrap();
    let h = std::thread::Builder::new().stack_size(kb * 1024).spawn(move || {
        let args = json!({"x": 1, "xs": [1]});
        let args = args.as_object().unwrap();
        TeraEngine.render(&t, args).map(|s| s.len()).map_err(|e| e.to_string().chars().take(120).collect::<String>())
    }).unwrap();
    println!("{:?}", h.join().unwrap());
}
fn n() -> usize { std::env::var("N").unwrap().parse().unwrap() }
#[test]
fn probe_ifs() { run(format!("{}{{{{ {}1{} }}}}{}", "{% if x %}".repeat(n()), "(".repeat(n()), ")".repeat(n()), "{% endif %}".repeat(n()))); }
#[test]
fn probe_fors() { run(format!("{}{{{{ 1{} }}}}{}", "{% for a in xs %}".repeat(n()), " + 1".repeat(n()), "{% endfor %}".repeat(n()))); }
#[test]
fn probe_filters() { run(format!("{}{{{{ [[[[1]]]] }}}}{}", "{% filter upper %}".repeat(n()), "{% endfilter %}".repeat(n()))); }
#[test]
fn probe_plus() { run(format!("{{{{ 1{} }}}}", " + 1".repeat(n()))); }
#[test]
fn probe_parens() { run(format!("{{{{ {}1{} }}}}", "(".repeat(n()), ")".repeat(n()))); }
#[test]
fn probe_calls() { run(format!("{{{{ {}1{} }}}}", "range(end=".repeat(n()), ")".repeat(n()))); }
