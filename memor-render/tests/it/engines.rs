//! Templates of other engines render through the engine registry; their errors are memor's
//! render error with the engine's words in the detail.

use memor_core::{Document, Prompt, PromptTemplate, Response};
use memor_render::prelude::*;

fn prompt_with(template: PromptTemplate) -> Prompt {
    let answer = Response::builder().message("Paris.").build().unwrap();
    Prompt::builder().message("Capital of France?").responses(vec![answer]).template(template).build()
}

#[test]
fn a_tera_template_renders_through_its_engine_and_keeps_its_engine_in_the_file() {
    let template =
        PromptTemplate::new("Q: {{ prompt.message }}\n{% for r in responses %}A: {{ r.message }}{% endfor %}")
            .with_engine("tera");
    let prompt = prompt_with(template);
    assert_eq!(prompt.text().unwrap(), "Q: Capital of France?\nA: Paris.");
    let saved = prompt.to_json();
    assert!(saved.contains(r#""engine": "tera"}"#), "{saved}");
    assert_eq!(Prompt::from_json(&saved).unwrap().text().unwrap(), "Q: Capital of France?\nA: Paris.");
    // A memor-engine template writes no engine key: memor's bytes.
    assert!(!prompt_with(PromptTemplate::new("{prompt[message]}")).to_json().contains("engine"));
}

#[test]
fn engine_errors_are_render_errors_naming_the_line() {
    let prompt = prompt_with(PromptTemplate::new("line one\n{{ prompt.message ").with_engine("tera"));
    let err = prompt.text().unwrap_err();
    assert_eq!(err.to_string(), "Prompt template and properties are incompatible.");
    let detail = err.detail().unwrap();
    assert!(detail.contains("2:"), "{detail}");
    let unknown = prompt_with(PromptTemplate::new("x").with_engine("jinja"));
    let detail = unknown.text().unwrap_err().detail().unwrap();
    assert!(detail.contains("jinja"), "{detail}");
}
