# The aggregated endpoint: three simulated dependencies fetched at once under one time budget,
# the outcome turned into an HTTP status. Times are scaled down: a 200 ms budget stands in for 2 s.
import asyncio
from dataclasses import dataclass

BUDGET_S = 0.200
DEPENDENCIES = ["user_data", "recommendations", "analytics"]


@dataclass
class Plan:
    ms: int
    fails: str | None = None


class DependencyError(Exception):
    pass


async def fetch_dependency(plan: Plan) -> str:
    """A stand-in for a database query or an HTTP call. Cancelling the task interrupts the sleep."""
    await asyncio.sleep(plan.ms / 1000)
    if plan.fails:
        raise DependencyError(plan.fails)
    return "ok"


async def handle(name: str, plans: dict[str, Plan]) -> None:
    outcome: dict[str, str] = {}

    async def call(dep: str) -> None:
        try:
            await fetch_dependency(plans[dep])
            outcome[dep] = "answered"
        except DependencyError as error:
            outcome[dep] = f"failed ({error})"
            raise

    status = 200
    try:
        # The timeout cancels the whole group; a failing task cancels its siblings.
        async with asyncio.timeout(BUDGET_S):
            async with asyncio.TaskGroup() as group:
                for dep in DEPENDENCIES:
                    group.create_task(call(dep))
    except TimeoutError:
        status = 408
    except ExceptionGroup:  # TaskGroup wraps the failures it collected
        status = 500

    print(f"scenario: {name}")
    for dep in DEPENDENCIES:
        print(f"  {dep}: {outcome.get(dep, 'timed out' if status == 408 else 'cancelled')}")
    print(f"  status {status}")


SCENARIOS = {
    "all healthy": {"user_data": Plan(10), "recommendations": Plan(20), "analytics": Plan(40)},
    "recommendations down": {
        "user_data": Plan(10),
        "recommendations": Plan(30, fails="ml-service unavailable"),
        "analytics": Plan(150),
    },
    "analytics slow": {"user_data": Plan(10), "recommendations": Plan(20), "analytics": Plan(1000)},
}


async def main() -> None:
    for name, plans in SCENARIOS.items():
        # Each request gets its own task, as it would in an ASGI server.
        await asyncio.create_task(handle(name, plans))


asyncio.run(main())
