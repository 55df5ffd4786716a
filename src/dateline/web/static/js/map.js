// The map: offline country outlines, an online tile layer when reachable, and markers
// coloured by event type, grouped into clusters by screen distance.
import { colourOf, dateLabel, el, TYPE_COLOURS } from "./common.js";

const CLUSTER_PX = 36;

export function createMap(container, config, onSelect, onMove) {
  const L = window.L;
  const map = L.map(container, { worldCopyJump: true, preferCanvas: false }).setView([20, 20], 2);
  loadOutlines(map);
  if (config.tiles) addTilesIfReachable(map, config.tiles);
  addLegend(map);
  const layer = L.layerGroup().addTo(map);
  let events = [];

  function draw() {
    layer.clearLayers();
    const groups = new Map();
    const zoom = map.getZoom();
    for (const event of events) {
      const latlng = L.latLng(event.location.lat, event.location.lon);
      const point = map.project(latlng, zoom);
      const key = `${Math.floor(point.x / CLUSTER_PX)}:${Math.floor(point.y / CLUSTER_PX)}`;
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(event);
    }
    for (const group of groups.values()) layer.addLayer(markerFor(group));
  }

  function markerFor(group) {
    const lat = group.reduce((sum, e) => sum + e.location.lat, 0) / group.length;
    const lon = group.reduce((sum, e) => sum + e.location.lon, 0) / group.length;
    const colour = colourOf(mostCommon(group.map((e) => e.event_type)));
    const single = group.length === 1;
    const dot = el("div", {
      class: single ? "ev-marker" : "ev-cluster",
      dataset: { lat: String(lat), lon: String(lon), count: String(group.length),
                 eventIds: group.map((e) => e.event_id).join(" ") },
      title: single ? `${group[0].sub_event_type}, ${group[0].location.name}` : `${group.length} events`,
    }, single ? "" : String(group.length));
    dot.style.background = colour;
    const size = single ? 18 : 36;
    const icon = L.divIcon({ html: dot, className: "ev-icon", iconSize: [size, size] });
    const marker = L.marker([lat, lon], { icon, keyboard: true, riseOnHover: true });
    if (single) {
      marker.on("click", () => onSelect(group[0].event_id));
    } else {
      marker.bindPopup(() => clusterList(group), { maxWidth: 360 });
    }
    return marker;
  }

  function clusterList(group) {
    return el("ul", { class: "ev-list" }, group.map((event) => {
      const swatch = el("span", { class: "swatch" });
      swatch.style.background = colourOf(event.event_type);
      return el("li", {}, el("button", {
        type: "button", dataset: { eventId: event.event_id }, onclick: () => onSelect(event.event_id),
      }, swatch, dateLabel(event.date), " · ", event.sub_event_type, " · ", event.location.name));
    }));
  }

  map.on("zoomend", draw);
  map.on("moveend", () => onMove(map.getBounds()));
  return {
    map,
    setEvents(next, fit) {
      events = next;
      draw();
      if (fit && events.length) {
        const bounds = L.latLngBounds(events.map((e) => [e.location.lat, e.location.lon]));
        map.fitBounds(bounds.pad(0.2), { maxZoom: 7, animate: false });
      }
    },
    bbox() {
      const b = map.getBounds();
      const wrap = (x) => Math.max(-180, Math.min(180, x));
      return [wrap(b.getWest()), Math.max(-90, b.getSouth()), wrap(b.getEast()), Math.min(90, b.getNorth())]
        .map((x) => x.toFixed(4)).join(",");
    },
  };
}

function mostCommon(values) {
  const counts = new Map();
  for (const value of values) counts.set(value, (counts.get(value) || 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
}

async function loadOutlines(map) {
  if (!window.topojson) return;
  try {
    const response = await fetch("/static/vendor/countries-50m.json");
    if (!response.ok) return;
    const world = await response.json();
    const countries = window.topojson.feature(world, world.objects.countries);
    const outlines = window.L.geoJSON(countries, {
      style: { className: "country", color: "#7d8a96", weight: 0.6, fillColor: "#eef0e8", fillOpacity: 1 },
      interactive: false,
    });
    outlines.addTo(map).bringToBack();
  } catch (error) {
    console.warn("country outlines not loaded", error);
  }
}

function addTilesIfReachable(map, template) {
  // Probe one tile first: offline, the outlines alone are drawn and nothing waits on the network.
  const probe = new Image();
  probe.onload = () => {
    window.L.tileLayer(template, {
      maxZoom: 18, opacity: 0.85,
      attribution: "&copy; OpenStreetMap contributors",
    }).addTo(map);
  };
  probe.src = template.replace("{s}", "a").replace("{z}", "0").replace("{x}", "0").replace("{y}", "0");
}

function addLegend(map) {
  const legend = window.L.control({ position: "bottomleft" });
  legend.onAdd = () => el("div", { class: "map-legend" },
    Object.entries(TYPE_COLOURS).map(([name, colour]) => {
      const swatch = el("span", { class: "swatch" });
      swatch.style.background = colour;
      return el("div", {}, swatch, name);
    }));
  legend.addTo(map);
}
