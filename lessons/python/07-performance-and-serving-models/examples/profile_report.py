# Profile before you optimise: cProfile counts every call. The counts (not the times, which vary)
# show where the work goes: one lookup that scans a list, called once per order.
import cProfile
import pstats

CUSTOMERS = [{"id": n, "country": "SE" if n % 3 else "NO"} for n in range(2_000)]
ORDERS = [{"customer_id": (n * 7) % 2_000, "cents": 100 + n % 50} for n in range(3_000)]


def find_customer(customer_id):
    for customer in CUSTOMERS:  # a linear scan: up to 2,000 comparisons per call
        if customer["id"] == customer_id:
            return customer
    return None


def revenue_by_country_slow(orders):
    totals = {}
    for order in orders:
        country = find_customer(order["customer_id"])["country"]
        totals[country] = totals.get(country, 0) + order["cents"]
    return totals


def revenue_by_country_fast(orders):
    by_id = {customer["id"]: customer for customer in CUSTOMERS}  # one pass to build an index
    totals = {}
    for order in orders:
        country = by_id[order["customer_id"]]["country"]
        totals[country] = totals.get(country, 0) + order["cents"]
    return totals


def calls(function, *args):
    profiler = cProfile.Profile()
    result = profiler.runcall(function, *args)
    stats = pstats.Stats(profiler).stats  # {(file, line, name): (primitive calls, calls, time, cumulative, callers)}
    counted = {name: ncalls for (_, _, name), (_, ncalls, *_rest) in stats.items() if name in ("find_customer", "<dictcomp>")}
    return result, counted


slow, slow_calls = calls(revenue_by_country_slow, ORDERS)
fast, fast_calls = calls(revenue_by_country_fast, ORDERS)
print("same answer:", slow == fast, dict(sorted(slow.items())))
print("slow version calls:", dict(sorted(slow_calls.items())))
print("fast version calls:", dict(sorted(fast_calls.items())))
comparisons = sum(min(order["customer_id"], len(CUSTOMERS) - 1) + 1 for order in ORDERS)
print(f"comparisons in the slow scan: {comparisons:,}; dictionary lookups in the fast one: {len(ORDERS):,}")
