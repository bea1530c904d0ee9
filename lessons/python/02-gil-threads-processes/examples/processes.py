# CPU-bound work needs processes: each worker is a separate interpreter with its own GIL.
# Arguments and results cross between processes by pickling, so they must be plain data.
import os
import sys
from concurrent.futures import ProcessPoolExecutor


def count_primes(limit: int) -> tuple[int, int]:
    count = 0
    for n in range(2, limit):
        if all(n % d for d in range(2, int(n**0.5) + 1)):
            count += 1
    return count, os.getpid()


if __name__ == "__main__":  # needed: worker processes may import this file again
    print(f"the GIL is handed over every {sys.getswitchinterval() * 1000:.0f} ms of bytecode")
    limits = [10_000, 20_000, 30_000, 40_000]
    with ProcessPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(count_primes, limits))
    for limit, (count, _) in zip(limits, results):
        print(f"primes below {limit:>6}: {count}")
    pids = {pid for _, pid in results}
    print(f"every count came from another process: {os.getpid() not in pids}")
