# Threads help while they wait: five simulated downloads, one after another and then on five threads.
# time.sleep stands in for a blocking socket read; like real I/O, it releases the GIL while it waits.
import time
from concurrent.futures import ThreadPoolExecutor

WAIT = 0.1  # seconds per "download"
URLS = [f"https://example.test/page/{n}" for n in range(1, 6)]


def download(url: str) -> int:
    time.sleep(WAIT)
    return len(url)


def in_waits(seconds: float) -> int:
    """How many single waits the run lasted, rounded: stable from run to run, unlike raw times."""
    return round(seconds / WAIT)


start = time.perf_counter()
sizes = [download(url) for url in URLS]
print(f"one after another: {sizes}, about {in_waits(time.perf_counter() - start)} waits")

start = time.perf_counter()
with ThreadPoolExecutor(max_workers=5) as pool:
    sizes = list(pool.map(download, URLS))  # map keeps the input order
print(f"five threads:      {sizes}, about {in_waits(time.perf_counter() - start)} wait")
