import { LANGUAGE_TRACKS, TRACK_LABELS, type LanguageTrack } from "@/lib/course/vocabulary";
import type { Background, Goal } from "./schema";

// What the course teaches about choosing a backend language, as one table. The engine only adds the numbers up;
// every recommendation a learner sees can be traced to a row here and carries that row's words.
//
// `start` says how well each language fits as the FIRST language to learn for this situation, `then` how well it
// fits as the language to learn NEXT (e.g. "startup founders: Python or Node.js first, Go as they scale").
// Missing languages count 0. Backgrounds weigh a little more than a single goal: they say what the learner already
// knows, which decides how fast the first track goes. "New to backend" is the exception: a newcomer has nothing to
// build on yet, so any explicit goal outweighs the default advice to start with Go.

export type Weights = Partial<Record<LanguageTrack, number>>;

export type PathRule = {
  id: string;
  when: { background: Background } | { goal: Goal };
  start: Weights;
  then: Weights;
  /** Short, fits after "because": shown on each step of the track it supports. */
  because: string;
  /** The full sentence shown in the list of reasons. */
  reason: string;
};

export const PATH_RULES: readonly PathRule[] = [
  {
    id: "background:new-to-backend",
    when: { background: "new-to-backend" },
    start: { go: 3, python: 1, node: 1 },
    then: { python: 2, node: 2 },
    because: "you are new to backend development",
    reason: "New to backend: start with Go. The language is small, the syntax is clean, and it is what most cloud software is written in, so what you learn transfers.",
  },
  {
    id: "background:frontend-js",
    when: { background: "frontend-js" },
    start: { node: 7, go: 1 },
    then: { go: 4 },
    because: "you come from JavaScript",
    reason: "You come from JavaScript: stay with Node.js and take TypeScript seriously, then add Go as your second language.",
  },
  {
    id: "background:data-ml",
    when: { background: "data-ml" },
    start: { python: 7 },
    then: { go: 3, rust: 3 },
    because: "you work with data and machine learning",
    reason: "Data and ML work lives in Python, so it comes first; Go or Rust follow for serving models in production at speed.",
  },
  {
    id: "background:systems",
    when: { background: "systems" },
    start: { rust: 7, go: 2 },
    then: { go: 3 },
    because: "you come from C and C++",
    reason: "Coming from C or C++: Rust gives the same control and speed with memory safety checked by the compiler; Go is the quick second language for services.",
  },
  {
    id: "background:other-backend",
    when: { background: "other-backend" },
    start: { go: 2, rust: 1, node: 1, python: 1 },
    then: { rust: 1 },
    because: "you already build backends in another language",
    reason: "You already know backend work: Go is the quickest new language to be productive in, and Rust is worth it where performance matters.",
  },
  {
    id: "goal:first-job",
    when: { goal: "first-job" },
    start: { go: 3, python: 2, node: 2 },
    then: { python: 1, node: 1 },
    because: "you want your first backend job",
    reason: "For a first backend job: Go is in steady demand for cloud and infrastructure roles, and Python and Node.js have the most openings overall.",
  },
  {
    id: "goal:max-salary",
    when: { goal: "max-salary" },
    start: { rust: 6, go: 2 },
    then: { go: 2 },
    because: "you want to maximise your salary",
    reason: "To maximise salary: invest in Rust. It has the steepest learning curve and the highest pay (about $150k–$210k in the USA in 2025); Go comes next.",
  },
  {
    id: "goal:startup-mvp",
    when: { goal: "startup-mvp" },
    start: { python: 4, node: 4 },
    then: { go: 4 },
    because: "you want to ship a startup MVP fast",
    reason: "For a startup MVP: start with Python or Node.js, where speed to market is highest, and plan for Go as you scale the services that need it.",
  },
  {
    id: "goal:real-time",
    when: { goal: "real-time" },
    start: { go: 4, node: 4 },
    then: { go: 2, node: 2 },
    because: "you want to build real-time apps",
    reason: "Real-time apps and WebSockets: Go (goroutines) and Node.js (the event loop) both handle many open connections well.",
  },
  {
    id: "goal:ml-serving",
    when: { goal: "ml-serving" },
    start: { python: 4, go: 1, rust: 1 },
    then: { go: 3, rust: 3 },
    because: "you want to serve ML models",
    reason: "Serving ML models: the models and their libraries are in Python; Go or Rust serve them in production when throughput and latency matter.",
  },
  {
    id: "goal:cloud-infra",
    when: { goal: "cloud-infra" },
    start: { go: 6, rust: 1 },
    then: { rust: 2 },
    because: "you want to work on cloud infrastructure",
    reason: "Cloud infrastructure and microservices are Go's home ground: Kubernetes and Docker are written in it, and it ships as one static binary.",
  },
  {
    id: "goal:performance-critical",
    when: { goal: "performance-critical" },
    start: { rust: 5, go: 4 },
    then: { go: 3, rust: 3 },
    because: "you are aiming at performance-critical systems",
    reason: "Performance-critical systems (sub-10 ms p99, or more than 100,000 requests per second per instance): choose Rust or Go.",
  },
];

/** Each point of self-rating adds this much: a language you already know a little is a faster start. */
export const SELF_RATING_WEIGHT = 0.5;

/** Equal scores are broken in this order, the course's own default order for a newcomer. */
export const TIE_BREAK_ORDER: readonly LanguageTrack[] = ["go", "node", "python", "rust"];

// A few topic tags read better with a proper name than with their kebab-case spelling.
export const TOPIC_LABELS: Record<string, string> = {
  gil: "the GIL",
  "event-loop": "the event loop",
  "async-await": "async/await",
  "async-rust": "async Rust",
  "language-selection": "selection criteria",
};

export function topicLabel(topic: string): string {
  return TOPIC_LABELS[topic] ?? topic.replaceAll("-", " ");
}

// ---------------------------------------------------------------------------------------------------------------
// The stack advisor's criteria: the same course, applied to a project instead of a learner.
// ---------------------------------------------------------------------------------------------------------------

export type TeamSkill = LanguageTrack | "systems";

export type AdvisorProject = {
  requestsPerSecond: number;
  p99LatencyMs: number;
  team: ReadonlySet<TeamSkill>;
  needsML: boolean;
  realTime: boolean;
  timeToMarket: "weeks" | "months";
  budget?: "low" | "medium" | "high";
};

export type AdvisorCriterion = {
  id: string;
  applies: (p: AdvisorProject) => boolean;
  weights: (p: AdvisorProject) => Weights;
  text: (p: AdvisorProject) => string;
  /**
   * Topics of the lessons that teach this reason (the `topics` in each lesson's index.mdx front matter), per language first,
   * then general. Every tag must exist in the catalog, or the reason's link would fall back to an unrelated lesson:
   * tests/unit/path/rules-topics.test.ts checks it.
   */
  topics: { general: string[] } & Partial<Record<LanguageTrack, string[]>>;
};

const number = (n: number) => n.toLocaleString("en-US");
const teamLanguages = (p: AdvisorProject) => LANGUAGE_TRACKS.filter((l) => p.team.has(l));

export const ADVISOR_CRITERIA: readonly AdvisorCriterion[] = [
  {
    id: "throughput:extreme",
    applies: (p) => p.requestsPerSecond > 100_000,
    weights: () => ({ rust: 5, go: 5, node: -2, python: -4 }),
    text: (p) =>
      `${number(p.requestsPerSecond)} requests per second is past 100,000 per instance: that is compiled-language territory. Go and Rust frameworks reach roughly 320,000–340,000 req/s in TechEmpower-style tests, Node.js with Fastify about 98,000, Python 32,000–45,000.`,
    topics: { general: ["benchmarks"], go: ["goroutines", "concurrency"], rust: ["async-rust", "ownership"] },
  },
  {
    id: "throughput:moderate",
    applies: (p) => p.requestsPerSecond > 10_000 && p.requestsPerSecond <= 100_000,
    weights: () => ({ go: 2, rust: 1, node: 1, python: -1 }),
    text: (p) =>
      `${number(p.requestsPerSecond)} requests per second sits between 10,000 and 100,000: Go handles it comfortably, Node.js can with care, Python needs many more instances.`,
    topics: { general: ["benchmarks"], go: ["goroutines"], node: ["event-loop"], python: ["gil"] },
  },
  {
    id: "throughput:modest",
    applies: (p) => p.requestsPerSecond <= 10_000 && p.p99LatencyMs >= 10,
    weights: () => ({ node: 1, python: 1 }),
    text: (p) =>
      `At ${number(p.requestsPerSecond)} requests per second with a ${number(p.p99LatencyMs)} ms p99 target, Node.js or Python are fast enough: choose for productivity, not raw speed.`,
    topics: { general: ["language-selection", "benchmarks"] },
  },
  {
    id: "latency:strict",
    applies: (p) => p.p99LatencyMs < 10,
    weights: (p) => ({ rust: p.p99LatencyMs < 5 ? 6 : 5, go: 3, node: -2, python: -3 }),
    text: (p) =>
      `A p99 latency of ${number(p.p99LatencyMs)} ms is under 10 ms: Rust has no garbage collector and so no pauses (why Discord moved a hot service from Go to Rust); Go's pauses are short but not zero.`,
    topics: { general: ["runtime-models", "benchmarks"], rust: ["ownership"], go: ["goroutines"] },
  },
  {
    id: "team:languages",
    applies: (p) => teamLanguages(p).length > 0,
    weights: (p) => Object.fromEntries(teamLanguages(p).map((l) => [l, 3])),
    text: (p) =>
      `Your team already writes ${teamLanguages(p).map((l) => TRACK_LABELS[l]).join(" and ")}: a productive team beats a struggling one, and adopting Rust or Go costs 3–6 months of slower delivery.`,
    topics: { general: ["language-selection", "ecosystems"] },
  },
  {
    id: "team:systems",
    applies: (p) => p.team.has("systems"),
    weights: () => ({ rust: 2 }),
    text: () => "Your team writes C or C++: Rust keeps their low-level skills and adds memory safety checked at compile time.",
    topics: { general: ["language-selection"], rust: ["ownership", "borrowing"] },
  },
  {
    id: "ecosystem:ml",
    applies: (p) => p.needsML,
    weights: () => ({ python: 5, go: 1, rust: 1 }),
    text: () => "You need machine learning: PyTorch, TensorFlow and scikit-learn live in Python. Go or Rust can serve the trained models when speed matters.",
    // The ML stack is taught where the ecosystems are compared; a Python lesson on serving models would tag it too.
    topics: { general: ["ecosystems"] },
  },
  {
    id: "feature:real-time",
    applies: (p) => p.realTime,
    weights: () => ({ go: 3, node: 3 }),
    text: () => "Real-time features and WebSockets: Go's goroutines and Node.js's event loop both hold thousands of open connections cheaply.",
    topics: { general: ["concurrency"], node: ["event-loop"], go: ["goroutines", "channels"], rust: ["async-rust"] },
  },
  {
    id: "market:weeks",
    applies: (p) => p.timeToMarket === "weeks",
    weights: () => ({ python: 3, node: 3, rust: -2 }),
    text: () => "You need to ship in weeks: Python and Node.js are the quickest from idea to API; Rust's learning curve slows the first months.",
    topics: { general: ["language-selection"], python: ["frameworks"], node: ["typescript"] },
  },
  {
    id: "market:months",
    applies: (p) => p.timeToMarket === "months",
    weights: () => ({ go: 1, rust: 1 }),
    text: () => "With months before launch you can afford a compiled language that lowers running costs later.",
    topics: { general: ["language-selection"] },
  },
  {
    id: "budget:low",
    applies: (p) => p.budget === "low",
    weights: () => ({ node: 2, python: 1, rust: -1 }),
    text: () => "On a tight budget hiring decides: Node.js and Python developers are the easiest to find, Rust developers the scarcest and best paid.",
    topics: { general: ["ecosystems", "language-selection"] },
  },
  {
    id: "budget:high",
    applies: (p) => p.budget === "high",
    weights: () => ({ rust: 1, go: 1 }),
    text: () => "A generous budget can pay for scarcer Go and Rust developers, who then cut the compute bill (teams report 50–70% savings on compute-heavy services).",
    topics: { general: ["benchmarks"] },
  },
];

/** "Your path beyond this course": concrete next steps once the course has taught the basics of a language. */
export const BEYOND_THE_COURSE: Record<LanguageTrack, string[]> = {
  node: [
    "Turn on TypeScript's strict mode in a real service and type every request body with a schema library.",
    "Build a WebSocket chat with Fastify, then load-test it with thousands of connections and watch event-loop lag.",
    "Move a CPU-heavy task into worker threads and measure how p99 latency changes.",
    "Profile a slow endpoint with --cpu-prof and fix the hottest function.",
  ],
  python: [
    "Build a typed FastAPI service with Pydantic models and async database access.",
    "Serve a trained model behind an API, then measure what the GIL costs under parallel load.",
    "Move CPU-bound work to processes or a native extension and compare throughput.",
    "Package the service in a slim container and pin dependencies with a lock file.",
  ],
  go: [
    "Build a small microservice with net/http, context deadlines and errgroup for fan-out calls.",
    "Run your tests with the race detector and profile a busy endpoint with pprof.",
    "Ship it as one static binary in a minimal container image.",
    "Read part of a Go infrastructure project such as Kubernetes or Docker to see the idioms at scale.",
  ],
  rust: [
    "Build an HTTP service with Axum on Tokio, with typed extractors and error handling through Result.",
    "Benchmark it against a Go or Node.js version of the same endpoint and compare p99 latency.",
    "Practise ownership and lifetimes on a connection pool or cache you write yourself.",
    "Compile a hot function to WebAssembly or expose it to Python to speed up an existing system.",
  ],
};
