// node:test, the test runner built into Node.js: no dependency to install.
// This file is both the tests and the runner: run() starts it again in a child process as a test file,
// and the parent prints one line per test instead of the default report (which includes timings).
const { test, describe, run } = require("node:test");
const assert = require("node:assert/strict");

function slugify(title) {
  return title.toLowerCase().trim().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

async function withTimeout(promise, ms) {
  let timer;
  const deadline = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error("timeout")), ms)));
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

if (process.env.NODE_TEST_CONTEXT) {
  // The child: define the tests.
  describe("slugify", () => {
    test("lower-cases and joins words with dashes", () => {
      assert.equal(slugify("Hello, Node World"), "hello-node-world");
    });
    test("trims dashes at both ends", () => {
      assert.equal(slugify("  --Ready?  "), "ready");
    });
    test("a deliberately wrong expectation, to see a failure", () => {
      assert.deepEqual(slugify("A B").split("-"), ["a", "b", "c"]);
    });
  });
  describe("withTimeout", () => {
    test("resolves with the value when it is fast", async () => {
      assert.equal(await withTimeout(Promise.resolve(42), 50), 42);
    });
    test("rejects when the promise is too slow", async () => {
      const slow = new Promise((resolve) => setTimeout(resolve, 200));
      await assert.rejects(withTimeout(slow, 10), /timeout/);
    });
    test("is skipped for now", { skip: "not written yet" }, () => {});
  });
} else {
  // The parent: run this file as a test file and report each result in one line.
  const stream = run({ files: [__filename] });
  stream.on("test:pass", (t) => {
    if (t.details.type !== "suite") console.log(`${t.skip ? "skip" : "pass"}  ${t.name}`);
  });
  stream.on("test:fail", (t) => {
    if (t.details.type !== "suite") console.log(`FAIL  ${t.name}: ${t.details.error.cause?.message.split("\n")[0]}`);
  });
  stream.on("end", () => (process.exitCode = 0));
}
