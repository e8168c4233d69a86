//! memor's README, session tools: masking messages out of the render, and searching them
//! (masked messages are still searched, as in memor).
//!
//! `cargo run -p memor-render --example masking_and_search`

use memor_core::{Prompt, Response, Session};
use memor_render::SearchOptions;
use memor_render::prelude::*;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut session = Session::new(Some("tools".into()));
    session.add_message(Prompt::builder().message("What is the capital of France?").build());
    session.add_message(Response::builder().message("Paris.").build()?);
    session.add_message(Prompt::builder().message("And of Italy?").build());
    session.add_message(Response::builder().message("Rome.").build()?);

    session.mask_message(0)?;
    session.mask_message(1)?;
    println!("masks: {:?}", session.masks());
    println!("render without the first exchange:\n{}", session.text()?);

    let plain = session.search("capital", SearchOptions::default())?;
    println!("'capital' in messages {:?}", plain.indices);
    let regex = session
        .search(r"^[A-Z][a-z]+\.$", SearchOptions { regex: true, case_sensitive: true, ..Default::default() })?;
    println!("one-word answers: {:?}", regex.indices);
    session.unmask_message(0)?;
    println!("after unmasking message 0: {:?}", session.masks());
    Ok(())
}
