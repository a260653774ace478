// Cluster page: the silos as this silo's membership sees them, grain activations per type, and the
// ingestion and prediction rates each silo reports. Refreshes every five seconds while it is open.

import { get } from '../api.js';
import { card, fixed, h, message, table } from '../dom.js';
import { bars, lines } from '../charts.js';

export const refreshSeconds = 5;

export async function render(root) {
  const cluster = await get('/api/cluster');
  root.append(h('h1', {}, `Cluster ${cluster.clusterId}`, ' ', h('small', {}, `answered by ${cluster.answeredBy}`)));
  root.append(h('div', { class: 'grid' },
    card('Silos', 'silos', table(['silo', 'address', 'status'], cluster.silos.map((silo) =>
      [silo.isSelf ? h('strong', {}, silo.name) : silo.name, silo.address, h('span', { class: `status ${silo.status.toLowerCase()}` }, silo.status)]), 'silos-table')),
    activityCard(cluster)));
  root.append(grainsCard(cluster));
}

function activityCard(cluster) {
  const activity = cluster.activity;
  if (!activity) return card('Ingestion and predictions', 'activity', message(cluster.activityUnavailable ?? 'No silo has reported its rates yet.'));
  const series = activity.silos.flatMap((silo) => [
    { name: `${silo.silo} records/s`, points: silo.series.map((p) => ({ x: new Date(p.at), y: p.recordsPerSecond })) },
    { name: `${silo.silo} predictions/s`, points: silo.series.map((p) => ({ x: new Date(p.at), y: p.predictionsPerSecond })) },
  ]).filter((line) => line.points.length > 0);
  return card(`Ingestion ${fixed(activity.recordsPerSecond, 1)} records/s · predictions ${fixed(activity.predictionsPerSecond, 1)}/s`, 'activity',
    table(['silo', 'records/s', 'predictions/s'], activity.silos.map((silo) => [silo.silo, fixed(silo.recordsPerSecond, 1), fixed(silo.predictionsPerSecond, 1)]), 'activity-table'),
    series.length === 0 ? '' : lines('activity-chart', series, { time: 'minute', yLabel: 'per second', dots: false }));
}

function grainsCard(cluster) {
  if (!cluster.grains) return card('Grain activations', 'grains', message(cluster.grainsUnavailable ?? 'Unavailable.'));
  const shortName = (type) => type.split(',')[0].split('.').at(-1);
  const bySilo = new Map(cluster.silos.map((silo) => [silo.address, silo.name]));
  const totals = new Map();
  for (const count of cluster.grains) totals.set(shortName(count.grainType), (totals.get(shortName(count.grainType)) ?? 0) + count.activations);
  return card('Grain activations', 'grains',
    bars('grains-chart', [...totals].sort((a, b) => b[1] - a[1]).map(([type, activations]) => ({ label: type, value: activations })), (v) => String(v)),
    table(['grain type', 'silo', 'activations'], cluster.grains.map((count) => [shortName(count.grainType), bySilo.get(count.silo) ?? count.silo, count.activations]), 'grains-table'));
}
