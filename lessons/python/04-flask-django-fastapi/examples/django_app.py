# Django in one file: normally a project is several files (settings, urls, views, models); here the
# settings are given in code so the example runs alone. Django's test Client calls it in-process.
import json

from django.conf import settings

settings.configure(
    DEBUG=False,
    ALLOWED_HOSTS=["testserver"],
    ROOT_URLCONF=__name__,
    SECRET_KEY="only-for-this-example",
    INSTALLED_APPS=[],
)

import django  # noqa: E402  (Django must be configured before the rest is imported)

django.setup()

from django.http import JsonResponse  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import path  # noqa: E402
from django.views.decorators.http import require_http_methods  # noqa: E402

PRODUCTS = {1: {"id": 1, "name": "Keyboard", "price_cents": 4999}}


@require_http_methods(["GET"])
def product_detail(request, product_id: int):
    product = PRODUCTS.get(product_id)
    if product is None:
        return JsonResponse({"error": f"no product {product_id}"}, status=404)
    return JsonResponse(product)


urlpatterns = [path("products/<int:product_id>", product_detail)]

client = Client()
for method, url in [("get", "/products/1"), ("get", "/products/7"), ("post", "/products/1")]:
    response = getattr(client, method)(url)
    body = json.loads(response.content) if response["Content-Type"] == "application/json" else "(empty)"
    print(response.status_code, method.upper(), url, body)
