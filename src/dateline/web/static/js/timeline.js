// The timeline: events per day (or week, or month, for long spans) as bars; dragging
// across it chooses the dates the other views keep.
const SVG = "http://www.w3.org/2000/svg";
const DAY = 86400000;

function svg(tag, attrs = {}) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  return node;
}

const iso = (ms) => new Date(ms).toISOString().slice(0, 10);

export function createTimeline(container, onBrush) {
  let range = null; // [firstDayMs, lastDayMs]
  let selection = null; // [sinceMs, untilMs]
  let brush = null;

  const root = svg("svg", { role: "img" });
  container.replaceChildren(root);

  function width() { return root.clientWidth || 600; }
  function height() { return root.clientHeight || 100; }
  function x(ms) { return 30 + ((ms - range[0]) / (range[1] - range[0] + DAY)) * (width() - 40); }
  function dayAt(px) {
    const ms = range[0] + ((px - 30) / (width() - 40)) * (range[1] - range[0] + DAY);
    return Math.min(range[1], Math.max(range[0], Math.floor(ms / DAY) * DAY));
  }

  function draw(byDay) {
    root.replaceChildren();
    const days = byDay.filter((d) => d.key).map((d) => [Date.parse(d.key), d.count]);
    if (!days.length) {
      root.append(Object.assign(svg("text", { x: 30, y: 20, class: "axis" }), { textContent: "no dated events" }));
      range = null;
      return;
    }
    range = [Math.min(...days.map((d) => d[0])), Math.max(...days.map((d) => d[0]))];
    const span = (range[1] - range[0]) / DAY;
    const binDays = span <= 120 ? 1 : span <= 1100 ? 7 : 30;
    const bins = new Map();
    for (const [ms, count] of days) {
      const bin = range[0] + Math.floor((ms - range[0]) / (binDays * DAY)) * binDays * DAY;
      bins.set(bin, (bins.get(bin) || 0) + count);
    }
    const top = Math.max(...bins.values());
    const h = height() - 18;
    const barWidth = Math.max(1, x(range[0] + binDays * DAY) - x(range[0]) - 1);
    for (const [bin, count] of bins) {
      const barHeight = Math.max(1, (count / top) * (h - 4));
      const bar = svg("rect", { class: "bar", x: x(bin), y: h - barHeight, width: barWidth, height: barHeight });
      bar.append(Object.assign(svg("title"), { textContent: `${iso(bin)}: ${count}` }));
      root.append(bar);
    }
    const label = (ms, anchor) => Object.assign(
      svg("text", { x: x(ms), y: h + 13, class: "axis", "text-anchor": anchor }), { textContent: iso(ms) });
    root.append(label(range[0], "start"), label(range[1], "end"));
    root.append(Object.assign(svg("text", { x: 0, y: 10, class: "axis" }), { textContent: String(top) }));
    brush = svg("rect", { class: "brush", y: 0, height: h, x: 0, width: 0, visibility: "hidden" });
    root.append(brush);
    showSelection();
  }

  function showSelection() {
    if (!brush || !range || !selection) {
      if (brush) brush.setAttribute("visibility", "hidden");
      return;
    }
    const left = x(Math.max(selection[0], range[0]));
    const right = x(Math.min(selection[1], range[1]) + DAY);
    brush.setAttribute("x", left);
    brush.setAttribute("width", Math.max(1, right - left));
    brush.setAttribute("visibility", "visible");
  }

  let start = null;
  const localX = (event) => event.clientX - root.getBoundingClientRect().left;
  root.addEventListener("pointerdown", (event) => {
    if (!range) return;
    start = dayAt(localX(event));
    selection = [start, start];
    root.setPointerCapture(event.pointerId);
    showSelection();
  });
  root.addEventListener("pointermove", (event) => {
    if (start === null) return;
    const here = dayAt(localX(event));
    selection = [Math.min(start, here), Math.max(start, here)];
    showSelection();
  });
  root.addEventListener("pointerup", () => {
    if (start === null) return;
    start = null;
    onBrush(iso(selection[0]), iso(selection[1]));
  });
  root.addEventListener("dblclick", () => { selection = null; showSelection(); onBrush("", ""); });

  return {
    setData: draw,
    select(since, until) {
      selection = since || until
        ? [since ? Date.parse(since) : -8.64e15, until ? Date.parse(until) : 8.64e15]
        : null;
      showSelection();
    },
  };
}
