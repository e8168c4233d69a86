//! memor 1.1's 56 preset templates (`PresetPromptTemplate`): four families of the same
//! fourteen members, as data.
//!
//! memor stamps presets with its import time; here they carry the fixed date
//! `2025-06-01 12:00:00 +0000` (DECISIONS D20), so renders and saves are reproducible. memor's
//! presets are shared mutable objects (spec Q17); these are fresh values.
//!
//! The `*.PROMPT_RESPONSE_FULL` presets never render, exactly as in memor: they use
//! `{prompt[date]}` and `{response[date]}`, and memor's prompts and responses have no `date`
//! (only `date_created` and `date_modified`), so every render is memor's render error.

use memor_core::{PromptTemplate, Timestamp};
use serde_json::{Map, Value};

/// One preset: its name (`BASIC.PROMPT`), title, content and family instruction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Preset {
    /// `FAMILY.MEMBER`, as memor spells the enum members.
    pub name: &'static str,
    /// The template's title (`Basic/Prompt`).
    pub title: &'static str,
    /// The template text.
    pub content: &'static str,
    /// The family's instruction (the `instruction` custom-map value).
    pub instruction: &'static str,
}

impl Preset {
    /// The preset as a template, dated `2025-06-01 12:00:00 +0000`.
    pub fn template(&self) -> PromptTemplate {
        let mut map = Map::new();
        map.insert("instruction".into(), Value::String(self.instruction.to_owned()));
        let mut t = PromptTemplate::new(self.content).with_title(self.title).with_custom_map(map);
        if let Some(date) = Timestamp::parse("2025-06-01 12:00:00 +0000") {
            t.set_dates(date, date);
        }
        t
    }
}

/// The preset named `FAMILY.MEMBER` (`BASIC.PROMPT`, `INSTRUCTION2.RESPONSE0_WITH_LABEL`).
pub fn preset(name: &str) -> Option<&'static Preset> {
    PRESETS.iter().find(|p| p.name == name)
}

/// memor's `PresetPromptTemplate.DEFAULT`: `BASIC.PROMPT`.
pub const DEFAULT: &str = "BASIC.PROMPT";

const BASIC: &str = "";
const INSTRUCTION1: &str = "I'm providing you with a history of a previous conversation. Please consider this context when responding to my new question.\n";
const INSTRUCTION2: &str = "Here is the context from a prior conversation. Please learn from this information and use it to provide a thoughtful and context-aware response to my next questions.\n";
const INSTRUCTION3: &str = "I am sharing a record of a previous discussion. Use this information to provide a consistent and relevant answer to my next query.\n";

/// All 56, in memor's order.
pub const PRESETS: [Preset; 56] = [
    Preset {
        name: "BASIC.PROMPT",
        title: "Basic/Prompt",
        content: "{instruction}{prompt[message]}",
        instruction: BASIC,
    },
    Preset {
        name: "BASIC.RESPONSE",
        title: "Basic/Response",
        content: "{instruction}{response[message]}",
        instruction: BASIC,
    },
    Preset {
        name: "BASIC.RESPONSE0",
        title: "Basic/Response0",
        content: "{instruction}{responses[0][message]}",
        instruction: BASIC,
    },
    Preset {
        name: "BASIC.RESPONSE1",
        title: "Basic/Response1",
        content: "{instruction}{responses[1][message]}",
        instruction: BASIC,
    },
    Preset {
        name: "BASIC.RESPONSE2",
        title: "Basic/Response2",
        content: "{instruction}{responses[2][message]}",
        instruction: BASIC,
    },
    Preset {
        name: "BASIC.RESPONSE3",
        title: "Basic/Response3",
        content: "{instruction}{responses[3][message]}",
        instruction: BASIC,
    },
    Preset {
        name: "BASIC.PROMPT_WITH_LABEL",
        title: "Basic/Prompt With Label",
        content: "{instruction}Prompt: {prompt[message]}",
        instruction: BASIC,
    },
    Preset {
        name: "BASIC.RESPONSE_WITH_LABEL",
        title: "Basic/Response With Label",
        content: "{instruction}Response: {response[message]}",
        instruction: BASIC,
    },
    Preset {
        name: "BASIC.RESPONSE0_WITH_LABEL",
        title: "Basic/Response0 With Label",
        content: "{instruction}Response: {responses[0][message]}",
        instruction: BASIC,
    },
    Preset {
        name: "BASIC.RESPONSE1_WITH_LABEL",
        title: "Basic/Response1 With Label",
        content: "{instruction}Response: {responses[1][message]}",
        instruction: BASIC,
    },
    Preset {
        name: "BASIC.RESPONSE2_WITH_LABEL",
        title: "Basic/Response2 With Label",
        content: "{instruction}Response: {responses[2][message]}",
        instruction: BASIC,
    },
    Preset {
        name: "BASIC.RESPONSE3_WITH_LABEL",
        title: "Basic/Response3 With Label",
        content: "{instruction}Response: {responses[3][message]}",
        instruction: BASIC,
    },
    Preset {
        name: "BASIC.PROMPT_RESPONSE_STANDARD",
        title: "Basic/Prompt-Response Standard",
        content: "{instruction}Prompt: {prompt[message]}\nResponse: {response[message]}",
        instruction: BASIC,
    },
    Preset {
        name: "BASIC.PROMPT_RESPONSE_FULL",
        title: "Basic/Prompt-Response Full",
        content: "{instruction}\nPrompt:\n    Message: {prompt[message]}\n    Role: {prompt[role]}\n    Tokens: {prompt[tokens]}\n    Date: {prompt[date]}\nResponse:\n    Message: {response[message]}\n    Role: {response[role]}\n    Temperature: {response[temperature]}\n    Model: {response[model]}\n    Score: {response[score]}\n    Tokens: {response[tokens]}\n    Inference Time: {response[inference_time]}\n    Date: {response[date]}",
        instruction: BASIC,
    },
    Preset {
        name: "INSTRUCTION1.PROMPT",
        title: "Instruction1/Prompt",
        content: "{instruction}{prompt[message]}",
        instruction: INSTRUCTION1,
    },
    Preset {
        name: "INSTRUCTION1.RESPONSE",
        title: "Instruction1/Response",
        content: "{instruction}{response[message]}",
        instruction: INSTRUCTION1,
    },
    Preset {
        name: "INSTRUCTION1.RESPONSE0",
        title: "Instruction1/Response0",
        content: "{instruction}{responses[0][message]}",
        instruction: INSTRUCTION1,
    },
    Preset {
        name: "INSTRUCTION1.RESPONSE1",
        title: "Instruction1/Response1",
        content: "{instruction}{responses[1][message]}",
        instruction: INSTRUCTION1,
    },
    Preset {
        name: "INSTRUCTION1.RESPONSE2",
        title: "Instruction1/Response2",
        content: "{instruction}{responses[2][message]}",
        instruction: INSTRUCTION1,
    },
    Preset {
        name: "INSTRUCTION1.RESPONSE3",
        title: "Instruction1/Response3",
        content: "{instruction}{responses[3][message]}",
        instruction: INSTRUCTION1,
    },
    Preset {
        name: "INSTRUCTION1.PROMPT_WITH_LABEL",
        title: "Instruction1/Prompt With Label",
        content: "{instruction}Prompt: {prompt[message]}",
        instruction: INSTRUCTION1,
    },
    Preset {
        name: "INSTRUCTION1.RESPONSE_WITH_LABEL",
        title: "Instruction1/Response With Label",
        content: "{instruction}Response: {response[message]}",
        instruction: INSTRUCTION1,
    },
    Preset {
        name: "INSTRUCTION1.RESPONSE0_WITH_LABEL",
        title: "Instruction1/Response0 With Label",
        content: "{instruction}Response: {responses[0][message]}",
        instruction: INSTRUCTION1,
    },
    Preset {
        name: "INSTRUCTION1.RESPONSE1_WITH_LABEL",
        title: "Instruction1/Response1 With Label",
        content: "{instruction}Response: {responses[1][message]}",
        instruction: INSTRUCTION1,
    },
    Preset {
        name: "INSTRUCTION1.RESPONSE2_WITH_LABEL",
        title: "Instruction1/Response2 With Label",
        content: "{instruction}Response: {responses[2][message]}",
        instruction: INSTRUCTION1,
    },
    Preset {
        name: "INSTRUCTION1.RESPONSE3_WITH_LABEL",
        title: "Instruction1/Response3 With Label",
        content: "{instruction}Response: {responses[3][message]}",
        instruction: INSTRUCTION1,
    },
    Preset {
        name: "INSTRUCTION1.PROMPT_RESPONSE_STANDARD",
        title: "Instruction1/Prompt-Response Standard",
        content: "{instruction}Prompt: {prompt[message]}\nResponse: {response[message]}",
        instruction: INSTRUCTION1,
    },
    Preset {
        name: "INSTRUCTION1.PROMPT_RESPONSE_FULL",
        title: "Instruction1/Prompt-Response Full",
        content: "{instruction}\nPrompt:\n    Message: {prompt[message]}\n    Role: {prompt[role]}\n    Tokens: {prompt[tokens]}\n    Date: {prompt[date]}\nResponse:\n    Message: {response[message]}\n    Role: {response[role]}\n    Temperature: {response[temperature]}\n    Model: {response[model]}\n    Score: {response[score]}\n    Tokens: {response[tokens]}\n    Inference Time: {response[inference_time]}\n    Date: {response[date]}",
        instruction: INSTRUCTION1,
    },
    Preset {
        name: "INSTRUCTION2.PROMPT",
        title: "Instruction2/Prompt",
        content: "{instruction}{prompt[message]}",
        instruction: INSTRUCTION2,
    },
    Preset {
        name: "INSTRUCTION2.RESPONSE",
        title: "Instruction2/Response",
        content: "{instruction}{response[message]}",
        instruction: INSTRUCTION2,
    },
    Preset {
        name: "INSTRUCTION2.RESPONSE0",
        title: "Instruction2/Response0",
        content: "{instruction}{responses[0][message]}",
        instruction: INSTRUCTION2,
    },
    Preset {
        name: "INSTRUCTION2.RESPONSE1",
        title: "Instruction2/Response1",
        content: "{instruction}{responses[1][message]}",
        instruction: INSTRUCTION2,
    },
    Preset {
        name: "INSTRUCTION2.RESPONSE2",
        title: "Instruction2/Response2",
        content: "{instruction}{responses[2][message]}",
        instruction: INSTRUCTION2,
    },
    Preset {
        name: "INSTRUCTION2.RESPONSE3",
        title: "Instruction2/Response3",
        content: "{instruction}{responses[3][message]}",
        instruction: INSTRUCTION2,
    },
    Preset {
        name: "INSTRUCTION2.PROMPT_WITH_LABEL",
        title: "Instruction2/Prompt With Label",
        content: "{instruction}Prompt: {prompt[message]}",
        instruction: INSTRUCTION2,
    },
    Preset {
        name: "INSTRUCTION2.RESPONSE_WITH_LABEL",
        title: "Instruction2/Response With Label",
        content: "{instruction}Response: {response[message]}",
        instruction: INSTRUCTION2,
    },
    Preset {
        name: "INSTRUCTION2.RESPONSE0_WITH_LABEL",
        title: "Instruction2/Response0 With Label",
        content: "{instruction}Response: {responses[0][message]}",
        instruction: INSTRUCTION2,
    },
    Preset {
        name: "INSTRUCTION2.RESPONSE1_WITH_LABEL",
        title: "Instruction2/Response1 With Label",
        content: "{instruction}Response: {responses[1][message]}",
        instruction: INSTRUCTION2,
    },
    Preset {
        name: "INSTRUCTION2.RESPONSE2_WITH_LABEL",
        title: "Instruction2/Response2 With Label",
        content: "{instruction}Response: {responses[2][message]}",
        instruction: INSTRUCTION2,
    },
    Preset {
        name: "INSTRUCTION2.RESPONSE3_WITH_LABEL",
        title: "Instruction2/Response3 With Label",
        content: "{instruction}Response: {responses[3][message]}",
        instruction: INSTRUCTION2,
    },
    Preset {
        name: "INSTRUCTION2.PROMPT_RESPONSE_STANDARD",
        title: "Instruction2/Prompt-Response Standard",
        content: "{instruction}Prompt: {prompt[message]}\nResponse: {response[message]}",
        instruction: INSTRUCTION2,
    },
    Preset {
        name: "INSTRUCTION2.PROMPT_RESPONSE_FULL",
        title: "Instruction2/Prompt-Response Full",
        content: "{instruction}\nPrompt:\n    Message: {prompt[message]}\n    Role: {prompt[role]}\n    Tokens: {prompt[tokens]}\n    Date: {prompt[date]}\nResponse:\n    Message: {response[message]}\n    Role: {response[role]}\n    Temperature: {response[temperature]}\n    Model: {response[model]}\n    Score: {response[score]}\n    Tokens: {response[tokens]}\n    Inference Time: {response[inference_time]}\n    Date: {response[date]}",
        instruction: INSTRUCTION2,
    },
    Preset {
        name: "INSTRUCTION3.PROMPT",
        title: "Instruction3/Prompt",
        content: "{instruction}{prompt[message]}",
        instruction: INSTRUCTION3,
    },
    Preset {
        name: "INSTRUCTION3.RESPONSE",
        title: "Instruction3/Response",
        content: "{instruction}{response[message]}",
        instruction: INSTRUCTION3,
    },
    Preset {
        name: "INSTRUCTION3.RESPONSE0",
        title: "Instruction3/Response0",
        content: "{instruction}{responses[0][message]}",
        instruction: INSTRUCTION3,
    },
    Preset {
        name: "INSTRUCTION3.RESPONSE1",
        title: "Instruction3/Response1",
        content: "{instruction}{responses[1][message]}",
        instruction: INSTRUCTION3,
    },
    Preset {
        name: "INSTRUCTION3.RESPONSE2",
        title: "Instruction3/Response2",
        content: "{instruction}{responses[2][message]}",
        instruction: INSTRUCTION3,
    },
    Preset {
        name: "INSTRUCTION3.RESPONSE3",
        title: "Instruction3/Response3",
        content: "{instruction}{responses[3][message]}",
        instruction: INSTRUCTION3,
    },
    Preset {
        name: "INSTRUCTION3.PROMPT_WITH_LABEL",
        title: "Instruction3/Prompt With Label",
        content: "{instruction}Prompt: {prompt[message]}",
        instruction: INSTRUCTION3,
    },
    Preset {
        name: "INSTRUCTION3.RESPONSE_WITH_LABEL",
        title: "Instruction3/Response With Label",
        content: "{instruction}Response: {response[message]}",
        instruction: INSTRUCTION3,
    },
    Preset {
        name: "INSTRUCTION3.RESPONSE0_WITH_LABEL",
        title: "Instruction3/Response0 With Label",
        content: "{instruction}Response: {responses[0][message]}",
        instruction: INSTRUCTION3,
    },
    Preset {
        name: "INSTRUCTION3.RESPONSE1_WITH_LABEL",
        title: "Instruction3/Response1 With Label",
        content: "{instruction}Response: {responses[1][message]}",
        instruction: INSTRUCTION3,
    },
    Preset {
        name: "INSTRUCTION3.RESPONSE2_WITH_LABEL",
        title: "Instruction3/Response2 With Label",
        content: "{instruction}Response: {responses[2][message]}",
        instruction: INSTRUCTION3,
    },
    Preset {
        name: "INSTRUCTION3.RESPONSE3_WITH_LABEL",
        title: "Instruction3/Response3 With Label",
        content: "{instruction}Response: {responses[3][message]}",
        instruction: INSTRUCTION3,
    },
    Preset {
        name: "INSTRUCTION3.PROMPT_RESPONSE_STANDARD",
        title: "Instruction3/Prompt-Response Standard",
        content: "{instruction}Prompt: {prompt[message]}\nResponse: {response[message]}",
        instruction: INSTRUCTION3,
    },
    Preset {
        name: "INSTRUCTION3.PROMPT_RESPONSE_FULL",
        title: "Instruction3/Prompt-Response Full",
        content: "{instruction}\nPrompt:\n    Message: {prompt[message]}\n    Role: {prompt[role]}\n    Tokens: {prompt[tokens]}\n    Date: {prompt[date]}\nResponse:\n    Message: {response[message]}\n    Role: {response[role]}\n    Temperature: {response[temperature]}\n    Model: {response[model]}\n    Score: {response[score]}\n    Tokens: {response[tokens]}\n    Inference Time: {response[inference_time]}\n    Date: {response[date]}",
        instruction: INSTRUCTION3,
    },
];
