# When one of several calls fails: gather, gather(return_exceptions=True) and TaskGroup side by side.
import asyncio

log: list[str] = []


async def call(name: str, seconds: float, fails: bool = False) -> str:
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        log.append(f"{name} cancelled")
        raise
    if fails:
        raise ConnectionError(f"{name} unreachable")
    log.append(f"{name} finished")
    return name


async def main() -> None:
    try:
        await asyncio.gather(call("a", 0.01, fails=True), call("b", 0.05))
    except ConnectionError as error:
        log.append(f"caught: {error}")
    await asyncio.sleep(0.1)  # b was not cancelled: it finishes on its own
    print("gather:           ", log)
    log.clear()

    results = await asyncio.gather(call("a", 0.01, fails=True), call("b", 0.05), return_exceptions=True)
    print("return_exceptions:", [r if isinstance(r, str) else f"{type(r).__name__}({r})" for r in results])
    log.clear()

    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(call("a", 0.01, fails=True))
            group.create_task(call("b", 0.05))
    except* ConnectionError as failures:  # TaskGroup raises an ExceptionGroup
        log.append(f"caught {len(failures.exceptions)}: {failures.exceptions[0]}")
    await asyncio.sleep(0.1)
    print("TaskGroup:        ", log)


asyncio.run(main())
