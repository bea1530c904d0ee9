import type { Background, Goal, Language } from "./schema";

// What the course teaches about choosing a backend language, as one table. The engine only adds the numbers up;
// every recommendation a learner sees can be traced to a row here and carries that row's words.
//
// `start` says how well each language fits as the FIRST language to learn for this situation, `then` how well it
// fits as the language to learn NEXT (e.g. "startup founders: Python or Node.js first, Go as they scale").
// Missing languages count 0. Backgrounds weigh a little more than a single goal: they say what the learner already
// knows, which decides how fast the first track goes. "New to backend" is the exception: a newcomer has nothing to
// build on yet, so any explicit goal outweighs the default advice to start with Go.

export type Weights = Partial<Record<Language, number>>;

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
export const TIE_BREAK_ORDER: readonly Language[] = ["go", "node", "python", "rust"];

export const LANGUAGE_NAMES: Record<Language, string> = {
  node: "Node.js",
  python: "Python",
  go: "Go",
  rust: "Rust",
};

// A few topic tags read better with a proper name than with their kebab-case spelling.
export const TOPIC_LABELS: Record<string, string> = {
  gil: "the GIL",
  "event-loop": "the event loop",
  async: "async code",
  "selection-criteria": "selection criteria",
};

export function topicLabel(topic: string): string {
  return TOPIC_LABELS[topic] ?? topic.replaceAll("-", " ");
}
