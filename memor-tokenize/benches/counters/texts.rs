//! The benchmark texts, about 256 KB each, the same on every run: prose (seeded sentences of
//! common English words), code (this workspace's Rust sources) and CJK (Chinese, Japanese and
//! Korean paragraphs in a seeded order).

const SIZE: usize = 256 * 1024;

const WORDS: &[&str] = &[
    "the",
    "of",
    "and",
    "to",
    "in",
    "a",
    "is",
    "that",
    "for",
    "it",
    "as",
    "was",
    "with",
    "be",
    "by",
    "on",
    "not",
    "he",
    "I",
    "this",
    "are",
    "or",
    "his",
    "from",
    "at",
    "which",
    "but",
    "have",
    "an",
    "had",
    "they",
    "you",
    "were",
    "their",
    "one",
    "all",
    "we",
    "can",
    "her",
    "has",
    "there",
    "been",
    "if",
    "more",
    "when",
    "will",
    "would",
    "who",
    "so",
    "no",
    "memory",
    "conversation",
    "model",
    "language",
    "token",
    "counting",
    "session",
    "prompt",
    "response",
    "provider",
    "billing",
    "estimate",
    "library",
    "message",
    "template",
    "history",
    "context",
    "window",
    "summary",
    "assistant",
    "user",
    "system",
    "question",
    "answer",
    "example",
    "important",
    "different",
    "following",
    "information",
    "development",
    "government",
    "international",
    "experience",
    "understanding",
    "particularly",
    "responsibility",
    "environment",
    "relationship",
    "organization",
    "significant",
    "approximately",
    "however",
    "although",
    "because",
    "therefore",
    "nevertheless",
    "meanwhile",
    "throughout",
    "everything",
    "something",
    "people",
    "world",
    "school",
    "family",
    "country",
    "problem",
    "business",
    "service",
    "company",
    "number",
];

fn lcg(seed: u64) -> impl FnMut(usize) -> usize {
    let mut state = seed;
    move |bound| {
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((state >> 33) % bound as u64) as usize
    }
}

/// Sentences of 5–24 words, capitalized, with commas, in paragraphs.
pub fn prose() -> String {
    let mut next = lcg(11);
    let mut out = String::with_capacity(SIZE + 512);
    while out.len() < SIZE {
        let words = 5 + next(20);
        for i in 0..words {
            let word = WORDS[next(WORDS.len())];
            if i == 0 {
                let mut chars = word.chars();
                out.extend(chars.next().map(|c| c.to_ascii_uppercase()));
                out.push_str(chars.as_str());
            } else {
                out.push(' ');
                out.push_str(word);
            }
            if i + 1 < words && next(8) == 0 {
                out.push(',');
            }
        }
        out.push_str(if next(10) == 0 { "?" } else { "." });
        out.push_str(if next(6) == 0 { "\n\n" } else { " " });
    }
    out
}

/// This workspace's Rust sources, repeated.
pub fn code() -> String {
    let sources = [
        include_str!("../../src/estimators/universal.rs"),
        include_str!("../../src/chat.rs"),
        include_str!("../../src/models.rs"),
        include_str!("../../../memor-core/src/session.rs"),
        include_str!("../../../memor-render/src/registry.rs"),
        include_str!("../../../memor-render/src/ext.rs"),
    ];
    let mut out = String::with_capacity(SIZE + 64 * 1024);
    while out.len() < SIZE {
        for source in sources {
            out.push_str(source);
        }
    }
    out
}

const CJK: &[&str] = &[
    "人工智能正在改变我们的生活方式。大型语言模型可以生成文本、翻译语言、回答问题，还能帮助人们编写程序。",
    "记忆是对话的基础：没有记忆，模型就无法理解上下文，也无法保持一致的语气和立场。",
    "计算令牌数量对于控制成本非常重要，因为服务提供商按照令牌收费，而不是按照字符或单词。",
    "今天天气很好，我们去公园散步吧。孩子们在草地上玩耍，老人们在树下下棋。",
    "会話の記録は、言語モデルにとって大切な情報です。トークンの数を正確に数えることで、費用を予測できます。",
    "東京は日本の首都であり、世界で最も人口の多い都市圏の一つです。春には桜が咲き、多くの人が花見を楽しみます。",
    "プログラムを書くときは、読みやすさと正確さの両方を大切にしましょう。テストは品質を守るための道具です。",
    "인공지능은 우리의 일상을 빠르게 바꾸고 있습니다. 대화 기록을 잘 관리하면 모델이 문맥을 더 잘 이해합니다.",
    "서울은 한국의 수도이며 역사와 현대가 함께 어우러진 도시입니다. 봄에는 벚꽃이 피고 가을에는 단풍이 듭니다.",
    "토큰 수를 정확하게 세는 것은 비용을 예측하는 데 꼭 필요합니다.",
];

/// Chinese, Japanese and Korean paragraphs in a seeded order.
pub fn cjk() -> String {
    let mut next = lcg(13);
    let mut out = String::with_capacity(SIZE + 512);
    while out.len() < SIZE {
        out.push_str(CJK[next(CJK.len())]);
        out.push_str(if next(4) == 0 { "\n\n" } else { "" });
    }
    out
}
