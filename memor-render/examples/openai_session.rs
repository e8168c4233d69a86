//! memor's README, first example: prompts with candidate responses in a session, rendered for
//! OpenAI's chat API.
//!
//! `cargo run -p memor-render --example openai_session`

use memor_core::{Prompt, Response, Role, Session, models};
use memor_render::prelude::*;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let response =
        Response::builder().message("I am fine.").model(models::GPT_4).temperature(0.9).score(0.9).build()?;
    let prompt =
        Prompt::builder().message("Hello, how are you?").responses(vec![response.clone()]).role(Role::User).build();
    let system = Prompt::builder().message("You are a friendly assistant.").role(Role::System).build();

    let mut session = Session::new(Some("session1".into()));
    session.add_message(system);
    session.add_message(prompt);
    session.add_message(response);

    let rendered = session.render("openai")?;
    println!("{}", serde_json::to_string_pretty(&rendered.value)?);
    for warning in &rendered.warnings {
        eprintln!("warning: {warning}");
    }
    println!("renders so far: {}", session.render_counter());
    Ok(())
}
