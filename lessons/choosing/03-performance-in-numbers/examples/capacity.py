# From benchmark throughput to a number of servers. The rates are the careers article's TechEmpower 2025
# figures; the loads are examples. Real handlers do more than the benchmark's trivial response, so read
# these as the fewest servers each framework could need, never as a promise.
import math

FRAMEWORKS = [
    ("Go / Fiber", 338_000),
    ("Rust / Actix", 320_000),
    ("Node.js / Fastify", 98_000),
    ("Python / FastAPI", 45_000),
    ("Python / Django", 32_000),
]
LOADS = [5_000, 50_000, 500_000]  # requests per second you must serve


def servers_needed(load: int, per_server: int) -> int:
    return math.ceil(load / per_server)


print("servers needed at the benchmark's rate")
print("".ljust(18) + "".join(f"{load:,}/s".rjust(12) for load in LOADS))
for name, rate in FRAMEWORKS:
    print(name.ljust(18) + "".join(str(servers_needed(load, rate)).rjust(12) for load in LOADS))

fastest = max(rate for _, rate in FRAMEWORKS)
slowest = min(rate for _, rate in FRAMEWORKS)
print(f"gap between fastest and slowest: {fastest / slowest:.1f}x")
