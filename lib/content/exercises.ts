import "server-only";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "yaml";
import { exerciseIdSchema, exerciseSchema, type Exercise } from "./exercise-schema";

// Exercises live beside their lesson: lessons/<track>/<lesson>/exercises/<name>.yaml.

const LESSONS_DIR = path.join(process.cwd(), "lessons");

export async function loadExercise(id: string): Promise<Exercise | null> {
  const parsedId = exerciseIdSchema.safeParse(id);
  if (!parsedId.success) return null;
  const [track, lesson, name] = parsedId.data.split("/") as [string, string, string];
  let text: string;
  try {
    text = await readFile(path.join(LESSONS_DIR, track, lesson, "exercises", `${name}.yaml`), "utf8");
  } catch {
    return null;
  }
  const parsed = exerciseSchema.safeParse(parse(text));
  if (!parsed.success) throw new Error(`exercise ${id} is invalid: ${parsed.error.message}`);
  return { ...parsed.data, id };
}

/** Every exercise id in the lessons folder. */
export async function listExerciseIds(): Promise<string[]> {
  const ids: string[] = [];
  const entries = async (dir: string) => readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const track of await entries(LESSONS_DIR)) {
    if (!track.isDirectory()) continue;
    for (const lesson of await entries(path.join(LESSONS_DIR, track.name))) {
      if (!lesson.isDirectory()) continue;
      for (const file of await entries(path.join(LESSONS_DIR, track.name, lesson.name, "exercises"))) {
        if (file.isFile() && file.name.endsWith(".yaml")) ids.push(`${track.name}/${lesson.name}/${file.name.slice(0, -5)}`);
      }
    }
  }
  return ids.sort();
}
