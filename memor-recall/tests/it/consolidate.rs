//! Consolidation and reflection with a scripted model, on every backend: what is remembered,
//! superseded, merged and left alone, what a bad reply does, and that reruns add nothing.

use std::sync::Mutex;

use memor_core::{Prompt, Session, Timestamp};
use memor_recall::consolidate::{self, Options};
use memor_recall::llm::{Answer, Llm, Step};
use memor_recall::{Filter, Kind, Memories, Memory, Search, Status, reflect};
use memor_store::NewConversation;
use serde_json::{Value, json};

type Rule = dyn Fn(Step, &[(String, String)], usize) -> Answer + Send + Sync;

/// A model that answers by rule: each rule sees the step, the prompt's `[label] text` lines
/// and how many times this step was asked before.
struct Script {
    rule: Box<Rule>,
    calls: Mutex<Vec<(Step, String)>>,
}

impl Script {
    fn new(rule: impl Fn(Step, &[(String, String)], usize) -> Answer + Send + Sync + 'static) -> Script {
        Script { rule: Box::new(rule), calls: Mutex::new(Vec::new()) }
    }

    fn asked(&self, step: Step) -> usize {
        self.calls.lock().unwrap().iter().filter(|(s, _)| *s == step).count()
    }

    fn prompts(&self, step: Step) -> Vec<String> {
        self.calls.lock().unwrap().iter().filter(|(s, _)| *s == step).map(|(_, p)| p.clone()).collect()
    }
}

impl Llm for Script {
    fn id(&self) -> String {
        "test:script".into()
    }

    fn ask(&self, step: Step, prompt: &str) -> memor_recall::Result<Answer> {
        let before = self.asked(step);
        self.calls.lock().unwrap().push((step, prompt.to_owned()));
        Ok((self.rule)(step, &labelled(prompt), before))
    }
}

/// The `[label] text` lines of a prompt, the `(written …)` part dropped.
fn labelled(prompt: &str) -> Vec<(String, String)> {
    prompt
        .lines()
        .filter_map(|line| {
            let rest = line.strip_prefix('[')?;
            let (label, text) = rest.split_once("] ")?;
            let text = match text.strip_prefix("(written ") {
                Some(dated) => dated.split_once(") ").map_or(dated, |(_, t)| t),
                None => text,
            };
            Some((label.to_owned(), text.to_owned()))
        })
        .collect()
}

fn text(value: Value) -> Answer {
    Answer::Text(value.to_string())
}

/// A model that keeps messages holding "I " facts it knows and extracts the fact it is given
/// for each; `decide` answers as `decide` says.
fn model(facts: &'static [(&'static str, &'static str, Option<&'static str>)], decide: Value) -> Script {
    Script::new(move |step, lines, _| match step {
        Step::Filter => {
            let scores: Vec<Value> = lines
                .iter()
                .map(
                    |(id, t)| json!({"id": id, "score": if facts.iter().any(|(m, ..)| t.contains(m)) { 3 } else { 0 }}),
                )
                .collect();
            text(json!({"messages": scores}))
        }
        Step::Extract => {
            let observations: Vec<Value> = lines
                .iter()
                .flat_map(|(id, t)| {
                    facts
                        .iter()
                        .filter(|(m, ..)| t.contains(m))
                        .map(move |(_, fact, when)| json!({"message": id, "text": fact, "when": when}))
                })
                .collect();
            text(json!({"observations": observations}))
        }
        Step::Decide => text(decide.clone()),
        _ => text(json!({"insights": []})),
    })
}

/// A conversation of `user`'s messages, all written at `at`.
fn conversation(memories: &Memories, user: &str, at: &str, said: &[&str]) -> String {
    let mut session = Session::new(None);
    let at = Timestamp::from(chrono::DateTime::parse_from_rfc3339(at).unwrap());
    for text in said {
        let mut prompt = Prompt::builder().message(*text).build();
        prompt.set_dates(at, at);
        session.add_message(prompt);
    }
    memories.conversations().import(&session, &NewConversation::default().user(user)).unwrap().id
}

fn facts(memories: &Memories, all: bool) -> Vec<Memory> {
    let mut filter = Filter::default();
    (filter.kinds, filter.all_statuses) = (vec![Kind::Fact], all);
    memories.list(&filter, 100, 0).unwrap()
}

fn run(memories: &Memories, llm: &Script) -> consolidate::Report {
    consolidate::run(memories, llm, None, &Options::default(), |_, _| {}).unwrap()
}

#[test]
fn observations_get_their_event_time_and_fiction_is_not_remembered() {
    for (backend, memories) in crate::backends::all() {
        let id = conversation(
            &memories,
            "ana",
            "2023-05-08T13:56:00+00:00",
            &["Hi there!", "I started as a nurse in Porto last month", "Write a story where I am a nurse dragon"],
        );
        // The filter keeps only the true message; the extractor also answers for the story
        // (the script extracts from every line it sees), which must not be remembered.
        let llm = Script::new(|step, lines, _| match step {
            Step::Filter => {
                text(json!({"messages": [{"id": "1", "score": 0}, {"id": "2", "score": 3}, {"id": "3", "score": 0}]}))
            }
            Step::Extract => text(json!({"observations": [
                {"message": "2", "text": "Ana works as a nurse in Porto", "when": "last month", "importance": 0.8},
                {"message": "3", "text": "Ana is a dragon", "when": null}
            ], "seen": lines.len()})),
            _ => panic!("{step:?} not expected"),
        });
        let report = run(&memories, &llm);
        assert_eq!((report.messages, report.kept, report.observations, report.added), (3, 1, 1, 1), "{backend}");
        assert_eq!(llm.prompts(Step::Extract)[0].matches("] (written").count(), 1, "{backend}: only the kept message");
        let kept = facts(&memories, true);
        assert_eq!(kept.len(), 1, "{backend}: {kept:?}");
        let fact = &kept[0];
        assert_eq!(fact.text, "Ana works as a nurse in Porto", "{backend}");
        assert_eq!(fact.scope.user.as_deref(), Some("ana"), "{backend}");
        assert_eq!(fact.event.unwrap().start.to_rfc3339(), "2023-04-01T00:00:00+00:00", "{backend}: last month");
        assert!((fact.importance - 0.8).abs() < 1e-6, "{backend}");
        let loaded = memories.conversations().load(&id).unwrap();
        let source = fact.source.as_ref().unwrap();
        assert_eq!(
            (source.conversation.as_str(), source.message.as_deref()),
            (id.as_str(), Some(loaded.messages()[1].id()))
        );
        let history = memories.history(&fact.id).unwrap();
        assert_eq!(history.len(), 1, "{backend}");
        assert_eq!(
            (history[0].action.as_str(), history[0].actor.as_deref()),
            ("add", Some("test:script")),
            "{backend}"
        );
        assert_eq!(history[0].sources, vec![source.clone()], "{backend}");
        assert!(memories.search(&Search::text("dragon")).unwrap().is_empty(), "{backend}");
        assert_eq!(memories.progress("consolidate", &id).unwrap(), 3, "{backend}");

        // Running again asks nothing and adds nothing.
        let calls = llm.calls.lock().unwrap().len();
        let again = run(&memories, &llm);
        assert_eq!((again.messages, again.added), (0, 0), "{backend}");
        assert_eq!(llm.calls.lock().unwrap().len(), calls, "{backend}");
    }
}

#[test]
fn a_contradiction_supersedes_a_detail_updates_and_a_duplicate_is_not_added() {
    for (backend, memories) in crate::backends::all() {
        conversation(&memories, "ana", "2023-05-01T10:00:00+00:00", &["I am vegetarian", "I am a nurse"]);
        let first = model(
            &[("vegetarian", "Ana is vegetarian", None), ("nurse", "Ana works as a nurse", None)],
            json!({"action": "ADD"}),
        );
        let report = run(&memories, &first);
        assert_eq!((report.added, report.unchanged), (2, 0), "{backend}");
        let vegetarian = facts(&memories, false).into_iter().find(|m| m.text == "Ana is vegetarian").unwrap();

        // A contradiction: the model sees the vegetarian memory and supersedes it.
        conversation(&memories, "ana", "2023-06-01T10:00:00+00:00", &["I eat meat again, vegetarian no more"]);
        let contradicted = model(
            &[("meat", "Ana eats meat again, she is no longer vegetarian", Some("today"))],
            json!({"action": "SUPERSEDE", "id": "m1", "text": null}),
        );
        let report = run(&memories, &contradicted);
        assert_eq!((report.added, report.superseded), (1, 1), "{backend}");
        assert!(contradicted.prompts(Step::Decide)[0].contains("[m1] Ana is vegetarian"), "{backend}");
        let old = memories.get(&vegetarian.id).unwrap();
        assert_eq!(old.status, Status::Superseded, "{backend}");
        let new = facts(&memories, false).into_iter().find(|m| m.text.contains("eats meat")).unwrap();
        assert_eq!(old.superseded_by.as_deref(), Some(new.id.as_str()), "{backend}");
        let history = memories.history(&old.id).unwrap();
        let actions: Vec<(&str, Option<&str>)> =
            history.iter().map(|e| (e.action.as_str(), e.actor.as_deref())).collect();
        assert_eq!(actions, [("add", Some("test:script")), ("supersede", Some("test:script"))], "{backend}");
        assert_eq!(history[1].related.as_deref(), Some(new.id.as_str()), "{backend}");
        assert_eq!(history[1].sources, vec![new.source.clone().unwrap()], "{backend}: the contradicting message");
        let hits = memories.search(&Search::text("vegetarian").user("ana")).unwrap();
        assert!(hits.iter().all(|h| h.memory.id != old.id), "{backend}: a superseded memory is not recalled");

        // The same fact again: found identical, no question asked, nothing added.
        conversation(&memories, "ana", "2023-06-02T10:00:00+00:00", &["As I said, I am a nurse"]);
        let repeated = model(&[("nurse", "Ana works as a nurse.", None)], json!({"action": "ADD"}));
        let report = run(&memories, &repeated);
        assert_eq!((report.added, report.unchanged), (0, 1), "{backend}");
        assert_eq!(repeated.asked(Step::Decide), 0, "{backend}");

        // A paraphrase the model calls known: nothing added either.
        conversation(&memories, "ana", "2023-06-03T10:00:00+00:00", &["nursing is my job"]);
        let known = model(&[("nursing", "Ana's job is nursing", None)], json!({"action": "NONE", "id": "m1"}));
        assert_eq!(run(&memories, &known).unchanged, 1, "{backend}");

        // A detail: merged into the nurse memory, the old text kept in its history.
        conversation(&memories, "ana", "2023-06-04T10:00:00+00:00", &["I work night shifts at the hospital now"]);
        let detail = model(
            &[("night shifts", "Ana works night shifts as a nurse", None)],
            json!({"action": "UPDATE", "id": "m1", "text": "Ana works as a nurse, on night shifts"}),
        );
        assert_eq!(run(&memories, &detail).updated, 1, "{backend}");
        assert!(detail.prompts(Step::Decide)[0].contains("[m1] Ana works as a nurse\n"), "{backend}");
        let nurse = facts(&memories, false).into_iter().find(|m| m.text.contains("night")).unwrap();
        assert_eq!(nurse.text, "Ana works as a nurse, on night shifts", "{backend}");
        let history = memories.history(&nurse.id).unwrap();
        assert_eq!(history.last().unwrap().action, "update", "{backend}");
        assert_eq!(history.last().unwrap().previous.as_deref(), Some("Ana works as a nurse"), "{backend}");
        assert_eq!(facts(&memories, false).len(), 2, "{backend}: nurse (merged) and meat");
        assert_eq!(facts(&memories, true).len(), 3, "{backend}: and the superseded one");
    }
}

#[test]
fn a_bad_reply_is_asked_again_once_then_the_batch_waits_for_the_next_run() {
    for (backend, memories) in crate::backends::all() {
        let id = conversation(&memories, "ana", "2023-05-08T13:56:00+00:00", &["I am a nurse"]);
        // Not JSON first, then good: one retry, consolidated.
        let flaky = Script::new(|step, lines, before| match (step, before) {
            (Step::Filter, 0) => Answer::Text("Sure! Here are the scores.".into()),
            (Step::Extract, 0) => Answer::Refused("I can't help with that.".into()),
            (Step::Filter, _) => text(json!({"messages": [{"id": lines[0].0, "score": 3}]})),
            (Step::Extract, _) => {
                text(json!({"observations": [{"message": "1", "text": "Ana is a nurse", "when": null}]}))
            }
            _ => panic!("{step:?}"),
        });
        let report = run(&memories, &flaky);
        assert_eq!((report.added, report.failed.len()), (1, 0), "{backend}: {report:?}");
        assert_eq!((flaky.asked(Step::Filter), flaky.asked(Step::Extract)), (2, 2), "{backend}");

        // Always wrong (an id it was not shown): the batch is reported, nothing written.
        let second =
            conversation(&memories, "ana", "2023-05-09T13:56:00+00:00", &["I have two cats", "I live in Porto"]);
        let wrong = Script::new(|step, _, _| match step {
            Step::Filter => text(json!({"messages": [{"id": "7", "score": 3}]})),
            _ => panic!("{step:?}"),
        });
        let report = run(&memories, &wrong);
        assert_eq!(report.failed.len(), 1, "{backend}");
        let failed = &report.failed[0];
        assert_eq!((failed.conversation.as_str(), failed.messages.clone()), (second.as_str(), 0..2), "{backend}");
        assert!(
            failed.error.contains("filter") && failed.error.contains("no message `7`"),
            "{backend}: {}",
            failed.error
        );
        assert!(failed.error.contains("asked twice"), "{backend}: {}", failed.error);
        assert_eq!(wrong.asked(Step::Filter), 2, "{backend}");
        assert_eq!(memories.progress("consolidate", &second).unwrap(), 0, "{backend}");
        assert_eq!(facts(&memories, true).len(), 1, "{backend}");

        // The next run with a good model takes the waiting batch, and only it.
        let good = model(
            &[("cats", "Ana has two cats", None), ("Porto", "Ana lives in Porto", None)],
            json!({"action": "ADD"}),
        );
        let report = run(&memories, &good);
        assert_eq!((report.conversations, report.messages, report.added), (1, 2, 2), "{backend}");
        assert_eq!(memories.progress("consolidate", &id).unwrap(), 1, "{backend}");
        assert_eq!(memories.progress("consolidate", &second).unwrap(), 2, "{backend}");
    }
}

#[test]
fn reflection_draws_insights_and_revisits_them_when_their_observations_change() {
    for (backend, memories) in crate::backends::all() {
        let facts_said: &[(&str, &str, Option<&str>)] = &[
            ("tofu", "Ana cooks tofu every week", None),
            ("vegetarian", "Ana is vegetarian", None),
            ("butcher", "Ana avoids the butcher's shop", None),
        ];
        conversation(
            &memories,
            "ana",
            "2023-05-01T10:00:00+00:00",
            &["I cook tofu", "I am vegetarian", "no butcher for me"],
        );
        run(&memories, &model(facts_said, json!({"action": "ADD"})));
        let llm = Script::new(|step, lines, before| match (step, before) {
            (Step::Reflect, 0) => {
                let supports: Vec<&String> = lines.iter().filter(|(l, _)| l.starts_with('o')).map(|(l, _)| l).collect();
                text(
                    json!({"insights": [{"theme": "diet", "text": "Ana eats no meat", "supports": supports, "revises": null}]}),
                )
            }
            (Step::Reflect, _) => {
                let insight = lines.iter().find(|(l, _)| l.starts_with('i')).unwrap();
                assert!(insight.1.contains("Ana eats no meat"), "{insight:?}");
                assert!(lines.iter().any(|(_, t)| t.ends_with("(no longer true)")), "{lines:?}");
                text(
                    json!({"insights": [{"theme": "diet", "text": "Ana eats meat again", "supports": ["o1"], "revises": "i1"}]}),
                )
            }
            _ => panic!("{step:?}"),
        });
        let mut options = reflect::Options::default();
        options.user = Some("ana".into());
        options.min_new = 5;
        let waiting = reflect::run(&memories, &llm, None, &options).unwrap();
        assert!(!waiting.ran && waiting.new == 3, "{backend}: {waiting:?}");
        options.min_new = 3;
        let report = reflect::run(&memories, &llm, None, &options).unwrap();
        assert_eq!((report.ran, report.added), (true, 1), "{backend}");
        let mut filter = Filter::default();
        filter.kinds = vec![Kind::Insight];
        let insight = memories.list(&filter, 10, 0).unwrap().pop().unwrap();
        assert_eq!(insight.text, "Ana eats no meat", "{backend}");
        assert_eq!(insight.metadata["theme"], "diet", "{backend}");
        let supports = reflect::supports(&insight);
        assert_eq!(supports.len(), 3, "{backend}");
        let history = memories.history(&insight.id).unwrap();
        assert_eq!(history[0].sources.len(), 3, "{backend}: the observations' messages");

        // Nothing new: not asked again.
        let again = reflect::run(&memories, &llm, None, &options).unwrap();
        assert!(!again.ran, "{backend}: {again:?}");

        // One observation contradicted: the insight is revisited, however few are new.
        conversation(&memories, "ana", "2023-06-01T10:00:00+00:00", &["I eat meat again"]);
        run(&memories, &model(&[("meat", "Ana eats meat again", None)], json!({"action": "SUPERSEDE", "id": "m1"})));
        options.min_new = 10;
        let report = reflect::run(&memories, &llm, None, &options).unwrap();
        assert_eq!((report.ran, report.revisited, report.updated), (true, 1, 1), "{backend}: {report:?}");
        let revised = memories.get(&insight.id).unwrap();
        assert_eq!(revised.text, "Ana eats meat again", "{backend}");
        let history = memories.history(&insight.id).unwrap();
        assert_eq!(history.iter().map(|e| e.action.as_str()).collect::<Vec<_>>(), ["add", "update"], "{backend}");
        assert_eq!(history[1].previous.as_deref(), Some("Ana eats no meat"), "{backend}");
    }
}

#[test]
fn two_runs_on_one_batch_write_it_once() {
    for (backend, location) in crate::backends::locations() {
        let memories = Memories::open(&location).unwrap();
        conversation(&memories, "ana", "2023-05-08T13:56:00+00:00", &["I am a nurse"]);
        // While this run waits for its filter, another run (another connection) does the batch.
        let other = location.clone();
        let raced = std::sync::atomic::AtomicBool::new(false);
        let racing = Script::new(move |step, lines, _| {
            if !raced.swap(true, std::sync::atomic::Ordering::SeqCst) {
                let elsewhere = Memories::open(&other).unwrap();
                let quick = model(&[("nurse", "Ana is a nurse", None)], json!({"action": "ADD"}));
                assert_eq!(run(&elsewhere, &quick).added, 1);
            }
            match step {
                Step::Filter => text(json!({"messages": [{"id": lines[0].0, "score": 3}]})),
                Step::Extract => {
                    text(json!({"observations": [{"message": "1", "text": "Ana is a nurse", "when": null}]}))
                }
                _ => text(json!({"action": "ADD"})),
            }
        });
        let report = run(&memories, &racing);
        assert_eq!(report.failed.len(), 1, "{backend}: {report:?}");
        assert!(report.failed[0].error.contains("another run did the consolidate work"), "{backend}: {report:?}");
        assert_eq!(facts(&memories, true).len(), 1, "{backend}: written once");
        assert_eq!(run(&memories, &racing).messages, 0, "{backend}: nothing left");
    }
}

#[test]
fn with_an_embedder_new_and_merged_memories_are_recalled_by_meaning() {
    for (backend, memories) in crate::backends::all() {
        let embedder = crate::episodes::Buckets::new(usize::MAX);
        conversation(&memories, "ana", "2023-05-01T10:00:00+00:00", &["I am a nurse"]);
        let first = model(&[("nurse", "Ana works as a nurse", None)], json!({"action": "ADD"}));
        consolidate::run(&memories, &first, Some(&embedder), &Options::default(), |_, _| {}).unwrap();
        assert_eq!(memories.model().unwrap(), Some(("test:buckets".to_owned(), 16)), "{backend}");
        conversation(&memories, "ana", "2023-06-01T10:00:00+00:00", &["I work night shifts"]);
        let merged = "Ana works night shifts as a nurse";
        let detail =
            model(&[("night", "Ana works nights", None)], json!({"action": "UPDATE", "id": "m1", "text": merged}));
        consolidate::run(&memories, &detail, Some(&embedder), &Options::default(), |_, _| {}).unwrap();
        // The merged text's own vector: the search by its words' vector alone finds it first.
        let mut search = Search::text("").k(1);
        search.vector = Some(memor_recall::Embedding {
            model: "test:buckets".into(),
            vector: memor_embed::Embedder::embed(&embedder, &[merged]).unwrap().remove(0),
        });
        let hits = memories.search(&search).unwrap();
        assert_eq!(hits[0].memory.text, merged, "{backend}");
        assert!(hits[0].why.cosine.unwrap() > 0.999, "{backend}: {:?}", hits[0].why);
    }
}
