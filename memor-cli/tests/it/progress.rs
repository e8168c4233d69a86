//! Progress bars: on stderr when it is a terminal, never in piped output.

use crate::{fixture, memor, stderr, stdout, tempdir, write_big_session};

/// What progress bars draw: the bar's brackets and arrow, and terminal control sequences.
fn has_progress(text: &str) -> bool {
    text.contains("=>") || text.contains('\x1b') || text.contains('\r') || text.contains("importing")
}

#[test]
fn piped_imports_and_exports_carry_no_progress() {
    let dir = tempdir();
    let db = dir.join("store.db");
    let files = [fixture("sessions/S009.json"), fixture("sessions/S003.json"), fixture("sessions/S012.json")];
    let out = memor(&["store", "import", db.to_str().unwrap(), &files[0], &files[1], &files[2]]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stderr(&out), "");
    let ids: Vec<String> = stdout(&out).lines().map(str::to_owned).collect();
    assert_eq!(ids.len(), 3, "{}", stdout(&out));
    assert!(ids.iter().all(|id| !has_progress(id) && !id.is_empty()), "{ids:?}");

    let big = dir.join("big.json");
    write_big_session(&big, 3000);
    let csv = dir.join("big.csv");
    let out = memor(&["export", big.to_str().unwrap(), "--to", "csv", "-o", csv.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stderr(&out), "");
    let out = memor(&["import", csv.to_str().unwrap(), "--from", "csv", "-o", "-"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stderr(&out), "");
    assert!(stdout(&out).starts_with('{'));
}

/// On a terminal (a pseudo-terminal from Python's `pty`), `memor store import` draws its bar
/// and still prints one id per file, each on its own line.
#[test]
fn on_a_terminal_store_import_draws_a_bar_between_the_ids() {
    let dir = tempdir();
    let db = dir.join("store.db");
    let files: Vec<String> = (0..6).map(|i| fixture(&format!("sessions/S00{}.json", i + 1))).collect();
    let mut args = vec!["store", "import", db.to_str().unwrap()];
    args.extend(files.iter().map(String::as_str));
    let Some((code, shown)) = crate::chat::on_a_terminal(&args, "") else {
        assert!(std::env::var_os("MEMOR_REQUIRE_PYTHON").is_none(), "python3 with pty is required");
        eprintln!("skipped: python3 is not available");
        return;
    };
    assert_eq!(code, 0, "{shown}");
    assert!(shown.contains("importing ["), "{shown:?}");
    assert!(shown.contains("/6"), "{shown:?}");
    // Every stored conversation's id was printed on a line of its own.
    let listed: serde_json::Value =
        serde_json::from_str(&stdout(&memor(&["store", "list", db.to_str().unwrap(), "--json"]))).unwrap();
    let ids: Vec<&str> = listed.as_array().unwrap().iter().map(|c| c["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), 6);
    for id in ids {
        assert!(shown.contains(&format!("{id}\r\n")), "{id} in {shown:?}");
    }
}
