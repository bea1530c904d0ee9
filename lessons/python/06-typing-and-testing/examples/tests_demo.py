# Tests with the standard library's unittest: a pure function, an async function with a fake
# dependency, and a FastAPI endpoint whose dependency is overridden. The runner prints one line per test.
import asyncio
import unittest
from unittest import mock

from fastapi import Depends, FastAPI
from fastapi.testclient import TestClient


def apply_discount(cents: int, percent: int) -> int:
    if not 0 <= percent <= 100:
        raise ValueError("percent must be between 0 and 100")
    return cents * (100 - percent) // 100


async def price_with_tax(product_id: int, prices) -> int:
    base = await prices.lookup(product_id)  # an async call to some service
    return base + base // 5


def get_prices() -> dict[int, int]:
    raise RuntimeError("the real price service is not available in tests")


app = FastAPI()


@app.get("/prices/{product_id}")
def read_price(product_id: int, prices: dict[int, int] = Depends(get_prices)):
    return {"product_id": product_id, "cents": prices[product_id]}


class DiscountTests(unittest.TestCase):
    def test_takes_the_percentage_off(self):
        self.assertEqual(apply_discount(1000, 15), 850)

    def test_rounds_down_to_whole_cents(self):
        self.assertEqual(apply_discount(999, 10), 899)

    def test_refuses_more_than_100_percent(self):
        with self.assertRaises(ValueError):
            apply_discount(1000, 150)


class TaxTests(unittest.IsolatedAsyncioTestCase):  # each test runs in its own event loop
    async def test_adds_twenty_percent(self):
        prices = mock.AsyncMock()
        prices.lookup.return_value = 1000
        self.assertEqual(await price_with_tax(7, prices), 1200)
        prices.lookup.assert_awaited_once_with(7)


class EndpointTests(unittest.TestCase):
    def setUp(self):
        app.dependency_overrides[get_prices] = lambda: {7: 4999}
        self.client = TestClient(app)

    def tearDown(self):
        app.dependency_overrides.clear()

    def test_reads_from_the_overridden_dependency(self):
        response = self.client.get("/prices/7")
        self.assertEqual((response.status_code, response.json()), (200, {"product_id": 7, "cents": 4999}))

    def test_rejects_a_non_numeric_id(self):
        self.assertEqual(self.client.get("/prices/seven").status_code, 422)


class Report(unittest.TestResult):
    def addSuccess(self, test):
        super().addSuccess(test)
        print(f"ok    {test.id().split('.', 1)[1]}")

    def addFailure(self, test, err):
        super().addFailure(test, err)
        print(f"FAIL  {test.id().split('.', 1)[1]}: {err[1]}")


suite = unittest.TestSuite(
    unittest.defaultTestLoader.loadTestsFromTestCase(case) for case in (DiscountTests, TaxTests, EndpointTests)
)
result = Report()
suite.run(result)
failed = len(result.failures) + len(result.errors)
print(f"ran {result.testsRun} tests, {failed} failed")
