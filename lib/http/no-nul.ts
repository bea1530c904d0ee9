import { AppError, type ErrorCode } from "../errors";

// PostgreSQL cannot store U+0000 in text (SQLite can), so a NUL that reached the database was a 500 on one database
// and stored on the other. No field of ours has a use for it, so it is refused where input comes in, on both.

/** Where the first U+0000 is (a field path, "" for the value itself), or null. Iterative: nesting of any depth is fine. */
export function nulPath(value: unknown): string | null {
  const stack: [unknown, string][] = [[value, ""]];
  while (stack.length > 0) {
    const [current, path] = stack.pop()!;
    if (typeof current === "string") {
      if (current.includes("\0")) return path;
    } else if (typeof current === "object" && current !== null) {
      for (const [key, inner] of Object.entries(current)) {
        const at = path ? `${path}.${key}` : key;
        if (key.includes("\0")) return path ? `${path} (a name in it)` : "a name";
        stack.push([inner, at]);
      }
    }
  }
  return null;
}

/** Refuses (with `code`, a 400) input holding U+0000 anywhere, naming where. */
export function refuseNul(value: unknown, code: ErrorCode): void {
  const path = nulPath(value);
  if (path !== null) throw new AppError(code, `${path ? `${path}: ` : ""}text must not contain the NUL character (U+0000).`);
}
