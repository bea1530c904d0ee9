# A weighted decision matrix for one project: an internal analytics API, about 2,000 requests per second at peak,
# a 200 ms p99 target, a team of four Python developers, ML models in the request path, eight weeks to ship.
# Weights add up to 100; each option scores 1 (poor) to 5 (excellent) on each criterion.
OPTIONS = ["Python", "Node.js", "Go", "Rust"]
CRITERIA = [
    # name,            weight, scores in OPTIONS order
    ("performance",    15, [2, 3, 5, 5]),
    ("team fit",       30, [5, 2, 2, 1]),
    ("ML ecosystem",   25, [5, 3, 2, 2]),
    ("time to market", 20, [5, 4, 3, 1]),
    ("running cost",   10, [2, 3, 4, 5]),
]


def ranking(weights):
    """Options with their weighted totals, best first; ties keep the order of OPTIONS."""
    totals = [sum(w * scores[i] for w, (_, _, scores) in zip(weights, CRITERIA)) for i in range(len(OPTIONS))]
    return sorted(zip(OPTIONS, totals), key=lambda pair: -pair[1])


def row(label, weight, cells):
    return (f"{label:<16}{weight:<8}" + "".join(f"{c:<8}" for c in cells)).rstrip()


weights = [w for _, w, _ in CRITERIA]
print(row("criterion", "weight", OPTIONS))
for name, weight, scores in CRITERIA:
    print(row(name, weight, scores))
totals = dict(ranking(weights))
print(row("total (of 500)", "", [totals[o] for o in OPTIONS]))

ranked = ranking(weights)
print("ranking: " + ", ".join(f"{o} {t}" for o, t in ranked))
print(f"margin: {ranked[0][0]} leads {ranked[1][0]} by {ranked[0][1] - ranked[1][1]}")

# Sensitivity: move weight from "team fit" (index 1) to "performance" (index 0) one point at a time.
winner = ranked[0][0]
for moved in range(1, weights[1] + 1):
    shifted = [weights[0] + moved, weights[1] - moved] + weights[2:]
    leader = ranking(shifted)[0][0]
    if leader != winner:
        print(f"sensitivity: {leader} overtakes {winner} when performance weighs {shifted[0]} and team fit {shifted[1]}")
        break
else:
    print(f"sensitivity: {winner} stays ahead however team fit and performance split their weight")
