# What a tracer such as OpenTelemetry records for one request, reduced to its core: spans with ids, a parent and a
# start and end. The clock is simulated (milliseconds we choose), so the output is the same on every run.
TRACE_ID = "5e1f0c2a9b8d47e6a1c3d5f7092b4e68"  # 16 bytes as 32 hex digits; real tracers pick it at random
CALLS = {"db: users": 40, "http: ml-service": 180, "db: analytics": 65}  # simulated durations in ms


def handle(calls):
    """The aggregated endpoint: three calls at once, then encode. Returns spans in the order they start."""
    spans = []

    def span(name, parent, start, end):
        spans.append({"id": f"{len(spans) + 1:016x}", "name": name, "parent": parent, "start": start, "end": end})
        return spans[-1]["id"]

    root = span("GET /api/aggregated", None, 0, None)
    for name, duration in calls.items():
        span(name, root, 2, 2 + duration)  # all three start together
    done = max(s["end"] for s in spans[1:])
    span("encode response", root, done, done + 5)
    spans[0]["end"] = done + 5
    return spans


spans = handle(CALLS)
print(f"trace {TRACE_ID} (simulated clock)")
for s in spans:
    indent = "  " if s["parent"] else ""
    print(f"{indent + s['name']:<22} span {s['id']}  {s['start']}-{s['end']} ms")

ml = next(s for s in spans if s["name"] == "http: ml-service")
print(f"header sent to ml-service: traceparent: 00-{TRACE_ID}-{ml['id']}-01")

total = spans[0]["end"]
children = [s for s in spans if s["name"] in CALLS]
slowest = max(children, key=lambda s: s["end"] - s["start"])
print(f"slowest call: {slowest['name']} ({slowest['end'] - slowest['start']} ms of {total})")
for name in CALLS:
    faster = dict(CALLS, **{name: CALLS[name] // 2})
    new_total = handle(faster)[0]["end"]
    print(f"make {name + ' twice as fast':<32} -> {new_total} ms (saves {total - new_total})")
