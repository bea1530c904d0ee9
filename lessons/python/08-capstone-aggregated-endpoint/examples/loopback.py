# A real server on the sandbox's own loopback: Uvicorn serves a FastAPI app on 127.0.0.1 in a
# background thread, and httpx sends it real HTTP requests. One route has a time budget.
import asyncio
import threading
import time

import httpx
import uvicorn
from fastapi import FastAPI
from fastapi.responses import JSONResponse

app = FastAPI()
BUDGET_S = 0.2  # stands in for 2 seconds


async def slow_service(seconds: float) -> dict:
    await asyncio.sleep(seconds)
    return {"score": 42}


@app.get("/health")
async def health():
    return {"status": "ok"}


@app.get("/score")
async def score(delay_ms: int = 10):
    try:
        async with asyncio.timeout(BUDGET_S):
            return await slow_service(delay_ms / 1000)
    except TimeoutError:
        return JSONResponse({"error": "the score service did not answer in time"}, status_code=504)


def serve() -> tuple[uvicorn.Server, threading.Thread, int]:
    config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning")  # port 0: any free port
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.01)
    port = server.servers[0].sockets[0].getsockname()[1]
    return server, thread, port


server, thread, port = serve()
with httpx.Client(base_url=f"http://127.0.0.1:{port}") as client:
    for path in ["/health", "/score?delay_ms=10", "/score?delay_ms=1000", "/nowhere"]:
        response = client.get(path)
        print(response.status_code, path, response.json())
server.should_exit = True
thread.join()
print("server stopped")
