# Recursive Fibonacci, the same function in every language. The program times only the computation itself.
import time

N = 30


def fib(n: int) -> int:
    return n if n < 2 else fib(n - 1) + fib(n - 2)


start = time.perf_counter()
result = fib(N)
elapsed_ms = (time.perf_counter() - start) * 1000
print(f"fib({N}) = {result}")
print(f"elapsed_ms={elapsed_ms:.1f}")
