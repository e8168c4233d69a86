//! Progress bars on stderr for work that can take more than a second (imports, exports, and
//! later indexing and consolidation), only when stderr is a terminal: piped or redirected
//! output never carries them.
//!
//! ```ignore
//! let progress = progress::bar(files.len() as u64, "importing");
//! for file in files {
//!     let id = import(file)?;
//!     progress.suspend(|| println!("{id}")); // a stdout line without tearing the bar
//!     progress.inc(1);
//! }
//! progress.finish();
//! ```
//!
//! The bar is redrawn at most 20 times a second and cleared when finished or dropped (an error
//! then prints on a clean line), so quick work leaves nothing behind.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressFinish, ProgressStyle};

/// A progress bar, or nothing when stderr is not a terminal.
pub(crate) struct Progress {
    bar: Option<ProgressBar>,
}

/// A bar for `len` steps, labelled `label` (`importing`, `indexing`…): `label [====>   ] 3/10`.
pub(crate) fn bar(len: u64, label: &str) -> Progress {
    let bar = std::io::stderr().is_terminal().then(|| {
        let style = ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len} ({eta})")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> ");
        ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr_with_hz(20))
            .with_style(style)
            .with_message(label.to_owned())
            .with_finish(ProgressFinish::AndClear)
    });
    Progress { bar }
}

impl Progress {
    /// `n` more steps done.
    pub(crate) fn inc(&self, n: u64) {
        if let Some(bar) = &self.bar {
            bar.inc(n);
        }
    }

    /// Runs `f` with the bar out of the way, for a line on stdout or stderr.
    pub(crate) fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        match &self.bar {
            Some(bar) => bar.suspend(f),
            None => f(),
        }
    }

    /// The work is done: the bar goes.
    pub(crate) fn finish(self) {
        if let Some(bar) = self.bar {
            bar.finish_and_clear();
        }
    }
}
