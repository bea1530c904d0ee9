# asyncio runs many waits on one thread, like Node's event loop. gather() starts all three
# coroutines together and returns their results in the order they were passed.
import asyncio

finished = []


async def fetch(source: str, delay: float) -> str:
    await asyncio.sleep(delay)
    finished.append(source)
    return f"{source}: ok"


async def main() -> None:
    results = await asyncio.gather(
        fetch("database", 0.03),
        fetch("ml-service", 0.02),
        fetch("analytics", 0.01),
    )
    print("finished:", ", ".join(finished))
    print("results:", ", ".join(results))


asyncio.run(main())
