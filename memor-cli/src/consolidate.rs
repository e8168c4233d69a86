//! `memor memory consolidate` and `memor memory reflect`: the memory steps that ask a model,
//! on demand (with a progress bar on a terminal) and, for `memor chat --memory`, in the
//! background after each reply.

use std::path::PathBuf;
use std::sync::Arc;

use clap::Args;
use memor_embed::Embedder;
use memor_providers::{ChatOptions, Client, ProviderRegistry, UreqTransport};
use memor_recall::consolidate::{self, Options};
use memor_recall::llm::{ProviderLlm, Step};
use memor_recall::prompts::Prompts;
use memor_recall::{Memories, reflect};

use crate::Failure;

/// The model the memory steps ask.
#[derive(Args, Clone, Debug)]
pub(crate) struct ModelArgs {
    /// The provider (see `memor providers`)
    #[arg(long, value_name = "P")]
    provider: String,
    /// The model
    #[arg(long, value_name = "M")]
    model: String,
    /// The provider's base URL (an OpenAI-compatible server, a proxy)
    #[arg(long, value_name = "URL")]
    base_url: Option<String>,
    /// Seconds to wait for each reply
    #[arg(long, value_name = "S", default_value_t = 120)]
    timeout: u64,
    /// A directory of templates replacing the shipped prompts: filter.txt, extract.txt,
    /// decide.txt, reflect.txt (each optional; memor template syntax)
    #[arg(long, value_name = "DIR")]
    prompts: Option<PathBuf>,
}

impl ModelArgs {
    /// The chat's own model, for `memor chat --memory`.
    pub(crate) fn of_chat(provider: &str, model: &str, base_url: Option<String>) -> Self {
        ModelArgs { provider: provider.into(), model: model.into(), base_url, timeout: 120, prompts: None }
    }

    /// The model, over memor-providers' client (with its retries).
    fn llm(&self) -> Result<ProviderLlm, Failure> {
        let provider = ProviderRegistry::global().get_arc(&self.provider)?;
        let mut options = ChatOptions::new(&self.model);
        options.base_url = self.base_url.clone();
        let read = std::time::Duration::from_secs(self.timeout.max(1));
        let client = Client::new(UreqTransport::new(std::time::Duration::from_secs(10), read));
        Ok(ProviderLlm::new(client, provider, options))
    }

    /// The shipped prompts, with those of `--prompts` in their place.
    fn prompts(&self) -> Result<Prompts, Failure> {
        let mut prompts = Prompts::default();
        let Some(dir) = &self.prompts else { return Ok(prompts) };
        if !dir.is_dir() {
            return Err(Failure::plain(format!("--prompts {}: not a directory", dir.display())));
        }
        for step in [Step::Filter, Step::Extract, Step::Decide, Step::Reflect] {
            let path = dir.join(format!("{}.txt", step.as_str()));
            match std::fs::read_to_string(&path) {
                Ok(text) => prompts = prompts.with(step, text),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(Failure::plain(format!("{}: {e}", path.display()))),
            }
        }
        Ok(prompts)
    }
}

/// Consolidates and prints what it did; a batch that failed makes it exit 1 (after the
/// others are written).
pub(crate) fn consolidate(
    memories: &Memories,
    model: &ModelArgs,
    embedder: Option<&dyn Embedder>,
    conversation: Option<String>,
    batch: usize,
) -> Result<(), Failure> {
    let llm = model.llm()?;
    let mut options = Options::default();
    (options.conversation, options.batch, options.prompts) = (conversation, batch, model.prompts()?);
    let (mut bar, mut shown) = (None, 0);
    let report = consolidate::run(memories, &llm, embedder, &options, |done, total| {
        let bar = bar.get_or_insert_with(|| crate::progress::bar(total as u64, "consolidating"));
        bar.inc((done - shown) as u64);
        shown = done;
    });
    // The bar is cleared before anything is printed.
    drop(bar);
    let report = report?;
    crate::output::line(format!(
        "consolidated {} user messages of {} conversations: {} kept, {} observations: {} added, {} updated, \
         {} superseded, {} already known",
        report.messages,
        report.conversations,
        report.kept,
        report.observations,
        report.added,
        report.updated,
        report.superseded,
        report.unchanged
    ))?;
    failures(&report.failed)
}

/// Exit 1 naming each batch left for the next run.
fn failures(failed: &[consolidate::Failed]) -> Result<(), Failure> {
    if failed.is_empty() {
        return Ok(());
    }
    let lines: Vec<String> = failed
        .iter()
        .map(|f| {
            format!("conversation {} messages {}..{}: {}", f.conversation, f.messages.start, f.messages.end, f.error)
        })
        .collect();
    Err(Failure::plain(format!(
        "{} batch(es) not consolidated (the next run takes them again):\n{}",
        failed.len(),
        lines.join("\n")
    )))
}

/// Reflects on `user`'s observations and prints what it did.
pub(crate) fn reflect(
    memories: &Memories,
    model: &ModelArgs,
    embedder: Option<&dyn Embedder>,
    user: Option<String>,
    min_new: usize,
) -> Result<(), Failure> {
    let llm = model.llm()?;
    let mut options = reflect::Options::default();
    (options.user, options.min_new, options.prompts) = (user, min_new, model.prompts()?);
    let report = reflect::run(memories, &llm, embedder, &options)?;
    crate::output::line(if report.ran {
        format!(
            "reflected on {} new observations ({} insights revisited): {} insights added, {} revised, {} unchanged",
            report.new, report.revisited, report.added, report.updated, report.unchanged
        )
    } else {
        format!("{} new observations: not enough to reflect (--min-new {min_new})", report.new)
    })?;
    Ok(())
}

/// Consolidation and reflection for `memor chat --memory`, off the reply's path: each turn's
/// job starts when the reply is printed, on its own thread with its own connection; a turn
/// that ends while the last job still runs leaves its messages to the next one.
pub(crate) struct Background {
    db: String,
    conversation: String,
    user: Option<String>,
    model: ModelArgs,
    embedder: Option<Arc<dyn Embedder>>,
    job: std::sync::Mutex<Option<std::thread::JoinHandle<()>>>,
}

impl Background {
    pub(crate) fn new(
        db: &str,
        conversation: &str,
        user: Option<String>,
        model: ModelArgs,
        embedder: Option<Arc<dyn Embedder>>,
    ) -> Self {
        let job = std::sync::Mutex::new(None);
        Background { db: db.into(), conversation: conversation.into(), user, model, embedder, job }
    }

    /// Starts consolidating the conversation's new messages (then reflecting, when enough is
    /// new), unless the last job still runs.
    pub(crate) fn start(&self) {
        let mut running = self.job.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if running.as_ref().is_some_and(|job| !job.is_finished()) {
            return;
        }
        if let Some(job) = running.take() {
            let _ = job.join();
        }
        let (db, conversation, user) = (self.db.clone(), self.conversation.clone(), self.user.clone());
        let (model, embedder) = (self.model.clone(), self.embedder.clone());
        *running = Some(std::thread::spawn(move || {
            if let Err(e) = job(&db, conversation, user, &model, embedder.as_deref()) {
                eprintln!("memor: memory consolidation: {}", e.message);
            }
        }));
    }

    /// Waits for the running job (at the end of the chat).
    pub(crate) fn finish(&self) {
        let job = self.job.lock().unwrap_or_else(std::sync::PoisonError::into_inner).take();
        if let Some(job) = job {
            let _ = job.join();
        }
    }
}

fn job(
    db: &str,
    conversation: String,
    user: Option<String>,
    model: &ModelArgs,
    embedder: Option<&dyn Embedder>,
) -> Result<(), Failure> {
    let memories = Memories::open_existing(db)?;
    let llm = model.llm()?;
    let mut options = Options::default();
    options.conversation = Some(conversation);
    let report = consolidate::run(&memories, &llm, embedder, &options, |_, _| {})?;
    failures(&report.failed)?;
    let mut options = reflect::Options::default();
    options.user = user;
    reflect::run(&memories, &llm, embedder, &options)?;
    Ok(())
}
