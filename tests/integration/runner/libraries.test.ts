import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { runCode } from "@/lib/runner/run-code";
import type { CodeLanguage } from "@/lib/course/vocabulary";

// The libraries lessons teach, compiled and run for real in the sandbox from Debian's packaged sources, offline:
// each program prints what only a working library could have computed. HTTP servers listen on the sandbox's own
// loopback, which no one outside can reach.

async function ok(language: CodeLanguage, code: string) {
  const result = await runCode({ language, code });
  expect(result.stderr).toBe("");
  expect(result.exitCode).toBe(0);
  return result.stdout;
}

describe("Go libraries", () => {
  it("routes with chi (v5 import path) and its middleware, driven by httptest", async () => {
    const code = `package main

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
)

func main() {
	r := chi.NewRouter()
	r.Use(middleware.Recoverer)
	r.Get("/orders/{id}", func(w http.ResponseWriter, r *http.Request) { fmt.Fprintf(w, "order %s", chi.URLParam(r, "id")) })
	r.Get("/boom", func(w http.ResponseWriter, r *http.Request) { panic("boom") })
	srv := httptest.NewServer(r)
	defer srv.Close()
	for _, p := range []string{"/orders/42", "/boom", "/nope"} {
		res, err := http.Get(srv.URL + p)
		if err != nil { panic(err) }
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		fmt.Printf("%s %d %q\\n", p, res.StatusCode, body)
	}
}`;
    // Recoverer logs the panic on stderr; the answers are what matter.
    const result = await runCode({ language: "go", code });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe(`/orders/42 200 "order 42"\n/boom 500 ""\n/nope 404 "404 page not found\\n"\n`);
  });

  it("serves JSON with gin through httptest", async () => {
    const stdout = await ok(
      "go",
      `package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/gin-gonic/gin"
)

type order struct {
	Item string \`json:"item" binding:"required"\`
	Qty  int    \`json:"qty" binding:"min=1"\`
}

func main() {
	gin.SetMode(gin.ReleaseMode)
	r := gin.New()
	r.POST("/orders", func(c *gin.Context) {
		var o order
		if err := c.ShouldBindJSON(&o); err != nil { c.JSON(http.StatusBadRequest, gin.H{"error": "invalid"}); return }
		c.JSON(http.StatusCreated, gin.H{"item": o.Item, "total": o.Qty * 3})
	})
	for _, body := range []string{\`{"item":"tea","qty":2}\`, \`{"item":"tea","qty":0}\`} {
		w := httptest.NewRecorder()
		r.ServeHTTP(w, httptest.NewRequest("POST", "/orders", strings.NewReader(body)))
		fmt.Println(w.Code, w.Body.String())
	}
}`,
    );
    expect(stdout).toBe(`201 {"item":"tea","total":6}\n400 {"error":"invalid"}\n`);
  });

  it("cancels an errgroup at a context deadline", async () => {
    const stdout = await ok(
      "go",
      `package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"golang.org/x/sync/errgroup"
)

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	g, ctx := errgroup.WithContext(ctx)
	results := make([]string, 2)
	g.Go(func() error { results[0] = "fast"; return nil })
	g.Go(func() error {
		select {
		case <-time.After(5 * time.Second):
			results[1] = "slow"
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	})
	start := time.Now()
	err := g.Wait()
	fmt.Println(results[0], results[1] == "", errors.Is(err, context.DeadlineExceeded), time.Since(start) < time.Second)
}`,
    );
    expect(stdout).toBe("fast true true true\n");
  });

  it("queries an in-memory SQLite table through database/sql and go-sqlite3 (cgo)", async () => {
    const stdout = await ok(
      "go",
      `package main

import (
	"database/sql"
	"fmt"

	_ "github.com/mattn/go-sqlite3"
)

func main() {
	db, err := sql.Open("sqlite3", ":memory:")
	if err != nil { panic(err) }
	defer db.Close()
	if _, err := db.Exec("CREATE TABLE prices (item TEXT PRIMARY KEY, cents INTEGER NOT NULL)"); err != nil { panic(err) }
	for item, cents := range map[string]int{"tea": 250, "cake": 400} {
		if _, err := db.Exec("INSERT INTO prices VALUES (?, ?)", item, cents); err != nil { panic(err) }
	}
	var total int
	var version string
	if err := db.QueryRow("SELECT SUM(cents), sqlite_version() FROM prices").Scan(&total, &version); err != nil { panic(err) }
	fmt.Println(total, version != "")
}`,
    );
    expect(stdout).toBe("650 true\n");
  });
});

describe("Rust crates", () => {
  it("runs a hyper server on the sandbox's loopback and calls it with hyper's client under tokio", async () => {
    const stdout = await ok(
      "rust",
      `use std::convert::Infallible;
use hyper::service::{make_service_fn, service_fn};
use hyper::{Body, Client, Request, Response, Server, StatusCode};

async fn route(req: Request<Body>) -> Result<Response<Body>, Infallible> {
    Ok(match req.uri().path() {
        "/health" => Response::new(Body::from("ok")),
        _ => Response::builder().status(StatusCode::NOT_FOUND).body(Body::empty()).unwrap(),
    })
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let make = make_service_fn(|_| async { Ok::<_, Infallible>(service_fn(route)) });
    let server = Server::bind(&([127, 0, 0, 1], 0).into()).serve(make);
    let addr = server.local_addr();
    tokio::spawn(server);
    let client = Client::new();
    for path in ["/health", "/missing"] {
        let res = client.get(format!("http://{addr}{path}").parse()?).await?;
        let status = res.status();
        let body = hyper::body::to_bytes(res.into_body()).await?;
        println!("{path} {} {:?}", status.as_u16(), String::from_utf8_lossy(&body));
    }
    Ok(())
}`,
    );
    expect(stdout).toBe(`/health 200 "ok"\n/missing 404 ""\n`);
  });

  it("stores and sums rows in an in-memory SQLite table with rusqlite", async () => {
    const stdout = await ok(
      "rust",
      `use rusqlite::{params, Connection};

fn main() -> rusqlite::Result<()> {
    let conn = Connection::open_in_memory()?;
    conn.execute("CREATE TABLE prices (item TEXT PRIMARY KEY, cents INTEGER NOT NULL)", [])?;
    let tx = conn.unchecked_transaction()?;
    for (item, cents) in [("tea", 250), ("cake", 400)] {
        tx.execute("INSERT INTO prices (item, cents) VALUES (?1, ?2)", params![item, cents])?;
    }
    tx.commit()?;
    let total: i64 = conn.query_row("SELECT SUM(cents) FROM prices", [], |row| row.get(0))?;
    println!("{total}");
    Ok(())
}`,
    );
    expect(stdout).toBe("650\n");
  });

  it("stacks tower layers with ServiceBuilder around a service", async () => {
    const stdout = await ok(
      "rust",
      `use std::time::Duration;
use tower::{service_fn, Service, ServiceBuilder, ServiceExt};

#[tokio::main]
async fn main() -> Result<(), tower::BoxError> {
    let mut svc = ServiceBuilder::new()
        .timeout(Duration::from_millis(100))
        .map_request(|n: u64| n * 10)
        .service(service_fn(|n: u64| async move {
            if n > 100 { tokio::time::sleep(Duration::from_secs(5)).await; }
            Ok::<_, tower::BoxError>(n + 1)
        }));
    println!("{}", svc.ready().await?.call(4).await?);
    let late = svc.ready().await?.call(20).await;
    println!("{}", late.unwrap_err().is::<tower::timeout::error::Elapsed>());
    Ok(())
}`,
    );
    expect(stdout).toBe("41\ntrue\n");
  });
});

/** Above the largest pid Linux can give (4194304), so never a live process. */
const DEAD_PID = 4_194_305;

describe("warming the Go cache", () => {
  it("says preparing while it builds from an empty cache, then runs chi warm, and a restart reuses it", { timeout: 300_000 }, async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "runner-cache-"));
    const previous = process.env.RUNNER_CACHE_DIR;
    process.env.RUNNER_CACHE_DIR = dir;
    // What a builder killed mid-build leaves (named by its pid, which no process has now): swept by the next build.
    const abandoned = [path.join(dir, "go", `cache.tmp-${DEAD_PID}`), path.join(dir, "go", `cache.tmp-${DEAD_PID}-src`)];
    for (const folder of abandoned) mkdirSync(folder, { recursive: true });
    try {
      vi.resetModules();
      const first = await import("@/lib/runner/sandbox/toolchains");
      const warming = first.prepareToolchains("go");
      expect(first.isPreparing("go")).toBe(true);
      expect((await warming).problems.go).toBeUndefined();
      expect(abandoned.filter((folder) => existsSync(folder))).toEqual([]);
      expect(first.isPreparing("go")).toBe(false);

      // A new server process finds the stamp and mounts the same cache without building anything.
      vi.resetModules();
      const second = await import("@/lib/runner/sandbox/toolchains");
      const started = performance.now();
      await second.prepareToolchains("go");
      expect(performance.now() - started).toBeLessThan(3_000);
      const { runCode } = await import("@/lib/runner/run-code");
      const result = await runCode({
        language: "go",
        code: `package main\nimport ("fmt"; "net/http/httptest"; "github.com/go-chi/chi/v5")\nfunc main() { r := chi.NewRouter(); w := httptest.NewRecorder(); r.ServeHTTP(w, httptest.NewRequest("GET", "/", nil)); fmt.Println(w.Code) }`,
      });
      expect(result).toMatchObject({ stdout: "404\n", exitCode: 0 });
      // The playground's budget is 1 s warm; 3 s leaves room for a machine busy with other tests.
      expect(result.compileMs!).toBeLessThan(3_000);
    } finally {
      process.env.RUNNER_CACHE_DIR = previous;
      if (previous === undefined) delete process.env.RUNNER_CACHE_DIR;
      vi.resetModules();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
