// Drives the dashboard in headless Chromium and prints what it saw as JSON, for
// tests/test_web_browser.py to check. Usage: node dashboard.mjs '<json plan>'
//   plan: {base, focus: {lat, lon, degrees, zoom}, filter_type, brush: [from, to], screenshot,
//          open_event}  (brush: fractions of the timeline's width)
import { chromium } from "playwright-core";

const plan = JSON.parse(process.argv[2]);
const seen = { page_errors: [], console_errors: [], dialogs: [] };

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.setDefaultTimeout(20000);
  page.on("pageerror", (error) => seen.page_errors.push(String(error)));
  page.on("console", (msg) => { if (msg.type() === "error") seen.console_errors.push(msg.text()); });
  page.on("dialog", async (dialog) => { seen.dialogs.push(dialog.message()); await dialog.dismiss(); });

  const ready = () => page.waitForFunction(() => document.body.dataset.ready === "1");
  await page.goto(plan.base);
  await ready();
  seen.notice = await page.locator("#notice").isVisible() ? await page.locator("#notice").innerText() : null;

  if (plan.focus) {
    await page.waitForSelector(".ev-marker, .ev-cluster");
    if (plan.focus.zoom) {
      await page.evaluate(([lat, lon, zoom]) => window.datelineMap.setView([lat, lon], zoom, { animate: false }),
        [plan.focus.lat, plan.focus.lon, plan.focus.zoom]);
      await page.waitForFunction((zoom) => window.datelineMap.getZoom() === zoom, plan.focus.zoom);
      await page.waitForSelector(".ev-marker, .ev-cluster");
    }
    seen.outlines = await page.locator("path.country").count();
    seen.markers = await page.$$eval(".ev-marker, .ev-cluster", (nodes) => nodes.map((n) => ({
      kind: n.className, lat: Number(n.dataset.lat), lon: Number(n.dataset.lon),
      count: Number(n.dataset.count), event_ids: n.dataset.eventIds.split(" "),
    })));
    const { lat, lon, degrees } = plan.focus;
    const index = seen.markers.findIndex((m) => Math.abs(m.lat - lat) <= degrees && Math.abs(m.lon - lon) <= degrees);
    seen.focus_marker = index >= 0 ? seen.markers[index] : null;
    if (index >= 0) {
      await page.locator(".ev-marker, .ev-cluster").nth(index).click();
      if (seen.focus_marker.count > 1) {
        const entries = page.locator(".leaflet-popup .ev-list button");
        await entries.first().waitFor();
        seen.cluster_entries = await entries.evaluateAll((nodes) => nodes.map((n) => n.dataset.eventId));
        await entries.first().click();
      }
      await page.waitForSelector("#panel h2[data-event-id]");
      seen.panel = await page.$eval("#panel", (panel) => ({
        event_id: panel.querySelector("h2").dataset.eventId,
        heading: panel.querySelector("h2").textContent,
        passages: [...panel.querySelectorAll(".passage")].map((p) => p.textContent),
        marks: [...panel.querySelectorAll(".passage mark")].map((m) => ({
          field: m.dataset.field, fields: m.dataset.fields.split(" "), text: m.textContent,
          background: getComputedStyle(m).backgroundColor,
        })),
      }));
    }
  }
  if (plan.screenshot) await page.screenshot({ path: plan.screenshot, fullPage: true });

  const rows = () => page.$$eval("#events tbody tr", (trs) => trs.map((tr) => ({
    event_id: tr.dataset.eventId, type: tr.dataset.type, start: tr.dataset.start, end: tr.dataset.end,
  })));
  seen.rows_before = await rows();
  if (plan.filter_type) {
    await page.selectOption("select[name=type]", plan.filter_type);
    await page.waitForFunction(() => document.body.dataset.ready === "1");
    await page.waitForTimeout(100);
    await ready();
    seen.rows_after = await rows();
  }
  if (plan.brush) {
    // Drag across the right-hand part of the timeline: the dates it covers become the filter.
    const box = await page.locator("#timeline svg").boundingBox();
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width * plan.brush[0], y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * plan.brush[1], y, { steps: 8 });
    await page.mouse.up();
    await page.waitForFunction(() => document.querySelector("input[name=since]").value !== "");
    await page.waitForTimeout(100);
    await ready();
    seen.brushed = {
      since: await page.inputValue("input[name=since]"),
      until: await page.inputValue("input[name=until]"),
      rows: await rows(),
    };
  }

  if (plan.open_event) {
    await page.goto(`${plan.base}?open=1#event=${encodeURIComponent(plan.open_event)}`);
    await ready();
    await page.waitForSelector(`#panel h2[data-event-id="${plan.open_event}"]`);
    await page.waitForTimeout(300); // give any injected handler a chance to fire
    seen.opened = await page.evaluate(() => ({
      pwned: window.__pwned === undefined ? null : String(window.__pwned),
      panel_text: document.getElementById("panel").textContent,
      injected_elements: document.querySelectorAll("#panel img, #panel script, #events img, #events script, #panel iframe").length,
      links: [...document.querySelectorAll("#panel a")].map((a) => a.getAttribute("href")),
    }));
  }
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(seen));
