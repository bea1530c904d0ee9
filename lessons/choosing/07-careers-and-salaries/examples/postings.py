# A made-up sample: the pay ranges of eleven "backend engineer (Go)" postings one learner collected in one city,
# in $1,000s a year. None means the posting gave no range. The method is the point, not these numbers.
POSTINGS = [
    (95, 115), (110, 126), None, (115, 135), (120, 140), (124, 144),
    (130, 150), None, (140, 160), (150, 174), (250, 330),  # the last one is a staff-level role
]


def median(values):
    ordered = sorted(values)
    mid = len(ordered) // 2
    if len(ordered) % 2:
        return float(ordered[mid])
    return (ordered[mid - 1] + ordered[mid]) / 2


def mean(values):
    return sum(values) / len(values)


with_range = [p for p in POSTINGS if p is not None]
midpoints = sorted((low + high) // 2 for low, high in with_range)

print(f"{len(POSTINGS)} postings, {len(POSTINGS) - len(with_range)} without a pay range (left out)")
print("midpoints:", " ".join(str(m) for m in midpoints))
print(f"median {median(midpoints):.1f}  mean {mean(midpoints):.1f}")

without_top = midpoints[:-1]
print(f"without the staff role: median {median(without_top):.1f}  mean {mean(without_top):.1f}")

lows = sorted(low for low, _ in with_range)
highs = sorted(high for _, high in with_range)
print(f"typical range: {median(lows):.1f} to {median(highs):.1f}")
