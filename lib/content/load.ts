import fs from "node:fs";
import path from "node:path";
import { LESSON_FOLDER_PATTERN, SLUG_PATTERN, TRACKS, type Track } from "@/lib/course/vocabulary";
import { trackSchema } from "@/lib/course/id-schemas";
import { isLessonComponent, LESSON_COMPONENTS } from "./components";
import { EXTENSION_LANGUAGE, type LessonExample } from "./examples";
import type { Exercise } from "./exercise-schema";
import { validateExercise } from "./exercise-validate";
import type { ContentIssue } from "./issues";
import { analyzeMdx, splitFrontMatter, type Heading, type Section } from "./mdx-analysis";
import type { Quiz } from "./quiz-schema";
import { validateQuiz } from "./quiz-validate";
import { readSources, type Source } from "./sources";
import { frontMatterSchema, trackMetaSchema, type FrontMatter, type TrackMeta } from "./schema";
import { describeZodIssues, isYamlSyntaxError, parseYamlSource, type YamlSource } from "./yaml-source";

// Reads lessons/ into a catalog and reports every problem it finds (not just the first), each with file and line.
// Pure apart from reading files: no Next.js, no database, so the check script and the tests use it as is.

export type Lesson = FrontMatter & {
  id: string;
  trackId: Track;
  /** Folder name, e.g. `01-goroutines`: the last URL segment. */
  slug: string;
  number: number;
  href: string;
  /** MDX without front matter, and the file line it starts on (so compile errors map back to the file). */
  body: string;
  bodyFirstLine: number;
  headings: Heading[];
  sections: Section[];
  readingMinutes: number;
  /** Ids of the sources the lesson cites with <Cite>, in first-cited order. */
  citedSources: string[];
  examples: LessonExample[];
  /** exercises/<name>.yaml, in name order; each id is `<lesson id>/<name>`. */
  exercises: Exercise[];
  quiz?: Quiz;
  /** Repository-relative path of index.mdx. */
  file: string;
};

export type CourseTrack = TrackMeta & { id: Track; href: string; lessonIds: string[]; minutes: number };
export type Catalog = { tracks: CourseTrack[]; lessons: Lesson[]; sources: Source[] };
export type LoadResult = { catalog: Catalog; issues: ContentIssue[] };

const WORDS_PER_MINUTE = 200;

export function loadContent(root: string, base = path.dirname(root)): LoadResult {
  const issues: ContentIssue[] = [];
  const rel = (p: string) => path.relative(base, p).split(path.sep).join("/");
  const tracks: CourseTrack[] = [];
  const lessons: Lesson[] = [];
  const prerequisiteChecks: { lesson: Lesson; yaml: YamlSource }[] = [];
  // Every lesson folder counts as an id, even one with errors, so a broken lesson reports its own problem and not
  // a cascade of "unknown prerequisite" in the lessons that build on it.
  const ids = new Set<string>();
  const sourcesFile = path.join(root, "sources.yaml");
  const readSourcesResult = readSources(sourcesFile, rel(sourcesFile), issues);
  const sources = readSourcesResult ?? [];
  // Undefined when the sources file is broken: it is reported once, and citations are then not checked.
  const sourceIds = readSourcesResult && new Set(sources.map((s) => s.id));

  for (const trackFolder of listDirs(root)) {
    const trackDir = path.join(root, trackFolder);
    // The path engine, placement and progress know the tracks by name: a folder they do not know would load here
    // and break them, so a new track is added to the course vocabulary first.
    const known = trackSchema.safeParse(trackFolder);
    if (!known.success) {
      issues.push({ file: rel(trackDir), message: `unknown track "${trackFolder}": track folders are ${TRACKS.join(", ")} (add a new one to lib/course/vocabulary.ts first)` });
      continue;
    }
    const trackId = known.data;
    const meta = readTrackMeta(path.join(trackDir, "track.yaml"), rel, issues);
    const numbers = new Map<string, string>();
    const trackLessons: Lesson[] = [];
    for (const folder of listDirs(trackDir)) {
      const match = LESSON_FOLDER_PATTERN.exec(folder);
      if (!match) {
        issues.push({ file: rel(path.join(trackDir, folder)), message: `lesson folders are named <nn>-<kebab-slug>, e.g. 01-goroutines` });
        continue;
      }
      const number = match[1] ?? "";
      ids.add(`${trackId}/${folder}`);
      const other = numbers.get(number);
      if (other) {
        issues.push({ file: rel(path.join(trackDir, folder)), message: `duplicate lesson number "${number}" in track "${trackId}": ${other} and ${folder}` });
        continue;
      }
      numbers.set(number, folder);
      const loaded = readLesson({ dir: path.join(trackDir, folder), trackId, folder, number: Number(number), rel, issues, sourceIds });
      if (loaded) {
        trackLessons.push(loaded.lesson);
        prerequisiteChecks.push(loaded);
      }
    }
    trackLessons.sort((a, b) => a.number - b.number);
    lessons.push(...trackLessons);
    if (meta) {
      tracks.push({
        ...meta,
        id: trackId,
        href: `/learn/${trackId}`,
        lessonIds: trackLessons.map((l) => l.id),
        minutes: trackLessons.reduce((n, l) => n + l.minutes, 0),
      });
    }
  }

  for (const { lesson, yaml } of prerequisiteChecks) {
    lesson.prerequisites.forEach((id, i) => {
      const line = yaml.lineOf(["prerequisites", i]);
      if (id === lesson.id) issues.push({ file: lesson.file, line, message: `a lesson cannot be its own prerequisite ("${id}")` });
      else if (!ids.has(id)) issues.push({ file: lesson.file, line, message: `unknown prerequisite "${id}": no lesson has that id` });
    });
  }

  tracks.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  const trackOrder = new Map(tracks.map((t, i) => [t.id, i]));
  lessons.sort((a, b) => (trackOrder.get(a.trackId) ?? 0) - (trackOrder.get(b.trackId) ?? 0) || a.number - b.number);
  return { catalog: { tracks, lessons, sources }, issues };
}

function listDirs(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith(".") && !d.name.startsWith("_"))
    .map((d) => d.name)
    .sort();
}

function readTrackMeta(file: string, rel: (p: string) => string, issues: ContentIssue[]): TrackMeta | undefined {
  if (!fs.existsSync(file)) {
    issues.push({ file: rel(file), message: "missing track.yaml (title, pitch, order)" });
    return undefined;
  }
  const yaml = parseYamlSource(fs.readFileSync(file, "utf8"));
  if (isYamlSyntaxError(yaml)) {
    issues.push({ file: rel(file), line: yaml.line, message: yaml.message });
    return undefined;
  }
  const parsed = trackMetaSchema.safeParse(yaml.data ?? {});
  if (!parsed.success) {
    for (const d of describeZodIssues(parsed.error.issues, yaml, "track")) issues.push({ file: rel(file), ...d });
    return undefined;
  }
  return parsed.data;
}

type ReadLessonArgs = {
  dir: string;
  trackId: Track;
  folder: string;
  number: number;
  rel: (p: string) => string;
  issues: ContentIssue[];
  /** Known source ids; undefined skips the citation check. */
  sourceIds: ReadonlySet<string> | undefined;
};

function readLesson({ dir, trackId, folder, number, rel, issues, sourceIds }: ReadLessonArgs): { lesson: Lesson; yaml: YamlSource } | undefined {
  const indexPath = path.join(dir, "index.mdx");
  const file = rel(indexPath);
  const id = `${trackId}/${folder}`;
  if (!fs.existsSync(indexPath)) {
    issues.push({ file: rel(dir), message: "missing index.mdx" });
    return undefined;
  }
  const source = fs.readFileSync(indexPath, "utf8");
  const split = splitFrontMatter(source);
  if (!split) {
    issues.push({ file, line: 1, message: "index.mdx must start with front matter between two --- lines" });
    return undefined;
  }
  const yaml = parseYamlSource(split.yaml, split.yamlFirstLine);
  if (isYamlSyntaxError(yaml)) {
    issues.push({ file, line: yaml.line, message: `front matter ${yaml.message}` });
    return undefined;
  }
  const parsed = frontMatterSchema.safeParse(yaml.data ?? {});
  const before = issues.length;
  if (!parsed.success) {
    for (const d of describeZodIssues(parsed.error.issues, yaml, "front matter")) issues.push({ file, ...d });
  }

  let analysis;
  try {
    analysis = analyzeMdx(split.body, split.bodyFirstLine);
  } catch (error) {
    const e = error as { line: number; message: string };
    issues.push({ file, line: e.line, message: e.message });
    return undefined;
  }
  for (const line of analysis.esmLines) {
    issues.push({ file, line, message: "import/export is not allowed in lessons: use the built-in components" });
  }

  const examplesDir = path.join(dir, "examples");
  const examples = readExamples(examplesDir, id, rel, issues);
  // Files that exist count for references even when they have their own problem (reported once, by readExamples).
  const exampleFiles = new Set(fs.existsSync(examplesDir) ? fs.readdirSync(examplesDir) : []);
  for (const use of analysis.components) {
    if (/^[a-z]/.test(use.name)) continue;
    if (!isLessonComponent(use.name)) {
      issues.push({ file, line: use.line, message: `unknown component <${use.name}> (known: ${Object.keys(LESSON_COMPONENTS).join(", ")})` });
      continue;
    }
    const missing = LESSON_COMPONENTS[use.name].required.filter((attr: string) => !(attr in use.attributes));
    for (const attr of missing) issues.push({ file, line: use.line, message: `<${use.name}> needs a "${attr}" attribute` });
    const fileAttr = use.attributes.file;
    if (use.name === "Example" && typeof fileAttr === "string" && !exampleFiles.has(fileAttr)) {
      issues.push({ file, line: use.line, message: `<Example file="${fileAttr}">: no such example in examples/` });
    }
    const nameAttr = use.attributes.name;
    const sameName = [...exampleFiles].filter((f) => !f.endsWith(".out") && path.basename(f, path.extname(f)) === nameAttr);
    if (use.name === "Compare" && typeof nameAttr === "string" && sameName.length < 2) {
      issues.push({ file, line: use.line, message: `<Compare name="${nameAttr}">: needs at least two examples named ${nameAttr}.<ext> in examples/` });
    }
    const sourceAttr = use.attributes.source;
    if (use.name === "Cite" && typeof sourceAttr === "string" && sourceIds && !sourceIds.has(sourceAttr)) {
      issues.push({ file, line: use.line, message: `<Cite source="${sourceAttr}">: no such source in lessons/sources.yaml` });
    }
  }

  let quiz: Quiz | undefined;
  const quizPath = path.join(dir, "quiz.yaml");
  if (fs.existsSync(quizPath)) {
    const result = validateQuiz(fs.readFileSync(quizPath, "utf8"), rel(quizPath), new Set(analysis.headings.map((h) => h.id)));
    issues.push(...result.issues);
    quiz = result.quiz;
  }

  // Checked against the languages only when the front matter is valid; otherwise that error is the one to fix first.
  const exercises = readExercises(path.join(dir, "exercises"), id, parsed.success ? parsed.data.languages : null, rel, issues);

  if (!parsed.success || issues.length > before) return undefined;
  const lesson: Lesson = {
    ...parsed.data,
    id,
    trackId,
    slug: folder,
    number,
    href: `/learn/${trackId}/${folder}`,
    body: split.body,
    bodyFirstLine: split.bodyFirstLine,
    headings: analysis.headings,
    sections: analysis.sections,
    readingMinutes: Math.max(1, Math.ceil(analysis.words / WORDS_PER_MINUTE)),
    citedSources: [...new Set(analysis.components.filter((c) => c.name === "Cite").map((c) => String(c.attributes.source)))].filter((id) => !sourceIds || sourceIds.has(id)),
    examples,
    exercises,
    quiz,
    file,
  };
  return { lesson, yaml };
}

function readExamples(dir: string, lessonId: string, rel: (p: string) => string, issues: ContentIssue[]): LessonExample[] {
  if (!fs.existsSync(dir)) return [];
  const files = fs.readdirSync(dir).filter((f) => !f.startsWith(".")).sort();
  const sources = files.filter((f) => path.extname(f) !== ".out");
  const stems = sources.map((f) => path.basename(f, path.extname(f)));
  const examples: LessonExample[] = [];
  for (const [i, file] of sources.entries()) {
    const ext = path.extname(file).slice(1);
    const language = EXTENSION_LANGUAGE[ext];
    const full = path.join(dir, file);
    if (!language) {
      issues.push({ file: rel(full), message: `unknown example type ".${ext}" (use ${Object.keys(EXTENSION_LANGUAGE).map((e) => `.${e}`).join(", ")})` });
      continue;
    }
    const name = stems[i] ?? file;
    // A Compare set usually prints the same in every language: fib.out serves them all, fib.go.out overrides one.
    const outPath = [path.join(dir, `${file}.out`), path.join(dir, `${name}.out`)].find((p) => fs.existsSync(p));
    if (!outPath) {
      issues.push({ file: rel(full), message: `example has no expected output: add examples/${name}.out with what it prints` });
      continue;
    }
    const shared = stems.filter((s) => s === name).length > 1;
    examples.push({
      id: shared ? `${lessonId}/${name}.${ext}` : `${lessonId}/${name}`,
      lessonId,
      file,
      name,
      language,
      code: fs.readFileSync(full, "utf8"),
      expectedOutput: fs.readFileSync(outPath, "utf8"),
      path: rel(full),
    });
  }
  for (const out of files.filter((f) => path.extname(f) === ".out")) {
    const stem = path.basename(out, ".out");
    if (!stems.includes(stem) && !sources.includes(stem)) issues.push({ file: rel(path.join(dir, out)), message: "expected output without an example beside it" });
  }
  return examples;
}

function readExercises(dir: string, lessonId: string, languages: readonly string[] | null, rel: (p: string) => string, issues: ContentIssue[]): Exercise[] {
  if (!fs.existsSync(dir)) return [];
  const exercises: Exercise[] = [];
  const titles = new Map<string, string>();
  for (const file of fs.readdirSync(dir).filter((f) => !f.startsWith(".")).sort()) {
    const full = path.join(dir, file);
    const name = file.endsWith(".yaml") ? file.slice(0, -".yaml".length) : null;
    if (name === null || !SLUG_PATTERN.test(name)) {
      issues.push({ file: rel(full), message: "exercise files are named <kebab-name>.yaml, e.g. parallel-sum.yaml" });
      continue;
    }
    const result = validateExercise({ source: fs.readFileSync(full, "utf8"), file: rel(full), id: `${lessonId}/${name}`, languages });
    issues.push(...result.issues);
    if (!result.exercise) continue;
    // Two exercises with one title read as the same task twice on the page.
    const other = titles.get(result.exercise.title);
    if (other) issues.push({ file: rel(full), line: result.titleLine, message: `duplicate exercise title "${result.exercise.title}" (also in ${other})` });
    else titles.set(result.exercise.title, file);
    exercises.push(result.exercise);
  }
  return exercises;
}
