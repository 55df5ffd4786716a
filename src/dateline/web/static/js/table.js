// The events table: one page of the filtered events, newest first.
import { colourOf, dateLabel, deathsLabel, el } from "./common.js";

export function showRows(tbody, events, onSelect, selectedId) {
  tbody.replaceChildren(...events.map((event) => {
    const swatch = el("span", { class: "swatch" });
    swatch.style.background = colourOf(event.event_type);
    const row = el("tr", { dataset: {
      eventId: event.event_id, type: event.event_type,
      start: event.date ? event.date.start : "", end: event.date ? event.date.end : "",
    }, tabindex: "0",
                           class: event.event_id === selectedId ? "selected" : null },
      el("td", { class: "date-cell" }, dateLabel(event.date)),
      el("td", { class: "swatch-cell" }, swatch, event.event_type),
      el("td", {}, event.sub_event_type),
      el("td", {}, event.actor1 ? event.actor1.name : ""),
      el("td", {}, event.actor2 ? event.actor2.name : ""),
      el("td", {}, event.location.name),
      el("td", {}, event.location.country || ""),
      el("td", {}, deathsLabel(event.fatalities)));
    row.addEventListener("click", () => onSelect(event.event_id));
    row.addEventListener("keydown", (key) => { if (key.key === "Enter") onSelect(event.event_id); });
    return row;
  }));
}

export function markSelected(tbody, eventId) {
  for (const row of tbody.rows) row.classList.toggle("selected", row.dataset.eventId === eventId);
}
