# What the everyday tool does with bad input. json.loads gives plain dicts; a dataclass checks which fields are
# present but not their types. FastAPI uses pydantic for this, which checks both.
import json
from dataclasses import dataclass


@dataclass
class User:
    name: str
    age: int


bodies = [
    '{"name":"Ada","age":36}',
    '{"name":"Ada"}',
    '{"name":"Ada","age":"36"}',
    '{"name":"Ada","age":36,"admin":true}',
]

for body in bodies:
    try:
        user = User(**json.loads(body))
        print(f"{body} -> accepted: name={user.name} age={user.age!r} ({type(user.age).__name__})")
    except TypeError as error:
        print(f"{body} -> rejected: {error}")
