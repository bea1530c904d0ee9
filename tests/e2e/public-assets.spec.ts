import { expect, test, type APIRequestContext } from "@playwright/test";

// What browsers, phones and link previews ask for besides the pages: icons, the web app manifest, robots.txt and a
// lesson's social preview image.

const PNG_SIGNATURE = "89504e470d0a1a0a";
const LESSON = "/learn/go/01-goroutines";

/** The response's bytes, after checking it is a 200 of the given type. */
async function fetchOk(request: APIRequestContext, url: string, type: RegExp): Promise<Buffer> {
  const response = await request.get(url);
  expect(response.status(), url).toBe(200);
  expect(response.headers()["content-type"], url).toMatch(type);
  return response.body();
}

/** A PNG's width and height, read from its IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).toString("hex")).toBe(PNG_SIGNATURE);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test("/favicon.ico is an icon", async ({ request }) => {
  const bytes = await fetchOk(request, "/favicon.ico", /^image\/(x-icon|vnd\.microsoft\.icon)/);
  // ICONDIR: reserved 0, type 1 (icon), at least one image.
  expect([bytes.readUInt16LE(0), bytes.readUInt16LE(2)]).toEqual([0, 1]);
  expect(bytes.readUInt16LE(4)).toBeGreaterThan(0);
});

test("every icon the page links answers, the theme colour is set", async ({ page, request }) => {
  await page.goto("/");
  const icons = await page.locator('link[rel="icon"], link[rel="apple-touch-icon"]').evaluateAll((links) => links.map((l) => (l as HTMLLinkElement).href));
  expect(icons.some((href) => href.includes("apple-icon"))).toBe(true);
  expect(icons.length).toBeGreaterThanOrEqual(3);
  for (const href of icons) await fetchOk(request, new URL(href).pathname + new URL(href).search, /^image\//);
  await expect(page.locator('meta[name="theme-color"]').first()).toHaveAttribute("content", /^#[0-9a-f]{6}$/i);
});

test("the web app manifest parses and its icons exist", async ({ page, request }) => {
  await page.goto("/");
  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  expect(href).toBeTruthy();
  const manifest = JSON.parse((await fetchOk(request, href!, /^application\/manifest\+json/)).toString("utf8")) as {
    name: string;
    start_url: string;
    display: string;
    icons: { src: string; sizes: string; type: string; purpose?: string }[];
  };
  expect(manifest).toMatchObject({ name: "Backend Paths", start_url: "/", display: "standalone" });
  expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));
  for (const icon of manifest.icons) {
    const [width, height] = icon.sizes.split("x").map(Number);
    expect(pngSize(await fetchOk(request, icon.src, /^image\/png/)), icon.src).toEqual({ width, height });
  }
});

test("robots.txt lets the course be indexed but not the API", async ({ request }) => {
  const text = (await fetchOk(request, "/robots.txt", /^text\/plain/)).toString("utf8");
  expect(text).toMatch(/User-Agent: \*/i);
  expect(text).toMatch(/^Allow: \/$/m);
  expect(text).toMatch(/^Disallow: \/api\/$/m);
});

test("a lesson's og:image is a 1200×630 PNG of that lesson", async ({ page, request }) => {
  await page.goto(LESSON);
  const image = await page.locator('meta[property="og:image"]').getAttribute("content");
  expect(image).toBeTruthy();
  // The absolute URL carries the public address known at build time; the path is what this server answers.
  const { pathname, search } = new URL(image!);
  expect(pathname.startsWith(`${LESSON}/opengraph-image`)).toBe(true);
  expect(pngSize(await fetchOk(request, pathname + search, /^image\/png/))).toEqual({ width: 1200, height: 630 });
  await expect(page.locator('meta[property="og:image:alt"]')).toHaveAttribute("content", /.+/);
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", "Goroutines and channels");
});

test("a lesson that does not exist has no preview image", async ({ request }) => {
  expect((await request.get("/learn/go/99-no-such-lesson/opengraph-image")).status()).toBe(404);
});
