# A model behind an API: a tiny logistic regression in pure Python, trained once when the service
# starts, served by FastAPI with validated input, a batch endpoint and the model's version in every answer.
import math

from fastapi import FastAPI
from fastapi.testclient import TestClient
from pydantic import BaseModel, Field, conlist

# Training data: (message length in words, links, exclamation marks) -> 1 if spam.
DATA = [
    ((12, 0, 0), 0), ((30, 0, 1), 0), ((8, 1, 0), 0), ((25, 0, 0), 0), ((40, 1, 1), 0), ((15, 0, 0), 0),
    ((9, 3, 4), 1), ((20, 4, 2), 1), ((6, 2, 5), 1), ((14, 5, 3), 1), ((11, 3, 1), 1), ((7, 2, 3), 1),
]


class Model:
    version = "spam-lr-1"

    def __init__(self, weights: list[float], bias: float):
        self.weights, self.bias = weights, bias

    @classmethod
    def train(cls, data, epochs: int = 200, rate: float = 0.05) -> "Model":
        weights, bias = [0.0, 0.0, 0.0], 0.0
        for _ in range(epochs):  # plain gradient descent on the log loss
            for features, label in data:
                error = cls(weights, bias).probability(features) - label
                weights = [w - rate * error * x / 10 for w, x in zip(weights, features)]
                bias -= rate * error
        return cls(weights, bias)

    def probability(self, features) -> float:
        z = self.bias + sum(w * x / 10 for w, x in zip(self.weights, features))
        return 1 / (1 + math.exp(-z))


class Message(BaseModel):
    words: int = Field(ge=1, le=10_000)
    links: int = Field(ge=0, le=100)
    exclamations: int = Field(ge=0, le=100)


class Batch(BaseModel):
    messages: conlist(Message, min_items=1, max_items=100)  # pydantic 1 spelling; 2 uses min_length


app = FastAPI()
MODEL = Model.train(DATA)  # once per process, at start-up, never per request


def score(message: Message) -> dict:
    p = MODEL.probability((message.words, message.links, message.exclamations))
    return {"spam": p >= 0.5, "probability": round(p, 2)}


@app.post("/predict")
def predict(message: Message):  # plain def: FastAPI runs it in a worker thread, off the event loop
    return {"model": MODEL.version, **score(message)}


@app.post("/predict/batch")
def predict_batch(batch: Batch):
    return {"model": MODEL.version, "results": [score(m) for m in batch.messages]}


client = TestClient(app)
print(client.post("/predict", json={"words": 10, "links": 4, "exclamations": 3}).json())
print(client.post("/predict", json={"words": 28, "links": 0, "exclamations": 0}).json())
batch = {"messages": [{"words": 12, "links": 1, "exclamations": 0}, {"words": 8, "links": 3, "exclamations": 5}]}
print(client.post("/predict/batch", json=batch).json())
print(client.post("/predict", json={"words": 0, "links": 0, "exclamations": 0}).status_code)
print(client.post("/predict/batch", json={"messages": []}).status_code)
