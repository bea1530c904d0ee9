import type { Background, Goal } from "@/lib/path/schema";

export const BACKGROUND_OPTIONS: { value: Background; label: string; hint: string }[] = [
  { value: "new-to-backend", label: "New to backend", hint: "You have written some code, but no servers yet." },
  { value: "frontend-js", label: "Frontend / JavaScript developer", hint: "You build UIs with JavaScript or TypeScript." },
  { value: "data-ml", label: "Data science or machine learning", hint: "You work in notebooks, pandas, PyTorch and friends." },
  { value: "systems", label: "Systems programmer (C / C++)", hint: "You care about memory, threads and every microsecond." },
  { value: "other-backend", label: "Backend developer in another language", hint: "Java, C#, PHP, Ruby… you know the job already." },
];

export const GOAL_OPTIONS: { value: Goal; label: string }[] = [
  { value: "first-job", label: "Get my first backend job" },
  { value: "max-salary", label: "Maximise my salary" },
  { value: "startup-mvp", label: "Build a startup MVP fast" },
  { value: "real-time", label: "Real-time apps (chat, live updates, WebSockets)" },
  { value: "ml-serving", label: "Serve machine-learning models" },
  { value: "cloud-infra", label: "Cloud infrastructure and microservices" },
  { value: "performance-critical", label: "Performance-critical systems" },
];

export const RATING_LABELS = ["Never used it", "Tried it", "Written small programs", "Comfortable", "Use it at work", "Expert"];

export function lessonHref(lessonId: string): string {
  return `/learn/${lessonId}`;
}

export function formatWeeks(weeks: number): string {
  if (weeks <= 1) return "about a week or less";
  return `about ${Math.ceil(weeks)} weeks`;
}
