//! probe
fn add(t: &str) {
    let mut tera = tera::Tera::default();
    println!(
        "add: {:?}",
        tera.add_raw_template("t", t).map_err(|e| format!("{e:?}").chars().take(200).collect::<String>())
    );
}
fn n() -> usize {
    std::env::var("N").unwrap().parse().unwrap()
}
#[test]
fn probe_parens() {
    add(&format!("{{{{ {}1{} }}}}", "(".repeat(n()), ")".repeat(n())));
}
#[test]
fn probe_plus() {
    add(&format!("{{{{ 1{} }}}}", " + 1".repeat(n())));
}
#[test]
fn probe_tilde() {
    add(&format!("{{{{ 1{} }}}}", " ~ 1".repeat(n())));
}
#[test]
fn probe_filters() {
    add(&format!("{{{{ 1{} }}}}", " | string".repeat(n())));
}
