import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousViolations } from "./axe";
import { siteRoutes } from "./site-routes";

// Phones from 360 to 414 px wide: no page may scroll sideways, and the sticky header stays one compact row.
const PHONE_WIDTHS = [360, 390, 414];
const PHONE_HEIGHT = 780;
const MAX_HEADER_HEIGHT = 64;

/** What sticks out past the right edge, outermost first, so a failure names the element to fix. */
async function layout(page: Page) {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const culprits: string[] = [];
    for (const el of document.body.querySelectorAll("*")) {
      const parent = el.parentElement;
      if (!parent || el.getBoundingClientRect().right <= width + 0.5 || parent.getBoundingClientRect().right > width + 0.5) continue;
      const describe = (node: Element) => `${node.tagName.toLowerCase()}${node.id ? `#${node.id}` : ""}${[...node.classList].map((c) => `.${c}`).join("")}`;
      culprits.push(`${describe(parent)} > ${describe(el)}`);
    }
    return {
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: width,
      headerHeight: document.querySelector(".site-header")!.getBoundingClientRect().height,
      culprits: culprits.slice(0, 5),
    };
  });
}

for (const route of siteRoutes()) {
  test(`${route} fits phones from ${PHONE_WIDTHS[0]} to ${PHONE_WIDTHS.at(-1)} px`, async ({ page }) => {
    await page.setViewportSize({ width: PHONE_WIDTHS[0]!, height: PHONE_HEIGHT });
    await page.goto(route);
    await page.waitForLoadState("networkidle");
    for (const width of PHONE_WIDTHS) {
      await page.setViewportSize({ width, height: PHONE_HEIGHT });
      const seen = await layout(page);
      expect(seen.scrollWidth, `${route} at ${width} px scrolls sideways; sticking out: ${seen.culprits.join(", ")}`).toBeLessThanOrEqual(seen.innerWidth);
      expect(seen.headerHeight, `${route} header at ${width} px`).toBeLessThanOrEqual(MAX_HEADER_HEIGHT);
    }
  });
}

test.describe("the phone menu", () => {
  test.use({ viewport: { width: 390, height: PHONE_HEIGHT } });

  test("opens and closes with the keyboard, and its links work", async ({ page }) => {
    await page.goto("/learn");
    const menu = page.getByRole("button", { name: "Menu" });
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(nav).toBeHidden();

    // Skip link, brand, then the menu button.
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await expect(menu).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    await expect(nav).toBeVisible();
    expect((await layout(page)).headerHeight, "the open panel lies over the page, the bar keeps its height").toBeLessThanOrEqual(MAX_HEADER_HEIGHT);

    // The panel follows its button in the tab order; Escape closes it and gives focus back to the button.
    await page.keyboard.press("Tab");
    await expect(nav.getByRole("link", { name: "Learn" })).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(menu).toBeFocused();
    await expect(nav).toBeHidden();

    // Space opens it too; following a link closes it on the next page.
    await page.keyboard.press("Space");
    await expect(nav).toBeVisible();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await expect(nav.getByRole("link", { name: "My path" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/path$/);
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(nav).toBeHidden();
    // Back on the page where it was opened, it stays closed.
    await page.goBack();
    await expect(page).toHaveURL(/\/learn$/);
    await expect(nav).toBeHidden();
  });

  test("closes when focus leaves it", async ({ page }) => {
    await page.goto("/");
    const menu = page.getByRole("button", { name: "Menu" });
    await menu.click();
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    // Where Tab goes after the panel's last control.
    await page.getByTestId("continue").focus();
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  });

  test("the menu button is not shown on a wide screen, where the links sit in the bar", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto("/");
    await expect(page.getByRole("button", { name: "Menu" })).toBeHidden();
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" })).toBeVisible();
  });

  for (const theme of ["light", "dark"] as const) {
    test(`axe finds nothing serious at phone width with the menu open, ${theme} theme`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: theme });
      await page.goto("/learn/go/01-goroutines");
      await page.getByRole("button", { name: "Menu" }).click();
      await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
      await expectNoSeriousViolations(page);
    });
  }
});
