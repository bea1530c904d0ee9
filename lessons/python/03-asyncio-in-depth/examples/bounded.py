# Fan out to many calls without flooding the service: a Semaphore caps how many run at once,
# and as_completed hands back results as they arrive.
import asyncio

DURATION = {1: 0.12, 2: 0.04, 3: 0.09, 4: 0.02, 5: 0.06, 6: 0.02}  # seconds
in_flight = 0
most = 0


async def fetch(item: int, limit: asyncio.Semaphore) -> str:
    global in_flight, most
    async with limit:  # at most 2 inside this block at any moment
        in_flight += 1
        most = max(most, in_flight)
        await asyncio.sleep(DURATION[item])
        in_flight -= 1
        return f"item {item}"


async def main() -> None:
    limit = asyncio.Semaphore(2)
    tasks = [asyncio.create_task(fetch(n, limit)) for n in range(1, 7)]  # created, and queued, in order
    arrival = [await next_done for next_done in asyncio.as_completed(tasks)]
    print("most at once:", most)
    print("arrival order:", arrival)
    print("input order:  ", await asyncio.gather(*(fetch(n, limit) for n in range(1, 4))))


asyncio.run(main())
