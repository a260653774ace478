// Model page: the versions of a model side by side, then one version's held-out evaluation (ROC and
// precision-recall curves, calibration, confusion matrices, importance), the forest against the logistic
// baseline, where each shard was trained and for how long; admins promote or roll back from here.

import { get, post, roles } from '../api.js';
import { card, enc, fixed, h, message, seconds, table, when } from '../dom.js';
import { bars, confusion, lines } from '../charts.js';

export async function render(root, [name, versionText]) {
  const models = await get('/api/models');
  if (models.length === 0) {
    root.append(message('No model is defined yet (ohealth models define).'));
    return;
  }

  const model = name ?? models[0].name;
  root.append(h('nav', { class: 'tabs' }, models.map((m) =>
    h('a', { href: `#/models/${enc(m.name)}`, class: m.name === model ? 'active' : '' }, m.name))));

  const details = await get(`/api/models/${enc(model)}`);
  const statuses = await Promise.all(details.versions.map((v) => get(`/api/models/${enc(model)}/versions/${v.version}`)));
  const selected = Number(versionText ?? details.activeVersion ?? details.versions.at(-1)?.version);
  root.append(
    h('h1', {}, model, ' ', h('small', { 'data-testid': 'active-version' }, details.activeVersion == null ? 'no active version' : `active: version ${details.activeVersion}`)),
    h('p', { class: 'muted' }, details.definition.description ?? ''),
    versionsCard(root, model, details, statuses, selected));

  const status = statuses.find((s) => s.version === selected);
  if (status?.forest) root.append(...evaluation(status));
  else if (status) root.append(message(`Version ${status.version} is ${status.state.toLowerCase()}${status.error ? `: ${status.error}` : ''}.`));
  if (status) root.append(shardsCard(status));
}

const METRICS = [
  ['AUROC', (r) => `${fixed(r.auroc)} (${fixed(r.aurocLower, 2)}–${fixed(r.aurocUpper, 2)})`],
  ['AUPRC', (r) => fixed(r.auprc)],
  ['Brier score', (r) => fixed(r.brier)],
  ['accuracy', (r) => fixed(r.accuracy)],
  ['sensitivity', (r) => fixed(r.sensitivity)],
  ['specificity', (r) => fixed(r.specificity)],
];

function versionsCard(root, model, details, statuses, selected) {
  const mayPromote = roles().includes('admin');
  const header = ['', ...statuses.map((s) => h('a', { href: `#/models/${enc(model)}/${s.version}`, class: s.version === selected ? 'selected' : '' }, `version ${s.version}`))];
  const row = (label, cell) => [label, ...statuses.map(cell)];
  const rows = [
    row('state', (s) => s.version === details.activeVersion ? h('strong', {}, `${s.state} · active`) : s.state),
    row('created', (s) => when(s.createdAt)),
    row('trees × shards', (s) => `${s.forestTrees || s.request.trees} × ${s.shards.length}`),
    row('patients (train / held out)', (s) => s.data ? `${s.data.trainingRows} / ${s.data.holdoutRows}` : '–'),
    ...METRICS.map(([label, metric]) => row(`forest ${label}`, (s) => s.forest ? metric(s.forest) : '–')),
    row('baseline AUROC', (s) => s.baseline ? fixed(s.baseline.auroc) : '–'),
    row('winner', (s) => s.winner ?? '–'),
  ];
  if (mayPromote) rows.push(row('', (s) => promoteButton(root, model, details.activeVersion, s)));
  return card('Versions', 'versions', table(header, rows, 'versions-table'));
}

function promoteButton(root, model, active, status) {
  if (status.state !== 'Completed' || status.version === active) return '';
  const label = active != null && status.version < active ? `Roll back to ${status.version}` : `Promote ${status.version}`;
  return h('button', { 'data-testid': `promote-${status.version}`, onclick: async (event) => {
    event.target.disabled = true;
    try {
      await post(`/api/models/${enc(model)}/versions/${status.version}/promote`);
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    } catch (error) {
      root.prepend(message(error.message, 'error'));
      event.target.disabled = false;
    }
  } }, label);
}

function evaluation(status) {
  const curve = (report) => report.roc.map((p) => ({ x: p.x, y: p.y }));
  const pr = (report) => report.precisionRecall.map((p) => ({ x: p.x, y: p.y }));
  const calibration = (report) => report.calibration.filter((b) => b.count > 0).map((b) => ({ x: b.meanPredicted, y: b.observedRate }));
  const both = (f) => [{ name: 'forest', points: f(status.forest) }, ...(status.baseline ? [{ name: 'logistic baseline', points: f(status.baseline) }] : [])];
  const comparison = status.baseline
    ? table(['', 'forest', 'logistic baseline'], METRICS.map(([label, metric]) => [label, metric(status.forest), metric(status.baseline)]), 'comparison-table')
    : message('No baseline was trained for this version.');
  return [
    h('h2', {}, `Version ${status.version}: held-out evaluation on ${status.forest.count} patients (${status.forest.positives} positive)`),
    h('div', { class: 'grid' },
      card('ROC curve', 'roc', lines('roc-chart', both(curve), { unitSquare: true, diagonal: true, xLabel: 'false positive rate', yLabel: 'true positive rate', dots: false })),
      card('Precision–recall', 'pr', lines('pr-chart', both(pr), { unitSquare: true, xLabel: 'recall', yLabel: 'precision', dots: false })),
      card('Calibration', 'calibration', lines('calibration-chart', both(calibration), { unitSquare: true, diagonal: true, xLabel: 'mean predicted risk', yLabel: 'observed rate' })),
      card(`Confusion at threshold ${status.forest.threshold}`, 'confusion',
        h('h3', {}, 'forest'), confusion('confusion-forest', status.forest.confusion),
        status.baseline ? [h('h3', {}, 'logistic baseline'), confusion('confusion-baseline', status.baseline.confusion)] : ''),
      card('Feature importance (AUROC drop when shuffled)', 'importance',
        bars('importance-chart', status.importance.map((i) => ({ label: i.feature, value: i.aurocDrop })))),
      card(`Forest versus logistic baseline (winner: ${status.winner ?? '–'})`, 'forest-vs-baseline', comparison)),
  ];
}

function shardsCard(status) {
  const duration = (shard) => shard.startedAt && shard.finishedAt ? (new Date(shard.finishedAt) - new Date(shard.startedAt)) / 1000 : 0;
  return card('Shards: where each was trained and how long it took', 'shards',
    bars('shard-chart', status.shards.map((shard) => ({ label: `shard ${shard.index}`, value: duration(shard) })), (v) => `${v.toFixed(2)} s`),
    table(['shard', 'silo', 'state', 'trees', 'attempts', 'progress', 'seconds'], status.shards.map((shard) =>
      [shard.index, shard.silo ?? '–', shard.state, shard.trees, shard.attempts, `${Math.round(shard.progress * 100)} %`, seconds(shard.startedAt, shard.finishedAt)]), 'shard-table'),
    status.timings ? h('p', { class: 'muted' }, `Wall time: gather ${fixed(status.timings.gather, 2)} s, preprocess ${fixed(status.timings.preprocess, 2)} s, `
      + `train ${fixed(status.timings.train, 2)} s, merge ${fixed(status.timings.merge, 2)} s, evaluate ${fixed(status.timings.evaluate, 2)} s; orchestrated on ${status.silo ?? '–'}.`) : '');
}
