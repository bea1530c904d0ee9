# Type hints document and let a checker (mypy, pyright) find mistakes before run time; Python itself
# does not enforce them. pydantic is the exception: it reads the hints and validates at run time.
from dataclasses import dataclass
from typing import Protocol, TypedDict, get_type_hints

from pydantic import BaseModel, ValidationError


def total_cents(price_cents: int, quantity: int) -> int:
    return price_cents * quantity


print("hints ignored at run time:", repr(total_cents("ab", 3)))  # a checker would flag this line
print("but readable by tools:", get_type_hints(total_cents))


class UserRow(TypedDict):  # the shape of a dict, e.g. a JSON body or a database row
    id: int
    name: str


class UserStore(Protocol):  # any object with this method fits: no inheritance needed
    def get(self, user_id: int) -> UserRow | None: ...


@dataclass(frozen=True)
class InMemoryUsers:
    rows: tuple[UserRow, ...]

    def get(self, user_id: int) -> UserRow | None:
        return next((row for row in self.rows if row["id"] == user_id), None)


def greeting(store: UserStore, user_id: int) -> str:
    user = store.get(user_id)
    return f"Hello, {user['name']}" if user else "Hello, stranger"


store = InMemoryUsers(rows=({"id": 1, "name": "Ada"},))
print(greeting(store, 1), "|", greeting(store, 2))


class Order(BaseModel):
    product_id: int
    quantity: int


print("pydantic converts:", Order(product_id="7", quantity=2))
try:
    Order(product_id="seven", quantity=2)
except ValidationError as error:
    print("pydantic refuses:", error.errors()[0]["loc"], error.errors()[0]["msg"])
