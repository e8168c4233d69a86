//! The prompts of the memory steps: memor templates (Python `str.format` syntax, so a literal
//! brace is doubled), shipped as presets and replaceable one by one through [`Prompts`].

use serde_json::{Map, Value};

use crate::llm::Step;
use crate::{Error, Result};

/// `{messages}`: one line per user message, `[N] (written DATE) TEXT`.
pub const FILTER: &str = "Below are messages a user wrote in a conversation. Score how much each tells about \
the user that is worth remembering for later conversations: facts about them, their life, work, family, plans, \
preferences, experiences, things they own or did.\n\
0 = nothing about the user (greetings, questions, requests, small talk); 1 = minor; 2 = useful; 3 = important.\n\
Score 0 anything hypothetical (\"if I were…\", \"imagine…\"), fictional (a story, role play, a joke, a game) \
or about someone the user only asks about.\n\n\
Messages:\n{messages}\n\n\
Reply with JSON only, in this shape: {{\"messages\": [{{\"id\": \"1\", \"score\": 2}}]}}, one entry per message.";

/// `{messages}`: the messages kept, one line each, `[N] (written DATE) TEXT`.
pub const EXTRACT: &str = "Write down what these messages of a user tell about the user, as short \
self-contained observations in the third person (\"The user …\"), one fact each. Leave out anything \
hypothetical or fictional.\n\
For each observation give \"when\": the words of the message that say or imply when it happened \
(\"yesterday\", \"last May\", \"two weeks ago\", \"on 8 May 2023\"), or null when the message does not say; \
and \"importance\" from 0 to 1.\n\n\
Messages:\n{messages}\n\n\
Reply with JSON only, in this shape: {{\"observations\": [{{\"message\": \"1\", \"text\": \"The user …\", \
\"when\": null, \"importance\": 0.5}}]}}";

/// `{observation}`: the new observation; `{memories}`: the similar memories kept, one line
/// each, `[mN] TEXT`.
pub const DECIDE: &str = "A new observation about a user, and memories already kept about them that may be \
related. Decide what to do with the observation:\n\
- \"ADD\": it is new information: keep it as a new memory.\n\
- \"UPDATE\": it adds to memory mN without contradicting it: give the merged text in \"text\".\n\
- \"SUPERSEDE\": it contradicts memory mN, which is no longer true: the observation replaces it.\n\
- \"NONE\": memory mN already says it.\n\n\
Observation: {observation}\n\n\
Memories:\n{memories}\n\n\
Reply with JSON only, in this shape: {{\"action\": \"UPDATE\", \"id\": \"m1\", \"text\": \"…\"}} \
(\"id\" and \"text\" are null when not needed).";

/// `{observations}`: one line each, `[oN] TEXT` (marked `(no longer true)` when superseded or
/// forgotten); `{insights}`: the insights drawn earlier, `[iN] (THEME) TEXT (from oN, …)`.
pub const REFLECT: &str = "Observations about a user, and insights drawn from earlier ones. Group the \
observations by theme (job, diet, family, health, home, hobbies, plans, …) and write what they show about the \
user as insights: durable attributes, one or two sentences each, each with the observations that support it.\n\
Revise an earlier insight when observations bear on it (give its id in \"revises\"), above all when one of its \
observations is no longer true. Leave out themes with nothing to say.\n\n\
Observations:\n{observations}\n\n\
Earlier insights:\n{insights}\n\n\
Reply with JSON only, in this shape: {{\"insights\": [{{\"theme\": \"diet\", \"text\": \"The user …\", \
\"supports\": [\"o1\", \"o3\"], \"revises\": null}}]}}";

/// The template of each step: the presets unless replaced.
#[derive(Clone, Debug)]
pub struct Prompts {
    filter: String,
    extract: String,
    decide: String,
    reflect: String,
}

impl Default for Prompts {
    fn default() -> Self {
        Prompts { filter: FILTER.into(), extract: EXTRACT.into(), decide: DECIDE.into(), reflect: REFLECT.into() }
    }
}

impl Prompts {
    /// Uses `template` for `step` (the same fields as its preset).
    #[must_use]
    pub fn with(mut self, step: Step, template: impl Into<String>) -> Self {
        *self.slot(step) = template.into();
        self
    }

    /// The template of `step`.
    pub fn get(&self, step: Step) -> &str {
        match step {
            Step::Filter => &self.filter,
            Step::Extract => &self.extract,
            Step::Decide => &self.decide,
            Step::Reflect => &self.reflect,
        }
    }

    fn slot(&mut self, step: Step) -> &mut String {
        match step {
            Step::Filter => &mut self.filter,
            Step::Extract => &mut self.extract,
            Step::Decide => &mut self.decide,
            Step::Reflect => &mut self.reflect,
        }
    }

    /// The prompt of `step` with its fields filled.
    pub(crate) fn render(&self, step: Step, fields: &[(&str, String)]) -> Result<String> {
        let map: Map<String, Value> = fields.iter().map(|(k, v)| ((*k).to_owned(), Value::String(v.clone()))).collect();
        memor_templates::format(self.get(step), &map)
            .map_err(|e| Error::invalid(format!("the {} prompt's template", step.as_str()), e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_preset_renders_its_fields_and_keeps_literal_braces() {
        let prompts = Prompts::default();
        let cases = [
            (Step::Filter, vec![("messages", "[1] hi".to_owned())]),
            (Step::Extract, vec![("messages", "[1] hi".to_owned())]),
            (Step::Decide, vec![("observation", "obs".to_owned()), ("memories", "[m1] old".to_owned())]),
            (Step::Reflect, vec![("observations", "[o1] a".to_owned()), ("insights", "(none)".to_owned())]),
        ];
        for (step, fields) in cases {
            let text = prompts.render(step, &fields).unwrap();
            for (_, value) in &fields {
                assert!(text.contains(value.as_str()), "{step:?}: {text}");
            }
            assert!(text.contains("{\""), "{step:?}: the JSON shape keeps its braces: {text}");
        }
        let custom = Prompts::default().with(Step::Filter, "Score: {messages}");
        assert_eq!(custom.render(Step::Filter, &[("messages", "x".into())]).unwrap(), "Score: x");
        let broken = Prompts::default().with(Step::Filter, "Score: {messages");
        assert!(broken.render(Step::Filter, &[("messages", "x".into())]).unwrap_err().to_string().contains("filter"));
    }
}
