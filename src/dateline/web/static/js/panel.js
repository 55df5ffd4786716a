// The event panel: what the event is, and the passages that report it with the words
// each field came from highlighted. Text is only ever inserted as text nodes.
import { colourOf, dateLabel, deathsLabel, el, safeHref } from "./common.js";

const FIELDS = ["trigger", "date", "actor1", "assoc_actor1", "actor2", "location", "fatalities"];
const FIELD_NAMES = {
  trigger: "what happened", date: "date", actor1: "actor 1", assoc_actor1: "with actor 1",
  actor2: "actor 2", location: "place", fatalities: "fatalities",
};

export function showEvent(panel, event) {
  const swatch = el("span", { class: "swatch" });
  swatch.style.background = colourOf(event.event_type);
  const place = event.location;
  const where = [place.name, place.admin1, place.country].filter(Boolean).join(", ");
  const actor1 = event.actor1 ? event.actor1.name : "";
  const allies = event.assoc_actor1 && event.assoc_actor1.length ? ` with ${event.assoc_actor1.join(", ")}` : "";
  const codes = event.codes ? [event.codes.cameo && `CAMEO ${event.codes.cameo}`,
    event.codes.plover_type && `PLOVER ${event.codes.plover_type}`].filter(Boolean).join(" · ") : "";
  const rows = [
    ["Date", `${dateLabel(event.date)}${event.date ? ` (${event.date.granularity})` : ""}`],
    ["Actor 1", actor1 + allies],
    ["Actor 2", event.actor2 ? event.actor2.name : ""],
    ["Location", `${where} (${place.precision})`],
    ["Fatalities", deathsLabel(event.fatalities)],
    ["Confidence", String(event.confidence)],
    ["Codes", codes],
  ].filter(([, value]) => value);
  panel.replaceChildren(el("article", { class: "event" },
    el("h2", { dataset: { eventId: event.event_id } }, swatch, `${event.event_type} — ${event.sub_event_type}`),
    event.background ? el("p", { class: "hint" }, "Background: reported as long before publication.") : null,
    el("dl", {}, rows.map(([name, value]) => [el("dt", {}, name), el("dd", {}, value)])),
    legend(),
    (event.sources || []).map(source),
  ));
}

function legend() {
  return el("div", { class: "legend" },
    FIELDS.map((field) => el("mark", { class: `span span-${field}` }, FIELD_NAMES[field])));
}

function source(src) {
  const href = src.url ? safeHref(src.url) : null;
  const title = src.title || src.origin || src.doc_id;
  const meta = [src.source, src.published && `published ${src.published}`].filter(Boolean).join(" · ");
  return el("div", { class: "source", dataset: { docId: src.doc_id } },
    el("div", {}, href ? el("a", { href, rel: "noopener noreferrer nofollow", target: "_blank" }, title)
                       : el("strong", {}, title)),
    meta ? el("div", { class: "hint" }, meta) : null,
    src.passages.map(passage));
}

// Spans may nest or overlap: cut the passage at every span edge and mark each piece with
// the fields that cover it (the narrowest span names its colour).
export function passage(part) {
  const text = part.text;
  const edges = new Set([0, text.length]);
  for (const span of part.spans) {
    edges.add(Math.max(0, Math.min(text.length, span.start)));
    edges.add(Math.max(0, Math.min(text.length, span.end)));
  }
  const cuts = [...edges].sort((a, b) => a - b);
  const block = el("div", { class: "passage" });
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [a, b] = [cuts[i], cuts[i + 1]];
    const covering = part.spans
      .filter((span) => span.start <= a && b <= span.end)
      .sort((s, t) => (s.end - s.start) - (t.end - t.start));
    const piece = text.slice(a, b);
    if (!covering.length) {
      block.append(document.createTextNode(piece));
      continue;
    }
    const fields = [...new Set(covering.map((span) => span.field))];
    const main = FIELDS.includes(fields[0]) ? fields[0] : "other";
    block.append(el("mark", {
      class: `span span-${main}`,
      dataset: { field: fields[0], fields: fields.join(" ") },
      title: fields.map((f) => FIELD_NAMES[f] || f).join(", "),
    }, piece));
  }
  return block;
}
