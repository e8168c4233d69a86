//! `memor export --to parquet`: read back by pyarrow (with the `parquet` feature), or a clear
//! refusal (without it).

#[cfg(feature = "parquet")]
mod with_the_feature {
    use std::process::Command;

    use serde_json::Value;

    use crate::{fixture, memor, stderr, tempdir, write_big_session};

    /// The file's columns (name, Arrow type), its row count and its rows, as pyarrow reads
    /// them; None when pyarrow is missing (`cargo xtask ci` installs it and requires it).
    fn read_back(path: &std::path::Path) -> Option<Value> {
        let script = r#"
import json, sys
import pyarrow.parquet as pq
table = pq.read_table(sys.argv[1])
print(json.dumps({
    "columns": [[f.name, str(f.type)] for f in table.schema],
    "num_rows": table.num_rows,
    "rows": table.to_pylist(),
}))
"#;
        let out = Command::new("python3").args(["-c", script, path.to_str().unwrap()]).output();
        match out {
            Ok(out) if out.status.success() => Some(serde_json::from_slice(&out.stdout).unwrap()),
            Ok(out) if std::env::var_os("MEMOR_REQUIRE_PYTHON").is_some() => {
                panic!("pyarrow could not read {}: {}", path.display(), String::from_utf8_lossy(&out.stderr))
            }
            _ => {
                eprintln!("skipped: python3 with pyarrow is not installed");
                None
            }
        }
    }

    #[test]
    fn pyarrow_reads_memors_table_from_a_parquet_export() {
        let dir = tempdir();
        let path = dir.join("s.parquet");
        let out = memor(&["export", &fixture("sessions/S002.json"), "--to", "parquet", "-o", path.to_str().unwrap()]);
        assert!(out.status.success(), "{}", stderr(&out));
        assert_eq!(out.stdout, b"", "the file goes to -o");
        assert_eq!(&std::fs::read(&path).unwrap()[..4], b"PAR1");
        let Some(table) = read_back(&path) else { return };
        let columns: Vec<(String, String)> = serde_json::from_value(table["columns"].clone()).unwrap();
        let want = [
            ("metadata", "string"),
            ("status", "bool"),
            ("type", "string"),
            ("message", "string"),
            ("role", "string"),
            ("id", "string"),
            ("date_created", "string"),
            ("date_modified", "string"),
        ];
        assert_eq!(columns, want.map(|(n, t)| (n.to_owned(), t.to_owned())));
        assert_eq!(table["num_rows"], 6);
        // S002, by hand: its six messages in order, two of them masked.
        let rows = table["rows"].as_array().unwrap();
        let column = |name: &str| rows.iter().map(|r| r[name].clone()).collect::<Vec<_>>();
        assert_eq!(column("status"), [true, false, true, false, true, true].map(Value::from));
        assert_eq!(
            column("type"),
            ["Response", "Response", "Response", "Prompt", "Prompt", "Response"].map(Value::from)
        );
        assert_eq!(
            column("role"),
            ["assistant", "assistant", "assistant", "user", "user", "assistant"].map(Value::from)
        );
        assert_eq!(rows[0]["id"], "aa7d01da-cc6e-4797-ae6c-c92f4e1132a9");
        assert_eq!(rows[5]["id"], "5332c883-0e37-4169-b0d4-24c25831e32e");
        assert_eq!(rows[0]["date_created"], "2024-03-06 20:19:34 -0330");
        assert_eq!(rows[2]["date_created"], "2025-03-06 21:50:46 -1200");
        assert_eq!(rows[1]["date_modified"], "2024-12-08 10:50:24 +0000");
        assert_eq!(rows[1]["message"], "Ｆｕｌｌｗｉｄｔｈ\u{3000}ｔｅｘｔ");
        assert_eq!(rows[0]["message"], "   \n\t  : def add(a, b):\n    return a + b\n");
        // `metadata` is the JSON of the other fields, as in the CSV export.
        let metadata: Value = serde_json::from_str(rows[0]["metadata"].as_str().unwrap()).unwrap();
        assert_eq!(metadata["model"], "gemma-7b");
        assert_eq!(metadata["tokens"], 50);
        assert!(metadata.get("id").is_none() && metadata.get("message").is_none(), "{metadata}");
        let metadata: Value = serde_json::from_str(rows[3]["metadata"].as_str().unwrap()).unwrap();
        assert_eq!(metadata["selected_response_index"], 0);
    }

    #[test]
    fn a_large_session_is_written_in_several_row_groups_and_read_back_whole() {
        let dir = tempdir();
        let big = dir.join("big.json");
        write_big_session(&big, 9000);
        let path = dir.join("big.parquet");
        let out = memor(&["export", big.to_str().unwrap(), "--to", "parquet", "-o", path.to_str().unwrap()]);
        assert!(out.status.success(), "{}", stderr(&out));
        // Piped: no progress bar on stderr.
        assert_eq!(stderr(&out), "");
        let Some(table) = read_back(&path) else { return };
        assert_eq!(table["num_rows"], 9000);
        let rows = table["rows"].as_array().unwrap();
        assert!(rows.iter().all(|r| r["type"] == "Response" && r["status"] == true));
        assert_eq!(rows[8999]["role"], "assistant");
    }
}

#[cfg(not(feature = "parquet"))]
#[test]
fn without_the_feature_parquet_is_refused_clearly_and_nothing_is_written() {
    use crate::{fixture, memor, stderr, tempdir};
    let dir = tempdir();
    let path = dir.join("s.parquet");
    let out = memor(&["export", &fixture("sessions/S002.json"), "--to", "parquet", "-o", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out).lines().next(),
        Some("this memor was built without the `parquet` feature: it cannot write Parquet")
    );
    assert!(stderr(&out).contains("--features parquet"), "{}", stderr(&out));
    assert!(!path.exists());
}

/// Without the feature the format is still known: the help lists it.
#[test]
fn export_help_names_parquet() {
    let out = crate::memor(&["export", "--help"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("--to parquet"), "{}", crate::stderr(&out));
}
