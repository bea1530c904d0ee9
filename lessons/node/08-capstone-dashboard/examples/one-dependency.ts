// Steps 3 and 4 of the capstone on a single dependency: a Fastify route with a time budget that aborts the call,
// and errors mapped to status codes in one error handler. The capstone does the same for three dependencies.
import Fastify from "fastify";

class UpstreamError extends Error {
  statusCode = 502; // a dependency failed
}
class UpstreamTimeout extends Error {
  statusCode = 504; // a dependency was too slow for the budget
}

type Weather = (city: string, signal: AbortSignal) => Promise<{ city: string; celsius: number }>;

function buildApp(weather: Weather, budgetMs: number) {
  const app = Fastify({ logger: false });

  app.get<{ Params: { city: string } }>("/weather/:city", async (request) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new UpstreamTimeout("weather service timed out")), budgetMs);
    try {
      return await weather(request.params.city, controller.signal);
    } catch (error) {
      if (error instanceof UpstreamTimeout) throw error;
      throw new UpstreamError("weather service failed", { cause: error }); // keep the cause for the logs
    } finally {
      clearTimeout(timer);
    }
  });

  // One place turns errors into answers. The client gets a short message, never the internal error text.
  app.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
    const status = error.statusCode ?? 500;
    reply.code(status).send({ error: status === 500 ? "internal error" : error.message });
  });
  return app;
}

// A stand-in for the weather service: the city name decides how it behaves.
const weather: Weather = (city, signal) =>
  new Promise((resolve, reject) => {
    const latency = city === "slowtown" ? 1000 : 10;
    const timer = setTimeout(() => {
      if (city === "brokenville") reject(new Error("ECONNRESET"));
      else resolve({ city, celsius: 21 });
    }, latency);
    signal.addEventListener("abort", () => {
      clearTimeout(timer);
      reject(signal.reason);
    }, { once: true });
  });

async function main(): Promise<void> {
  const app = buildApp(weather, 100); // 100 ms stands in for the 2-second budget
  for (const city of ["lisbon", "brokenville", "slowtown"]) {
    const res = await app.inject({ method: "GET", url: `/weather/${city}` });
    console.log(`GET /weather/${city} -> ${res.statusCode} ${res.body}`);
  }
  await app.close();
}

main();
