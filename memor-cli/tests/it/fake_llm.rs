//! A language model on 127.0.0.1 speaking OpenAI's chat completions, one thread per
//! connection: a chat turn gets a fixed reply, the memory steps' prompts (told apart by the
//! shipped templates' words) get JSON made by simple rules, and queued faults come first.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex, mpsc};
use std::time::Duration;

use memor_testkit::http::{Recorded, Reply, ok, serve_each, status};
use serde_json::{Value, json};

/// What a fault does to the request it meets.
pub(crate) enum Fault {
    /// Answers with this status.
    Status(u16),
    /// Answers with text that is not JSON.
    Malformed,
    /// Answers with a refusal.
    Refusal,
    /// Reads the request, then waits this long and closes without answering.
    Hang(Duration),
    /// Answers normally once the receiver gets a message (or its sender is dropped).
    Hold(mpsc::Receiver<()>),
}

/// One request seen: its step, its last message's text and its whole body.
pub(crate) type Seen = (String, String, Value);

/// The server: its base URL (`http://127.0.0.1:PORT/v1`), the requests seen and the faults
/// still queued as `(step, fault)`.
pub(crate) struct FakeLlm {
    pub(crate) base_url: String,
    pub(crate) seen: Arc<Mutex<Vec<Seen>>>,
    faults: Arc<Mutex<VecDeque<(&'static str, Fault)>>>,
}

impl FakeLlm {
    /// Starts a server whose chat turns are answered with `turn`; each reply waits `delay`.
    pub(crate) fn start(turn: &'static str, delay: Duration) -> FakeLlm {
        let seen: Arc<Mutex<Vec<Seen>>> = Arc::default();
        let faults: Arc<Mutex<VecDeque<(&'static str, Fault)>>> = Arc::default();
        let (log, queue) = (seen.clone(), faults.clone());
        let (address, _) = serve_each(move |_, request| answer(request, turn, delay, &log, &queue));
        let base_url = format!("{address}/v1");
        FakeLlm { base_url, seen, faults }
    }

    /// Queues `fault` for the next request of `step` (`chat`, `filter`, `extract`, `decide`,
    /// `reflect`).
    pub(crate) fn fault(&self, step: &'static str, fault: Fault) {
        self.faults.lock().unwrap().push_back((step, fault));
    }

    /// The bodies of the requests of `step`, in order.
    pub(crate) fn bodies(&self, step: &str) -> Vec<Value> {
        self.seen.lock().unwrap().iter().filter(|(s, ..)| s == step).map(|(.., body)| body.clone()).collect()
    }

    /// How many requests of `step` were seen.
    pub(crate) fn count(&self, step: &str) -> usize {
        self.seen.lock().unwrap().iter().filter(|(s, ..)| s == step).count()
    }

    /// The `memor` arguments that point a memory command at this server.
    pub(crate) fn args(&self) -> Vec<String> {
        ["--provider", "openai", "--model", "fake", "--base-url", &self.base_url].map(str::to_owned).to_vec()
    }
}

/// The step a prompt is for, by the words of the shipped templates.
fn step(prompt: &str) -> &'static str {
    if prompt.contains("Score how much each tells") {
        "filter"
    } else if prompt.contains("Write down what these messages") {
        "extract"
    } else if prompt.contains("Decide what to do with the observation") {
        "decide"
    } else if prompt.contains("Group the observations by theme") {
        "reflect"
    } else {
        "chat"
    }
}

/// The `[label] text` lines of a prompt, the `(written …)` part dropped.
fn labelled(prompt: &str) -> Vec<(String, String)> {
    prompt
        .lines()
        .filter_map(|line| {
            let (label, text) = line.strip_prefix('[')?.split_once("] ")?;
            let text = text.strip_prefix("(written ").and_then(|d| d.split_once(") ")).map_or(text, |(_, t)| t);
            Some((label.to_owned(), text.to_owned()))
        })
        .collect()
}

/// The rules: a message in the first person that is not a story tells about the user; its
/// observation is `The user said: TEXT`, dated by "yesterday" or "last month"; an observation
/// saying "no longer" supersedes the memory sharing most of its words; a memory shown with the
/// same text is known; reflection sums everything up in one insight.
fn rules(step: &str, prompt: &str) -> Value {
    let lines = labelled(prompt);
    let about_user = |t: &str| (t.starts_with("I ") || t.contains(" I ")) && !t.contains("story");
    match step {
        "filter" => {
            let scores: Vec<Value> =
                lines.iter().map(|(id, t)| json!({"id": id, "score": if about_user(t) { 3 } else { 0 }})).collect();
            json!({"messages": scores})
        }
        "extract" => {
            let observations: Vec<Value> = lines
                .iter()
                .map(|(id, t)| {
                    let when = ["yesterday", "last month"].into_iter().find(|w| t.contains(w));
                    json!({"message": id, "text": format!("The user said: {t}"), "when": when})
                })
                .collect();
            json!({"observations": observations})
        }
        "decide" => {
            let observation = prompt.split("Observation: ").nth(1).and_then(|r| r.lines().next()).unwrap_or("");
            let words = |t: &str| t.split_whitespace().map(str::to_lowercase).collect::<std::collections::HashSet<_>>();
            let mine = words(observation);
            let closest = lines.iter().max_by_key(|(_, t)| words(t).intersection(&mine).count());
            match closest {
                Some((id, _)) if observation.contains("no longer") => json!({"action": "SUPERSEDE", "id": id}),
                _ => json!({"action": "ADD", "id": null, "text": null}),
            }
        }
        "reflect" => {
            let supports: Vec<&String> = lines.iter().map(|(l, _)| l).filter(|l| l.starts_with('o')).collect();
            let revises = lines.iter().map(|(l, _)| l).find(|l| l.starts_with('i'));
            let text = format!("The user told {} things about themselves", supports.len());
            json!({"insights": [{"theme": "self", "text": text, "supports": supports, "revises": revises}]})
        }
        other => panic!("no rule for {other}"),
    }
}

fn completion(message: Value) -> String {
    json!({"id": "c1", "object": "chat.completion", "created": 1, "model": "fake",
           "choices": [{"index": 0, "message": message, "finish_reason": "stop"}],
           "usage": {"prompt_tokens": 9, "completion_tokens": 3, "total_tokens": 12}})
    .to_string()
}

fn answer(
    request: &Recorded,
    turn: &str,
    delay: Duration,
    log: &Mutex<Vec<Seen>>,
    queue: &Mutex<VecDeque<(&'static str, Fault)>>,
) -> Reply {
    let request: Value = serde_json::from_slice(&request.body).unwrap_or(Value::Null);
    let prompt = request["messages"].as_array().and_then(|m| m.last()).and_then(|m| m["content"].as_str());
    let prompt = prompt.unwrap_or_default().to_owned();
    let step = step(&prompt);
    log.lock().unwrap().push((step.to_owned(), prompt.clone(), request.clone()));
    let fault = {
        let mut queue = queue.lock().unwrap();
        let at = queue.iter().position(|(s, _)| *s == step);
        at.and_then(|at| queue.remove(at)).map(|(_, f)| f)
    };
    std::thread::sleep(delay);
    match fault {
        Some(Fault::Status(code)) => status(code, json!({"error": {"message": "scripted failure"}}).to_string()),
        Some(Fault::Malformed) => ok(completion(json!({"role": "assistant", "content": "Sure! Here it is."}))),
        Some(Fault::Refusal) => {
            ok(completion(json!({"role": "assistant", "content": null, "refusal": "I can't help with that."})))
        }
        Some(Fault::Hang(wait)) => Reply::Stall(wait),
        Some(Fault::Hold(release)) => {
            let _ = release.recv();
            ok(reply(step, &prompt, turn))
        }
        None => ok(reply(step, &prompt, turn)),
    }
}

fn reply(step: &str, prompt: &str, turn: &str) -> String {
    let content = if step == "chat" { turn.to_owned() } else { rules(step, prompt).to_string() };
    completion(json!({"role": "assistant", "content": content}))
}
