# One open stream (an AI reply sent chunk by chunk) and two short requests, all on one event loop.
# asyncio.sleep(0) stands in for waiting on the network: it hands the thread back to the loop for one turn.
import asyncio


async def network_wait() -> None:
    await asyncio.sleep(0)


async def stream_reply(question: str, chunks: list[str]) -> int:
    print(f'[chat]    streaming a reply to "{question}"')
    for number, chunk in enumerate(chunks, start=1):
        await network_wait()  # the model is still producing the next chunk
        print(f'[chat]    chunk {number}: "{chunk}"')
    print(f"[chat]    stream closed after {len(chunks)} chunks")
    return len(chunks)


async def short_request(name: str) -> str:
    print(f"[{name}]".ljust(10) + "request received")
    await network_wait()  # a quick cache lookup
    print(f"[{name}]".ljust(10) + "200 OK")
    return name


async def main() -> None:
    chunks = ["A goroutine", " is a function", " running concurrently", " with others."]
    _, *served = await asyncio.gather(
        stream_reply("what is a goroutine?", chunks),
        short_request("health"),
        short_request("profile"),
    )
    print(f"served {len(served)} short requests while 1 stream was open")


asyncio.run(main())
