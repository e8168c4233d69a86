//! Build a session, save it in memor 1.1's format, load it back.
//!
//! `cargo run -p memor-core --example quickstart`

use memor_core::{Document, Prompt, Response, Session, models};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut session = Session::new(Some("support".into()));
    session.add_message(Prompt::builder().message("How do I reset my password?").build());
    let answer =
        Response::builder().message("Open Settings, then Security.").temperature(0.2).model(models::GPT_4O).build()?;
    session.add_message(answer);

    let path = std::env::temp_dir().join("memor-quickstart.json");
    session.save(&path)?; // atomic: a crash leaves the old file or the new one
    let again = Session::load(&path)?; // Python memor 1.1 reads the same file
    assert_eq!(again, session);
    assert_eq!(again.get_size(), std::fs::metadata(&path)?.len() as usize);
    println!("saved {} messages, {} bytes, to {}", again.len(), again.get_size(), path.display());
    Ok(())
}
