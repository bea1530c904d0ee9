import type { CatalogEntry } from "./schema";

// THE BRIDGE: the one place the path routes and pages get the lesson catalog from. Until the lesson engine is
// merged it lists the first lesson of each track by hand; the lead replaces the body with a mapping from the
// lib/content catalog (id, track, title, minutes, topics, prerequisites from each lesson's front matter).
const FIRST_LESSONS: CatalogEntry[] = [
  {
    id: "choosing/01-the-landscape",
    track: "choosing",
    title: "The backend landscape",
    minutes: 15,
    topics: ["selection-criteria", "benchmarks", "throughput", "latency", "hiring", "cost", "productivity"],
    prerequisites: [],
  },
  {
    id: "node/01-event-loop",
    track: "node",
    title: "The event loop",
    minutes: 25,
    topics: ["event-loop", "async", "typescript", "real-time", "websockets"],
    prerequisites: [],
  },
  {
    id: "python/01-python-for-the-web",
    track: "python",
    title: "Python for the web",
    minutes: 25,
    topics: ["fastapi", "async", "gil", "ml-ecosystem", "ml-serving"],
    prerequisites: [],
  },
  {
    id: "go/01-goroutines",
    track: "go",
    title: "Goroutines",
    minutes: 25,
    topics: ["goroutines", "channels", "concurrency", "microservices", "cloud-infra"],
    prerequisites: [],
  },
  {
    id: "rust/01-ownership-and-async",
    track: "rust",
    title: "Ownership and async",
    minutes: 30,
    topics: ["ownership", "borrowing", "async", "performance"],
    prerequisites: [],
  },
];

export function getPathCatalog(): CatalogEntry[] {
  return FIRST_LESSONS;
}
