# Three ways to put a deadline on async work, and proof that the work is stopped, not abandoned:
# the cancelled coroutine runs its `finally` block.
import asyncio

events: list[str] = []


async def query(name: str, seconds: float) -> str:
    try:
        await asyncio.sleep(seconds)
        events.append(f"{name} answered")
        return name
    except asyncio.CancelledError:
        events.append(f"{name} cancelled")
        raise  # always let cancellation continue upwards
    finally:
        events.append(f"{name} cleaned up")  # close a cursor, release a connection...


async def main() -> None:
    # 1. wait_for: one awaitable, one timeout (every Python 3 version)
    try:
        await asyncio.wait_for(query("report", 1.0), timeout=0.05)
    except TimeoutError:
        events.append("wait_for raised TimeoutError")
    print("wait_for:      ", events)
    events.clear()

    # 2. asyncio.timeout (3.11+): a deadline over a whole block of awaits
    try:
        async with asyncio.timeout(0.05):
            await query("profile", 0.01)
            await query("history", 1.0)
    except TimeoutError:
        events.append("block timed out")
    print("asyncio.timeout:", events)
    events.clear()

    # 3. asyncio.wait: no exception, you get what finished and decide about the rest
    tasks = [asyncio.create_task(query(n, s)) for n, s in [("fast", 0.01), ("slow", 1.0)]]
    done, pending = await asyncio.wait(tasks, timeout=0.05)
    for task in pending:
        task.cancel()
    await asyncio.gather(*pending, return_exceptions=True)  # wait until they really stopped
    print("asyncio.wait:   ", events, "| done:", sorted(t.result() for t in done))


asyncio.run(main())
