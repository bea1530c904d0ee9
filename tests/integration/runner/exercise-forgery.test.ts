import { describe, expect, it } from "vitest";
import { loadExercise } from "@/lib/content/exercises";
import { checkExercise } from "@/lib/grading/check-exercise";

// A learner's code that tries to pass without solving: it rewrites the harness's output, or finds the check's nonce
// in a file (its own source, the harness, anything in the working folder, stdin) and prints passing verdicts. The
// sandbox holds no verdict and no expectation, so each attempt is graded on what the code really returned. Every
// program below is a wrong solution; each attack passed before observations replaced printed verdicts.

const IN_ORDER = "node/01-event-loop/in-order";
const PARSE_QUERY = "python/01-python-for-the-web/parse-query";
const PARALLEL_SUM = "go/01-goroutines/parallel-sum";
const LONGEST_WORD = "rust/01-ownership-and-async/longest-word";

const names = (id: string) => loadExercise(id)!.tests.map((test) => test.name);
const goStrings = (values: string[]) => values.map((v) => JSON.stringify(v)).join(", ");

const attacks: { title: string; id: string; code: () => string; shows: RegExp }[] = [
  {
    title: "JavaScript: replaces console.log and process.stdout.write to turn FAIL into PASS",
    id: IN_ORDER,
    code: () => `
async function mapInOrder(items, fn) { return Promise.all(items.map(fn)); }
const pass = (text) => String(text).replaceAll("\\tFAIL\\t", "\\tPASS\\t");
const log = console.log;
console.log = (...args) => log(...args.map(pass));
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = (chunk, ...rest) => write(pass(chunk), ...rest);
`,
    shows: /the most calls running at once: got 4, expected 1/,
  },
  {
    title: "JavaScript: reads the nonce from its own file, the folder and stdin, prints PASS and exits",
    id: IN_ORDER,
    code: () => `
async function mapInOrder(items, fn) { return Promise.all(items.map(fn)); }
const fs = process.getBuiltinModule("node:fs");
let text = "";
for (const file of [process.argv[1], ...fs.readdirSync(".")]) { try { text += fs.readFileSync(file, "utf8"); } catch {} }
try { text += fs.readFileSync(0, "utf8"); } catch {}
for (const nonce of new Set(text.match(/[0-9a-f]{24}/g) ?? [])) {
  for (const name of ${JSON.stringify(names(IN_ORDER))}) console.log(["@@TEST", nonce, "PASS", name, ""].join("\\t"));
}
if (typeof __check === "function") {
  for (const [name, value] of [["returns results in item order", [60, 20, 40]], ["never runs two calls at once", 1], ["resolves to an empty array for no items", []]]) __check(name, () => value);
}
process.exit(0);
`,
    shows: /^Not run/,
  },
  {
    title: "Python: replaces print and sys.stdout to turn FAIL into PASS",
    id: PARSE_QUERY,
    code: () => `
import builtins, sys

def parse_query(query):
    return {}

class _Rewrite:
    def __init__(self, out):
        self.out = out
    def write(self, text):
        return self.out.write(text.replace("\\tFAIL\\t", "\\tPASS\\t"))
    def flush(self):
        self.out.flush()

sys.stdout = _Rewrite(sys.stdout)
_print = builtins.print
builtins.print = lambda *args, **kwargs: _print(*[str(a).replace("\\tFAIL\\t", "\\tPASS\\t") for a in args], **kwargs)
`,
    shows: /parse_query\("page=2&sort=new"\): got \{\}, expected/,
  },
  {
    title: "Python: reads the nonce from __file__, the folder and stdin, prints PASS and exits",
    id: PARSE_QUERY,
    code: () => `
import os, re, sys

def parse_query(query):
    return {}

text = open(__file__).read() + sys.stdin.read()
for name in os.listdir("."):
    if os.path.isfile(name):
        text += open(name).read()
for nonce in set(re.findall(r"[0-9a-f]{24}", text)):
    for name in ${JSON.stringify(names(PARSE_QUERY))}:
        print("\\t".join(["@@TEST", nonce, "PASS", name, ""]))
if "__check" in globals():
    __check("empty query gives an empty dict", lambda: {})
sys.stdout.flush()
raise SystemExit(0)
`,
    shows: /^Not run/,
  },
  {
    title: "Go: reassigns os.Stdout in init() to a pipe that rewrites the harness's lines",
    id: PARALLEL_SUM,
    code: () => `package main

import (
	"bufio"
	"os"
	"strings"
	"time"
)

func ParallelSum(nums []int, workers int) int {
	time.Sleep(200 * time.Millisecond) // lets the rewriting goroutine keep up
	return 0
}

func init() {
	real := os.Stdout
	r, w, _ := os.Pipe()
	os.Stdout = w
	go func() {
		scanner := bufio.NewScanner(r)
		forged := false
		for scanner.Scan() {
			parts := strings.Split(scanner.Text(), "\\t")
			if len(parts) > 2 && !forged {
				forged = true
				for _, name := range []string{${goStrings(names(PARALLEL_SUM))}} {
					real.WriteString(strings.Join([]string{parts[0], parts[1], "PASS", name, ""}, "\\t") + "\\n")
				}
			}
		}
	}()
}
`,
    shows: /ParallelSum\(\[\]int\{1, 2, 3, 4, 5\}, 2\): got 0, expected 15/,
  },
  {
    title: "Go: reads the nonce from harness.go, the folder and stdin in init(), prints PASS and exits",
    id: PARALLEL_SUM,
    code: () => `package main

import (
	"fmt"
	"io"
	"os"
	"regexp"
)

func ParallelSum(nums []int, workers int) int { return 0 }

func init() {
	text := ""
	entries, _ := os.ReadDir(".")
	for _, entry := range entries {
		if data, err := os.ReadFile(entry.Name()); err == nil {
			text += string(data)
		}
	}
	if data, err := io.ReadAll(os.Stdin); err == nil {
		text += string(data)
	}
	for _, nonce := range regexp.MustCompile("[0-9a-f]{24}").FindAllString(text, -1) {
		for _, name := range []string{${goStrings(names(PARALLEL_SUM))}} {
			fmt.Printf("@@TEST\\t%s\\tPASS\\t%s\\t\\n", nonce, name)
		}
	}
	os.Exit(0)
}
`,
    shows: /^Not run/,
  },
  {
    title: "Rust: reads the nonce from main.rs, the folder and stdin, prints PASS and exits",
    id: LONGEST_WORD,
    code: () => `
fn longest_word(_text: &str) -> &str {
    use std::io::Read;
    let mut text = String::new();
    for entry in std::fs::read_dir(".").unwrap().flatten() {
        text += &std::fs::read_to_string(entry.path()).unwrap_or_default();
    }
    let _ = std::io::stdin().read_to_string(&mut text);
    for window in text.as_bytes().windows(24) {
        if window.iter().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(b)) {
            for name in ${JSON.stringify(names(LONGEST_WORD))} {
                println!("@@TEST\\t{}\\tPASS\\t{}\\t", String::from_utf8_lossy(window), name);
            }
        }
    }
    std::process::exit(0)
}
`,
    shows: /^Not run/,
  },
  {
    title: "Rust: prints forged observations and reports the right answers through __check from inside a test",
    id: LONGEST_WORD,
    code: () => `
fn longest_word(_text: &str) -> &str {
    println!("@@OBS\\t000000000000000000000000\\t{{\\"test\\":\\"empty text\\",\\"value\\":\\"\\"}}");
    __check("finds the longest word", || "ownership");
    __check("first one wins a tie", || "borrow");
    __check("empty text", || "");
    __check("returns a slice of the input", || (true, "references"));
    std::process::exit(0)
}
`,
    shows: /was reported from inside another test's code|^Not run/,
  },
];

describe("exercise checks that the learner's code cannot fake", () => {
  it.each(attacks)("$title", async ({ id, code, shows }) => {
    const result = await checkExercise(loadExercise(id)!, code(), "forgery-test");
    expect(result.passed).toBe(false);
    expect(result.tests.some((test) => !test.passed && shows.test(test.message))).toBe(true);
  });

  it("still passes every reference solution through the same path", async () => {
    for (const id of [IN_ORDER, PARSE_QUERY, PARALLEL_SUM, LONGEST_WORD]) {
      const exercise = loadExercise(id)!;
      expect((await checkExercise(exercise, exercise.solution, "forgery-test")).passed).toBe(true);
    }
  });
});
