# A toy model of a serverless platform: an idle instance is kept warm for IDLE_LIMIT minutes, then reclaimed.
# A request that finds no warm, free instance gets a new one: a cold start. Times are minutes; nothing is timed.
IDLE_LIMIT = 10  # a made-up figure: real platforms do not promise one

PATTERNS = {
    # name: [(minute, requests arriving together), ...]
    "steady": [(m, 1) for m in range(0, 24, 2)],
    "spiky": [(0, 1), (1, 1), (30, 1), (31, 1), (60, 1), (95, 1), (96, 1), (97, 1)],
    "burst": [(0, 5), (1, 5), (20, 5)],
}


def simulate(arrivals):
    last_used = []  # one entry per live instance: the minute it last finished a request
    cold, peak, timeline = 0, 0, []
    for minute, count in arrivals:
        last_used = [t for t in last_used if minute - t < IDLE_LIMIT]  # reclaim idle instances
        warm = min(count, len(last_used))
        new = count - warm
        cold += new
        last_used = last_used[warm:] + [minute] * count  # every busy instance is now fresh
        peak = max(peak, len(last_used))
        timeline.append(f"{minute} {'cold' if new else 'warm'}")
    return sum(c for _, c in arrivals), cold, peak, timeline


print(f"{'pattern':<8} {'requests':<9} {'cold starts':<12} instances at peak")
for name, arrivals in PATTERNS.items():
    requests, cold, peak, _ = simulate(arrivals)
    print(f"{name:<8} {requests:<9} {cold:<12} {peak}")

print("spiky, request by request:", ", ".join(simulate(PATTERNS["spiky"])[3]))
