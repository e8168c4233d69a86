//! Sessions as tables: memor's `to_dataframe` rows, and round trips through CSV and JSON Lines.

use memor_core::{Document, Session};
use memor_render::table;
use serde_json::Value;

use crate::fixtures::{self, untag};

fn sessions() -> impl Iterator<Item = (String, Session, Value)> {
    (0..16).map(|n| {
        let id = format!("S{n:03}");
        let session = Session::from_json(&fixtures::read(&format!("conformance/objects/sessions/{id}.json"))).unwrap();
        let expected = fixtures::json(&format!("conformance/objects/sessions/{id}.expected.json"));
        (id, session, expected)
    })
}

#[test]
fn rows_are_memors_dataframe() {
    for (id, session, expected) in sessions() {
        let frame = untag(&expected["to_dataframe"]["value"]);
        let rows = table::rows(&session);
        if rows.is_empty() {
            assert_eq!(frame["columns"], Value::Array(vec![]), "{id}");
            continue;
        }
        assert_eq!(frame["columns"], serde_json::json!(table::COLUMNS), "{id}");
        let got: Vec<Value> =
            rows.iter().map(|row| Value::Array(table::COLUMNS.iter().map(|c| row[*c].clone()).collect())).collect();
        assert_eq!(Value::Array(got), frame["rows"], "{id}");
    }
}

#[test]
fn every_fixture_session_round_trips_through_csv_and_json_lines() {
    let mut checked = 0;
    for (id, session, _) in sessions() {
        for (name, rows) in [
            ("csv", table::from_csv(&table::to_csv(&session)).unwrap()),
            ("jsonl", table::from_jsonl(&table::to_jsonl(&session)).unwrap()),
        ] {
            let mut back = Session::new(session.title().map(str::to_owned));
            table::replace_from_rows(&mut back, &rows).unwrap();
            assert_eq!(
                back.messages().iter().map(|m| memor_render::MessageRef::from(m).to_value()).collect::<Vec<_>>(),
                session.messages().iter().map(|m| memor_render::MessageRef::from(m).to_value()).collect::<Vec<_>>(),
                "{id} {name}"
            );
            assert_eq!(back.messages_status(), session.messages_status(), "{id} {name}");
            assert_eq!(back.title(), session.title(), "{id} {name}");
            assert_eq!(back.render_counter(), 0);
            checked += 1;
        }
    }
    assert_eq!(checked, 32);
}

#[test]
fn bad_rows_say_which_row_and_what() {
    let err = table::from_csv("metadata,status,type\n{},yes,Prompt\n").unwrap_err();
    assert_eq!(err.to_string(), "row 0: `status`: expected value at line 1 column 1");
    let rows = table::from_jsonl("{\"metadata\": {}, \"status\": true}\n").unwrap();
    let err = table::replace_from_rows(&mut Session::default(), &rows).unwrap_err();
    assert_eq!(err.to_string(), "row 0: missing column `type`");
    let err = table::from_csv("a,b\n\"unterminated\n").unwrap_err();
    assert!(err.to_string().contains("unterminated"), "{err}");
}
