//! memor's README, custom templates: a template with placeholders for the prompt, its selected
//! response and a custom map, and one of memor's presets.
//!
//! `cargo run -p memor-render --example custom_template`

use memor_core::{Prompt, PromptTemplate, Response};
use memor_render::prelude::*;
use serde_json::{Map, json};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut custom_map = Map::new();
    custom_map.insert("language".into(), json!("Python"));
    custom_map.insert("level".into(), json!(3));
    let template = PromptTemplate::new(
        "Act as a {language} teacher (level {level}).\nQuestion: {prompt[message]}\nBest answer so far ({response[score]:.0%}): {response[message]}",
    )
    .with_title("Teacher")
    .with_custom_map(custom_map);

    let answer = Response::builder().message("Use a list comprehension.").score(0.75).build()?;
    let prompt = Prompt::builder()
        .message("How do I square every number in a list?")
        .responses(vec![answer])
        .template(template)
        .build();
    println!("{}\n", prompt.text()?);

    let preset = memor_templates::presets::preset("INSTRUCTION1.PROMPT_RESPONSE_STANDARD").ok_or("no such preset")?;
    let mut with_preset = prompt.clone();
    with_preset.update_template(preset.template());
    println!("{}", with_preset.text()?);
    Ok(())
}
