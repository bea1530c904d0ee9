# Not every dependency is worth failing the request for. Wait for all three to settle, then decide:
# a required one that failed means 500, an optional one that failed means a fallback value.
import asyncio

REQUIRED = {"user_data", "analytics"}
FALLBACK = "fallback: top sellers"


async def fetch_dependency(ms: int, fails: str | None = None) -> str:
    await asyncio.sleep(ms / 1000)
    if fails:
        raise ConnectionError(fails)
    return "ok"


async def handle(scenario: str, plans: dict[str, tuple]) -> None:
    # return_exceptions=True hands failures back as values instead of raising the first one.
    results = await asyncio.gather(*(fetch_dependency(*plan) for plan in plans.values()), return_exceptions=True)

    status = 200
    print(f"scenario: {scenario}")
    for name, result in zip(plans, results):
        if not isinstance(result, Exception):
            print(f"  {name}: answered")
        elif name in REQUIRED:
            status = 500
            print(f"  {name}: failed ({result})")
        else:
            print(f"  {name}: failed, {FALLBACK}")
    print(f"  status {status}")


async def main() -> None:
    await handle(
        "recommendations down",
        {"user_data": (10,), "recommendations": (20, "ml-service unavailable"), "analytics": (30,)},
    )
    await handle(
        "user_data down",
        {"user_data": (10, "database unavailable"), "recommendations": (20,), "analytics": (30,)},
    )


asyncio.run(main())
