//! Bounds on one Tera render: steps, time, the size of every value it computes and of its
//! output, and `range`.
//!
//! Tera 1 has no limits of its own. So before a template renders, its syntax tree (Tera's
//! public `ast`) is rewritten: every expression that computes a new value (a filter, a
//! function call, a `~` concatenation, an array literal) gets a guard filter after each of its
//! filters, and every loop body starts with a step function. Both count one step against
//! [`MAX_STEPS`], check the clock against [`MAX_TIME`], and the guard refuses a value larger
//! than the render's size limit ([`crate::render_limit`]) as soon as it exists; `range`
//! refuses more than [`MAX_RANGE`] numbers before building any; the output is written
//! through a writer that stops at the size limit. A value is bounded as it is made, so no
//! intermediate value can be much larger than the limit: a concatenation has at most 33 parts
//! (the operator limit of `tera_check`) and an array literal at most [`MAX_ARRAY_LITERAL`]
//! items. The limit that stopped a render is reported by name, not as Tera's wrapped error.

use std::collections::HashMap;
use std::io::{self, Write};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::Value;
use tera::ast::{Expr, ExprVal, FunctionCall, Node};

/// The most steps of one render: loop iterations plus computed values.
pub const MAX_STEPS: u64 = 1_000_000;

/// The longest one render may run.
pub const MAX_TIME: Duration = Duration::from_secs(10);

/// The most numbers one `range` call may give.
pub const MAX_RANGE: usize = 100_000;

/// The most items of one array literal (`[a, b, …]`).
pub const MAX_ARRAY_LITERAL: usize = 32;

/// The guard filter's name (not a name a template can spell by accident).
const GUARD: &str = "__memor_guard";

/// The step function's name.
const STEP: &str = "__memor_step";

/// The counters of one render, shared by its guard, step function, `range` and writer.
#[derive(Debug)]
pub(crate) struct Budget {
    steps: AtomicU64,
    started: Instant,
    bytes: usize,
    /// The limit that stopped the render, once one did.
    hit: Mutex<Option<String>>,
}

impl Budget {
    /// A budget whose values and output may reach `bytes`.
    pub(crate) fn new(bytes: usize) -> Arc<Budget> {
        Arc::new(Budget { steps: AtomicU64::new(0), started: Instant::now(), bytes, hit: Mutex::new(None) })
    }

    /// The limit that stopped the render, if one did.
    pub(crate) fn hit(&self) -> Option<String> {
        self.hit.lock().map(|hit| hit.clone()).unwrap_or_else(|poisoned| poisoned.into_inner().clone())
    }

    fn stop(&self, limit: String) -> tera::Error {
        if let Ok(mut hit) = self.hit.lock() {
            hit.get_or_insert_with(|| limit.clone());
        }
        tera::Error::msg(limit)
    }

    fn step(&self) -> tera::Result<()> {
        let steps = self.steps.fetch_add(1, Ordering::Relaxed) + 1;
        if steps > MAX_STEPS {
            return Err(self.stop(format!("more than {MAX_STEPS} steps (loop iterations and computed values)")));
        }
        if steps % 1024 == 0 && self.started.elapsed() > MAX_TIME {
            return Err(self.stop(format!("longer than {} s", MAX_TIME.as_secs())));
        }
        Ok(())
    }

    fn value(&self, value: &Value) -> tera::Result<()> {
        self.step()?;
        if size(value, self.bytes) > self.bytes {
            return Err(self.stop(format!("a value larger than {} bytes", self.bytes)));
        }
        Ok(())
    }
}

/// A value's size in bytes, roughly what it holds (strings' bytes, 8 per other scalar, keys);
/// stops counting past `cap`.
pub(crate) fn size(value: &Value, cap: usize) -> usize {
    match value {
        Value::String(s) => s.len(),
        Value::Array(items) => {
            let mut total = 8;
            for item in items {
                total += size(item, cap);
                if total > cap {
                    break;
                }
            }
            total
        }
        Value::Object(map) => {
            let mut total = 8;
            for (key, item) in map {
                total += key.len() + size(item, cap);
                if total > cap {
                    break;
                }
            }
            total
        }
        _ => 8,
    }
}

/// Registers the guard, the step function and the bounded `range` on `tera`.
pub(crate) fn register(tera: &mut tera::Tera, budget: &Arc<Budget>) {
    let guard = Arc::clone(budget);
    tera.register_filter(GUARD, move |value: &Value, _: &HashMap<String, Value>| {
        guard.value(value)?;
        Ok(value.clone())
    });
    let step = Arc::clone(budget);
    tera.register_function(STEP, move |_: &HashMap<String, Value>| {
        step.step()?;
        Ok(Value::String(String::new()))
    });
    let range_budget = Arc::clone(budget);
    tera.register_function("range", move |args: &HashMap<String, Value>| range(&range_budget, args));
}

/// Tera's `range` (same arguments, same messages), refusing more than [`MAX_RANGE`] numbers
/// before it builds them.
fn range(budget: &Budget, args: &HashMap<String, Value>) -> tera::Result<Value> {
    let number = |name: &str, label: &str, default: Option<usize>| match args.get(name) {
        Some(value) => serde_json::from_value::<usize>(value.clone()).map_err(|_| {
            tera::Error::msg(format!("Function `range` received {name}={value} but `{label}` can only be a number"))
        }),
        None => default.ok_or_else(|| tera::Error::msg("Function `range` was called without a `end` argument")),
    };
    let start = number("start", "start", Some(0))?;
    let step_by = number("step_by", "step", Some(1))?;
    let end = number("end", "end", None)?;
    if start > end {
        return Err(tera::Error::msg("Function `range` was called with a `start` argument greater than the `end` one"));
    }
    // Tera loops forever on `step_by=0`; count it as the longest range.
    let count = if step_by == 0 { usize::MAX } else { (end - start).div_ceil(step_by) };
    if count > MAX_RANGE {
        return Err(budget.stop(format!("a `range` of more than {MAX_RANGE} numbers ({count} asked for)")));
    }
    budget.step()?;
    Ok(Value::Array((0..count).map(|i| Value::from(start + i * step_by)).collect()))
}

/// Rewrites a template's nodes so that every computed value passes the guard and every loop
/// iteration takes a step. An array literal longer than [`MAX_ARRAY_LITERAL`] is refused
/// (the message).
pub(crate) fn instrument(nodes: &mut [Node]) -> Result<(), String> {
    for node in nodes.iter_mut() {
        match node {
            Node::VariableBlock(_, expr) => expression(expr)?,
            Node::Set(_, set) => expression(&mut set.value)?,
            Node::FilterSection(_, section, _) => {
                call(&mut section.filter)?;
                instrument(&mut section.body)?;
            }
            Node::Block(_, block, _) => instrument(&mut block.body)?,
            Node::Forloop(_, forloop, _) => {
                expression(&mut forloop.container)?;
                instrument(&mut forloop.body)?;
                let step = FunctionCall { name: STEP.to_owned(), args: HashMap::new() };
                forloop.body.insert(0, Node::VariableBlock(Default::default(), Expr::new(ExprVal::FunctionCall(step))));
                if let Some(body) = &mut forloop.empty_body {
                    instrument(body)?;
                }
            }
            Node::If(branches, _) => {
                for (_, condition, body) in &mut branches.conditions {
                    expression(condition)?;
                    instrument(body)?;
                }
                if let Some((_, body)) = &mut branches.otherwise {
                    instrument(body)?;
                }
            }
            _ => {}
        }
    }
    Ok(())
}

fn call(call: &mut FunctionCall) -> Result<(), String> {
    call.args.values_mut().try_for_each(expression)
}

fn expression(expr: &mut Expr) -> Result<(), String> {
    let computes = match &mut expr.val {
        ExprVal::Math(math) => {
            expression(&mut math.lhs)?;
            expression(&mut math.rhs)?;
            false
        }
        ExprVal::Logic(logic) => {
            expression(&mut logic.lhs)?;
            expression(&mut logic.rhs)?;
            false
        }
        ExprVal::In(test) => {
            expression(&mut test.lhs)?;
            expression(&mut test.rhs)?;
            false
        }
        ExprVal::Test(test) => {
            test.args.iter_mut().try_for_each(expression)?;
            false
        }
        ExprVal::FunctionCall(function) => {
            call(function)?;
            true
        }
        ExprVal::MacroCall(macro_call) => {
            macro_call.args.values_mut().try_for_each(expression)?;
            true
        }
        ExprVal::Array(items) => {
            if items.len() > MAX_ARRAY_LITERAL {
                return Err(format!("an array literal has more than {MAX_ARRAY_LITERAL} items"));
            }
            items.iter_mut().try_for_each(expression)?;
            true
        }
        ExprVal::StringConcat(concat) => {
            for part in &mut concat.values {
                if let ExprVal::FunctionCall(function) = part {
                    call(function)?;
                }
            }
            true
        }
        _ => false,
    };
    if !computes && expr.filters.is_empty() {
        return Ok(());
    }
    let guard = || FunctionCall { name: GUARD.to_owned(), args: HashMap::new() };
    let mut filters = Vec::with_capacity(expr.filters.len() * 2 + 1);
    if computes {
        filters.push(guard());
    }
    for mut filter in std::mem::take(&mut expr.filters) {
        call(&mut filter)?;
        filters.push(filter);
        filters.push(guard());
    }
    // Without a leading guard the first filter stays first: Tera looks for `default` there
    // (it then tolerates an undefined variable).
    expr.filters = filters;
    Ok(())
}

/// The render's output, refused past the size limit.
pub(crate) struct Output<'b> {
    pub(crate) text: Vec<u8>,
    budget: &'b Budget,
}

impl<'b> Output<'b> {
    pub(crate) fn new(budget: &'b Budget) -> Self {
        Output { text: Vec::new(), budget }
    }
}

impl Write for Output<'_> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        if self.text.len() + bytes.len() > self.budget.bytes {
            let limit = format!("output larger than {} bytes", self.budget.bytes);
            return Err(io::Error::other(self.budget.stop(limit).to_string()));
        }
        self.text.extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}
