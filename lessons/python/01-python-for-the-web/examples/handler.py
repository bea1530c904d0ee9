# The shape of a web handler without a framework: validate input, build a typed response, serialise to JSON.
import json
from dataclasses import asdict, dataclass


@dataclass
class Product:
    id: int
    name: str
    price_cents: int


CATALOG = {
    1: Product(1, "Keyboard", 4999),
    2: Product(2, "Monitor", 18900),
}


def get_product(raw_id: str) -> tuple[int, dict]:
    if not raw_id.isdigit():
        return 400, {"error": "id must be a positive integer"}
    product = CATALOG.get(int(raw_id))
    if product is None:
        return 404, {"error": f"no product {raw_id}"}
    return 200, asdict(product)


for raw in ["1", "7", "abc"]:
    status, body = get_product(raw)
    print(status, json.dumps(body, sort_keys=True))
