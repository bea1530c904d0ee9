# Flask: a small core, routes as decorated functions, and a test client that calls the app in-process.
from flask import Flask, jsonify

app = Flask(__name__)

PRODUCTS = {1: {"id": 1, "name": "Keyboard", "price_cents": 4999}}


@app.get("/products/<int:product_id>")  # the converter rejects non-integers with a 404 before your code runs
def get_product(product_id: int):
    product = PRODUCTS.get(product_id)
    if product is None:
        return jsonify(error=f"no product {product_id}"), 404
    return jsonify(product)  # a dict would be turned into JSON too


@app.errorhandler(404)
def not_found(_error):
    return jsonify(error="no such route"), 404


client = app.test_client()
for path in ["/products/1", "/products/7", "/products/abc"]:
    response = client.get(path)
    print(response.status_code, path, response.get_json())
