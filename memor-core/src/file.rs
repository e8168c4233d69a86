//! Reading and atomically writing files: [`FileStamp`]s to notice that a file changed since it
//! was read, a lock file around the check and the rename, and removal of the temporaries a
//! killed save left behind.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

use crate::{Error, Result};

/// Reads a whole file as UTF-8 text; a missing file is memor's path error.
pub(crate) fn read(path: &Path) -> Result<String> {
    fs::read_to_string(path).map_err(|source| match source.kind() {
        io::ErrorKind::NotFound => Error::Path { path: path.to_owned() },
        _ => Error::Io { path: path.to_owned(), source },
    })
}

/// What a file was when it was read or written: its length, modification time and (on Unix)
/// device and inode. Every atomic save makes a new inode, so a save by another process is
/// seen even within the clock's resolution; an in-place edit changes the time or the length.
///
/// ```
/// use memor_core::{Document, Error, FileStamp, Session};
///
/// let path = std::env::temp_dir().join(format!("memor-stamp-doc-{}.json", std::process::id()));
/// let session = Session::new(Some("a".into()));
/// let stamp = session.save_if_unchanged(&path, None)?; // there was no file
/// Session::new(Some("b".into())).save(&path)?; // someone else saves
/// let error = session.save_if_unchanged(&path, Some(&stamp)).unwrap_err();
/// assert!(matches!(error, Error::Changed { .. }));
/// assert_eq!(Session::load(&path)?.title(), Some("b")); // not overwritten
/// assert_eq!(FileStamp::of(&path)?.is_some(), true);
/// # std::fs::remove_file(&path).ok();
/// # Ok::<(), memor_core::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileStamp {
    len: u64,
    modified: Option<SystemTime>,
    inode: Option<(u64, u64)>,
}

impl FileStamp {
    /// The stamp of the file at `path` now; `None` when there is no file. Take it before
    /// reading the file, so that a save in between makes the later check fail, not pass.
    pub fn of(path: impl AsRef<Path>) -> Result<Option<FileStamp>> {
        let path = path.as_ref();
        match fs::metadata(path) {
            Ok(meta) => Ok(Some(FileStamp::from_metadata(&meta))),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(source) => Err(Error::Io { path: path.to_owned(), source }),
        }
    }

    fn from_metadata(meta: &fs::Metadata) -> FileStamp {
        #[cfg(unix)]
        let inode = {
            use std::os::unix::fs::MetadataExt;
            Some((meta.dev(), meta.ino()))
        };
        #[cfg(not(unix))]
        let inode = None;
        FileStamp { len: meta.len(), modified: meta.modified().ok(), inode }
    }
}

/// Writes `bytes` to `path` through a temporary file in the same directory, synced and then
/// renamed over the target, so that a failure or crash at any point leaves either the old
/// file or the new one, never a mix. A symbolic link is followed, and an existing file's
/// permissions are kept. Temporaries of earlier saves of this file whose process is gone are
/// removed first.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    write_with(path, None, &mut |file| file.write_all(bytes)).map(|_| ())
}

/// [`write_atomic`], with the temporary's bytes written by `write` (a serializer that streams
/// them, so that they are never held whole); with `expected`, only when the file is still as
/// it says (`Some(None)`: there is no file), the check and the rename under the file's lock,
/// so two checked saves never both pass. Gives the written file's stamp.
pub(crate) fn write_with(
    path: &Path,
    expected: Option<Option<&FileStamp>>,
    write: &mut dyn FnMut(&mut dyn Write) -> io::Result<()>,
) -> Result<FileStamp> {
    let io_err = |source| Error::Io { path: path.to_owned(), source };
    let target = match fs::canonicalize(path) {
        Ok(resolved) => resolved,
        Err(_) => path.to_owned(),
    };
    remove_stale_temporaries(&target);
    let tmp = temp_path(&target).ok_or_else(|| io_err(io::Error::other("not a file path")))?;
    if let Err(source) = write_synced(&tmp, &target, write) {
        let _ = fs::remove_file(&tmp);
        return Err(io_err(source));
    }
    // The stamp is the temporary's: a rename keeps the inode and the time, and stamping the
    // target after the rename could stamp another save that came in between.
    let stamp = fs::metadata(&tmp).map_err(io_err).map(|meta| FileStamp::from_metadata(&meta));
    let result = stamp.and_then(|stamp| {
        match expected {
            None => fs::rename(&tmp, &target).map_err(io_err),
            Some(expected) => rename_if_unchanged(&tmp, &target, path, expected),
        }
        .map(|()| stamp)
    });
    let stamp = match result {
        Ok(stamp) => stamp,
        Err(error) => {
            let _ = fs::remove_file(&tmp);
            return Err(error);
        }
    };
    if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
        // Persist the rename itself; not every platform can open a directory, so best effort.
        let _ = fs::File::open(dir).and_then(|d| d.sync_all());
    }
    Ok(stamp)
}

/// Renames `tmp` over `target` if `target` is still as `expected`, holding the lock.
fn rename_if_unchanged(tmp: &Path, target: &Path, path: &Path, expected: Option<&FileStamp>) -> Result<()> {
    let lock = Lock::acquire(target).map_err(|(lock, source)| Error::Io { path: lock, source })?;
    let now = FileStamp::of(target)?;
    let result = if now.as_ref() == expected {
        fs::rename(tmp, target).map_err(|source| Error::Io { path: path.to_owned(), source })
    } else {
        Err(Error::Changed { path: path.to_owned() })
    };
    drop(lock);
    result
}

fn write_synced(tmp: &Path, target: &Path, write: &mut dyn FnMut(&mut dyn Write) -> io::Result<()>) -> io::Result<()> {
    let mut f = fs::OpenOptions::new().write(true).create_new(true).open(tmp)?;
    if let Ok(meta) = fs::metadata(target) {
        f.set_permissions(meta.permissions())?;
    }
    write(&mut f)?;
    f.sync_all()
}

/// `.NAME.PID.N.tmp` beside the target: the process id and a per-process counter.
fn temp_path(target: &Path) -> Option<PathBuf> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let name = target.file_name()?.to_string_lossy();
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    Some(target.with_file_name(format!(".{name}.{}.{n}.tmp", std::process::id())))
}

/// Removes the `.NAME.PID.N.tmp` files beside `target` whose process is known to be gone (a
/// save killed before its rename). Only where that can be known (Linux's `/proc`); any failure
/// is ignored, as the save does not depend on it.
fn remove_stale_temporaries(target: &Path) {
    let (Some(dir), Some(name)) = (target.parent(), target.file_name()) else { return };
    let dir = if dir.as_os_str().is_empty() { Path::new(".") } else { dir };
    let prefix = format!(".{}.", name.to_string_lossy());
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(pid) = file_name.to_str().and_then(|n| temp_pid(n, &prefix)) else { continue };
        if pid != std::process::id() && process_alive(pid) == Some(false) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// The PID of a temporary of ours (`PREFIX` `PID.N.tmp`, both numbers decimal).
fn temp_pid(file_name: &str, prefix: &str) -> Option<u32> {
    let rest = file_name.strip_prefix(prefix)?.strip_suffix(".tmp")?;
    let (pid, n) = rest.split_once('.')?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    (digits(pid) && digits(n)).then(|| pid.parse().ok()).flatten()
}

/// Whether process `pid` exists: `None` where this cannot be told without `unsafe`.
fn process_alive(pid: u32) -> Option<bool> {
    if cfg!(target_os = "linux") && Path::new("/proc/self").exists() {
        return Some(Path::new(&format!("/proc/{pid}")).exists());
    }
    None
}

/// The lock file `.NAME.lock` beside a target, held from the check to the rename (a few
/// system calls), removed on drop. A lock whose process is gone, or older than
/// [`STALE_LOCK`], is taken over.
struct Lock(PathBuf);

/// A lock older than this was left by a crash (it is held only for a check and a rename).
const STALE_LOCK: Duration = Duration::from_secs(10);

/// How long to wait for another save's lock before giving up.
const LOCK_WAIT: Duration = Duration::from_secs(20);

impl Lock {
    fn acquire(target: &Path) -> std::result::Result<Lock, (PathBuf, io::Error)> {
        let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let path = target.with_file_name(format!(".{name}.lock"));
        let started = std::time::Instant::now();
        loop {
            match fs::OpenOptions::new().write(true).create_new(true).open(&path) {
                Ok(mut file) => {
                    let _ = write!(file, "{}", std::process::id());
                    return Ok(Lock(path));
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                    if Lock::stale(&path) {
                        let _ = fs::remove_file(&path);
                        continue;
                    }
                    if started.elapsed() > LOCK_WAIT {
                        let held =
                            io::Error::other(format!("locked by another save for over {} s", LOCK_WAIT.as_secs()));
                        return Err((path, held));
                    }
                    std::thread::sleep(Duration::from_millis(2));
                }
                Err(e) => return Err((path, e)),
            }
        }
    }

    fn stale(path: &Path) -> bool {
        let pid = fs::read_to_string(path).ok().and_then(|text| text.trim().parse::<u32>().ok());
        if pid.and_then(process_alive) == Some(false) {
            return true;
        }
        let age = fs::metadata(path).and_then(|m| m.modified()).ok().and_then(|t| t.elapsed().ok());
        age.is_some_and(|age| age > STALE_LOCK)
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temporaries_of_ours_are_recognised() {
        assert_eq!(temp_pid(".s.json.123.4.tmp", ".s.json."), Some(123));
        assert_eq!(temp_pid(".s.json.x.4.tmp", ".s.json."), None);
        assert_eq!(temp_pid(".s.json.123.tmp", ".s.json."), None);
        assert_eq!(temp_pid(".s.json.1.2.3.tmp", ".s.json."), None);
        assert_eq!(temp_pid(".t.json.123.4.tmp", ".s.json."), None);
    }
}
