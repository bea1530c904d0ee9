# Three services described as typed records, then printed as a short inventory.
from dataclasses import dataclass


@dataclass
class Service:
    name: str
    language: str
    port: int


services = [
    Service("gateway", "Go", 8080),
    Service("recommendations", "Python", 8000),
    Service("chat", "Node.js", 3000),
]


def describe(service: Service) -> str:
    return f"{service.name:<16} {service.language:<8} :{service.port}"


for service in services:
    print(describe(service))
print(f"{len(services)} services")
