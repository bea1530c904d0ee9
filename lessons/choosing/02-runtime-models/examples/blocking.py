# A CPU-heavy handler and a health check on one asyncio event loop: first as one long computation,
# then split into chunks that hand the thread back between them.
import asyncio

CHUNKS = 4
CHUNK_SIZE = 250_000


def crunch(start: int, stop: int) -> int:
    return sum(i % 7 for i in range(start, stop))  # pure computation: nothing to wait for


async def report(chunked: bool) -> None:
    print("report: started")
    total = 0
    for chunk in range(CHUNKS):
        total += crunch(chunk * CHUNK_SIZE, (chunk + 1) * CHUNK_SIZE)
        if chunked:
            await asyncio.sleep(0)  # let anyone else who is waiting have a turn
    print(f"report: done, total = {total}")


async def health() -> None:
    print("health: request received")
    await asyncio.sleep(0)
    print("health: 200 OK")


async def main() -> None:
    print("-- one long computation --")
    await asyncio.gather(report(chunked=False), health())
    print(f"-- the same work in {CHUNKS} chunks --")
    await asyncio.gather(report(chunked=True), health())


asyncio.run(main())
