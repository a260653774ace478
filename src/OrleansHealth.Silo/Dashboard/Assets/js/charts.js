// Hand-written SVG charts: a few hundred lines instead of a charting library, so the dashboard needs no
// build step and fetches nothing from the internet. Every mark carries a class (bar, point, slice, cell) and
// every chart a data-testid, which is what the browser tests count.

import { h, s } from './dom.js';

const WIDTH = 560;
const PALETTE = ['#2f6fba', '#d1495b', '#edae49', '#00798c', '#66a182', '#8d6a9f', '#555555'];

/** Horizontal bars around zero: positive to the right (red, raises risk), negative to the left (blue). */
export function signedBars(testid, items, format = (v) => v.toFixed(3)) {
  const row = 22;
  const labelWidth = 150;
  const plot = WIDTH - labelWidth - 80;
  const max = Math.max(1e-9, ...items.map((item) => Math.abs(item.value)));
  const zero = labelWidth + plot / 2;
  const svg = s('svg', { viewBox: `0 0 ${WIDTH} ${items.length * row + 10}`, class: 'chart', 'data-testid': testid, role: 'img' });
  items.forEach((item, i) => {
    const length = (Math.abs(item.value) / max) * (plot / 2);
    const y = 5 + i * row;
    const x = item.value >= 0 ? zero : zero - length;
    svg.append(
      s('text', { x: labelWidth - 6, y: y + 14, 'text-anchor': 'end', class: 'label' }, item.label),
      s('rect', { x, y: y + 3, width: Math.max(1, length), height: row - 8, class: `bar ${item.value >= 0 ? 'toward' : 'against'}` },
        s('title', {}, `${item.label}: ${format(item.value)}`)),
      s('text', { x: WIDTH - 4, y: y + 14, 'text-anchor': 'end', class: 'value' }, format(item.value)));
  });
  svg.append(s('line', { x1: zero, x2: zero, y1: 0, y2: items.length * row + 10, class: 'axis' }));
  return svg;
}

/** Horizontal bars from zero, for values that are all positive (importance, counts). */
export function bars(testid, items, format = (v) => v.toFixed(3)) {
  const row = 22;
  const labelWidth = 190;
  const plot = WIDTH - labelWidth - 70;
  const max = Math.max(1e-9, ...items.map((item) => item.value));
  const svg = s('svg', { viewBox: `0 0 ${WIDTH} ${items.length * row + 10}`, class: 'chart', 'data-testid': testid, role: 'img' });
  items.forEach((item, i) => {
    const y = 5 + i * row;
    const length = Math.max(1, (Math.max(0, item.value) / max) * plot);
    svg.append(
      s('text', { x: labelWidth - 6, y: y + 14, 'text-anchor': 'end', class: 'label' }, item.label),
      s('rect', { x: labelWidth, y: y + 3, width: length, height: row - 8, class: 'bar', fill: item.color ?? PALETTE[0] },
        s('title', {}, `${item.label}: ${format(item.value)}`)),
      s('text', { x: labelWidth + length + 4, y: y + 14, class: 'value' }, format(item.value)));
  });
  return svg;
}

/** Points with a range (treatment ranking): a dot at the estimate and a whisker from low to high, on 0–1. */
export function intervals(testid, items, format = (v) => `${(v * 100).toFixed(1)} %`) {
  if (items.length === 0) return h('p', { class: 'message', 'data-testid': testid }, 'Nothing to rank.');
  const row = 26;
  const labelWidth = 150;
  const plot = WIDTH - labelWidth - 90;
  const low = Math.min(1, ...items.map((item) => item.low));
  const from = Math.max(0, Math.floor(low * 10) / 10);
  const scale = (v) => labelWidth + ((v - from) / (1 - from || 1)) * plot;
  const svg = s('svg', { viewBox: `0 0 ${WIDTH} ${items.length * row + 24}`, class: 'chart', 'data-testid': testid, role: 'img' });
  items.forEach((item, i) => {
    const y = 8 + i * row + row / 2;
    svg.append(
      s('text', { x: labelWidth - 6, y: y + 4, 'text-anchor': 'end', class: 'label' }, item.label),
      s('line', { x1: scale(item.low), x2: scale(item.high), y1: y, y2: y, class: 'whisker' }),
      s('circle', { cx: scale(item.value), cy: y, r: 5, class: 'point', fill: PALETTE[i % PALETTE.length] },
        s('title', {}, `${item.label}: ${format(item.value)} (${format(item.low)}–${format(item.high)})`)),
      s('text', { x: WIDTH - 84, y: y + 4, class: 'value' }, format(item.value)));
  });
  const axisY = items.length * row + 14;
  svg.append(
    s('text', { x: scale(from), y: axisY, class: 'tick', 'text-anchor': 'middle' }, format(from)),
    s('text', { x: scale(1), y: axisY, class: 'tick', 'text-anchor': 'middle' }, format(1)));
  return svg;
}

/**
 * Lines through points on linear or time axes. series: [{name, points: [{x, y, note?}], color?}] (a note joins the point's tooltip);
 * options: {xLabel, yLabel, time, unitSquare (0–1 both axes), fromZero (default true), diagonal, dots}.
 */
export function lines(testid, series, options = {}) {
  const height = 260;
  const margin = { left: 56, right: 16, top: 12, bottom: 40 };
  const all = series.flatMap((line) => line.points);
  const xs = all.map((p) => +p.x);
  const ys = all.map((p) => p.y);
  let [x0, x1] = options.unitSquare ? [0, 1] : [Math.min(...xs), Math.max(...xs)];
  let [y0, y1] = options.unitSquare ? [0, 1] : [options.fromZero === false ? Math.min(...ys) : Math.min(0, ...ys), Math.max(...ys)];
  if (x0 === x1) {
    // A single moment (one minute of history, one lab value): give it a minute, or a unit, either side.
    const pad = options.time ? 60_000 : 1;
    [x0, x1] = [x0 - pad, x1 + pad];
  }
  if (options.fromZero === false) {
    // Labs and vitals: the interesting part is the change, so the axis spans the values with a margin.
    const margin = (y1 - y0) * 0.15 || Math.abs(y0) * 0.1 || 1;
    [y0, y1] = [y0 - margin, y1 + margin];
  }
  if (y0 === y1) { y1 = y0 + 1; }
  const sx = (x) => margin.left + ((x - x0) / (x1 - x0)) * (WIDTH - margin.left - margin.right);
  const sy = (y) => height - margin.bottom - ((y - y0) / (y1 - y0)) * (height - margin.top - margin.bottom);
  const svg = s('svg', { viewBox: `0 0 ${WIDTH} ${height}`, class: 'chart', 'data-testid': testid, role: 'img' });

  svg.append(
    s('line', { x1: sx(x0), x2: sx(x1), y1: sy(y0), y2: sy(y0), class: 'axis' }),
    s('line', { x1: sx(x0), x2: sx(x0), y1: sy(y0), y2: sy(y1), class: 'axis' }),
    s('text', { x: sx(x0), y: height - 22, class: 'tick', 'text-anchor': 'start' }, tick(x0, options.time)),
    s('text', { x: sx(x1), y: height - 22, class: 'tick', 'text-anchor': 'end' }, tick(x1, options.time)),
    s('text', { x: margin.left - 6, y: sy(y0), class: 'tick', 'text-anchor': 'end' }, tick(y0)),
    s('text', { x: margin.left - 6, y: sy(y1) + 10, class: 'tick', 'text-anchor': 'end' }, tick(y1)),
    s('text', { x: (WIDTH + margin.left) / 2, y: height - 4, class: 'axis-label', 'text-anchor': 'middle' }, options.xLabel ?? ''),
    s('text', { x: 12, y: height / 2, class: 'axis-label', transform: `rotate(-90 12 ${height / 2})`, 'text-anchor': 'middle' }, options.yLabel ?? ''));
  if (options.diagonal) {
    svg.append(s('line', { x1: sx(0), y1: sy(0), x2: sx(1), y2: sy(1), class: 'diagonal' }));
  }

  series.forEach((line, i) => {
    const color = line.color ?? PALETTE[i % PALETTE.length];
    const points = line.points.map((p) => `${sx(+p.x).toFixed(1)},${sy(p.y).toFixed(1)}`).join(' ');
    const group = s('g', { class: 'series', 'data-series': line.name, 'data-points': line.points.length });
    group.append(s('polyline', { points, fill: 'none', stroke: color, 'stroke-width': 2 }));
    // A single point has no line to show it: it gets its dot whatever the options say.
    if (options.dots !== false || line.points.length === 1) {
      for (const p of line.points) {
        group.append(s('circle', { cx: sx(+p.x), cy: sy(p.y), r: 3, class: 'point', fill: color },
          s('title', {}, `${line.name}: ${tick(+p.x, options.time)} → ${tick(p.y)}${p.note ? ` (${p.note})` : ''}`)));
      }
    }
    svg.append(group);
  });
  return h('figure', { class: 'figure' }, svg, legend(series));
}

/** A pie of shares with a legend; each slice is a path of class "slice". */
export function pie(testid, items) {
  const total = items.reduce((sum, item) => sum + item.value, 0) || 1;
  const radius = 90;
  const svg = s('svg', { viewBox: '0 0 200 200', class: 'chart pie', 'data-testid': testid, role: 'img' });
  let angle = -Math.PI / 2;
  items.forEach((item, i) => {
    const sweep = (item.value / total) * 2 * Math.PI;
    const color = PALETTE[i % PALETTE.length];
    const title = s('title', {}, `${item.label}: ${item.value} (${((item.value / total) * 100).toFixed(1)} %)`);
    if (sweep >= 2 * Math.PI - 1e-9) {
      svg.append(s('circle', { cx: 100, cy: 100, r: radius, class: 'slice', fill: color }, title));
    } else {
      const [ax, ay] = [100 + radius * Math.cos(angle), 100 + radius * Math.sin(angle)];
      const [bx, by] = [100 + radius * Math.cos(angle + sweep), 100 + radius * Math.sin(angle + sweep)];
      const large = sweep > Math.PI ? 1 : 0;
      svg.append(s('path', { d: `M100,100 L${ax},${ay} A${radius},${radius} 0 ${large} 1 ${bx},${by} Z`, class: 'slice', fill: color }, title));
    }
    angle += sweep;
  });
  return h('figure', { class: 'figure pie-figure' }, svg, legend(items.map((item) => ({ name: `${item.label} (${item.value})` }))));
}

/** The 2×2 confusion matrix at the version's threshold, shaded by share of the held-out patients. */
export function confusion(testid, matrix) {
  const total = matrix.truePositives + matrix.falsePositives + matrix.trueNegatives + matrix.falseNegatives || 1;
  const cell = (label, value, correct) => h('td', {
    class: `cell ${correct ? 'correct' : 'wrong'}`,
    style: `--share:${(value / total).toFixed(3)}`,
    title: label,
  }, h('strong', {}, String(value)), h('small', {}, label));
  return h('table', { class: 'confusion', 'data-testid': testid },
    h('thead', {}, h('tr', {}, h('th', {}, ''), h('th', {}, 'predicted positive'), h('th', {}, 'predicted negative'))),
    h('tbody', {},
      h('tr', {}, h('th', {}, 'actual positive'), cell('true positives', matrix.truePositives, true), cell('false negatives', matrix.falseNegatives, false)),
      h('tr', {}, h('th', {}, 'actual negative'), cell('false positives', matrix.falsePositives, false), cell('true negatives', matrix.trueNegatives, true))));
}

function legend(series) {
  return h('figcaption', { class: 'legend' }, series.map((line, i) =>
    h('span', {}, h('i', { style: `background:${line.color ?? PALETTE[i % PALETTE.length]}` }), line.name)));
}

function tick(value, time) {
  if (time) return new Date(value).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: time === 'minute' ? undefined : 'numeric', hour: time === 'minute' ? '2-digit' : undefined, minute: time === 'minute' ? '2-digit' : undefined });
  if (Math.abs(value) >= 100) return value.toFixed(0);
  return Number(value.toFixed(2)).toString();
}
