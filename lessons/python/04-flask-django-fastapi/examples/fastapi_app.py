# FastAPI: type hints and pydantic models declare what a request must look like; the framework
# validates it, answers 422 when it is wrong, and documents it as OpenAPI. TestClient calls the app in-process.
from fastapi import Depends, FastAPI, HTTPException
from fastapi.testclient import TestClient
from pydantic import BaseModel, Field

app = FastAPI()

PRICES = {1: 4999, 2: 18900}


class OrderIn(BaseModel):
    product_id: int
    quantity: int = Field(ge=1, le=10)


class OrderOut(BaseModel):
    product_id: int
    quantity: int
    total_cents: int


def price_list() -> dict[int, int]:
    return PRICES  # a dependency: tests can replace it with app.dependency_overrides


@app.post("/orders", status_code=201, response_model=OrderOut)
def create_order(order: OrderIn, prices: dict[int, int] = Depends(price_list)) -> OrderOut:
    if order.product_id not in prices:
        raise HTTPException(status_code=404, detail=f"no product {order.product_id}")
    return OrderOut(**order.dict(), total_cents=prices[order.product_id] * order.quantity)


client = TestClient(app)
for body in [{"product_id": 2, "quantity": 3}, {"product_id": 9, "quantity": 1}, {"product_id": 1, "quantity": 0}]:
    response = client.post("/orders", json=body)
    print(response.status_code, response.json())

print("documented paths:", list(app.openapi()["paths"]))
