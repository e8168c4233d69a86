//! `memor export --to parquet` (the `parquet` feature): memor's table as a Parquet file, through
//! the `parquet` crate's low-level column writers (no Arrow).
//!
//! The columns are [`memor_render::table::COLUMNS`], each a UTF-8 string as in the CSV export
//! (`metadata` is its JSON text), except `status`, a boolean. Uncompressed, one row group per
//! [`ROW_GROUP`] messages.

use std::sync::Arc;

use memor_render::table;
use parquet::basic::{LogicalType, Repetition, Type as Physical};
use parquet::data_type::{BoolType, ByteArray, ByteArrayType};
use parquet::errors::ParquetError;
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::types::Type;
use serde_json::{Map, Value};

use crate::Failure;

/// Rows per row group (and per step of the progress bar).
const ROW_GROUP: usize = 4096;

/// The Parquet file of `rows` (memor's table).
pub(crate) fn write(rows: &[Map<String, Value>]) -> Result<Vec<u8>, Failure> {
    written(write_rows(rows))
}

fn write_rows(rows: &[Map<String, Value>]) -> Result<Vec<u8>, ParquetError> {
    let schema = Arc::new(schema()?);
    let properties = Arc::new(WriterProperties::builder().set_created_by(created_by()).build());
    let mut writer = SerializedFileWriter::new(Vec::new(), schema, properties)?;
    let progress = crate::progress::bar(rows.len() as u64, "exporting");
    for group in rows.chunks(ROW_GROUP) {
        let mut row_group = writer.next_row_group()?;
        let mut index = 0;
        while let Some(mut column) = row_group.next_column()? {
            let name = table::COLUMNS.get(index).copied().unwrap_or_default();
            if name == "status" {
                let values: Vec<bool> = group.iter().map(|row| row.get(name) == Some(&Value::Bool(true))).collect();
                column.typed::<BoolType>().write_batch(&values, None, None)?;
            } else {
                let values: Vec<ByteArray> = group.iter().map(|row| ByteArray::from(field(row, name))).collect();
                column.typed::<ByteArrayType>().write_batch(&values, None, None)?;
            }
            column.close()?;
            index += 1;
        }
        row_group.close()?;
        progress.inc(group.len() as u64);
    }
    progress.finish();
    writer.into_inner()
}

/// The schema: the table's columns, in memor's order, all required.
fn schema() -> Result<Type, ParquetError> {
    let fields = table::COLUMNS
        .iter()
        .map(|name| {
            let column = match *name {
                "status" => Type::primitive_type_builder(name, Physical::BOOLEAN),
                _ => Type::primitive_type_builder(name, Physical::BYTE_ARRAY)
                    .with_logical_type(Some(LogicalType::String)),
            };
            column.with_repetition(Repetition::REQUIRED).build().map(Arc::new)
        })
        .collect::<Result<_, _>>()?;
    Type::group_type_builder("memor_session").with_fields(fields).build()
}

/// A string cell as the CSV export writes it: a string as it is, another value as JSON.
fn field(row: &Map<String, Value>, column: &str) -> Vec<u8> {
    match row.get(column) {
        Some(Value::String(s)) => s.clone().into_bytes(),
        Some(other) => other.to_string().into_bytes(),
        None => Vec::new(),
    }
}

fn created_by() -> String {
    format!("memor-cli {} (parquet-rs)", env!("CARGO_PKG_VERSION"))
}

fn written<T>(result: Result<T, ParquetError>) -> Result<T, Failure> {
    result.map_err(|e| Failure::plain(format!("cannot write the Parquet file: {e}")))
}
