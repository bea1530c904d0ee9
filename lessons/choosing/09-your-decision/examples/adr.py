# An architecture decision record kept as data, printed as Markdown, and checked against the common pitfalls.
RECORD = {
    "number": 1,
    "title": "Python and FastAPI for the analytics API",
    "status": "proposed",
    "load": {"rps": 2_000, "p99_ms": 200},
    "context": [
        "Team: four developers, all writing Python.",
        "Needs: scikit-learn models in the request path; no real-time features.",
        "Deadline: first release in 8 weeks.",
        "Stack advisor: recommends Python, alternatives Node.js and Go, no trade-offs listed.",
        "Weighted matrix: Python 425, Node.js 290, Go 285, Rust 225 (of 500).",
    ],
    "decision": "We will build the analytics API in Python with FastAPI.",
    "alternatives": {
        "Node.js": "as quick to ship, but a new language for the team and no ML libraries in process.",
        "Go": "more headroom and lower running cost, but months of slower delivery while the team learns it.",
    },
    "good": ["The team ships in the language it knows, with the ML libraries in process."],
    "bad": [
        "More instances for the same traffic than Go or Rust would need.",
        "CPU-heavy work will need worker processes or a separate service (the GIL).",
    ],
    "revisit_when": [
        "p99 latency stays above 200 ms at peak for a week.",
        "Peak load passes 10,000 requests per second per instance.",
    ],
    "measured": False,  # has a load test of a prototype backed the load and latency figures?
}


def markdown(r):
    lines = [f"# ADR {r['number']}: {r['title']}", "", f"Status: {r['status']}", "", "## Context"]
    lines.append(f"- Load: about {r['load']['rps']:,} requests per second per instance at peak; p99 target {r['load']['p99_ms']} ms.")
    lines += [f"- {c}" for c in r["context"]]
    lines += ["", "## Decision", r["decision"], "", "## Alternatives considered"]
    lines += [f"- {name}: {why}" for name, why in r["alternatives"].items()]
    lines += ["", "## Consequences"]
    lines += [f"- Good: {g}" for g in r["good"]] + [f"- Bad: {b}" for b in r["bad"]]
    lines += ["", "## Revisit when"] + [f"- {t}" for t in r["revisit_when"]]
    return lines


def checks(r):
    return [
        (r["load"]["rps"] > 0 and r["load"]["p99_ms"] > 0, "context gives load and latency as numbers"),
        (len(r["alternatives"]) > 0, "at least one alternative considered"),
        (len(r["bad"]) > 0, "consequences include a downside"),
        (len(r["revisit_when"]) > 0, "a review trigger is set"),
        (r["measured"], "a load test backs the figures (measure before marking this accepted)"),
    ]


print("\n".join(markdown(RECORD)))
print()
print("Checks:")
for passed, text in checks(RECORD):
    print(f"{'ok  ' if passed else 'TODO'} {text}")
