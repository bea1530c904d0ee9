# Why Discord cared about spikes that averages hide. Two made-up services answer 10 requests a second for
# 10 minutes. "collected" is a little faster per request but stalls for 1 second every 2 minutes, the rhythm at
# which the Go runtime forces a garbage collection; "steady" never stalls. Illustrative numbers, not Discord's.
import math

SECONDS = 600
PER_SECOND = 10


def latencies(base_ms: float, stall_ms: float | None) -> list[float]:
    samples = []
    for i in range(SECONDS * PER_SECOND):
        second = i // PER_SECOND
        jitter = (i % 5) * 0.1
        stalled = stall_ms is not None and second % 120 == 119
        samples.append(stall_ms if stalled else base_ms + jitter)
    return samples


def percentile(sorted_samples: list[float], p: float) -> float:
    """Nearest rank: the smallest value with at least p% of the samples at or below it."""
    rank = math.ceil(p / 100 * len(sorted_samples))
    return sorted_samples[rank - 1]


for name, samples in [("collected", latencies(1.0, 25.0)), ("steady", latencies(1.2, None))]:
    s = sorted(samples)
    mean = sum(samples) / len(samples)
    print(
        f"{name:<9} requests={len(s)} mean={mean:.1f} p50={percentile(s, 50):.1f} "
        f"p99={percentile(s, 99):.1f} p99.9={percentile(s, 99.9):.1f} max={s[-1]:.1f} (ms)"
    )
