# Naive recursive Fibonacci, the articles' CPU benchmark. It prints results and call counts, never times:
# the work done is the same on every machine, the time it takes is not.
calls = 0


def fib(n: int) -> int:
    global calls
    calls += 1
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print("fib(0..10):", " ".join(str(fib(n)) for n in range(11)))

previous = None
for n in (15, 20, 25):
    calls = 0
    result = fib(n)
    growth = f" ({calls / previous:.1f}x the calls of fib({n - 5}))" if previous else ""
    print(f"fib({n}) = {result} after {calls} calls{growth}")
    previous = calls
