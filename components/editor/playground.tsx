import type { ReactNode } from "react";
import type { PlaygroundExample } from "@/lib/runner/types";

// First cut: the lesson shows the highlighted example; the editor that makes it runnable replaces this component.
export function Playground({ example, highlighted }: { example: PlaygroundExample; highlighted: ReactNode }) {
  return (
    <figure className="playground" data-example-id={example.id} data-language={example.language}>
      {highlighted}
    </figure>
  );
}
