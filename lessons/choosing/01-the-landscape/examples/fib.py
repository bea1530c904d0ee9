# Naive recursive Fibonacci: the classic CPU-bound benchmark workload.
calls = 0


def fib(n: int) -> int:
    global calls
    calls += 1
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print("fib(0..10):", " ".join(str(fib(n)) for n in range(11)))

calls = 0
print(f"fib(25) = {fib(25)}")
print(f"calls for fib(25): {calls}")
