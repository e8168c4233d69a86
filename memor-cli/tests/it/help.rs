//! The command line's conventions: help per command with examples, `memor help CMD`,
//! `--version`, shell completions, exit codes in the help, usage errors on stderr (exit 2).

use crate::{memor, stderr, stdout};

#[test]
fn each_command_has_its_own_help_with_examples() {
    let mut seen = std::collections::BTreeSet::new();
    for command in ["check", "render", "search", "tokens", "chat", "window", "completions"] {
        let out = memor(&[command, "--help"]);
        assert!(out.status.success(), "{command}: {}", stderr(&out));
        let help = stdout(&out);
        assert!(help.contains(&format!("Usage: memor {command}")), "{command}: {help}");
        assert!(help.contains("Example"), "{command} has no example: {help}");
        // `memor help CMD` is the same text.
        assert_eq!(stdout(&memor(&["help", command])), help, "{command}");
        assert!(seen.insert(help), "{command} prints another command's help");
    }
    let out = memor(&["help", "store", "list"]);
    assert!(stdout(&out).contains("Usage: memor store list [OPTIONS] <DB>"), "{}", stdout(&out));
}

#[test]
fn the_help_documents_the_exit_codes_and_version_names_the_file_format() {
    let help = stdout(&memor(&["--help"]));
    for line in ["Exit status:", "  0  success", "  1  a file is invalid", "  2  the command line is wrong"] {
        assert!(help.contains(line), "{line:?} missing: {help}");
    }
    let out = memor(&["--version"]);
    assert_eq!(stdout(&out), format!("memor {} (memor 1.1 files)\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn completions_name_the_commands_and_their_options() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = memor(&["completions", shell]);
        assert!(out.status.success(), "{shell}: {}", stderr(&out));
        let script = stdout(&out);
        for word in ["render", "format", "case-sensitive", "summary-model"] {
            assert!(script.contains(word), "{shell}: {word} missing");
        }
    }
    let out = memor(&["completions", "tcsh"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn usage_errors_give_the_message_then_the_commands_usage() {
    let out = memor(&["check", "x.json", "--kind", "chat"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.starts_with("memor: invalid value 'chat' for '--kind <KIND>'"), "{err}");
    assert!(err.contains("usage: memor check [OPTIONS] <FILE>"), "{err}");
    // Options a command does not have are refused, not ignored.
    let out = memor(&["check", "x.json", "--regex"]);
    assert_eq!(out.status.code(), Some(2));
    for args in [&["chat", "--provider", "p", "--model", "m", "--summarize"][..], &["tokens"], &["store", "show", "db"]]
    {
        let out = memor(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).starts_with("memor: "), "{args:?}: {}", stderr(&out));
    }
}

#[test]
fn a_dash_is_stdin_for_a_file_and_stdout_for_an_output() {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let piped = |args: &[&str], input: &[u8]| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_memor"))
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(input).unwrap();
        child.wait_with_output().unwrap()
    };
    let session = std::fs::read(crate::fixture("sessions/S009.json")).unwrap();
    let out = piped(&["save", "-", "-o", "-"], &session);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(out.stdout, session, "save - -o - is memor's bytes");
    let from_file = memor(&["render", &crate::fixture("sessions/S009.json"), "--format", "openai"]);
    let from_stdin = piped(&["render", "-", "--format", "openai"], &session);
    assert_eq!(stdout(&from_stdin), stdout(&from_file));
    let out = piped(&["search", "-", "x"], &std::fs::read(crate::fixture("prompts/P005.json")).unwrap());
    assert_eq!(stderr(&out).lines().next(), Some("stdin holds a prompt, not a session"));
}
