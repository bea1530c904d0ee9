# CPU work inside an async handler freezes every other request on the loop. A heartbeat task that
# ticks every 10 ms shows it: it stops while the work runs inline, and keeps going when the work
# moves to a thread (asyncio.to_thread) or to another process (run_in_executor with a process pool).
import asyncio
from concurrent.futures import ProcessPoolExecutor


def checksum(n: int) -> int:
    """Pure-Python CPU work, about a fifth of a second."""
    total = 0
    for i in range(n):
        total = (total * 31 + i) % 1_000_003
    return total


WORK = 1_500_000


async def measure(label: str, run_work) -> None:
    ticks = 0
    stop = asyncio.Event()

    async def heartbeat() -> None:
        nonlocal ticks
        while not stop.is_set():
            await asyncio.sleep(0.01)
            ticks += 1

    beat = asyncio.create_task(heartbeat())
    await asyncio.sleep(0)  # let the heartbeat start
    ticks = 0
    result = await run_work()
    stop.set()
    await beat
    print(f"{label:<14} result {result}, loop stayed responsive: {ticks >= 5}")


async def main() -> None:
    async def inline():
        return checksum(WORK)  # blocks the loop: no await inside

    async def in_thread():
        return await asyncio.to_thread(checksum, WORK)

    with ProcessPoolExecutor(max_workers=1) as pool:

        async def in_process():
            return await asyncio.get_running_loop().run_in_executor(pool, checksum, WORK)

        await measure("inline", inline)
        await measure("to_thread", in_thread)
        await measure("process pool", in_process)


if __name__ == "__main__":
    asyncio.run(main())
