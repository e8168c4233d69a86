//! Schema migrations: numbered SQL scripts embedded in the crate, applied in one transaction
//! when a store opens.
//!
//! Versions are kept per component in the table `memor_schema`, so that other parts of memor
//! (long-term memory, say) keep their own tables and versions in the same database without
//! this crate knowing them.

use crate::{Error, Result};

/// What a backend's open transaction offers the migration runner.
pub(crate) trait SchemaTx {
    /// Creates `memor_schema` if needed and reads the component's version (0 when absent).
    fn version(&mut self, component: &str) -> Result<i64>;
    /// Runs a script of statements.
    fn run(&mut self, sql: &str) -> Result<()>;
    /// Records the component's version.
    fn set_version(&mut self, component: &str, version: i64) -> Result<()>;
}

/// Brings `component` to the newest version: `scripts[i]` takes version `i` to `i + 1`.
/// A database at a version newer than `scripts.len()` is refused, untouched.
pub(crate) fn migrate(tx: &mut dyn SchemaTx, location: &str, component: &str, scripts: &[&str]) -> Result<()> {
    let known = scripts.len() as i64;
    let found = tx.version(component)?;
    if found > known {
        return Err(Error::SchemaTooNew {
            location: location.to_owned(),
            component: component.to_owned(),
            found,
            known,
        });
    }
    for script in &scripts[found.max(0) as usize..] {
        tx.run(script)?;
    }
    if found != known {
        tx.set_version(component, known)?;
    }
    Ok(())
}
