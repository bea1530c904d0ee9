import type { PlaygroundExample } from "@/lib/runner/types";

// One small program per language for the scratchpad page.
export const STARTERS: PlaygroundExample[] = [
  {
    id: "playground/javascript",
    language: "javascript",
    code: `// The callback runs after the synchronous code: the event loop at work.
setTimeout(() => console.log("timer fired"), 0);
Promise.resolve().then(() => console.log("microtask ran"));
console.log("sync code done");
`,
    expectedOutput: "sync code done\nmicrotask ran\ntimer fired\n",
  },
  {
    id: "playground/typescript",
    language: "typescript",
    code: `type Route = { method: "GET" | "POST"; path: string };
const routes: Route[] = [{ method: "GET", path: "/health" }, { method: "POST", path: "/orders" }];
for (const route of routes) console.log(\`\${route.method} \${route.path}\`);
`,
    expectedOutput: "GET /health\nPOST /orders\n",
  },
  {
    id: "playground/python",
    language: "python",
    code: `import asyncio

async def fetch(name, delay):
    await asyncio.sleep(delay)
    return f"{name} ready"

async def main():
    print(await asyncio.gather(fetch("users", 0.02), fetch("orders", 0.01)))

asyncio.run(main())
`,
    expectedOutput: "['users ready', 'orders ready']\n",
  },
  {
    id: "playground/go",
    language: "go",
    code: `package main

import (
\t"fmt"
\t"sync"
)

func main() {
\tvar wg sync.WaitGroup
\tresults := make([]int, 4)
\tfor i := range results {
\t\twg.Add(1)
\t\tgo func(i int) { defer wg.Done(); results[i] = i * i }(i)
\t}
\twg.Wait()
\tfmt.Println("squares:", results)
}
`,
    expectedOutput: "squares: [0 1 4 9]\n",
  },
  {
    id: "playground/rust",
    language: "rust",
    code: `fn longest<'a>(a: &'a str, b: &'a str) -> &'a str {
    if a.len() >= b.len() { a } else { b }
}

fn main() {
    let owned = String::from("borrowed");
    println!("longest: {}", longest(&owned, "short"));
}
`,
    expectedOutput: "longest: borrowed\n",
  },
];
