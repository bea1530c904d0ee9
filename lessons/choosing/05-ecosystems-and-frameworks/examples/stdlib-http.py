# How far the standard library alone gets you: http.server serves, but routing, path parameters and JSON are yours.
# Its documentation warns it is not meant for production; FastAPI, Flask or Django are what you would deploy.
import json
import re
import threading
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def route(path: str) -> tuple[int, dict]:
    if path == "/health":
        return 200, {"status": "ok"}
    match = re.fullmatch(r"/users/([^/]+)", path)
    if match:
        raw = match.group(1)
        return (200, {"id": int(raw)}) if raw.isdigit() else (400, {"error": "id must be a number"})
    return 404, {"error": "not found"}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        status, body = route(self.path)
        data = json.dumps(body, separators=(",", ":")).encode()
        self.send_response(status)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args) -> None:
        pass  # the default writes an access log line to stderr for every request


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
threading.Thread(target=server.serve_forever, daemon=True).start()
port = server.server_address[1]

for path in ["/health", "/users/42", "/users/abc", "/nope"]:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}") as response:
            status, text = response.status, response.read().decode()
    except urllib.error.HTTPError as error:  # urllib raises for every 4xx and 5xx
        status, text = error.code, error.read().decode()
    print(f"GET {path} -> {status} {text}")

server.shutdown()
