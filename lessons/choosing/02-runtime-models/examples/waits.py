# 1,000 simulated I/O calls (each waits 100 ms, as a slow database query would), all in flight at once.
import asyncio
import time

CALLS = 1_000
WAIT_SECONDS = 0.1

in_flight = 0
peak = 0


async def fake_query(call_id: int) -> int:
    global in_flight, peak
    in_flight += 1
    peak = max(peak, in_flight)
    await asyncio.sleep(WAIT_SECONDS)  # the thread is free while we wait
    in_flight -= 1
    return call_id


async def main() -> None:
    started = time.monotonic()
    results = await asyncio.gather(*(fake_query(i) for i in range(CALLS)))
    elapsed = time.monotonic() - started
    print(f"calls finished: {len(results)}")
    print(f"most calls waiting at the same time: {peak}")
    print(f"one after another this would take {CALLS * WAIT_SECONDS:.0f} s")
    print(f"took under 2 s instead: {'yes' if elapsed < 2 else 'no'}")


asyncio.run(main())
