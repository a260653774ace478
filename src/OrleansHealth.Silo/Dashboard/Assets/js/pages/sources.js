// Sources page: how many records each feed sent, its quality, completeness per field, duplicates and
// rejects over time, what was quarantined and why, and the identity matches waiting for a person.

import { get } from '../api.js';
import { card, enc, fixed, h, message, percent, table, when } from '../dom.js';
import { bars, lines, pie } from '../charts.js';

export async function render(root, [selected]) {
  const sources = await get('/api/sources');
  if (sources.length === 0) {
    root.append(message('No source is registered yet (ohealth sources add).'));
    return;
  }

  const sending = sources.filter((source) => source.statistics.received > 0);
  root.append(
    card('Records by source', 'sources-pie-card', pie('sources-pie', sending.map((source) => ({ label: source.name, value: source.statistics.received })))),
    card('Feeds', 'sources-table-card', table(['source', 'format', 'trust', 'received', 'accepted', 'duplicates', 'rejected', 'quality score', 'patients'],
      sources.map((source) => [
        h('a', { href: `#/sources/${enc(source.sourceId)}` }, source.sourceId), source.format, source.trustRank,
        source.statistics.received, source.statistics.accepted, source.statistics.duplicates, source.statistics.rejected,
        h('strong', {}, fixed(source.statistics.qualityScore, 2)), source.statistics.patientsTouched,
      ]), 'sources-table')));

  const source = sources.find((s) => s.sourceId === selected) ?? sources[0];
  root.append(h('h1', {}, source.name, ' ', h('small', {}, source.sourceId)), ...await sourceDetails(source));
}

async function sourceDetails(source) {
  const statistics = source.statistics;
  const [quarantine, review] = await Promise.all([
    get(`/api/sources/${enc(source.sourceId)}/quarantine?take=50`),
    get(`/api/sources/${enc(source.sourceId)}/review`),
  ]);
  const history = statistics.history ?? [];
  const minute = (key) => history.map((bucket) => ({ x: new Date(bucket.minute), y: bucket[key] }));
  return [h('div', { class: 'grid' },
    card(`Quality score ${fixed(statistics.qualityScore, 2)} · duplicates ${percent(statistics.duplicateRate)}`, 'completeness',
      h('p', { class: 'muted' }, 'Completeness: the share of records that carry each field.'),
      bars(`completeness-${source.sourceId}`, Object.entries(statistics.completeness).map(([field, share]) => ({ label: field, value: share })), (v) => percent(v, 0)),
      Object.keys(statistics.failuresByRule).length === 0 ? message('No validity rule failed.')
        : table(['rule', 'failures'], Object.entries(statistics.failuresByRule), `failures-${source.sourceId}`)),
    card('Duplicates and rejects per minute', 'history', history.length === 0 ? message('Nothing received yet.')
      : lines(`history-${source.sourceId}`, [
        { name: 'duplicates', points: minute('duplicates') },
        { name: 'rejected', points: minute('rejected') },
      ], { time: 'minute', yLabel: 'records per minute' }))),
  card(`Quarantine (${quarantine.total})`, 'quarantine', quarantine.items.length === 0 ? message('Nothing quarantined.')
    : table(['received', 'rule', 'reason', 'line', 'raw'], quarantine.items.map((item) =>
      [when(item.receivedAt), item.rule, item.reason, item.line, h('code', {}, item.raw.length > 160 ? `${item.raw.slice(0, 160)}…` : item.raw)]), `quarantine-${source.sourceId}`)),
  card(`Identity review queue (${review.length})`, 'review', review.length === 0 ? message('No uncertain match is waiting.')
    : table(['record', 'linked to', 'or perhaps', 'score', 'strongest evidence', 'when'], review.map((item) => [
      item.recordId,
      h('a', { href: `#/patients/${enc(item.patientId)}` }, item.patientId),
      h('a', { href: `#/patients/${enc(item.candidatePatientId)}` }, item.candidatePatientId),
      fixed(item.score, 1),
      Object.entries(item.fieldWeights).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1])).slice(0, 3).map(([field, weight]) => `${field} ${weight > 0 ? '+' : ''}${fixed(weight, 1)}`).join(', '),
      when(item.createdAt),
    ]), `review-${source.sourceId}`))];
}
