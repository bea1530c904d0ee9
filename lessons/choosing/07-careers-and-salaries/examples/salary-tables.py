# The salary figures of one 2025 article, as it prints them in three places, in $1,000s a year (USA).
# headline: the "Salary (USA 2025)" line in each language's section
# summary:  the salary column of the article's closing summary table
# entry / senior: the "Entry Level" and "Senior Level" columns of its salary table
ROWS = [
    # language,  headline,   summary,    entry, senior,     trend
    ("Rust",    (150, 210), (150, 210), 120, (185, 210), "rising fast"),
    ("Go",      (135, 200), (135, 200), 110, (160, 200), "steady growth"),
    ("Python",  (130, 180), (130, 180),  95, (150, 180), "stable"),
    ("Node.js", (120, 138), (120, 138),  85, (120, 138), "stable"),
]


def span(r):
    return f"{r[0]}-{r[1]}"


print(f"{'language':<9} {'headline':<9} {'entry':<6} {'senior':<8} trend")
for name, headline, _, entry, senior, trend in ROWS:
    print(f"{name:<9} {span(headline):<9} {entry:<6} {span(senior):<8} {trend}")

print()
repeats = sum(1 for row in ROWS if row[1] == row[2])
print(f"summary table repeats the headline range: {repeats} of {len(ROWS)} languages")
for name, headline, _, entry, senior, _ in ROWS:
    if headline == senior:
        print(f"{name}: headline range is exactly the senior range")
    elif entry < headline[0] < senior[0]:
        print(f"{name}: headline starts at {headline[0]}, between entry ({entry}) and senior ({senior[0]})")
    else:
        print(f"{name}: headline starts at {headline[0]}")

print()
print("raise from entry to the bottom of the senior range:")
for name, _, _, entry, senior, _ in ROWS:
    raise_pct = (senior[0] * 100 + entry // 2) // entry - 100  # rounded to a whole percent
    print(f"  {name:<8} +{raise_pct}%")

orders = {
    "headline top": sorted(ROWS, key=lambda r: -r[1][1]),
    "entry": sorted(ROWS, key=lambda r: -r[3]),
    "senior top": sorted(ROWS, key=lambda r: -r[4][1]),
}
print()
for label, ranked in orders.items():
    print(f"ranked by {label}: {' > '.join(r[0] for r in ranked)}")
