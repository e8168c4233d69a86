//! memor's JSON: a reader with Python's `json.loads` rules, a writer with `json.dumps` bytes,
//! and the model's `to_json` shape.

pub(crate) mod load;
pub(crate) mod read;
mod scan;
mod ser;
pub(crate) mod window;
mod write;

pub use load::{__streaming_agrees, __windowed};
pub use read::MAX_OBJECT_KEYS;
pub use ser::WithoutTemplate;
pub(crate) use write::to_writer;
pub use write::{Error, byte_len, push_json_str, to_string, to_vec};
