//! The 417 model names of memor 1.1's `LLMModel`, as string constants.
//!
//! A response stores the model as a plain string, so any other name is accepted too; these
//! constants only spare typos. Generated from memor 1.1's enum, in its declaration order.

// memor spells two names in mixed case (`NATURELM_8x7b`); they are kept exactly.
#![allow(non_upper_case_globals)]

/// `gpt-5.2-pro`
pub const GPT_5_2_PRO: &str = "gpt-5.2-pro";
/// `gpt-5.2`
pub const GPT_5_2: &str = "gpt-5.2";
/// `gpt-5.1-codex-max`
pub const GPT_5_1_CODEX_MAX: &str = "gpt-5.1-codex-max";
/// `gpt-5.1-codex`
pub const GPT_5_1_CODEX: &str = "gpt-5.1-codex";
/// `gpt-5.1`
pub const GPT_5_1: &str = "gpt-5.1";
/// `gpt-5-codex`
pub const GPT_5_CODEX: &str = "gpt-5-codex";
/// `gpt-5-pro`
pub const GPT_5_PRO: &str = "gpt-5-pro";
/// `gpt-5`
pub const GPT_5: &str = "gpt-5";
/// `gpt-5-mini`
pub const GPT_5_MINI: &str = "gpt-5-mini";
/// `gpt-5-nano`
pub const GPT_5_NANO: &str = "gpt-5-nano";
/// `gpt-4`
pub const GPT_4: &str = "gpt-4";
/// `gpt-4-turbo`
pub const GPT_4_TURBO: &str = "gpt-4-turbo";
/// `gpt-4-vision`
pub const GPT_4_VISION: &str = "gpt-4-vision";
/// `gpt-4o`
pub const GPT_4O: &str = "gpt-4o";
/// `gpt-4o-mini`
pub const GPT_4O_MINI: &str = "gpt-4o-mini";
/// `gpt-4o-search`
pub const GPT_4O_SEARCH: &str = "gpt-4o-search";
/// `gpt-4o-mini-search`
pub const GPT_4O_MINI_SEARCH: &str = "gpt-4o-mini-search";
/// `gpt-4.1`
pub const GPT_4_1: &str = "gpt-4.1";
/// `gpt-4.1-mini`
pub const GPT_4_1_MINI: &str = "gpt-4.1-mini";
/// `gpt-4.1-nano`
pub const GPT_4_1_NANO: &str = "gpt-4.1-nano";
/// `gpt-o1`
pub const GPT_O1: &str = "gpt-o1";
/// `gpt-o1-mini`
pub const GPT_O1_MINI: &str = "gpt-o1-mini";
/// `gpt-o1-pro`
pub const GPT_O1_PRO: &str = "gpt-o1-pro";
/// `gpt-o3`
pub const GPT_O3: &str = "gpt-o3";
/// `gpt-o3-mini`
pub const GPT_O3_MINI: &str = "gpt-o3-mini";
/// `gpt-o3-mini-high`
pub const GPT_O3_MINI_HIGH: &str = "gpt-o3-mini-high";
/// `gpt-o3-deep-research`
pub const GPT_O3_DEEP_RESEARCH: &str = "gpt-o3-deep-research";
/// `gpt-o4-mini`
pub const GPT_O4_MINI: &str = "gpt-o4-mini";
/// `gpt-o4-mini-deep-research`
pub const GPT_O4_MINI_DEEP_RESEARCH: &str = "gpt-o4-mini-deep-research";
/// `gpt-3.5-turbo`
pub const GPT_3_5_TURBO: &str = "gpt-3.5-turbo";
/// `gpt-oss-20b`
pub const GPT_OSS_20B: &str = "gpt-oss-20b";
/// `gpt-oss-120b`
pub const GPT_OSS_120B: &str = "gpt-oss-120b";
/// `davinci`
pub const DAVINCI: &str = "davinci";
/// `babbage`
pub const BABBAGE: &str = "babbage";
/// `claude-1`
pub const CLAUDE_1: &str = "claude-1";
/// `claude-instant`
pub const CLAUDE_INSTANT: &str = "claude-instant";
/// `claude-2`
pub const CLAUDE_2: &str = "claude-2";
/// `claude-2.1`
pub const CLAUDE_2_1: &str = "claude-2.1";
/// `claude-3-haiku`
pub const CLAUDE_3_HAIKU: &str = "claude-3-haiku";
/// `claude-3-sonnet`
pub const CLAUDE_3_SONNET: &str = "claude-3-sonnet";
/// `claude-3-opus`
pub const CLAUDE_3_OPUS: &str = "claude-3-opus";
/// `claude-3.5-sonnet`
pub const CLAUDE_3_5_SONNET: &str = "claude-3.5-sonnet";
/// `claude-3.5-haiku`
pub const CLAUDE_3_5_HAIKU: &str = "claude-3.5-haiku";
/// `claude-3.7-sonnet`
pub const CLAUDE_3_7_SONNET: &str = "claude-3.7-sonnet";
/// `claude-4-opus`
pub const CLAUDE_4_OPUS: &str = "claude-4-opus";
/// `claude-4-sonnet`
pub const CLAUDE_4_SONNET: &str = "claude-4-sonnet";
/// `claude-4.1-opus`
pub const CLAUDE_4_1_OPUS: &str = "claude-4.1-opus";
/// `llama-2-7b`
pub const LLAMA_2_7B: &str = "llama-2-7b";
/// `llama-2-13b`
pub const LLAMA_2_13B: &str = "llama-2-13b";
/// `llama-2-70b`
pub const LLAMA_2_70B: &str = "llama-2-70b";
/// `llama-3-8b`
pub const LLAMA_3_8B: &str = "llama-3-8b";
/// `llama-3-8b-instruct`
pub const LLAMA_3_8B_INSTRUCT: &str = "llama-3-8b-instruct";
/// `llama-3-70b`
pub const LLAMA_3_70B: &str = "llama-3-70b";
/// `llama-3-70b-instruct`
pub const LLAMA_3_70B_INSTRUCT: &str = "llama-3-70b-instruct";
/// `llama-3.1-8b`
pub const LLAMA_3_1_8B: &str = "llama-3.1-8b";
/// `llama-3.1-8b-instruct`
pub const LLAMA_3_1_8B_INSTRUCT: &str = "llama-3.1-8b-instruct";
/// `llama-3.1-70b`
pub const LLAMA_3_1_70B: &str = "llama-3.1-70b";
/// `llama-3.1-70b-instruct`
pub const LLAMA_3_1_70B_INSTRUCT: &str = "llama-3.1-70b-instruct";
/// `llama-3.1-405b`
pub const LLAMA_3_1_405B: &str = "llama-3.1-405b";
/// `llama-3.1-405b-instruct`
pub const LLAMA_3_1_405B_INSTRUCT: &str = "llama-3.1-405b-instruct";
/// `llama-3.2-1b`
pub const LLAMA_3_2_1B: &str = "llama-3.2-1b";
/// `llama-3.2-1b-instruct`
pub const LLAMA_3_2_1B_INSTRUCT: &str = "llama-3.2-1b-instruct";
/// `llama-3.2-3b`
pub const LLAMA_3_2_3B: &str = "llama-3.2-3b";
/// `llama-3.2-3b-instruct`
pub const LLAMA_3_2_3B_INSTRUCT: &str = "llama-3.2-3b-instruct";
/// `llama-3.2-11b-vision`
pub const LLAMA_3_2_11B_VISION: &str = "llama-3.2-11b-vision";
/// `llama-3.2-11b-vision-instruct`
pub const LLAMA_3_2_11B_VISION_INSTRUCT: &str = "llama-3.2-11b-vision-instruct";
/// `llama-3.2-90b-vision`
pub const LLAMA_3_2_90B_VISION: &str = "llama-3.2-90b-vision";
/// `llama-3.2-90b-vision-instruct`
pub const LLAMA_3_2_90B_VISION_INSTRUCT: &str = "llama-3.2-90b-vision-instruct";
/// `llama-3.3-70b-instruct`
pub const LLAMA_3_3_70B_INSTRUCT: &str = "llama-3.3-70b-instruct";
/// `llama-4-maverick-17b-128e`
pub const LLAMA_4_MAVERICK_17B_128E: &str = "llama-4-maverick-17b-128e";
/// `llama-4-maverick-17b-128e-instruct`
pub const LLAMA_4_MAVERICK_17B_128E_INSTRUCT: &str = "llama-4-maverick-17b-128e-instruct";
/// `llama-guard-7b`
pub const LLAMA_GUARD_7B: &str = "llama-guard-7b";
/// `llama-guard-2-8b`
pub const LLAMA_GUARD_2_8B: &str = "llama-guard-2-8b";
/// `llama-guard-3-1b`
pub const LLAMA_GUARD_3_1B: &str = "llama-guard-3-1b";
/// `llama-guard-3-8b`
pub const LLAMA_GUARD_3_8B: &str = "llama-guard-3-8b";
/// `llama-guard-3-11b-vision`
pub const LLAMA_GUARD_3_11B_VISION: &str = "llama-guard-3-11b-vision";
/// `llama-guard-4-12b`
pub const LLAMA_GUARD_4_12B: &str = "llama-guard-4-12b";
/// `llama-prompt-guard-86m`
pub const LLAMA_PROMPT_GUARD_86M: &str = "llama-prompt-guard-86m";
/// `llama-prompt-guard-2-22m`
pub const LLAMA_PROMPT_GUARD_2_22M: &str = "llama-prompt-guard-2-22m";
/// `llama-prompt-guard-2-86m`
pub const LLAMA_PROMPT_GUARD_2_86M: &str = "llama-prompt-guard-2-86m";
/// `llama-4-scout-17b-16e`
pub const LLAMA_4_SCOUT_17B_16E: &str = "llama-4-scout-17b-16e";
/// `llama-4-scout-17b-16e-instruct`
pub const LLAMA_4_SCOUT_17B_16E_INSTRUCT: &str = "llama-4-scout-17b-16e-instruct";
/// `code-llama-7b`
pub const CODE_LLAMA_7B: &str = "code-llama-7b";
/// `code-llama-7b-instruct`
pub const CODE_LLAMA_7B_INSTRUCT: &str = "code-llama-7b-instruct";
/// `code-llama-7b-python`
pub const CODE_LLAMA_7B_PYTHON: &str = "code-llama-7b-python";
/// `code-llama-13b`
pub const CODE_LLAMA_13B: &str = "code-llama-13b";
/// `code-llama-13b-instruct`
pub const CODE_LLAMA_13B_INSTRUCT: &str = "code-llama-13b-instruct";
/// `code-llama-13b-python`
pub const CODE_LLAMA_13B_PYTHON: &str = "code-llama-13b-python";
/// `code-llama-34b`
pub const CODE_LLAMA_34B: &str = "code-llama-34b";
/// `code-llama-34b-instruct`
pub const CODE_LLAMA_34B_INSTRUCT: &str = "code-llama-34b-instruct";
/// `code-llama-34b-python`
pub const CODE_LLAMA_34B_PYTHON: &str = "code-llama-34b-python";
/// `code-llama-70b`
pub const CODE_LLAMA_70B: &str = "code-llama-70b";
/// `code-llama-70b-instruct`
pub const CODE_LLAMA_70B_INSTRUCT: &str = "code-llama-70b-instruct";
/// `code-llama-70b-python`
pub const CODE_LLAMA_70B_PYTHON: &str = "code-llama-70b-python";
/// `mistral-7b`
pub const MISTRAL_7B: &str = "mistral-7b";
/// `mistral-7b-instruct`
pub const MISTRAL_7B_INSTRUCT: &str = "mistral-7b-instruct";
/// `mixtral-8x7b`
pub const MIXTRAL_8X7B: &str = "mixtral-8x7b";
/// `mixtral-8x7b-instruct`
pub const MIXTRAL_8X7B_INSTRUCT: &str = "mixtral-8x7b-instruct";
/// `mixtral-8x22b`
pub const MIXTRAL_8X22B: &str = "mixtral-8x22b";
/// `mixtral-8x22b-instruct`
pub const MIXTRAL_8X22B_INSTRUCT: &str = "mixtral-8x22b-instruct";
/// `mistral-nemo`
pub const MISTRAL_NEMO: &str = "mistral-nemo";
/// `mistral-nemo-instruct`
pub const MISTRAL_NEMO_INSTRUCT: &str = "mistral-nemo-instruct";
/// `mistral-small-instruct`
pub const MISTRAL_SMALL_INSTRUCT: &str = "mistral-small-instruct";
/// `mistral-small-24b`
pub const MISTRAL_SMALL_24B: &str = "mistral-small-24b";
/// `mistral-small-24b-instruct`
pub const MISTRAL_SMALL_24B_INSTRUCT: &str = "mistral-small-24b-instruct";
/// `mistral-small-3.1-24b`
pub const MISTRAL_SMALL_3_1_24B: &str = "mistral-small-3.1-24b";
/// `mistral-small-3.1-24b-instruct`
pub const MISTRAL_SMALL_3_1_24B_INSTRUCT: &str = "mistral-small-3.1-24b-instruct";
/// `mistral-small-3.2-24b-instruct`
pub const MISTRAL_SMALL_3_2_24B_INSTRUCT: &str = "mistral-small-3.2-24b-instruct";
/// `mistral-large-instruct`
pub const MISTRAL_LARGE_INSTRUCT: &str = "mistral-large-instruct";
/// `ministral-8b-instruct`
pub const MINISTRAL_8B_INSTRUCT: &str = "ministral-8b-instruct";
/// `codestral-22b`
pub const CODESTRAL_22B: &str = "codestral-22b";
/// `mamba-codestral-7b`
pub const MAMBA_CODESTRAL_7B: &str = "mamba-codestral-7b";
/// `devstral-small`
pub const DEVSTRAL_SMALL: &str = "devstral-small";
/// `magistral-small`
pub const MAGISTRAL_SMALL: &str = "magistral-small";
/// `mathstral-7b`
pub const MATHSTRAL_7B: &str = "mathstral-7b";
/// `pixtral-12b`
pub const PIXTRAL_12B: &str = "pixtral-12b";
/// `pixtral-large-instruct`
pub const PIXTRAL_LARGE_INSTRUCT: &str = "pixtral-large-instruct";
/// `voxtral-mini-3b`
pub const VOXTRAL_MINI_3B: &str = "voxtral-mini-3b";
/// `voxtral-small-24b`
pub const VOXTRAL_SMALL_24B: &str = "voxtral-small-24b";
/// `gemma-7b`
pub const GEMMA_7B: &str = "gemma-7b";
/// `gemma-2-9b`
pub const GEMMA_2_9B: &str = "gemma-2-9b";
/// `gemma-3-1b`
pub const GEMMA_3_1B: &str = "gemma-3-1b";
/// `gemma-3-4b`
pub const GEMMA_3_4B: &str = "gemma-3-4b";
/// `gemma-3-12b`
pub const GEMMA_3_12B: &str = "gemma-3-12b";
/// `gemma-3-27b`
pub const GEMMA_3_27B: &str = "gemma-3-27b";
/// `gemma-3n-e2b`
pub const GEMMA_3N_E2B: &str = "gemma-3n-e2b";
/// `gemma-3n-e4b`
pub const GEMMA_3N_E4B: &str = "gemma-3n-e4b";
/// `codegemma-2b`
pub const CODEGEMMA_2B: &str = "codegemma-2b";
/// `codegemma-7b`
pub const CODEGEMMA_7B: &str = "codegemma-7b";
/// `recurrentgemma-2b`
pub const RECURRENTGEMMA_2B: &str = "recurrentgemma-2b";
/// `recurrentgemma-9b`
pub const RECURRENTGEMMA_9B: &str = "recurrentgemma-9b";
/// `paligemma-1-3b`
pub const PALIGEMMA_1_3B: &str = "paligemma-1-3b";
/// `paligemma-2-3b`
pub const PALIGEMMA_2_3B: &str = "paligemma-2-3b";
/// `paligemma-2-10b`
pub const PALIGEMMA_2_10B: &str = "paligemma-2-10b";
/// `paligemma-2-28b`
pub const PALIGEMMA_2_28B: &str = "paligemma-2-28b";
/// `txgemma`
pub const TXGEMMA: &str = "txgemma";
/// `datagemma`
pub const DATAGEMMA: &str = "datagemma";
/// `shieldgemma-1-2b`
pub const SHIELDGEMMA_1_2B: &str = "shieldgemma-1-2b";
/// `shieldgemma-1-9b`
pub const SHIELDGEMMA_1_9B: &str = "shieldgemma-1-9b";
/// `shieldgemma-1-27b`
pub const SHIELDGEMMA_1_27B: &str = "shieldgemma-1-27b";
/// `shieldgemma-2-4b`
pub const SHIELDGEMMA_2_4B: &str = "shieldgemma-2-4b";
/// `gemini-1-pro`
pub const GEMINI_1_PRO: &str = "gemini-1-pro";
/// `gemini-1-ultra`
pub const GEMINI_1_ULTRA: &str = "gemini-1-ultra";
/// `gemini-1.5-pro`
pub const GEMINI_1_5_PRO: &str = "gemini-1.5-pro";
/// `gemini-1.5-ultra`
pub const GEMINI_1_5_ULTRA: &str = "gemini-1.5-ultra";
/// `gemini-1.5-flash`
pub const GEMINI_1_5_FLASH: &str = "gemini-1.5-flash";
/// `gemini-2-flash`
pub const GEMINI_2_FLASH: &str = "gemini-2-flash";
/// `gemini-2-flash-lite`
pub const GEMINI_2_FLASH_LITE: &str = "gemini-2-flash-lite";
/// `gemini-2-pro`
pub const GEMINI_2_PRO: &str = "gemini-2-pro";
/// `gemini-2.5-flash`
pub const GEMINI_2_5_FLASH: &str = "gemini-2.5-flash";
/// `gemini-2.5-flash-lite`
pub const GEMINI_2_5_FLASH_LITE: &str = "gemini-2.5-flash-lite";
/// `gemini-2.5-pro`
pub const GEMINI_2_5_PRO: &str = "gemini-2.5-pro";
/// `gemini-3-pro`
pub const GEMINI_3_PRO: &str = "gemini-3-pro";
/// `deepseek-llm-7b-base`
pub const DEEPSEEK_LLM_7B_BASE: &str = "deepseek-llm-7b-base";
/// `deepseek-llm-7b-chat`
pub const DEEPSEEK_LLM_7B_CHAT: &str = "deepseek-llm-7b-chat";
/// `deepseek-llm-67b-base`
pub const DEEPSEEK_LLM_67B_BASE: &str = "deepseek-llm-67b-base";
/// `deepseek-llm-67b-chat`
pub const DEEPSEEK_LLM_67B_CHAT: &str = "deepseek-llm-67b-chat";
/// `deepseek-moe-16b-base`
pub const DEEPSEEK_MOE_16B_BASE: &str = "deepseek-moe-16b-base";
/// `deepseek-moe-16b-chat`
pub const DEEPSEEK_MOE_16B_CHAT: &str = "deepseek-moe-16b-chat";
/// `deepseek-coder`
pub const DEEPSEEK_CODER: &str = "deepseek-coder";
/// `deepseek-coder-1.3b-base`
pub const DEEPSEEK_CODER_1_3B_BASE: &str = "deepseek-coder-1.3b-base";
/// `deepseek-coder-1.3b-instruct`
pub const DEEPSEEK_CODER_1_3B_INSTRUCT: &str = "deepseek-coder-1.3b-instruct";
/// `deepseek-coder-6.7b-base`
pub const DEEPSEEK_CODER_6_7B_BASE: &str = "deepseek-coder-6.7b-base";
/// `deepseek-coder-6.7b-instruct`
pub const DEEPSEEK_CODER_6_7B_INSTRUCT: &str = "deepseek-coder-6.7b-instruct";
/// `deepseek-coder-7b-base`
pub const DEEPSEEK_CODER_7B_BASE: &str = "deepseek-coder-7b-base";
/// `deepseek-coder-7b-instruct`
pub const DEEPSEEK_CODER_7B_INSTRUCT: &str = "deepseek-coder-7b-instruct";
/// `deepseek-coder-33b-base`
pub const DEEPSEEK_CODER_33B_BASE: &str = "deepseek-coder-33b-base";
/// `deepseek-coder-33b-instruct`
pub const DEEPSEEK_CODER_33B_INSTRUCT: &str = "deepseek-coder-33b-instruct";
/// `deepseek-vl-7b-chat`
pub const DEEPSEEK_VL_7B_CHAT: &str = "deepseek-vl-7b-chat";
/// `deepseek-vl-1.3b-base`
pub const DEEPSEEK_VL_1_3B_BASE: &str = "deepseek-vl-1.3b-base";
/// `deepseek-vl-7b-base`
pub const DEEPSEEK_VL_7B_BASE: &str = "deepseek-vl-7b-base";
/// `deepseek-vl-1.3b-chat`
pub const DEEPSEEK_VL_1_3B_CHAT: &str = "deepseek-vl-1.3b-chat";
/// `deepseek-vl2-tiny`
pub const DEEPSEEK_VL2_TINY: &str = "deepseek-vl2-tiny";
/// `deepseek-vl2-small`
pub const DEEPSEEK_VL2_SMALL: &str = "deepseek-vl2-small";
/// `deepseek-vl2-base`
pub const DEEPSEEK_VL2_BASE: &str = "deepseek-vl2-base";
/// `deepseek-math-7b-base`
pub const DEEPSEEK_MATH_7B_BASE: &str = "deepseek-math-7b-base";
/// `deepseek-math-7b-instruct`
pub const DEEPSEEK_MATH_7B_INSTRUCT: &str = "deepseek-math-7b-instruct";
/// `deepseek-math-7b-rl`
pub const DEEPSEEK_MATH_7B_RL: &str = "deepseek-math-7b-rl";
/// `deepseek-coder-v2-lite-base`
pub const DEEPSEEK_CODER_V2_LITE_BASE: &str = "deepseek-coder-v2-lite-base";
/// `deepseek-coder-v2-lite-instruct`
pub const DEEPSEEK_CODER_V2_LITE_INSTRUCT: &str = "deepseek-coder-v2-lite-instruct";
/// `deepseek-coder-v2-base`
pub const DEEPSEEK_CODER_V2_BASE: &str = "deepseek-coder-v2-base";
/// `deepseek-coder-v2-instruct`
pub const DEEPSEEK_CODER_V2_INSTRUCT: &str = "deepseek-coder-v2-instruct";
/// `deepseek-v2`
pub const DEEPSEEK_V2: &str = "deepseek-v2";
/// `deepseek-v2.5`
pub const DEEPSEEK_V2_5: &str = "deepseek-v2.5";
/// `deepseek-v2-chat`
pub const DEEPSEEK_V2_CHAT: &str = "deepseek-v2-chat";
/// `deepseek-v2-lite`
pub const DEEPSEEK_V2_LITE: &str = "deepseek-v2-lite";
/// `deepseek-v2-lite-chat`
pub const DEEPSEEK_V2_LITE_CHAT: &str = "deepseek-v2-lite-chat";
/// `deepseek-v3-base`
pub const DEEPSEEK_V3_BASE: &str = "deepseek-v3-base";
/// `deepseek-v3`
pub const DEEPSEEK_V3: &str = "deepseek-v3";
/// `deepseek-prover-v1`
pub const DEEPSEEK_PROVER_V1: &str = "deepseek-prover-v1";
/// `deepseek-prover-v1.5-base`
pub const DEEPSEEK_PROVER_V1_5_BASE: &str = "deepseek-prover-v1.5-base";
/// `deepseek-prover-v1.5-sft`
pub const DEEPSEEK_PROVER_V1_5_SFT: &str = "deepseek-prover-v1.5-sft";
/// `deepseek-prover-v1.5-rl`
pub const DEEPSEEK_PROVER_V1_5_RL: &str = "deepseek-prover-v1.5-rl";
/// `deepseek-prover-v2-7b`
pub const DEEPSEEK_PROVER_V2_7B: &str = "deepseek-prover-v2-7b";
/// `deepseek-prover-v2-671b`
pub const DEEPSEEK_PROVER_V2_671B: &str = "deepseek-prover-v2-671b";
/// `deepseek-r1-zero`
pub const DEEPSEEK_R1_ZERO: &str = "deepseek-r1-zero";
/// `deepseek-r1`
pub const DEEPSEEK_R1: &str = "deepseek-r1";
/// `deepseek-r1-distill-qwen-1.5b`
pub const DEEPSEEK_R1_DISTILL_QWEN_1_5B: &str = "deepseek-r1-distill-qwen-1.5b";
/// `deepseek-r1-distill-qwen-7b`
pub const DEEPSEEK_R1_DISTILL_QWEN_7B: &str = "deepseek-r1-distill-qwen-7b";
/// `deepseek-r1-distill-qwen-14b`
pub const DEEPSEEK_R1_DISTILL_QWEN_14B: &str = "deepseek-r1-distill-qwen-14b";
/// `deepseek-r1-distill-qwen-32b`
pub const DEEPSEEK_R1_DISTILL_QWEN_32B: &str = "deepseek-r1-distill-qwen-32b";
/// `deepseek-r1-distill-llama-8b`
pub const DEEPSEEK_R1_DISTILL_LLAMA_8B: &str = "deepseek-r1-distill-llama-8b";
/// `deepseek-r1-distill-llama-70b`
pub const DEEPSEEK_R1_DISTILL_LLAMA_70B: &str = "deepseek-r1-distill-llama-70b";
/// `janus-1b`
pub const JANUS_1B: &str = "janus-1b";
/// `janus-pro-7b`
pub const JANUS_PRO_7B: &str = "janus-pro-7b";
/// `janus-1.3b`
pub const JANUS_1_3B: &str = "janus-1.3b";
/// `janus-flow-1.3b`
pub const JANUS_FLOW_1_3B: &str = "janus-flow-1.3b";
/// `esft-vanilla-lite`
pub const ESFT_VANILLA_LITE: &str = "esft-vanilla-lite";
/// `esft-token-law-lite`
pub const ESFT_TOKEN_LAW_LITE: &str = "esft-token-law-lite";
/// `esft-token-summary-lite`
pub const ESFT_TOKEN_SUMMARY_LITE: &str = "esft-token-summary-lite";
/// `esft-token-code-lite`
pub const ESFT_TOKEN_CODE_LITE: &str = "esft-token-code-lite";
/// `esft-token-intent-lite`
pub const ESFT_TOKEN_INTENT_LITE: &str = "esft-token-intent-lite";
/// `esft-token-translation-lite`
pub const ESFT_TOKEN_TRANSLATION_LITE: &str = "esft-token-translation-lite";
/// `esft-token-math-lite`
pub const ESFT_TOKEN_MATH_LITE: &str = "esft-token-math-lite";
/// `esft-gate-law-lite`
pub const ESFT_GATE_LAW_LITE: &str = "esft-gate-law-lite";
/// `esft-gate-summary-lite`
pub const ESFT_GATE_SUMMARY_LITE: &str = "esft-gate-summary-lite";
/// `esft-gate-translation-lite`
pub const ESFT_GATE_TRANSLATION_LITE: &str = "esft-gate-translation-lite";
/// `esft-gate-code-lite`
pub const ESFT_GATE_CODE_LITE: &str = "esft-gate-code-lite";
/// `esft-gate-intent-lite`
pub const ESFT_GATE_INTENT_LITE: &str = "esft-gate-intent-lite";
/// `esft-gate-math-lite`
pub const ESFT_GATE_MATH_LITE: &str = "esft-gate-math-lite";
/// `lts-gpt2-sm`
pub const LTS_GPT2_SM: &str = "lts-gpt2-sm";
/// `dialo-small`
pub const DIALO_SMALL: &str = "dialo-small";
/// `dialo-medium`
pub const DIALO_MEDIUM: &str = "dialo-medium";
/// `dialo-large`
pub const DIALO_LARGE: &str = "dialo-large";
/// `biogpt`
pub const BIOGPT: &str = "biogpt";
/// `biogpt-large`
pub const BIOGPT_LARGE: &str = "biogpt-large";
/// `biogpt-large-pubmedqa`
pub const BIOGPT_LARGE_PUBMEDQA: &str = "biogpt-large-pubmedqa";
/// `codegpt-small-py`
pub const CODEGPT_SMALL_PY: &str = "codegpt-small-py";
/// `codegpt-small-java`
pub const CODEGPT_SMALL_JAVA: &str = "codegpt-small-java";
/// `dolly-v2-7b-olive-optimized`
pub const DOLLY_V2_7B_OLIVE_OPTIMIZED: &str = "dolly-v2-7b-olive-optimized";
/// `grin-moe`
pub const GRIN_MOE: &str = "grin-moe";
/// `phi-tiny-moe-instruct`
pub const PHI_TINY_MOE_INSTRUCT: &str = "phi-tiny-moe-instruct";
/// `phi-1`
pub const PHI_1: &str = "phi-1";
/// `phi-1.5`
pub const PHI_1_5: &str = "phi-1.5";
/// `phi-2`
pub const PHI_2: &str = "phi-2";
/// `phi-3-mini-instruct`
pub const PHI_3_MINI_INSTRUCT: &str = "phi-3-mini-instruct";
/// `phi-3-small-instruct`
pub const PHI_3_SMALL_INSTRUCT: &str = "phi-3-small-instruct";
/// `phi-3-medium-instruct`
pub const PHI_3_MEDIUM_INSTRUCT: &str = "phi-3-medium-instruct";
/// `phi-3-vision-instruct`
pub const PHI_3_VISION_INSTRUCT: &str = "phi-3-vision-instruct";
/// `phi-3.5-mini-instruct`
pub const PHI_3_5_MINI_INSTRUCT: &str = "phi-3.5-mini-instruct";
/// `phi-3.5-moe-instruct`
pub const PHI_3_5_MOE_INSTRUCT: &str = "phi-3.5-moe-instruct";
/// `phi-3.5-vision-instruct`
pub const PHI_3_5_VISION_INSTRUCT: &str = "phi-3.5-vision-instruct";
/// `phi-4`
pub const PHI_4: &str = "phi-4";
/// `phi-4-mini-instruct`
pub const PHI_4_MINI_INSTRUCT: &str = "phi-4-mini-instruct";
/// `phi-4-mini-flash-reasoning`
pub const PHI_4_MINI_FLASH_REASONING: &str = "phi-4-mini-flash-reasoning";
/// `phi-4-mini-reasoning`
pub const PHI_4_MINI_REASONING: &str = "phi-4-mini-reasoning";
/// `phi-4-reasoning`
pub const PHI_4_REASONING: &str = "phi-4-reasoning";
/// `phi-4-reasoning-plus`
pub const PHI_4_REASONING_PLUS: &str = "phi-4-reasoning-plus";
/// `phi-4-multimodal-instruct`
pub const PHI_4_MULTIMODAL_INSTRUCT: &str = "phi-4-multimodal-instruct";
/// `bitnet-b1.58-2b-4t`
pub const BITNET_B1_58_2B_4T: &str = "bitnet-b1.58-2b-4t";
/// `mai-ds-r1`
pub const MAI_DS_R1: &str = "mai-ds-r1";
/// `mediphi`
pub const MEDIPHI: &str = "mediphi";
/// `mediphi-instruct`
pub const MEDIPHI_INSTRUCT: &str = "mediphi-instruct";
/// `mediphi-pubmed`
pub const MEDIPHI_PUBMED: &str = "mediphi-pubmed";
/// `mediphi-clinical`
pub const MEDIPHI_CLINICAL: &str = "mediphi-clinical";
/// `mediphi-medwiki`
pub const MEDIPHI_MEDWIKI: &str = "mediphi-medwiki";
/// `mediphi-guidelines`
pub const MEDIPHI_GUIDELINES: &str = "mediphi-guidelines";
/// `mediphi-medcode`
pub const MEDIPHI_MEDCODE: &str = "mediphi-medcode";
/// `naturelm-8x7b`
pub const NATURELM_8x7b: &str = "naturelm-8x7b";
/// `naturelm-8x7b-instruct`
pub const NATURELM_8x7b_INSTRUCT: &str = "naturelm-8x7b-instruct";
/// `nextcoder-7b`
pub const NEXTCODER_7B: &str = "nextcoder-7b";
/// `nextcoder-14b`
pub const NEXTCODER_14B: &str = "nextcoder-14b";
/// `nextcoder-32b`
pub const NEXTCODER_32B: &str = "nextcoder-32b";
/// `maira-2`
pub const MAIRA_2: &str = "maira-2";
/// `llava-rad`
pub const LLAVA_RAD: &str = "llava-rad";
/// `llava-med-v1.5-mistral-7b`
pub const LLAVA_MED_V1_5_MISTRAL_7B: &str = "llava-med-v1.5-mistral-7b";
/// `llava-med-7b-delta`
pub const LLAVA_MED_7B_DELTA: &str = "llava-med-7b-delta";
/// `orca-2-7b`
pub const ORCA_2_7B: &str = "orca-2-7b";
/// `orca-2-13b`
pub const ORCA_2_13B: &str = "orca-2-13b";
/// `udop-large`
pub const UDOP_LARGE: &str = "udop-large";
/// `florence-2`
pub const FLORENCE_2: &str = "florence-2";
/// `florence-2-large`
pub const FLORENCE_2_LARGE: &str = "florence-2-large";
/// `llama-2-gtl-delta-7b`
pub const LLAMA_2_GTL_DELTA_7B: &str = "llama-2-gtl-delta-7b";
/// `llama-2-gtl-delta-13b`
pub const LLAMA_2_GTL_DELTA_13B: &str = "llama-2-gtl-delta-13b";
/// `wavecoder-ultra-6.7b`
pub const WAVECODER_ULTRA_6_7B: &str = "wavecoder-ultra-6.7b";
/// `wavecoder-pro-6.7b`
pub const WAVECODER_PRO_6_7B: &str = "wavecoder-pro-6.7b";
/// `wavecoder-ds-6.7b`
pub const WAVECODER_DS_6_7B: &str = "wavecoder-ds-6.7b";
/// `rho-math-1b`
pub const RHO_MATH_1B: &str = "rho-math-1b";
/// `rho-math-1b-interpreter`
pub const RHO_MATH_1B_INTERPRETER: &str = "rho-math-1b-interpreter";
/// `rho-math-7b`
pub const RHO_MATH_7B: &str = "rho-math-7b";
/// `rho-math-7b-interpreter`
pub const RHO_MATH_7B_INTERPRETER: &str = "rho-math-7b-interpreter";
/// `qwen-1.8b`
pub const QWEN_1_8B: &str = "qwen-1.8b";
/// `qwen-7b`
pub const QWEN_7B: &str = "qwen-7b";
/// `qwen-14b`
pub const QWEN_14B: &str = "qwen-14b";
/// `qwen-72b`
pub const QWEN_72B: &str = "qwen-72b";
/// `qwen-1.5-0.5b`
pub const QWEN_1_5_0_5B: &str = "qwen-1.5-0.5b";
/// `qwen-1.5-1.8b`
pub const QWEN_1_5_1_8B: &str = "qwen-1.5-1.8b";
/// `qwen-1.5-4b`
pub const QWEN_1_5_4B: &str = "qwen-1.5-4b";
/// `qwen-1.5-7b`
pub const QWEN_1_5_7B: &str = "qwen-1.5-7b";
/// `qwen-1.5-14b`
pub const QWEN_1_5_14B: &str = "qwen-1.5-14b";
/// `qwen-1.5-32b`
pub const QWEN_1_5_32B: &str = "qwen-1.5-32b";
/// `qwen-1.5-72b`
pub const QWEN_1_5_72B: &str = "qwen-1.5-72b";
/// `qwen-1.5-110b`
pub const QWEN_1_5_110B: &str = "qwen-1.5-110b";
/// `qwen-1.5-moe`
pub const QWEN_1_5_MOE: &str = "qwen-1.5-moe";
/// `qwen-2-0.5b`
pub const QWEN_2_0_5B: &str = "qwen-2-0.5b";
/// `qwen-2-0.5b-instruct`
pub const QWEN_2_0_5B_INSTRUCT: &str = "qwen-2-0.5b-instruct";
/// `qwen-2-1.5b`
pub const QWEN_2_1_5B: &str = "qwen-2-1.5b";
/// `qwen-2-1.5b-instruct`
pub const QWEN_2_1_5B_INSTRUCT: &str = "qwen-2-1.5b-instruct";
/// `qwen-2-7b`
pub const QWEN_2_7B: &str = "qwen-2-7b";
/// `qwen-2-7b-instruct`
pub const QWEN_2_7B_INSTRUCT: &str = "qwen-2-7b-instruct";
/// `qwen-2-57b`
pub const QWEN_2_57B: &str = "qwen-2-57b";
/// `qwen-2-57b-instruct`
pub const QWEN_2_57B_INSTRUCT: &str = "qwen-2-57b-instruct";
/// `qwen-2-72b`
pub const QWEN_2_72B: &str = "qwen-2-72b";
/// `qwen-2-72b-instruct`
pub const QWEN_2_72B_INSTRUCT: &str = "qwen-2-72b-instruct";
/// `qwen-2.5-0.5b`
pub const QWEN_2_5_0_5B: &str = "qwen-2.5-0.5b";
/// `qwen-2.5-0.5b-instruct`
pub const QWEN_2_5_0_5B_INSTRUCT: &str = "qwen-2.5-0.5b-instruct";
/// `qwen-2.5-1.5b`
pub const QWEN_2_5_1_5B: &str = "qwen-2.5-1.5b";
/// `qwen-2.5-1.5b-instruct`
pub const QWEN_2_5_1_5B_INSTRUCT: &str = "qwen-2.5-1.5b-instruct";
/// `qwen-2.5-3b`
pub const QWEN_2_5_3B: &str = "qwen-2.5-3b";
/// `qwen-2.5-3b-instruct`
pub const QWEN_2_5_3B_INSTRUCT: &str = "qwen-2.5-3b-instruct";
/// `qwen-2.5-7b`
pub const QWEN_2_5_7B: &str = "qwen-2.5-7b";
/// `qwen-2.5-7b-instruct`
pub const QWEN_2_5_7B_INSTRUCT: &str = "qwen-2.5-7b-instruct";
/// `qwen-2.5-14b`
pub const QWEN_2_5_14B: &str = "qwen-2.5-14b";
/// `qwen-2.5-14b-instruct`
pub const QWEN_2_5_14B_INSTRUCT: &str = "qwen-2.5-14b-instruct";
/// `qwen-2.5-32b`
pub const QWEN_2_5_32B: &str = "qwen-2.5-32b";
/// `qwen-2.5-32b-instruct`
pub const QWEN_2_5_32B_INSTRUCT: &str = "qwen-2.5-32b-instruct";
/// `qwen-2.5-72b`
pub const QWEN_2_5_72B: &str = "qwen-2.5-72b";
/// `qwen-2.5-72b-instruct`
pub const QWEN_2_5_72B_INSTRUCT: &str = "qwen-2.5-72b-instruct";
/// `qwen-2.5-coder-0.5b`
pub const QWEN_2_5_CODER_0_5B: &str = "qwen-2.5-coder-0.5b";
/// `qwen-2.5-coder-0.5b-instruct`
pub const QWEN_2_5_CODER_0_5B_INSTRUCT: &str = "qwen-2.5-coder-0.5b-instruct";
/// `qwen-2.5-coder-1.5b`
pub const QWEN_2_5_CODER_1_5B: &str = "qwen-2.5-coder-1.5b";
/// `qwen-2.5-coder-1.5b-instruct`
pub const QWEN_2_5_CODER_1_5B_INSTRUCT: &str = "qwen-2.5-coder-1.5b-instruct";
/// `qwen-2.5-coder-3b`
pub const QWEN_2_5_CODER_3B: &str = "qwen-2.5-coder-3b";
/// `qwen-2.5-coder-3b-instruct`
pub const QWEN_2_5_CODER_3B_INSTRUCT: &str = "qwen-2.5-coder-3b-instruct";
/// `qwen-2.5-coder-7b`
pub const QWEN_2_5_CODER_7B: &str = "qwen-2.5-coder-7b";
/// `qwen-2.5-coder-7b-instruct`
pub const QWEN_2_5_CODER_7B_INSTRUCT: &str = "qwen-2.5-coder-7b-instruct";
/// `qwen-2.5-coder-14b`
pub const QWEN_2_5_CODER_14B: &str = "qwen-2.5-coder-14b";
/// `qwen-2.5-coder-14b-instruct`
pub const QWEN_2_5_CODER_14B_INSTRUCT: &str = "qwen-2.5-coder-14b-instruct";
/// `qwen-2.5-coder-32b`
pub const QWEN_2_5_CODER_32B: &str = "qwen-2.5-coder-32b";
/// `qwen-2.5-coder-32b-instruct`
pub const QWEN_2_5_CODER_32B_INSTRUCT: &str = "qwen-2.5-coder-32b-instruct";
/// `qwen-2.5-math-1.5b`
pub const QWEN_2_5_MATH_1_5B: &str = "qwen-2.5-math-1.5b";
/// `qwen-2.5-math-1.5b-instruct`
pub const QWEN_2_5_MATH_1_5B_INSTRUCT: &str = "qwen-2.5-math-1.5b-instruct";
/// `qwen-2.5-math-7b`
pub const QWEN_2_5_MATH_7B: &str = "qwen-2.5-math-7b";
/// `qwen-2.5-math-7b-instruct`
pub const QWEN_2_5_MATH_7B_INSTRUCT: &str = "qwen-2.5-math-7b-instruct";
/// `qwen-2.5-math-72b`
pub const QWEN_2_5_MATH_72B: &str = "qwen-2.5-math-72b";
/// `qwen-2.5-math-72b-instruct`
pub const QWEN_2_5_MATH_72B_INSTRUCT: &str = "qwen-2.5-math-72b-instruct";
/// `qwen-2.5-math-rm-72b`
pub const QWEN_2_5_MATH_RM_72B: &str = "qwen-2.5-math-rm-72b";
/// `qwen-2.5-math-prm-72b`
pub const QWEN_2_5_MATH_PRM_72B: &str = "qwen-2.5-math-prm-72b";
/// `qwen-2.5-math-prm-7b`
pub const QWEN_2_5_MATH_PRM_7B: &str = "qwen-2.5-math-prm-7b";
/// `qwen-2-vl-2b`
pub const QWEN_2_VL_2B: &str = "qwen-2-vl-2b";
/// `qwen-2-vl-2b-instruct`
pub const QWEN_2_VL_2B_INSTRUCT: &str = "qwen-2-vl-2b-instruct";
/// `qwen-2-vl-7b`
pub const QWEN_2_VL_7B: &str = "qwen-2-vl-7b";
/// `qwen-2-vl-7b-instruct`
pub const QWEN_2_VL_7B_INSTRUCT: &str = "qwen-2-vl-7b-instruct";
/// `qwen-2-vl-72b`
pub const QWEN_2_VL_72B: &str = "qwen-2-vl-72b";
/// `qwen-2-vl-72b-instruct`
pub const QWEN_2_VL_72B_INSTRUCT: &str = "qwen-2-vl-72b-instruct";
/// `qwen-2.5-vl-3b-instruct`
pub const QWEN_2_5_VL_3B_INSTRUCT: &str = "qwen-2.5-vl-3b-instruct";
/// `qwen-2.5-vl-7b-instruct`
pub const QWEN_2_5_VL_7B_INSTRUCT: &str = "qwen-2.5-vl-7b-instruct";
/// `qwen-2.5-vl-32b-instruct`
pub const QWEN_2_5_VL_32B_INSTRUCT: &str = "qwen-2.5-vl-32b-instruct";
/// `qwen-2.5-vl-72b-instruct`
pub const QWEN_2_5_VL_72B_INSTRUCT: &str = "qwen-2.5-vl-72b-instruct";
/// `qwen-2.5-omni-3b`
pub const QWEN_2_5_OMNI_3B: &str = "qwen-2.5-omni-3b";
/// `qwen-2.5-omni-7b`
pub const QWEN_2_5_OMNI_7B: &str = "qwen-2.5-omni-7b";
/// `qwen-2-audio-7b`
pub const QWEN_2_AUDIO_7B: &str = "qwen-2-audio-7b";
/// `qwen-2-audio-7b-instruct`
pub const QWEN_2_AUDIO_7B_INSTRUCT: &str = "qwen-2-audio-7b-instruct";
/// `qwen-2-math-1.5b`
pub const QWEN_2_MATH_1_5B: &str = "qwen-2-math-1.5b";
/// `qwen-2-math-1.5b-instruct`
pub const QWEN_2_MATH_1_5B_INSTRUCT: &str = "qwen-2-math-1.5b-instruct";
/// `qwen-2-math-7b`
pub const QWEN_2_MATH_7B: &str = "qwen-2-math-7b";
/// `qwen-2-math-7b-instruct`
pub const QWEN_2_MATH_7B_INSTRUCT: &str = "qwen-2-math-7b-instruct";
/// `qwen-2-math-72b`
pub const QWEN_2_MATH_72B: &str = "qwen-2-math-72b";
/// `qwen-2-math-72b-instruct`
pub const QWEN_2_MATH_72B_INSTRUCT: &str = "qwen-2-math-72b-instruct";
/// `qwen-3-0.6b`
pub const QWEN_3_0_6B: &str = "qwen-3-0.6b";
/// `qwen-3-1.7b`
pub const QWEN_3_1_7B: &str = "qwen-3-1.7b";
/// `qwen-3-4b`
pub const QWEN_3_4B: &str = "qwen-3-4b";
/// `qwen-3-4b-thinking`
pub const QWEN_3_4B_THINKING: &str = "qwen-3-4b-thinking";
/// `qwen-3-4b-instruct`
pub const QWEN_3_4B_INSTRUCT: &str = "qwen-3-4b-instruct";
/// `qwen-3-8b`
pub const QWEN_3_8B: &str = "qwen-3-8b";
/// `qwen-3-14b`
pub const QWEN_3_14B: &str = "qwen-3-14b";
/// `qwen-3-30b`
pub const QWEN_3_30B: &str = "qwen-3-30b";
/// `qwen-3-30b-thinking`
pub const QWEN_3_30B_THINKING: &str = "qwen-3-30b-thinking";
/// `qwen-3-30b-instruct`
pub const QWEN_3_30B_INSTRUCT: &str = "qwen-3-30b-instruct";
/// `qwen-3-32b`
pub const QWEN_3_32B: &str = "qwen-3-32b";
/// `qwen-3-235b`
pub const QWEN_3_235B: &str = "qwen-3-235b";
/// `qwen-3-235b-thinking`
pub const QWEN_3_235B_THINKING: &str = "qwen-3-235b-thinking";
/// `qwen-3-235b-instruct`
pub const QWEN_3_235B_INSTRUCT: &str = "qwen-3-235b-instruct";
/// `qwen-3-coder-30b-instruct`
pub const QWEN_3_CODER_30B_INSTRUCT: &str = "qwen-3-coder-30b-instruct";
/// `qwen-3-coder-480b-instruct`
pub const QWEN_3_CODER_480B_INSTRUCT: &str = "qwen-3-coder-480b-instruct";
/// `qwq-32b`
pub const QWQ_32B: &str = "qwq-32b";
/// `qvq-72b`
pub const QVQ_72B: &str = "qvq-72b";
/// `codeqwen-1.5-7b`
pub const CODEQWEN_1_5_7B: &str = "codeqwen-1.5-7b";
/// `yi-34b`
pub const YI_34B: &str = "yi-34b";
/// `yi-34b-chat`
pub const YI_34B_CHAT: &str = "yi-34b-chat";
/// `yi-34b-chat-8bits`
pub const YI_34B_CHAT_8BITS: &str = "yi-34b-chat-8bits";
/// `yi-34b-chat-4bits`
pub const YI_34B_CHAT_4BITS: &str = "yi-34b-chat-4bits";
/// `yi-9b`
pub const YI_9B: &str = "yi-9b";
/// `yi-6b-chat`
pub const YI_6B_CHAT: &str = "yi-6b-chat";
/// `yi-6b`
pub const YI_6B: &str = "yi-6b";
/// `yi-1.5-34b`
pub const YI_1_5_34B: &str = "yi-1.5-34b";
/// `yi-1.5-34b-chat`
pub const YI_1_5_34B_CHAT: &str = "yi-1.5-34b-chat";
/// `yi-1.5-9b`
pub const YI_1_5_9B: &str = "yi-1.5-9b";
/// `yi-1.5-9b-chat`
pub const YI_1_5_9B_CHAT: &str = "yi-1.5-9b-chat";
/// `yi-1.5-6b`
pub const YI_1_5_6B: &str = "yi-1.5-6b";
/// `yi-1.5-6b-chat`
pub const YI_1_5_6B_CHAT: &str = "yi-1.5-6b-chat";
/// `yi-vl-34b`
pub const YI_VL_34B: &str = "yi-vl-34b";
/// `yi-vl-6b`
pub const YI_VL_6B: &str = "yi-vl-6b";
/// `yi-coder-9b-chat`
pub const YI_CODER_9B_CHAT: &str = "yi-coder-9b-chat";
/// `yi-coder-9b`
pub const YI_CODER_9B: &str = "yi-coder-9b";
/// `yi-coder-1.5b-chat`
pub const YI_CODER_1_5B_CHAT: &str = "yi-coder-1.5b-chat";
/// `yi-coder-1.5b`
pub const YI_CODER_1_5B: &str = "yi-coder-1.5b";
/// `exaone-3.0-7.8b-instruct`
pub const EXAONE_3_0_7_8B_INSTRUCT: &str = "exaone-3.0-7.8b-instruct";
/// `exaone-3.5-2.4b-instruct`
pub const EXAONE_3_5_2_4B_INSTRUCT: &str = "exaone-3.5-2.4b-instruct";
/// `exaone-3.5-32b-instruct`
pub const EXAONE_3_5_32B_INSTRUCT: &str = "exaone-3.5-32b-instruct";
/// `exaone-3.5-7.8b-instruct`
pub const EXAONE_3_5_7_8B_INSTRUCT: &str = "exaone-3.5-7.8b-instruct";
/// `exaone-4.0-1.2b`
pub const EXAONE_4_0_1_2B: &str = "exaone-4.0-1.2b";
/// `exaone-4.0-32b`
pub const EXAONE_4_0_32B: &str = "exaone-4.0-32b";
/// `exaone-4.0.1-32b`
pub const EXAONE_4_0_1_32B: &str = "exaone-4.0.1-32b";
/// `exaone-deep-2.4b`
pub const EXAONE_DEEP_2_4B: &str = "exaone-deep-2.4b";
/// `exaone-deep-32b`
pub const EXAONE_DEEP_32B: &str = "exaone-deep-32b";
/// `exaone-deep-7.8b`
pub const EXAONE_DEEP_7_8B: &str = "exaone-deep-7.8b";
/// `grok-4.1-fast-reasoning`
pub const GROK_4_1_FAST_REASONING: &str = "grok-4.1-fast-reasoning";
/// `grok-4.1-fast-non-reasoning`
pub const GROK_4_1_FAST_NON_REASONING: &str = "grok-4.1-fast-non-reasoning";
/// `grok-4-fast-reasoning`
pub const GROK_4_FAST_REASONING: &str = "grok-4-fast-reasoning";
/// `grok-4-fast-non-reasoning`
pub const GROK_4_FAST_NON_REASONING: &str = "grok-4-fast-non-reasoning";
/// `grok-4`
pub const GROK_4: &str = "grok-4";
/// `grok-3`
pub const GROK_3: &str = "grok-3";
/// `grok-3-mini`
pub const GROK_3_MINI: &str = "grok-3-mini";
/// `grok-code-fast-1`
pub const GROK_CODE_FAST_1: &str = "grok-code-fast-1";
/// `grok-2-vision`
pub const GROK_2_VISION: &str = "grok-2-vision";
/// `unknown`
pub const DEFAULT: &str = "unknown";

/// Every `(NAME, value)` pair, in memor's declaration order (`DEFAULT` last).
pub const ALL: [(&str, &str); 417] = [
    ("GPT_5_2_PRO", GPT_5_2_PRO),
    ("GPT_5_2", GPT_5_2),
    ("GPT_5_1_CODEX_MAX", GPT_5_1_CODEX_MAX),
    ("GPT_5_1_CODEX", GPT_5_1_CODEX),
    ("GPT_5_1", GPT_5_1),
    ("GPT_5_CODEX", GPT_5_CODEX),
    ("GPT_5_PRO", GPT_5_PRO),
    ("GPT_5", GPT_5),
    ("GPT_5_MINI", GPT_5_MINI),
    ("GPT_5_NANO", GPT_5_NANO),
    ("GPT_4", GPT_4),
    ("GPT_4_TURBO", GPT_4_TURBO),
    ("GPT_4_VISION", GPT_4_VISION),
    ("GPT_4O", GPT_4O),
    ("GPT_4O_MINI", GPT_4O_MINI),
    ("GPT_4O_SEARCH", GPT_4O_SEARCH),
    ("GPT_4O_MINI_SEARCH", GPT_4O_MINI_SEARCH),
    ("GPT_4_1", GPT_4_1),
    ("GPT_4_1_MINI", GPT_4_1_MINI),
    ("GPT_4_1_NANO", GPT_4_1_NANO),
    ("GPT_O1", GPT_O1),
    ("GPT_O1_MINI", GPT_O1_MINI),
    ("GPT_O1_PRO", GPT_O1_PRO),
    ("GPT_O3", GPT_O3),
    ("GPT_O3_MINI", GPT_O3_MINI),
    ("GPT_O3_MINI_HIGH", GPT_O3_MINI_HIGH),
    ("GPT_O3_DEEP_RESEARCH", GPT_O3_DEEP_RESEARCH),
    ("GPT_O4_MINI", GPT_O4_MINI),
    ("GPT_O4_MINI_DEEP_RESEARCH", GPT_O4_MINI_DEEP_RESEARCH),
    ("GPT_3_5_TURBO", GPT_3_5_TURBO),
    ("GPT_OSS_20B", GPT_OSS_20B),
    ("GPT_OSS_120B", GPT_OSS_120B),
    ("DAVINCI", DAVINCI),
    ("BABBAGE", BABBAGE),
    ("CLAUDE_1", CLAUDE_1),
    ("CLAUDE_INSTANT", CLAUDE_INSTANT),
    ("CLAUDE_2", CLAUDE_2),
    ("CLAUDE_2_1", CLAUDE_2_1),
    ("CLAUDE_3_HAIKU", CLAUDE_3_HAIKU),
    ("CLAUDE_3_SONNET", CLAUDE_3_SONNET),
    ("CLAUDE_3_OPUS", CLAUDE_3_OPUS),
    ("CLAUDE_3_5_SONNET", CLAUDE_3_5_SONNET),
    ("CLAUDE_3_5_HAIKU", CLAUDE_3_5_HAIKU),
    ("CLAUDE_3_7_SONNET", CLAUDE_3_7_SONNET),
    ("CLAUDE_4_OPUS", CLAUDE_4_OPUS),
    ("CLAUDE_4_SONNET", CLAUDE_4_SONNET),
    ("CLAUDE_4_1_OPUS", CLAUDE_4_1_OPUS),
    ("LLAMA_2_7B", LLAMA_2_7B),
    ("LLAMA_2_13B", LLAMA_2_13B),
    ("LLAMA_2_70B", LLAMA_2_70B),
    ("LLAMA_3_8B", LLAMA_3_8B),
    ("LLAMA_3_8B_INSTRUCT", LLAMA_3_8B_INSTRUCT),
    ("LLAMA_3_70B", LLAMA_3_70B),
    ("LLAMA_3_70B_INSTRUCT", LLAMA_3_70B_INSTRUCT),
    ("LLAMA_3_1_8B", LLAMA_3_1_8B),
    ("LLAMA_3_1_8B_INSTRUCT", LLAMA_3_1_8B_INSTRUCT),
    ("LLAMA_3_1_70B", LLAMA_3_1_70B),
    ("LLAMA_3_1_70B_INSTRUCT", LLAMA_3_1_70B_INSTRUCT),
    ("LLAMA_3_1_405B", LLAMA_3_1_405B),
    ("LLAMA_3_1_405B_INSTRUCT", LLAMA_3_1_405B_INSTRUCT),
    ("LLAMA_3_2_1B", LLAMA_3_2_1B),
    ("LLAMA_3_2_1B_INSTRUCT", LLAMA_3_2_1B_INSTRUCT),
    ("LLAMA_3_2_3B", LLAMA_3_2_3B),
    ("LLAMA_3_2_3B_INSTRUCT", LLAMA_3_2_3B_INSTRUCT),
    ("LLAMA_3_2_11B_VISION", LLAMA_3_2_11B_VISION),
    ("LLAMA_3_2_11B_VISION_INSTRUCT", LLAMA_3_2_11B_VISION_INSTRUCT),
    ("LLAMA_3_2_90B_VISION", LLAMA_3_2_90B_VISION),
    ("LLAMA_3_2_90B_VISION_INSTRUCT", LLAMA_3_2_90B_VISION_INSTRUCT),
    ("LLAMA_3_3_70B_INSTRUCT", LLAMA_3_3_70B_INSTRUCT),
    ("LLAMA_4_MAVERICK_17B_128E", LLAMA_4_MAVERICK_17B_128E),
    ("LLAMA_4_MAVERICK_17B_128E_INSTRUCT", LLAMA_4_MAVERICK_17B_128E_INSTRUCT),
    ("LLAMA_GUARD_7B", LLAMA_GUARD_7B),
    ("LLAMA_GUARD_2_8B", LLAMA_GUARD_2_8B),
    ("LLAMA_GUARD_3_1B", LLAMA_GUARD_3_1B),
    ("LLAMA_GUARD_3_8B", LLAMA_GUARD_3_8B),
    ("LLAMA_GUARD_3_11B_VISION", LLAMA_GUARD_3_11B_VISION),
    ("LLAMA_GUARD_4_12B", LLAMA_GUARD_4_12B),
    ("LLAMA_PROMPT_GUARD_86M", LLAMA_PROMPT_GUARD_86M),
    ("LLAMA_PROMPT_GUARD_2_22M", LLAMA_PROMPT_GUARD_2_22M),
    ("LLAMA_PROMPT_GUARD_2_86M", LLAMA_PROMPT_GUARD_2_86M),
    ("LLAMA_4_SCOUT_17B_16E", LLAMA_4_SCOUT_17B_16E),
    ("LLAMA_4_SCOUT_17B_16E_INSTRUCT", LLAMA_4_SCOUT_17B_16E_INSTRUCT),
    ("CODE_LLAMA_7B", CODE_LLAMA_7B),
    ("CODE_LLAMA_7B_INSTRUCT", CODE_LLAMA_7B_INSTRUCT),
    ("CODE_LLAMA_7B_PYTHON", CODE_LLAMA_7B_PYTHON),
    ("CODE_LLAMA_13B", CODE_LLAMA_13B),
    ("CODE_LLAMA_13B_INSTRUCT", CODE_LLAMA_13B_INSTRUCT),
    ("CODE_LLAMA_13B_PYTHON", CODE_LLAMA_13B_PYTHON),
    ("CODE_LLAMA_34B", CODE_LLAMA_34B),
    ("CODE_LLAMA_34B_INSTRUCT", CODE_LLAMA_34B_INSTRUCT),
    ("CODE_LLAMA_34B_PYTHON", CODE_LLAMA_34B_PYTHON),
    ("CODE_LLAMA_70B", CODE_LLAMA_70B),
    ("CODE_LLAMA_70B_INSTRUCT", CODE_LLAMA_70B_INSTRUCT),
    ("CODE_LLAMA_70B_PYTHON", CODE_LLAMA_70B_PYTHON),
    ("MISTRAL_7B", MISTRAL_7B),
    ("MISTRAL_7B_INSTRUCT", MISTRAL_7B_INSTRUCT),
    ("MIXTRAL_8X7B", MIXTRAL_8X7B),
    ("MIXTRAL_8X7B_INSTRUCT", MIXTRAL_8X7B_INSTRUCT),
    ("MIXTRAL_8X22B", MIXTRAL_8X22B),
    ("MIXTRAL_8X22B_INSTRUCT", MIXTRAL_8X22B_INSTRUCT),
    ("MISTRAL_NEMO", MISTRAL_NEMO),
    ("MISTRAL_NEMO_INSTRUCT", MISTRAL_NEMO_INSTRUCT),
    ("MISTRAL_SMALL_INSTRUCT", MISTRAL_SMALL_INSTRUCT),
    ("MISTRAL_SMALL_24B", MISTRAL_SMALL_24B),
    ("MISTRAL_SMALL_24B_INSTRUCT", MISTRAL_SMALL_24B_INSTRUCT),
    ("MISTRAL_SMALL_3_1_24B", MISTRAL_SMALL_3_1_24B),
    ("MISTRAL_SMALL_3_1_24B_INSTRUCT", MISTRAL_SMALL_3_1_24B_INSTRUCT),
    ("MISTRAL_SMALL_3_2_24B_INSTRUCT", MISTRAL_SMALL_3_2_24B_INSTRUCT),
    ("MISTRAL_LARGE_INSTRUCT", MISTRAL_LARGE_INSTRUCT),
    ("MINISTRAL_8B_INSTRUCT", MINISTRAL_8B_INSTRUCT),
    ("CODESTRAL_22B", CODESTRAL_22B),
    ("MAMBA_CODESTRAL_7B", MAMBA_CODESTRAL_7B),
    ("DEVSTRAL_SMALL", DEVSTRAL_SMALL),
    ("MAGISTRAL_SMALL", MAGISTRAL_SMALL),
    ("MATHSTRAL_7B", MATHSTRAL_7B),
    ("PIXTRAL_12B", PIXTRAL_12B),
    ("PIXTRAL_LARGE_INSTRUCT", PIXTRAL_LARGE_INSTRUCT),
    ("VOXTRAL_MINI_3B", VOXTRAL_MINI_3B),
    ("VOXTRAL_SMALL_24B", VOXTRAL_SMALL_24B),
    ("GEMMA_7B", GEMMA_7B),
    ("GEMMA_2_9B", GEMMA_2_9B),
    ("GEMMA_3_1B", GEMMA_3_1B),
    ("GEMMA_3_4B", GEMMA_3_4B),
    ("GEMMA_3_12B", GEMMA_3_12B),
    ("GEMMA_3_27B", GEMMA_3_27B),
    ("GEMMA_3N_E2B", GEMMA_3N_E2B),
    ("GEMMA_3N_E4B", GEMMA_3N_E4B),
    ("CODEGEMMA_2B", CODEGEMMA_2B),
    ("CODEGEMMA_7B", CODEGEMMA_7B),
    ("RECURRENTGEMMA_2B", RECURRENTGEMMA_2B),
    ("RECURRENTGEMMA_9B", RECURRENTGEMMA_9B),
    ("PALIGEMMA_1_3B", PALIGEMMA_1_3B),
    ("PALIGEMMA_2_3B", PALIGEMMA_2_3B),
    ("PALIGEMMA_2_10B", PALIGEMMA_2_10B),
    ("PALIGEMMA_2_28B", PALIGEMMA_2_28B),
    ("TXGEMMA", TXGEMMA),
    ("DATAGEMMA", DATAGEMMA),
    ("SHIELDGEMMA_1_2B", SHIELDGEMMA_1_2B),
    ("SHIELDGEMMA_1_9B", SHIELDGEMMA_1_9B),
    ("SHIELDGEMMA_1_27B", SHIELDGEMMA_1_27B),
    ("SHIELDGEMMA_2_4B", SHIELDGEMMA_2_4B),
    ("GEMINI_1_PRO", GEMINI_1_PRO),
    ("GEMINI_1_ULTRA", GEMINI_1_ULTRA),
    ("GEMINI_1_5_PRO", GEMINI_1_5_PRO),
    ("GEMINI_1_5_ULTRA", GEMINI_1_5_ULTRA),
    ("GEMINI_1_5_FLASH", GEMINI_1_5_FLASH),
    ("GEMINI_2_FLASH", GEMINI_2_FLASH),
    ("GEMINI_2_FLASH_LITE", GEMINI_2_FLASH_LITE),
    ("GEMINI_2_PRO", GEMINI_2_PRO),
    ("GEMINI_2_5_FLASH", GEMINI_2_5_FLASH),
    ("GEMINI_2_5_FLASH_LITE", GEMINI_2_5_FLASH_LITE),
    ("GEMINI_2_5_PRO", GEMINI_2_5_PRO),
    ("GEMINI_3_PRO", GEMINI_3_PRO),
    ("DEEPSEEK_LLM_7B_BASE", DEEPSEEK_LLM_7B_BASE),
    ("DEEPSEEK_LLM_7B_CHAT", DEEPSEEK_LLM_7B_CHAT),
    ("DEEPSEEK_LLM_67B_BASE", DEEPSEEK_LLM_67B_BASE),
    ("DEEPSEEK_LLM_67B_CHAT", DEEPSEEK_LLM_67B_CHAT),
    ("DEEPSEEK_MOE_16B_BASE", DEEPSEEK_MOE_16B_BASE),
    ("DEEPSEEK_MOE_16B_CHAT", DEEPSEEK_MOE_16B_CHAT),
    ("DEEPSEEK_CODER", DEEPSEEK_CODER),
    ("DEEPSEEK_CODER_1_3B_BASE", DEEPSEEK_CODER_1_3B_BASE),
    ("DEEPSEEK_CODER_1_3B_INSTRUCT", DEEPSEEK_CODER_1_3B_INSTRUCT),
    ("DEEPSEEK_CODER_6_7B_BASE", DEEPSEEK_CODER_6_7B_BASE),
    ("DEEPSEEK_CODER_6_7B_INSTRUCT", DEEPSEEK_CODER_6_7B_INSTRUCT),
    ("DEEPSEEK_CODER_7B_BASE", DEEPSEEK_CODER_7B_BASE),
    ("DEEPSEEK_CODER_7B_INSTRUCT", DEEPSEEK_CODER_7B_INSTRUCT),
    ("DEEPSEEK_CODER_33B_BASE", DEEPSEEK_CODER_33B_BASE),
    ("DEEPSEEK_CODER_33B_INSTRUCT", DEEPSEEK_CODER_33B_INSTRUCT),
    ("DEEPSEEK_VL_7B_CHAT", DEEPSEEK_VL_7B_CHAT),
    ("DEEPSEEK_VL_1_3B_BASE", DEEPSEEK_VL_1_3B_BASE),
    ("DEEPSEEK_VL_7B_BASE", DEEPSEEK_VL_7B_BASE),
    ("DEEPSEEK_VL_1_3B_CHAT", DEEPSEEK_VL_1_3B_CHAT),
    ("DEEPSEEK_VL2_TINY", DEEPSEEK_VL2_TINY),
    ("DEEPSEEK_VL2_SMALL", DEEPSEEK_VL2_SMALL),
    ("DEEPSEEK_VL2_BASE", DEEPSEEK_VL2_BASE),
    ("DEEPSEEK_MATH_7B_BASE", DEEPSEEK_MATH_7B_BASE),
    ("DEEPSEEK_MATH_7B_INSTRUCT", DEEPSEEK_MATH_7B_INSTRUCT),
    ("DEEPSEEK_MATH_7B_RL", DEEPSEEK_MATH_7B_RL),
    ("DEEPSEEK_CODER_V2_LITE_BASE", DEEPSEEK_CODER_V2_LITE_BASE),
    ("DEEPSEEK_CODER_V2_LITE_INSTRUCT", DEEPSEEK_CODER_V2_LITE_INSTRUCT),
    ("DEEPSEEK_CODER_V2_BASE", DEEPSEEK_CODER_V2_BASE),
    ("DEEPSEEK_CODER_V2_INSTRUCT", DEEPSEEK_CODER_V2_INSTRUCT),
    ("DEEPSEEK_V2", DEEPSEEK_V2),
    ("DEEPSEEK_V2_5", DEEPSEEK_V2_5),
    ("DEEPSEEK_V2_CHAT", DEEPSEEK_V2_CHAT),
    ("DEEPSEEK_V2_LITE", DEEPSEEK_V2_LITE),
    ("DEEPSEEK_V2_LITE_CHAT", DEEPSEEK_V2_LITE_CHAT),
    ("DEEPSEEK_V3_BASE", DEEPSEEK_V3_BASE),
    ("DEEPSEEK_V3", DEEPSEEK_V3),
    ("DEEPSEEK_PROVER_V1", DEEPSEEK_PROVER_V1),
    ("DEEPSEEK_PROVER_V1_5_BASE", DEEPSEEK_PROVER_V1_5_BASE),
    ("DEEPSEEK_PROVER_V1_5_SFT", DEEPSEEK_PROVER_V1_5_SFT),
    ("DEEPSEEK_PROVER_V1_5_RL", DEEPSEEK_PROVER_V1_5_RL),
    ("DEEPSEEK_PROVER_V2_7B", DEEPSEEK_PROVER_V2_7B),
    ("DEEPSEEK_PROVER_V2_671B", DEEPSEEK_PROVER_V2_671B),
    ("DEEPSEEK_R1_ZERO", DEEPSEEK_R1_ZERO),
    ("DEEPSEEK_R1", DEEPSEEK_R1),
    ("DEEPSEEK_R1_DISTILL_QWEN_1_5B", DEEPSEEK_R1_DISTILL_QWEN_1_5B),
    ("DEEPSEEK_R1_DISTILL_QWEN_7B", DEEPSEEK_R1_DISTILL_QWEN_7B),
    ("DEEPSEEK_R1_DISTILL_QWEN_14B", DEEPSEEK_R1_DISTILL_QWEN_14B),
    ("DEEPSEEK_R1_DISTILL_QWEN_32B", DEEPSEEK_R1_DISTILL_QWEN_32B),
    ("DEEPSEEK_R1_DISTILL_LLAMA_8B", DEEPSEEK_R1_DISTILL_LLAMA_8B),
    ("DEEPSEEK_R1_DISTILL_LLAMA_70B", DEEPSEEK_R1_DISTILL_LLAMA_70B),
    ("JANUS_1B", JANUS_1B),
    ("JANUS_PRO_7B", JANUS_PRO_7B),
    ("JANUS_1_3B", JANUS_1_3B),
    ("JANUS_FLOW_1_3B", JANUS_FLOW_1_3B),
    ("ESFT_VANILLA_LITE", ESFT_VANILLA_LITE),
    ("ESFT_TOKEN_LAW_LITE", ESFT_TOKEN_LAW_LITE),
    ("ESFT_TOKEN_SUMMARY_LITE", ESFT_TOKEN_SUMMARY_LITE),
    ("ESFT_TOKEN_CODE_LITE", ESFT_TOKEN_CODE_LITE),
    ("ESFT_TOKEN_INTENT_LITE", ESFT_TOKEN_INTENT_LITE),
    ("ESFT_TOKEN_TRANSLATION_LITE", ESFT_TOKEN_TRANSLATION_LITE),
    ("ESFT_TOKEN_MATH_LITE", ESFT_TOKEN_MATH_LITE),
    ("ESFT_GATE_LAW_LITE", ESFT_GATE_LAW_LITE),
    ("ESFT_GATE_SUMMARY_LITE", ESFT_GATE_SUMMARY_LITE),
    ("ESFT_GATE_TRANSLATION_LITE", ESFT_GATE_TRANSLATION_LITE),
    ("ESFT_GATE_CODE_LITE", ESFT_GATE_CODE_LITE),
    ("ESFT_GATE_INTENT_LITE", ESFT_GATE_INTENT_LITE),
    ("ESFT_GATE_MATH_LITE", ESFT_GATE_MATH_LITE),
    ("LTS_GPT2_SM", LTS_GPT2_SM),
    ("DIALO_SMALL", DIALO_SMALL),
    ("DIALO_MEDIUM", DIALO_MEDIUM),
    ("DIALO_LARGE", DIALO_LARGE),
    ("BIOGPT", BIOGPT),
    ("BIOGPT_LARGE", BIOGPT_LARGE),
    ("BIOGPT_LARGE_PUBMEDQA", BIOGPT_LARGE_PUBMEDQA),
    ("CODEGPT_SMALL_PY", CODEGPT_SMALL_PY),
    ("CODEGPT_SMALL_JAVA", CODEGPT_SMALL_JAVA),
    ("DOLLY_V2_7B_OLIVE_OPTIMIZED", DOLLY_V2_7B_OLIVE_OPTIMIZED),
    ("GRIN_MOE", GRIN_MOE),
    ("PHI_TINY_MOE_INSTRUCT", PHI_TINY_MOE_INSTRUCT),
    ("PHI_1", PHI_1),
    ("PHI_1_5", PHI_1_5),
    ("PHI_2", PHI_2),
    ("PHI_3_MINI_INSTRUCT", PHI_3_MINI_INSTRUCT),
    ("PHI_3_SMALL_INSTRUCT", PHI_3_SMALL_INSTRUCT),
    ("PHI_3_MEDIUM_INSTRUCT", PHI_3_MEDIUM_INSTRUCT),
    ("PHI_3_VISION_INSTRUCT", PHI_3_VISION_INSTRUCT),
    ("PHI_3_5_MINI_INSTRUCT", PHI_3_5_MINI_INSTRUCT),
    ("PHI_3_5_MOE_INSTRUCT", PHI_3_5_MOE_INSTRUCT),
    ("PHI_3_5_VISION_INSTRUCT", PHI_3_5_VISION_INSTRUCT),
    ("PHI_4", PHI_4),
    ("PHI_4_MINI_INSTRUCT", PHI_4_MINI_INSTRUCT),
    ("PHI_4_MINI_FLASH_REASONING", PHI_4_MINI_FLASH_REASONING),
    ("PHI_4_MINI_REASONING", PHI_4_MINI_REASONING),
    ("PHI_4_REASONING", PHI_4_REASONING),
    ("PHI_4_REASONING_PLUS", PHI_4_REASONING_PLUS),
    ("PHI_4_MULTIMODAL_INSTRUCT", PHI_4_MULTIMODAL_INSTRUCT),
    ("BITNET_B1_58_2B_4T", BITNET_B1_58_2B_4T),
    ("MAI_DS_R1", MAI_DS_R1),
    ("MEDIPHI", MEDIPHI),
    ("MEDIPHI_INSTRUCT", MEDIPHI_INSTRUCT),
    ("MEDIPHI_PUBMED", MEDIPHI_PUBMED),
    ("MEDIPHI_CLINICAL", MEDIPHI_CLINICAL),
    ("MEDIPHI_MEDWIKI", MEDIPHI_MEDWIKI),
    ("MEDIPHI_GUIDELINES", MEDIPHI_GUIDELINES),
    ("MEDIPHI_MEDCODE", MEDIPHI_MEDCODE),
    ("NATURELM_8x7b", NATURELM_8x7b),
    ("NATURELM_8x7b_INSTRUCT", NATURELM_8x7b_INSTRUCT),
    ("NEXTCODER_7B", NEXTCODER_7B),
    ("NEXTCODER_14B", NEXTCODER_14B),
    ("NEXTCODER_32B", NEXTCODER_32B),
    ("MAIRA_2", MAIRA_2),
    ("LLAVA_RAD", LLAVA_RAD),
    ("LLAVA_MED_V1_5_MISTRAL_7B", LLAVA_MED_V1_5_MISTRAL_7B),
    ("LLAVA_MED_7B_DELTA", LLAVA_MED_7B_DELTA),
    ("ORCA_2_7B", ORCA_2_7B),
    ("ORCA_2_13B", ORCA_2_13B),
    ("UDOP_LARGE", UDOP_LARGE),
    ("FLORENCE_2", FLORENCE_2),
    ("FLORENCE_2_LARGE", FLORENCE_2_LARGE),
    ("LLAMA_2_GTL_DELTA_7B", LLAMA_2_GTL_DELTA_7B),
    ("LLAMA_2_GTL_DELTA_13B", LLAMA_2_GTL_DELTA_13B),
    ("WAVECODER_ULTRA_6_7B", WAVECODER_ULTRA_6_7B),
    ("WAVECODER_PRO_6_7B", WAVECODER_PRO_6_7B),
    ("WAVECODER_DS_6_7B", WAVECODER_DS_6_7B),
    ("RHO_MATH_1B", RHO_MATH_1B),
    ("RHO_MATH_1B_INTERPRETER", RHO_MATH_1B_INTERPRETER),
    ("RHO_MATH_7B", RHO_MATH_7B),
    ("RHO_MATH_7B_INTERPRETER", RHO_MATH_7B_INTERPRETER),
    ("QWEN_1_8B", QWEN_1_8B),
    ("QWEN_7B", QWEN_7B),
    ("QWEN_14B", QWEN_14B),
    ("QWEN_72B", QWEN_72B),
    ("QWEN_1_5_0_5B", QWEN_1_5_0_5B),
    ("QWEN_1_5_1_8B", QWEN_1_5_1_8B),
    ("QWEN_1_5_4B", QWEN_1_5_4B),
    ("QWEN_1_5_7B", QWEN_1_5_7B),
    ("QWEN_1_5_14B", QWEN_1_5_14B),
    ("QWEN_1_5_32B", QWEN_1_5_32B),
    ("QWEN_1_5_72B", QWEN_1_5_72B),
    ("QWEN_1_5_110B", QWEN_1_5_110B),
    ("QWEN_1_5_MOE", QWEN_1_5_MOE),
    ("QWEN_2_0_5B", QWEN_2_0_5B),
    ("QWEN_2_0_5B_INSTRUCT", QWEN_2_0_5B_INSTRUCT),
    ("QWEN_2_1_5B", QWEN_2_1_5B),
    ("QWEN_2_1_5B_INSTRUCT", QWEN_2_1_5B_INSTRUCT),
    ("QWEN_2_7B", QWEN_2_7B),
    ("QWEN_2_7B_INSTRUCT", QWEN_2_7B_INSTRUCT),
    ("QWEN_2_57B", QWEN_2_57B),
    ("QWEN_2_57B_INSTRUCT", QWEN_2_57B_INSTRUCT),
    ("QWEN_2_72B", QWEN_2_72B),
    ("QWEN_2_72B_INSTRUCT", QWEN_2_72B_INSTRUCT),
    ("QWEN_2_5_0_5B", QWEN_2_5_0_5B),
    ("QWEN_2_5_0_5B_INSTRUCT", QWEN_2_5_0_5B_INSTRUCT),
    ("QWEN_2_5_1_5B", QWEN_2_5_1_5B),
    ("QWEN_2_5_1_5B_INSTRUCT", QWEN_2_5_1_5B_INSTRUCT),
    ("QWEN_2_5_3B", QWEN_2_5_3B),
    ("QWEN_2_5_3B_INSTRUCT", QWEN_2_5_3B_INSTRUCT),
    ("QWEN_2_5_7B", QWEN_2_5_7B),
    ("QWEN_2_5_7B_INSTRUCT", QWEN_2_5_7B_INSTRUCT),
    ("QWEN_2_5_14B", QWEN_2_5_14B),
    ("QWEN_2_5_14B_INSTRUCT", QWEN_2_5_14B_INSTRUCT),
    ("QWEN_2_5_32B", QWEN_2_5_32B),
    ("QWEN_2_5_32B_INSTRUCT", QWEN_2_5_32B_INSTRUCT),
    ("QWEN_2_5_72B", QWEN_2_5_72B),
    ("QWEN_2_5_72B_INSTRUCT", QWEN_2_5_72B_INSTRUCT),
    ("QWEN_2_5_CODER_0_5B", QWEN_2_5_CODER_0_5B),
    ("QWEN_2_5_CODER_0_5B_INSTRUCT", QWEN_2_5_CODER_0_5B_INSTRUCT),
    ("QWEN_2_5_CODER_1_5B", QWEN_2_5_CODER_1_5B),
    ("QWEN_2_5_CODER_1_5B_INSTRUCT", QWEN_2_5_CODER_1_5B_INSTRUCT),
    ("QWEN_2_5_CODER_3B", QWEN_2_5_CODER_3B),
    ("QWEN_2_5_CODER_3B_INSTRUCT", QWEN_2_5_CODER_3B_INSTRUCT),
    ("QWEN_2_5_CODER_7B", QWEN_2_5_CODER_7B),
    ("QWEN_2_5_CODER_7B_INSTRUCT", QWEN_2_5_CODER_7B_INSTRUCT),
    ("QWEN_2_5_CODER_14B", QWEN_2_5_CODER_14B),
    ("QWEN_2_5_CODER_14B_INSTRUCT", QWEN_2_5_CODER_14B_INSTRUCT),
    ("QWEN_2_5_CODER_32B", QWEN_2_5_CODER_32B),
    ("QWEN_2_5_CODER_32B_INSTRUCT", QWEN_2_5_CODER_32B_INSTRUCT),
    ("QWEN_2_5_MATH_1_5B", QWEN_2_5_MATH_1_5B),
    ("QWEN_2_5_MATH_1_5B_INSTRUCT", QWEN_2_5_MATH_1_5B_INSTRUCT),
    ("QWEN_2_5_MATH_7B", QWEN_2_5_MATH_7B),
    ("QWEN_2_5_MATH_7B_INSTRUCT", QWEN_2_5_MATH_7B_INSTRUCT),
    ("QWEN_2_5_MATH_72B", QWEN_2_5_MATH_72B),
    ("QWEN_2_5_MATH_72B_INSTRUCT", QWEN_2_5_MATH_72B_INSTRUCT),
    ("QWEN_2_5_MATH_RM_72B", QWEN_2_5_MATH_RM_72B),
    ("QWEN_2_5_MATH_PRM_72B", QWEN_2_5_MATH_PRM_72B),
    ("QWEN_2_5_MATH_PRM_7B", QWEN_2_5_MATH_PRM_7B),
    ("QWEN_2_VL_2B", QWEN_2_VL_2B),
    ("QWEN_2_VL_2B_INSTRUCT", QWEN_2_VL_2B_INSTRUCT),
    ("QWEN_2_VL_7B", QWEN_2_VL_7B),
    ("QWEN_2_VL_7B_INSTRUCT", QWEN_2_VL_7B_INSTRUCT),
    ("QWEN_2_VL_72B", QWEN_2_VL_72B),
    ("QWEN_2_VL_72B_INSTRUCT", QWEN_2_VL_72B_INSTRUCT),
    ("QWEN_2_5_VL_3B_INSTRUCT", QWEN_2_5_VL_3B_INSTRUCT),
    ("QWEN_2_5_VL_7B_INSTRUCT", QWEN_2_5_VL_7B_INSTRUCT),
    ("QWEN_2_5_VL_32B_INSTRUCT", QWEN_2_5_VL_32B_INSTRUCT),
    ("QWEN_2_5_VL_72B_INSTRUCT", QWEN_2_5_VL_72B_INSTRUCT),
    ("QWEN_2_5_OMNI_3B", QWEN_2_5_OMNI_3B),
    ("QWEN_2_5_OMNI_7B", QWEN_2_5_OMNI_7B),
    ("QWEN_2_AUDIO_7B", QWEN_2_AUDIO_7B),
    ("QWEN_2_AUDIO_7B_INSTRUCT", QWEN_2_AUDIO_7B_INSTRUCT),
    ("QWEN_2_MATH_1_5B", QWEN_2_MATH_1_5B),
    ("QWEN_2_MATH_1_5B_INSTRUCT", QWEN_2_MATH_1_5B_INSTRUCT),
    ("QWEN_2_MATH_7B", QWEN_2_MATH_7B),
    ("QWEN_2_MATH_7B_INSTRUCT", QWEN_2_MATH_7B_INSTRUCT),
    ("QWEN_2_MATH_72B", QWEN_2_MATH_72B),
    ("QWEN_2_MATH_72B_INSTRUCT", QWEN_2_MATH_72B_INSTRUCT),
    ("QWEN_3_0_6B", QWEN_3_0_6B),
    ("QWEN_3_1_7B", QWEN_3_1_7B),
    ("QWEN_3_4B", QWEN_3_4B),
    ("QWEN_3_4B_THINKING", QWEN_3_4B_THINKING),
    ("QWEN_3_4B_INSTRUCT", QWEN_3_4B_INSTRUCT),
    ("QWEN_3_8B", QWEN_3_8B),
    ("QWEN_3_14B", QWEN_3_14B),
    ("QWEN_3_30B", QWEN_3_30B),
    ("QWEN_3_30B_THINKING", QWEN_3_30B_THINKING),
    ("QWEN_3_30B_INSTRUCT", QWEN_3_30B_INSTRUCT),
    ("QWEN_3_32B", QWEN_3_32B),
    ("QWEN_3_235B", QWEN_3_235B),
    ("QWEN_3_235B_THINKING", QWEN_3_235B_THINKING),
    ("QWEN_3_235B_INSTRUCT", QWEN_3_235B_INSTRUCT),
    ("QWEN_3_CODER_30B_INSTRUCT", QWEN_3_CODER_30B_INSTRUCT),
    ("QWEN_3_CODER_480B_INSTRUCT", QWEN_3_CODER_480B_INSTRUCT),
    ("QWQ_32B", QWQ_32B),
    ("QVQ_72B", QVQ_72B),
    ("CODEQWEN_1_5_7B", CODEQWEN_1_5_7B),
    ("YI_34B", YI_34B),
    ("YI_34B_CHAT", YI_34B_CHAT),
    ("YI_34B_CHAT_8BITS", YI_34B_CHAT_8BITS),
    ("YI_34B_CHAT_4BITS", YI_34B_CHAT_4BITS),
    ("YI_9B", YI_9B),
    ("YI_6B_CHAT", YI_6B_CHAT),
    ("YI_6B", YI_6B),
    ("YI_1_5_34B", YI_1_5_34B),
    ("YI_1_5_34B_CHAT", YI_1_5_34B_CHAT),
    ("YI_1_5_9B", YI_1_5_9B),
    ("YI_1_5_9B_CHAT", YI_1_5_9B_CHAT),
    ("YI_1_5_6B", YI_1_5_6B),
    ("YI_1_5_6B_CHAT", YI_1_5_6B_CHAT),
    ("YI_VL_34B", YI_VL_34B),
    ("YI_VL_6B", YI_VL_6B),
    ("YI_CODER_9B_CHAT", YI_CODER_9B_CHAT),
    ("YI_CODER_9B", YI_CODER_9B),
    ("YI_CODER_1_5B_CHAT", YI_CODER_1_5B_CHAT),
    ("YI_CODER_1_5B", YI_CODER_1_5B),
    ("EXAONE_3_0_7_8B_INSTRUCT", EXAONE_3_0_7_8B_INSTRUCT),
    ("EXAONE_3_5_2_4B_INSTRUCT", EXAONE_3_5_2_4B_INSTRUCT),
    ("EXAONE_3_5_32B_INSTRUCT", EXAONE_3_5_32B_INSTRUCT),
    ("EXAONE_3_5_7_8B_INSTRUCT", EXAONE_3_5_7_8B_INSTRUCT),
    ("EXAONE_4_0_1_2B", EXAONE_4_0_1_2B),
    ("EXAONE_4_0_32B", EXAONE_4_0_32B),
    ("EXAONE_4_0_1_32B", EXAONE_4_0_1_32B),
    ("EXAONE_DEEP_2_4B", EXAONE_DEEP_2_4B),
    ("EXAONE_DEEP_32B", EXAONE_DEEP_32B),
    ("EXAONE_DEEP_7_8B", EXAONE_DEEP_7_8B),
    ("GROK_4_1_FAST_REASONING", GROK_4_1_FAST_REASONING),
    ("GROK_4_1_FAST_NON_REASONING", GROK_4_1_FAST_NON_REASONING),
    ("GROK_4_FAST_REASONING", GROK_4_FAST_REASONING),
    ("GROK_4_FAST_NON_REASONING", GROK_4_FAST_NON_REASONING),
    ("GROK_4", GROK_4),
    ("GROK_3", GROK_3),
    ("GROK_3_MINI", GROK_3_MINI),
    ("GROK_CODE_FAST_1", GROK_CODE_FAST_1),
    ("GROK_2_VISION", GROK_2_VISION),
    ("DEFAULT", DEFAULT),
];
