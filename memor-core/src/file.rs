//! Reading and atomically writing files.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::{Error, Result};

/// Reads a whole file as UTF-8 text; a missing file is memor's path error.
pub(crate) fn read(path: &Path) -> Result<String> {
    fs::read_to_string(path).map_err(|source| match source.kind() {
        io::ErrorKind::NotFound => Error::Path { path: path.to_owned() },
        _ => Error::Io { path: path.to_owned(), source },
    })
}

/// Writes `bytes` to `path` through a temporary file in the same directory, synced and then
/// renamed over the target, so that a failure or crash at any point leaves either the old
/// file or the new one, never a mix. A symbolic link is followed, and an existing file's
/// permissions are kept.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let io_err = |source| Error::Io { path: path.to_owned(), source };
    let target = match fs::canonicalize(path) {
        Ok(resolved) => resolved,
        Err(_) => path.to_owned(),
    };
    let tmp = temp_path(&target).ok_or_else(|| io_err(io::Error::other("not a file path")))?;
    let result = write_synced(&tmp, &target, bytes).and_then(|()| fs::rename(&tmp, &target));
    if let Err(source) = result {
        let _ = fs::remove_file(&tmp);
        return Err(io_err(source));
    }
    if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
        // Persist the rename itself; not every platform can open a directory, so best effort.
        let _ = fs::File::open(dir).and_then(|d| d.sync_all());
    }
    Ok(())
}

fn write_synced(tmp: &Path, target: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut f = fs::OpenOptions::new().write(true).create_new(true).open(tmp)?;
    if let Ok(meta) = fs::metadata(target) {
        f.set_permissions(meta.permissions())?;
    }
    f.write_all(bytes)?;
    f.sync_all()
}

fn temp_path(target: &Path) -> Option<PathBuf> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let name = target.file_name()?.to_string_lossy();
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    Some(target.with_file_name(format!(".{name}.{}.{n}.tmp", std::process::id())))
}
