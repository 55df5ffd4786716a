// The dashboard: filters drive one query for the table, one for the map and one for the
// timeline; a marker, a cluster entry or a row opens the event with its evidence.
import { el, getJSON } from "./common.js";
import { createMap } from "./map.js";
import { showEvent } from "./panel.js";
import { markSelected, showRows } from "./table.js";
import { createTimeline } from "./timeline.js";

const PAGE = 50;
const MAP_LIMIT = 1000;
const FILTERS = ["type", "sub_type", "country", "actor", "text", "since", "until"];

const form = document.getElementById("filters");
const tbody = document.querySelector("#events tbody");
const panel = document.getElementById("panel");
const notices = new Set();
let offset = 0;
let total = 0;
let selected = null;
let mapView = null;
let generation = 0;

function notice(message) {
  notices.add(message);
  const box = document.getElementById("notice");
  box.replaceChildren(...[...notices].map((text) => el("div", {}, text)));
  box.hidden = false;
}

function filters({ dates = true } = {}) {
  const data = new FormData(form);
  const params = {};
  for (const name of FILTERS) params[name] = String(data.get(name) || "").trim();
  if (!dates) { delete params.since; delete params.until; }
  if (data.get("in_view") && mapView) params.bbox = mapView.bbox();
  return params;
}

async function refresh({ fit = false, stats = true } = {}) {
  const mine = ++generation;
  document.body.dataset.ready = "0";
  const params = filters();
  try {
    const [page, mapped, counts] = await Promise.all([
      getJSON("/api/events", { ...params, order: "-date", limit: PAGE, offset }),
      mapView ? getJSON("/api/events", { ...params, order: "-date", limit: MAP_LIMIT }) : null,
      stats ? getJSON("/api/stats", filters({ dates: false })) : null,
    ]);
    if (mine !== generation) return; // a newer query has been sent
    total = page.total;
    showRows(tbody, page.events, select, selected);
    const last = Math.min(offset + page.events.length, total);
    document.getElementById("count").textContent =
      total ? `${offset + 1}–${last} of ${total} events` : "No events match.";
    document.getElementById("prev").disabled = offset === 0;
    document.getElementById("next").disabled = offset + PAGE >= total;
    if (mapView) {
      mapView.setEvents(mapped.events, fit);
      if (mapped.total > mapped.events.length) {
        notice(`The map shows the newest ${mapped.events.length} of ${mapped.total} events; filter to see the rest.`);
      }
    }
    if (counts) timeline.setData(counts.by_day);
    timeline.select(params.since, params.until);
  } catch (error) {
    notice(`Could not load events: ${error.message}`);
  }
  if (mine === generation) document.body.dataset.ready = "1";
}

async function select(eventId) {
  selected = eventId;
  markSelected(tbody, eventId);
  try {
    const event = await getJSON(`/api/events/${encodeURIComponent(eventId)}`);
    if (selected !== eventId) return;
    showEvent(panel, event);
    panel.dataset.eventId = eventId;
    history.replaceState(null, "", `#event=${encodeURIComponent(eventId)}`);
  } catch (error) {
    notice(`Could not load event: ${error.message}`);
  }
}

function fillOptions(name, groups) {
  const select = form.elements[name];
  select.append(...groups.filter((g) => g.key).map((g) => el("option", { value: g.key }, `${g.key} (${g.count})`)));
}

const timeline = createTimeline(document.getElementById("timeline"), (since, until) => {
  form.elements.since.value = since;
  form.elements.until.value = until;
  offset = 0;
  refresh({ stats: false });
});

async function start() {
  const config = await getJSON("/api/config");
  const mapBox = document.getElementById("map");
  if (config.missing_assets.length || !window.L) {
    notice("Map assets are missing (run `make assets`): the map is not drawn. " +
           "The table, timeline and evidence work without them.");
  }
  if (window.L) {
    let moved = null;
    mapView = createMap(mapBox, config, select, () => {
      if (!form.elements.in_view.checked) return;
      clearTimeout(moved);
      moved = setTimeout(() => { offset = 0; refresh({ stats: false }); }, 250);
    });
    window.datelineMap = mapView.map; // for the browser tests and the console
  } else {
    mapBox.classList.add("no-map");
    mapBox.textContent = "Map assets are missing.";
  }
  const all = await getJSON("/api/stats");
  fillOptions("type", all.by_type);
  fillOptions("sub_type", all.by_sub_type);
  fillOptions("country", all.by_country);

  let typing = null;
  form.addEventListener("input", (event) => {
    if (event.target.type !== "search") return;
    clearTimeout(typing);
    typing = setTimeout(() => { offset = 0; refresh(); }, 300);
  });
  form.addEventListener("change", (event) => {
    if (event.target.type === "search") return;
    offset = 0;
    refresh({ fit: event.target.name !== "in_view" && event.target.name !== "since" && event.target.name !== "until" });
  });
  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("reset", () => setTimeout(() => { offset = 0; refresh({ fit: true }); }, 0));
  document.getElementById("prev").addEventListener("click", () => { offset = Math.max(0, offset - PAGE); refresh({ stats: false }); });
  document.getElementById("next").addEventListener("click", () => { if (offset + PAGE < total) { offset += PAGE; refresh({ stats: false }); } });

  await refresh({ fit: true });
  const linked = new URLSearchParams(location.hash.slice(1)).get("event");
  if (linked) select(linked);
}

start().catch((error) => { notice(`The dashboard failed to start: ${error.message}`); document.body.dataset.ready = "1"; });
