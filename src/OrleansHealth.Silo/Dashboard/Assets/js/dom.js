// Tiny helpers to build DOM without a framework: h('div', {class: 'card'}, child, 'text').
// Text always goes through text nodes, never innerHTML, so data from the cluster cannot inject markup.

export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  setAttributes(element, attributes);
  append(element, children);
  return element;
}

const SVG = 'http://www.w3.org/2000/svg';

export function s(tag, attributes = {}, ...children) {
  const element = document.createElementNS(SVG, tag);
  setAttributes(element, attributes);
  append(element, children);
  return element;
}

function setAttributes(element, attributes) {
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
}

function append(element, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** One path segment of an API route or a link, from data: names and ids never change the route's shape. */
export const enc = (segment) => encodeURIComponent(String(segment));

export const percent = (value, digits = 1) => value == null ? '–' : `${(value * 100).toFixed(digits)} %`;
export const fixed = (value, digits = 3) => value == null ? '–' : Number(value).toFixed(digits);
export const when = (value) => value ? new Date(value).toLocaleString() : '–';
export const seconds = (from, to) => from && to ? ((new Date(to) - new Date(from)) / 1000).toFixed(2) : '–';

/** A titled panel; `testid` names it for the browser tests. */
export function card(title, testid, ...children) {
  return h('section', { class: 'card', 'data-testid': testid }, h('h2', {}, title), ...children);
}

export function table(headers, rows, testid) {
  return h('table', { 'data-testid': testid },
    h('thead', {}, h('tr', {}, headers.map((header) => h('th', {}, header)))),
    h('tbody', {}, rows.map((row) => h('tr', {}, row.map((cell) => h('td', {}, cell))))));
}

export function message(text, kind = 'note') {
  return h('p', { class: `message ${kind}` }, text);
}
