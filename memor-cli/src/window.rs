//! `memor window` (what of a session would be sent to a model) and the context step of
//! `memor chat` (`--context`, `--summarize`).

use std::path::PathBuf;
use std::str::FromStr;

use memor_context::{Counter, Fit, ModelTable, Policy, Prepared, ProviderSummarizer, Summarizer};
use memor_core::Session;
use memor_providers::{ChatOptions, Client, Provider};
use serde_json::json;

use crate::Failure;

/// What `memor window` was asked.
pub(crate) struct WindowArgs {
    pub(crate) file: PathBuf,
    pub(crate) model: String,
    pub(crate) budget: Option<usize>,
    pub(crate) reserve: Option<usize>,
    pub(crate) json: bool,
}

/// The policy for `model`: the table's window and reserve unless given; an unknown model needs
/// a budget.
fn policy(table: &ModelTable, model: &str, budget: Option<usize>, reserve: Option<usize>) -> Result<Policy, Failure> {
    let info = table.lookup(model);
    let policy = match budget {
        Some(budget) => {
            let user_first = info.is_some_and(|i| i.family.user_first());
            let reserve = info.map_or(0, |i| i.default_reserve()).min(budget / 4);
            Policy::new(budget).reserve(reserve).user_first(user_first)
        }
        None => Policy::for_model(model, table).map_err(|e| Failure {
            message: e.to_string(),
            detail: Some("give the window with --budget N".to_owned()),
        })?,
    };
    Ok(match reserve {
        Some(reserve) => policy.reserve(reserve),
        None => policy,
    })
}

/// `memor window`: the fit as a table (or JSON with `--json`).
pub(crate) fn run(args: &WindowArgs) -> Result<(), Failure> {
    let session = crate::load::session(&args.file)?;
    let table = ModelTable::default();
    let policy = policy(&table, &args.model, args.budget, args.reserve)?;
    let counter = Counter::for_model(&args.model, &table)?;
    let fit = memor_context::fit(&session, &policy, &counter)?;
    for warning in &fit.warnings {
        eprintln!("warning: {warning}");
    }
    match args.json {
        true => crate::output::line(to_json(&args.model, &fit)),
        false => crate::output::text(&table_text(&fit)),
    }
}

fn to_json(model: &str, fit: &Fit<'_>) -> serde_json::Value {
    let entries = |entries: &[memor_context::Entry<'_>]| -> Vec<serde_json::Value> {
        entries.iter().map(|e| json!({"index": e.index, "id": e.id, "tokens": e.tokens})).collect()
    };
    json!({
        "model": model,
        "budget": fit.budget,
        "reserve": fit.reserve,
        "total": fit.total,
        "kept": entries(&fit.kept),
        "dropped": entries(&fit.dropped),
    })
}

fn table_text(fit: &Fit<'_>) -> String {
    let mut rows: Vec<(&memor_context::Entry<'_>, bool)> =
        fit.kept.iter().map(|e| (e, true)).chain(fit.dropped.iter().map(|e| (e, false))).collect();
    rows.sort_by_key(|(e, _)| e.index);
    let mut out = format!("{:>6}  {:<9}  {:>7}  {:<7}  {}\n", "index", "role", "tokens", "status", "id");
    for (e, kept) in rows {
        let tokens = e.tokens.map_or_else(|| "-".to_owned(), |t| t.to_string());
        let status = if kept { "kept" } else { "dropped" };
        out.push_str(&format!("{:>6}  {:<9}  {:>7}  {:<7}  {}\n", e.index, e.role.as_str(), tokens, status, e.id));
    }
    out.push_str(&format!(
        "total {} tokens of {} available (budget {}, reserve {}, counter {}); {} kept, {} dropped\n",
        fit.total,
        fit.budget - fit.reserve,
        fit.budget,
        fit.reserve,
        fit.counter,
        fit.kept.len(),
        fit.dropped.len()
    ));
    out
}

/// `--context auto|N`.
#[derive(Clone, Copy)]
pub(crate) enum Context {
    /// The model's window from the table.
    Auto,
    /// This many tokens.
    Budget(usize),
}

impl FromStr for Context {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "auto" => Ok(Context::Auto),
            n => n
                .parse()
                .map(Context::Budget)
                .map_err(|_| format!("--context takes `auto` or a number of tokens, not `{n}`")),
        }
    }
}

/// The context options of `memor chat`.
pub(crate) struct ChatWindow {
    context: Context,
    summary_model: Option<Option<String>>,
}

impl ChatWindow {
    /// The options, if `--context` was given (`--summarize` needs it, `--summary-model` needs
    /// `--summarize`).
    pub(crate) fn new(
        context: Option<Context>,
        summarize: bool,
        summary_model: Option<String>,
    ) -> Result<Option<Self>, &'static str> {
        match (context, summarize, &summary_model) {
            (None, true, _) => Err("`--summarize` needs `--context auto|N`"),
            (_, false, Some(_)) => Err("`--summary-model` needs `--summarize`"),
            (None, false, None) => Ok(None),
            (Some(context), summarize, _) => {
                Ok(Some(ChatWindow { context, summary_model: summarize.then_some(summary_model) }))
            }
        }
    }
}

/// The context step of every `memor chat` turn, built once so that counts are cached across
/// turns.
pub(crate) struct Fitter {
    policy: Policy,
    counter: Counter,
    summary: Option<ChatOptions>,
}

impl Fitter {
    /// The step for `window`'s options and the chat's model; `options` are the chat's own (the
    /// summary goes to the same provider and base URL).
    pub(crate) fn new(window: &ChatWindow, options: &ChatOptions) -> Result<Self, Failure> {
        let table = ModelTable::default();
        let budget = match window.context {
            Context::Auto => None,
            Context::Budget(n) => Some(n),
        };
        let reserve = options.max_tokens.and_then(|n| usize::try_from(n).ok());
        let policy = policy(&table, &options.model, budget, reserve)?.count_dropped(false);
        let counter = Counter::for_model(&options.model, &table)?;
        let summary = window.summary_model.as_ref().map(|model| {
            let mut summary = ChatOptions::new(model.as_deref().unwrap_or(&options.model));
            summary.base_url = options.base_url.clone();
            summary
        });
        Ok(Fitter { policy, counter, summary })
    }

    /// `session` (ending with the new user turn) fitted for the request: the session to keep
    /// (with a new summary and its masks when one was made) and the one to send. Warnings go
    /// to stderr.
    pub(crate) fn prepare(
        &self,
        session: &Session,
        provider: &dyn Provider,
        client: &Client,
    ) -> Result<Prepared, Failure> {
        let summarizer = self.summary.as_ref().map(|o| ProviderSummarizer::new(client.clone(), provider, o.clone()));
        let prepared = memor_context::prepare(
            session,
            &self.policy,
            &self.counter,
            summarizer.as_ref().map(|s| s as &dyn Summarizer),
        )?;
        for warning in &prepared.warnings {
            eprintln!("warning: {warning}");
        }
        Ok(prepared)
    }
}
