# The capstone's building blocks, outside any framework: a real SQLite users table read in a worker
# thread, and a simulated service with a configurable latency and failure.
import asyncio
import os
import sqlite3
import tempfile

DB_PATH = os.path.join(tempfile.mkdtemp(), "app.db")
with sqlite3.connect(DB_PATH) as conn:
    conn.executescript(
        """
        CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT NOT NULL);
        INSERT INTO users VALUES (1, 'Ada', 'ada@example.com'), (2, 'Alan', 'alan@example.com');
        """
    )
conn.close()


class UserNotFound(LookupError):
    pass


def load_user(db_path: str, user_id: int) -> dict:
    """Blocking sqlite3 code: call it through asyncio.to_thread from async code."""
    conn = sqlite3.connect(db_path)  # opened in the thread that uses it
    try:
        row = conn.execute("SELECT id, name, email FROM users WHERE id = ?", (user_id,)).fetchone()
    finally:
        conn.close()
    if row is None:
        raise UserNotFound(user_id)
    return {"id": row[0], "name": row[1], "email": row[2]}


class SimulatedService:
    """Stands in for an HTTP call to another service: answers after latency_s, or fails."""

    def __init__(self, name: str, payload, latency_s: float = 0.05, fails: bool = False):
        self.name, self.payload, self.latency_s, self.fails = name, payload, latency_s, fails

    async def fetch(self, user_id: int):
        await asyncio.sleep(self.latency_s)
        if self.fails:
            raise ConnectionError(f"{self.name} refused the connection")
        return self.payload


async def main() -> None:
    print("user 1:", await asyncio.to_thread(load_user, DB_PATH, 1))
    try:
        await asyncio.to_thread(load_user, DB_PATH, 99)
    except UserNotFound as missing:
        print("user 99: not found", missing.args)

    recs = SimulatedService("recommendations", ["sku-1", "sku-2"], latency_s=0.02)
    print("recommendations:", await recs.fetch(1))

    broken = SimulatedService("recommendations", [], latency_s=0.01, fails=True)
    try:
        await broken.fetch(1)
    except ConnectionError as error:
        print("broken service:", error)

    slow = SimulatedService("analytics", {"visits": 3}, latency_s=1.0)
    try:
        async with asyncio.timeout(0.05):
            await slow.fetch(1)
    except TimeoutError:
        print("slow service: gave up after the budget")


asyncio.run(main())
