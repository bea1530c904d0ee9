// The components lessons may use, with the attributes each requires. The loader rejects anything else so a typo in
// an MDX tag is caught by `npm run content:check`, not by a reader hitting a blank block.

export const LESSON_COMPONENTS = {
  Example: { required: ["file"] },
  Compare: { required: ["name"] },
  Callout: { required: [] },
  BarChart: { required: ["title", "unit", "data"] },
  Figure: { required: ["caption"] },
  Cite: { required: ["source"] },
} as const satisfies Record<string, { required: readonly string[] }>;

export type LessonComponentName = keyof typeof LESSON_COMPONENTS;

export function isLessonComponent(name: string): name is LessonComponentName {
  return Object.hasOwn(LESSON_COMPONENTS, name);
}
