/**
 * The demo article: written for this project, in Chinese, as a report dated May 2023 that
 * OpenAI planned to release its first open-source language model. Its claims aged
 * differently: the plan came true (gpt-oss, 2025-08-05), the valuation went out of date,
 * the parameter count held, and the article's own prediction turned out false.
 */

export const DEMO_ARTICLE = {
  title: "OpenAI plans to release its first open-source language model",
  slug: "openai-open-source-model-2023",
  summary:
    "A May 2023 report (in Chinese) that OpenAI was preparing to release an open-source language model, with the company's valuation, GPT-3's size and a prediction that the model would be InstructGPT. Claimline tracks how each of these statements held up.",
  outlet: "Claimline 演示编辑部",
  byline: "Claimline 演示编辑部",
  language: "zh-Hans",
  publishedDate: "2023-05-16",
  sourceUrl: null,
  body: [
    "据路透社援引科技媒体 The Information 的报道，OpenAI 正准备向公众发布一款新的开源语言模型。若消息属实，这将是该公司自 2019 年公布 GPT-2 以来首次公开模型权重。",
    "报道称，OpenAI 目前估值约为270亿美元，微软是其最大的投资方。ChatGPT 在推出两个月后月活跃用户就突破了1亿，被认为是史上增长最快的消费级应用。",
    "开源社区的模型与 OpenAI 的旗舰产品仍有差距。作为对比，GPT-3 拥有1750亿个参数，而 Meta 今年早些时候发布的 LLaMA 最大版本为650亿个参数。",
    "业内人士认为，这款开源模型很可能就是 InstructGPT。InstructGPT 的微调所用算力不到 GPT-3 预训练算力的2%，却在人工评估中明显优于 GPT-3。",
    "一位接近 OpenAI 的人士表示，公司不太可能开源其最先进的 GPT-4，新模型预计不会与之直接竞争。",
  ].join("\n\n"),
} as const;

interface DemoSource {
  url: string;
  title: string;
  publisher: string;
  publishedDate: string;
}

interface DemoEvent {
  statusKey: string;
  effectiveDate: string;
  rationale: string;
  internalNote?: string;
  sources: DemoSource[];
}

interface DemoObservation {
  value: number;
  unit: string;
  observedOn: string;
  note: string;
  source: DemoSource;
}

export interface DemoClaim {
  quote: string;
  /** For quantity claims: the figure as claimed. */
  quantity?: { quantityValue: number; quantityUnit: string; quantityQualifier: "=" | ">=" | "<=" | "~"; quantityAsOf: string };
  /** Later values of the same figure. */
  observations?: DemoObservation[];
  statement: string;
  claimant: string;
  claimDate: string;
  kind: "fact" | "quantity" | "prediction" | "attribution" | "opinion";
  events: DemoEvent[];
}

const REUTERS_REPORT: DemoSource = {
  url: "https://www.reuters.com/technology/openai-readies-new-open-source-ai-model-information-2023-05-15/",
  title: "OpenAI readies new open-source AI model - The Information",
  publisher: "Reuters",
  publishedDate: "2023-05-15",
};

const GPT_OSS: DemoSource = {
  url: "https://openai.com/index/introducing-gpt-oss/",
  title: "Introducing gpt-oss",
  publisher: "OpenAI",
  publishedDate: "2025-08-05",
};

export const DEMO_CLAIMS: DemoClaim[] = [
  {
    quote: "OpenAI 正准备向公众发布一款新的开源语言模型",
    statement: "OpenAI plans to release an open-source language model",
    claimant: "The Information, via Reuters",
    claimDate: "2023-05-15",
    kind: "prediction",
    events: [
      {
        statusKey: "pending",
        effectiveDate: "2023-05-15",
        rationale: "A plan reported from unnamed sources; OpenAI did not comment. Nothing to check until a release.",
        sources: [REUTERS_REPORT],
      },
      {
        statusKey: "pending",
        effectiveDate: "2024-01-02",
        rationale: "No open-weight model was released in 2023. The plan is still unconfirmed.",
        internalNote: "Re-check when OpenAI announces open weights.",
        sources: [],
      },
      {
        statusKey: "true",
        effectiveDate: "2025-08-05",
        rationale: "OpenAI released gpt-oss-120b and gpt-oss-20b, open-weight language models under the Apache 2.0 licence.",
        sources: [GPT_OSS],
      },
    ],
  },
  {
    quote: "OpenAI 目前估值约为270亿美元",
    statement: "OpenAI is valued at about $27 billion (270亿美元)",
    claimant: "Reuters",
    claimDate: "2023-05-15",
    kind: "quantity",
    quantity: { quantityValue: 27_000_000_000, quantityUnit: "USD", quantityQualifier: "~", quantityAsOf: "2023-04-28" },
    observations: [
      {
        value: 157_000_000_000,
        unit: "USD",
        observedOn: "2024-10-02",
        note: "Post-money valuation of the October 2024 round",
        source: { url: "https://openai.com/index/scale-the-benefits-of-ai/", title: "New funding to scale the benefits of AI", publisher: "OpenAI", publishedDate: "2024-10-02" },
      },
    ],
    events: [
      {
        statusKey: "true",
        effectiveDate: "2023-04-28",
        rationale: "A share sale in April 2023 valued OpenAI at $27–29 billion.",
        sources: [
          {
            url: "https://techcrunch.com/2023/04/28/openai-funding-valuation-chatgpt/",
            title: "OpenAI closes $300M share sale at $27B-29B valuation",
            publisher: "TechCrunch",
            publishedDate: "2023-04-28",
          },
        ],
      },
      {
        statusKey: "outdated",
        effectiveDate: "2024-10-02",
        rationale: "True when reported; OpenAI's October 2024 funding round valued it at $157 billion.",
        sources: [
          {
            url: "https://openai.com/index/scale-the-benefits-of-ai/",
            title: "New funding to scale the benefits of AI",
            publisher: "OpenAI",
            publishedDate: "2024-10-02",
          },
        ],
      },
    ],
  },
  {
    quote: "ChatGPT 在推出两个月后月活跃用户就突破了1亿",
    statement: "ChatGPT passed 100 million monthly users two months after launch",
    claimant: "UBS analysts, via Reuters",
    claimDate: "2023-02-01",
    kind: "quantity",
    events: [
      {
        statusKey: "mostly_true",
        effectiveDate: "2023-02-01",
        rationale: "An analyst estimate from web-traffic data, widely reported; OpenAI did not publish user numbers at the time.",
        sources: [
          {
            url: "https://www.reuters.com/technology/chatgpt-sets-record-fastest-growing-user-base-analyst-note-2023-02-01/",
            title: "ChatGPT sets record for fastest-growing user base - analyst note",
            publisher: "Reuters",
            publishedDate: "2023-02-01",
          },
        ],
      },
    ],
  },
  {
    quote: "GPT-3 拥有1750亿个参数",
    statement: "GPT-3 has 175 billion parameters",
    claimant: "OpenAI",
    claimDate: "2020-05-28",
    kind: "quantity",
    quantity: { quantityValue: 175_000_000_000, quantityUnit: "parameters", quantityQualifier: "=", quantityAsOf: "2020-05-28" },
    events: [
      {
        statusKey: "true",
        effectiveDate: "2020-05-28",
        rationale: "The GPT-3 paper describes a 175-billion-parameter model.",
        sources: [
          {
            url: "https://arxiv.org/abs/2005.14165",
            title: "Language Models are Few-Shot Learners",
            publisher: "arXiv",
            publishedDate: "2020-05-28",
          },
        ],
      },
    ],
  },
  {
    quote: "InstructGPT 的微调所用算力不到 GPT-3 预训练算力的2%",
    statement: "InstructGPT's fine-tuning used under 2% of GPT-3's pre-training compute",
    claimant: "OpenAI",
    claimDate: "2022-03-04",
    kind: "quantity",
    events: [
      {
        statusKey: "in_progress",
        effectiveDate: "2023-05-16",
        rationale: "Checking the compute figures in the InstructGPT paper.",
        sources: [],
      },
      {
        statusKey: "true",
        effectiveDate: "2023-05-18",
        rationale: "The paper reports 60 petaflop/s-days for the 175B PPO-ptx model against 3,640 for GPT-3: about 1.6%.",
        sources: [
          {
            url: "https://arxiv.org/abs/2203.02155",
            title: "Training language models to follow instructions with human feedback",
            publisher: "arXiv",
            publishedDate: "2022-03-04",
          },
        ],
      },
    ],
  },
  {
    quote: "这款开源模型很可能就是 InstructGPT",
    statement: "OpenAI's open-source model will be InstructGPT",
    claimant: "Industry sources quoted in the article",
    claimDate: "2023-05-16",
    kind: "prediction",
    events: [
      {
        statusKey: "pending",
        effectiveDate: "2023-05-16",
        rationale: "A prediction; it can only be judged when a model is released.",
        sources: [],
      },
      {
        statusKey: "false",
        effectiveDate: "2025-08-05",
        rationale: "The open-weight models OpenAI released were the new gpt-oss family, not InstructGPT.",
        sources: [GPT_OSS],
      },
    ],
  },
];

export const DEMO_EDITOR = {
  name: "Demo Editor",
  email: "editor@demo.claimline.local",
  password: "claimline-demo",
} as const;
