# Python's readability in one screen: a comprehension, a generator expression and a Counter
# summarise a day of request logs.
from collections import Counter

log = [
    ("GET", "/products", 200),
    ("GET", "/products/1", 200),
    ("POST", "/orders", 201),
    ("GET", "/products/9", 404),
    ("POST", "/orders", 500),
]

errors = [f"{method} {path}" for method, path, status in log if status >= 400]
by_method = Counter(method for method, _, _ in log)

print("errors:", errors)
print("by method:", dict(sorted(by_method.items())))
print(f"success rate: {sum(s < 400 for _, _, s in log) / len(log):.0%}")
