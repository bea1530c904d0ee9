import { describe, expect, it } from "vitest";
import { runCode } from "@/lib/runner/run-code";
import { CODE_LANGUAGES, type CodeLanguage } from "@/lib/course/vocabulary";

// The real toolchains in the real sandbox: what a learner sees for the four everyday outcomes, per language.
type Case = { hello: string; compileError?: string; syntaxError?: string; panic: string; echo: string };

const CASES: Record<CodeLanguage, Case> = {
  javascript: {
    hello: `console.log("hello from js")`,
    syntaxError: `console.log("missing paren"`,
    panic: `throw new Error("boom in js")`,
    echo: `let s = ""; process.stdin.on("data", (d) => (s += d)); process.stdin.on("end", () => console.log("got " + s.trim().toUpperCase()));`,
  },
  typescript: {
    hello: `const greeting: string = "hello from ts"; console.log(greeting)`,
    compileError: `const x: number = ;`,
    panic: `function fail(): never { throw new Error("boom in ts") } fail()`,
    echo: `import { readFileSync } from "node:fs"; const s: string = readFileSync(0, "utf8"); console.log("got " + s.trim().toUpperCase())`,
  },
  python: {
    hello: `print("hello from python")`,
    syntaxError: `print("missing paren"`,
    panic: `raise ValueError("boom in python")`,
    echo: `import sys\nprint("got " + sys.stdin.read().strip().upper())`,
  },
  go: {
    hello: `package main\nimport "fmt"\nfunc main() { fmt.Println("hello from go") }`,
    compileError: `package main\nfunc main() { undefinedThing() }`,
    panic: `package main\nfunc main() { panic("boom in go") }`,
    echo: `package main\nimport ("bufio";"fmt";"os";"strings")\nfunc main() { s := bufio.NewScanner(os.Stdin); s.Scan(); fmt.Println("got " + strings.ToUpper(s.Text())) }`,
  },
  rust: {
    hello: `fn main() { println!("hello from rust"); }`,
    compileError: `fn main() { let x: i32 = "text"; }`,
    panic: `fn main() { panic!("boom in rust"); }`,
    echo: `use std::io::Read;\nfn main() { let mut s = String::new(); std::io::stdin().read_to_string(&mut s).unwrap(); println!("got {}", s.trim().to_uppercase()); }`,
  },
};

const EXPECT_HELLO: Record<CodeLanguage, string> = {
  javascript: "hello from js\n",
  typescript: "hello from ts\n",
  python: "hello from python\n",
  go: "hello from go\n",
  rust: "hello from rust\n",
};

describe.each(CODE_LANGUAGES)("%s on the server", (language) => {
  const cases = CASES[language];

  it("prints hello world and exits 0", async () => {
    const result = await runCode({ language, code: cases.hello });
    expect(result.stderr).toBe("");
    expect(result).toMatchObject({ stdout: EXPECT_HELLO[language], exitCode: 0, timedOut: false, truncated: false });
    expect(result.durationMs).toBeGreaterThan(0);
  });

  it("reports a compile or syntax error as a normal result with the message in stderr", async () => {
    const result = await runCode({ language, code: cases.compileError ?? cases.syntaxError! });
    expect(result.exitCode).not.toBe(0);
    expect(result.exitCode).not.toBeNull();
    expect(result.timedOut).toBe(false);
    expect(result.stderr).toMatch(/error|Unexpected|SyntaxError|undefined/i);
  });

  it("reports a runtime panic with a non-zero exit and the message", async () => {
    const result = await runCode({ language, code: cases.panic });
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr).toContain(`boom in ${language === "javascript" ? "js" : language === "typescript" ? "ts" : language}`);
  });

  it("feeds stdin to the program", async () => {
    const result = await runCode({ language, code: cases.echo, stdin: "quiet words\n" });
    expect(result.stdout).toBe("got QUIET WORDS\n");
    expect(result.exitCode).toBe(0);
  });
});

describe("library crates and packages", () => {
  it("lets Go programs use golang.org/x/sync/errgroup", async () => {
    const code = `package main
import ("fmt"; "golang.org/x/sync/errgroup")
func main() {
  var g errgroup.Group
  results := make([]int, 3)
  for i := range results { i := i; g.Go(func() error { results[i] = i * i; return nil }) }
  if err := g.Wait(); err != nil { panic(err) }
  fmt.Println(results)
}`;
    const result = await runCode({ language: "go", code });
    expect(result).toMatchObject({ stdout: "[0 1 4]\n", exitCode: 0 });
  });

  it("lets Rust programs use tokio, serde, serde_json and anyhow", async () => {
    const code = `use serde::{Deserialize, Serialize};
#[derive(Serialize, Deserialize, Debug)]
struct Order { id: u32, items: Vec<String> }
#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let handle = tokio::spawn(async { Order { id: 7, items: vec!["tea".into()] } });
    let order = handle.await?;
    let json = serde_json::to_string(&order)?;
    let back: Order = serde_json::from_str(&json)?;
    println!("{json} {}", back.id);
    Ok(())
}`;
    const result = await runCode({ language: "rust", code });
    expect(result.stderr).toBe("");
    expect(result).toMatchObject({ stdout: `{"id":7,"items":["tea"]} 7\n`, exitCode: 0 });
  });
});
