//! The plugin shows up where the macro promises, and renders.

// Tests: a failed unwrap is a failed check, which is what we want here.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::process::Command;

use memor_core::{Prompt, Response, Session};
use memor_render::RendererRegistry;
use serde_json::json;

#[test]
fn the_macro_puts_the_format_in_the_plugin_registries_only() {
    assert!(RendererRegistry::with_plugins().unwrap().ids().any(|id| id == "markdown"));
    assert!(RendererRegistry::global().ids().any(|id| id == "markdown"));
    assert!(!RendererRegistry::with_builtins().ids().any(|id| id == "markdown"));
    let mut explicit = RendererRegistry::with_builtins();
    memor_plugin_example::register(&mut explicit).unwrap();
    assert!(memor_plugin_example::register(&mut explicit).is_err(), "a second registration is a duplicate");
}

#[test]
fn it_renders_a_session() {
    let mut s = Session::new(None);
    s.add_message(Prompt::builder().message("Hi").build());
    s.add_message(Response::builder().message("Hello!").build().unwrap());
    let rendered = RendererRegistry::global().render_session(&s, "markdown", true).unwrap();
    assert_eq!(rendered.value, json!("**user**: Hi\n\n**assistant**: Hello!"));
}

#[test]
fn memor_formats_lists_it() {
    let out = Command::new(env!("CARGO_BIN_EXE_memor-with-plugin")).arg("formats").output().unwrap();
    assert!(out.status.success());
    let formats = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        formats,
        "ai_studio\nanthropic\ndictionary\ngemini\nitems\nmarkdown\nmistral\nollama\nopenai\nopenai_responses\nstring\n"
    );
}
