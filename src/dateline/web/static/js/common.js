// Shared helpers: API calls, colours by event type, safe DOM building (text only, never HTML).

export const TYPE_COLOURS = {
  "Battles": "#d62728",
  "Explosions/Remote violence": "#ff7f0e",
  "Violence against civilians": "#9467bd",
  "Protests": "#1f77b4",
  "Riots": "#e377c2",
  "Strategic developments": "#2ca02c",
};

export function colourOf(eventType) {
  return TYPE_COLOURS[eventType] || "#7f7f7f";
}

export async function getJSON(path, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") query.set(key, value);
  }
  const url = query.toString() ? `${path}?${query}` : path;
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json();
  if (!response.ok) {
    const error = body && body.error ? body.error : { message: response.statusText };
    throw new Error(error.message || "request failed");
  }
  return body;
}

// An element with attributes and children; strings become text nodes, so article text
// is always shown as text and never parsed as markup.
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function safeHref(url) {
  // Only web links: a javascript: or data: URL from an article must not become a link.
  try {
    const parsed = new URL(url, window.location.href);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

export function dateLabel(date) {
  if (!date) return "unknown";
  return date.start === date.end ? date.start : `${date.start} – ${date.end}`;
}

export function deathsLabel(fatalities) {
  if (!fatalities) return "";
  if (fatalities.max === null || fatalities.max === undefined) return `${fatalities.min}+`;
  return fatalities.max === fatalities.min ? String(fatalities.min) : `${fatalities.min}–${fatalities.max}`;
}
