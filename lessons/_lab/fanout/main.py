# Fan-out with a deadline: ask three dependencies at once and wait at most 500 ms for all of them together.
import asyncio
import time

DEADLINE_MS = 500
DEPENDENCIES = [("users", 100), ("orders", 200), ("recommendations", 800)]


async def call(name: str, delay_ms: int) -> str:
    """A stand-in for a network call that answers after delay_ms."""
    await asyncio.sleep(delay_ms / 1000)
    return f"{name}: ok after {delay_ms} ms"


async def main() -> None:
    start = time.perf_counter()
    tasks = [asyncio.create_task(call(name, delay_ms)) for name, delay_ms in DEPENDENCIES]
    done, pending = await asyncio.wait(tasks, timeout=DEADLINE_MS / 1000)
    for task in pending:
        task.cancel()
    elapsed_ms = (time.perf_counter() - start) * 1000
    for (name, _), task in zip(DEPENDENCIES, tasks):
        print(task.result() if task in done else f"{name}: timed out (deadline {DEADLINE_MS} ms)")
    print(f"elapsed_ms={elapsed_ms:.1f}")


asyncio.run(main())
