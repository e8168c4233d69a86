//! Files on disk: atomic saves that never lose what was saved, and clear errors.

use memor_core::{Document, Error, Prompt, Response, Session};

use crate::objects::tempdir;

fn session(n: usize) -> Session {
    let mut s = Session::new(Some("t".into()));
    for i in 0..n {
        s.add_message(Prompt::builder().message(format!("q{i}")).build());
    }
    s
}

#[test]
fn save_replaces_the_file_and_leaves_no_temporary_behind() {
    let dir = tempdir();
    let path = dir.join("s.json");
    session(1).save(&path).unwrap();
    let bigger = session(3);
    bigger.save(&path).unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), bigger.to_json());
    let names: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names, vec![std::ffi::OsString::from("s.json")]);
}

#[test]
fn a_failed_save_leaves_what_was_there_and_no_temporary() {
    // The final rename fails when the target is a non-empty directory (even for root).
    let dir = tempdir();
    let target = dir.join("s.json");
    std::fs::create_dir(&target).unwrap();
    std::fs::write(target.join("keep"), b"kept").unwrap();
    let err = session(2).save(&target).unwrap_err();
    assert!(matches!(err, Error::Io { .. }), "{err:?}");
    assert_eq!(std::fs::read(target.join("keep")).unwrap(), b"kept");
    let names: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names, vec![std::ffi::OsString::from("s.json")]);
}

#[test]
fn saving_into_a_missing_directory_is_an_error_naming_the_path() {
    let err = Response::default().save("/nonexistent-dir/x.json").unwrap_err();
    assert!(matches!(err, Error::Io { .. }));
    assert!(err.to_string().starts_with("/nonexistent-dir/x.json: "), "{err}");
}

#[test]
fn loading_errors_say_what_and_where() {
    let err = Session::load("/nonexistent/s.json").unwrap_err();
    assert_eq!(
        err.to_string(),
        "Invalid path: must be a string and refer to an existing location. Given path: /nonexistent/s.json"
    );
    let dir = tempdir();
    let err = Session::load(&dir).unwrap_err();
    assert!(matches!(err, Error::Io { .. }), "a directory: {err:?}");
    let path = dir.join("bad.json");
    std::fs::write(&path, b"{\"type\": \"Session\", \n \"title\": ]").unwrap();
    let err = Session::load(&path).unwrap_err();
    assert_eq!(err.to_string(), "Invalid session structure. It should be a JSON object with proper fields.");
    assert_eq!(err.detail(), Some("Expecting value: line 2 column 11"));
    std::fs::write(&path, b"\xff\xfe").unwrap();
    assert!(matches!(Session::load(&path), Err(Error::Io { .. })));
}

#[test]
fn nested_errors_name_the_message() {
    let mut s = session(2);
    s.add_message(Response::builder().message("r").build().unwrap());
    let text = s.to_json().replace("\"role\": \"assistant\"", "\"role\": \"bot\"");
    let err = Session::from_json(&text).unwrap_err();
    assert_eq!(err.to_string(), "Invalid session structure. It should be a JSON object with proper fields.");
    assert_eq!(
        err.detail(),
        Some(
            "messages[2]: Invalid response structure. It should be a JSON object with proper fields. (field `role`: `bot` is not system, user or assistant)"
        )
    );
}

#[test]
fn a_session_file_larger_than_its_windows_loads_and_saves_as_its_text_does() {
    // A few MB of messages with non-ASCII text and long messages, so that windows end inside
    // strings, escapes and characters; the mask and a response make the tail.
    let mut s = Session::new(Some("window".into()));
    for i in 0..3000 {
        let text = format!("message {i}: café 東京 😀 \"quoted\"\n{}", "x".repeat(i % 7 * 300));
        match i % 3 {
            0 => s.add_message(Response::builder().message(text).model("gpt-4o").build().unwrap()),
            _ => s.add_message(Prompt::builder().message(text).build()),
        }
    }
    s.mask_message(5).unwrap();
    let text = s.to_json();
    assert!(text.len() > 2 << 20, "{} bytes", text.len());
    let dir = tempdir();
    let path = dir.join("big.json");
    std::fs::write(&path, &text).unwrap();
    let loaded = Session::load(&path).unwrap();
    assert_eq!(loaded, Session::from_json(&text).unwrap());
    assert_eq!(loaded.to_json(), text);
    let any = memor_core::AnyDocument::load(&path, None).unwrap();
    assert_eq!(any, memor_core::AnyDocument::Session(loaded.clone()));
    assert!(memor_core::json::__windowed(&text));
    // Saved, streamed to the file a buffer at a time: the same bytes.
    let again = dir.join("again.json");
    loaded.save(&again).unwrap();
    assert_eq!(std::fs::read_to_string(&again).unwrap(), text);
    let any_again = dir.join("any-again.json");
    any.save(&any_again).unwrap();
    assert_eq!(std::fs::read_to_string(&any_again).unwrap(), text);

    // Cut short, it is an error, worded as the whole text's.
    std::fs::write(&path, &text[..text.len() / 2]).unwrap();
    let (file, whole) = (Session::load(&path).unwrap_err(), Session::from_json(&text[..text.len() / 2]).unwrap_err());
    assert_eq!(file.to_string(), whole.to_string());
}

#[cfg(unix)]
#[test]
fn a_pipe_is_read_once_whatever_it_holds() {
    // A prompt through a named pipe: what a session's windowed read would have taken of it
    // could not be read again.
    let dir = tempdir();
    let fifo = dir.join("prompt.fifo");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let prompt = Prompt::builder().message("through a pipe").build();
    let text = prompt.to_json();
    let writer = {
        let (fifo, text) = (fifo.clone(), text.clone());
        std::thread::spawn(move || std::fs::write(fifo, text).unwrap())
    };
    let loaded = memor_core::AnyDocument::load(&fifo, None).unwrap();
    writer.join().unwrap();
    assert_eq!(loaded, memor_core::AnyDocument::Prompt(prompt));
}

#[test]
fn a_session_file_of_1_mib_or_more_loads_as_its_text_does() {
    // Read in two parts on two threads, each through its own window of the one open file.
    let mut s = Session::new(Some("large".into()));
    for i in 0..1000 {
        let text = format!("message {i}: naïve 東京 😀 {}", "y".repeat(2800));
        match i % 2 {
            0 => s.add_message(Prompt::builder().message(text).build()),
            _ => s.add_message(Response::builder().message(text).build().unwrap()),
        }
    }
    let text = s.to_json();
    assert!(text.len() >= 1 << 20, "{} bytes", text.len());
    let dir = tempdir();
    let path = dir.join("large.json");
    std::fs::write(&path, &text).unwrap();
    let loaded = Session::load(&path).unwrap();
    assert_eq!(loaded.to_json(), text);
    assert_eq!(memor_core::AnyDocument::load(&path, None).unwrap(), memor_core::AnyDocument::Session(loaded));
}
