// Patient page: find a patient, then the unified profile with the source of every field, a chart per
// lab or vital, the risk from each active model with its largest reasons, and the ranked treatments.

import { get, ProblemError } from '../api.js';
import { card, enc, fixed, h, message, percent, table, when } from '../dom.js';
import { intervals, lines, signedBars } from '../charts.js';

const PATIENT_ID = /^p-[a-z0-9]{20}$/;
const EVENT_KINDS = { conditions: 'condition', medications: 'medication', encounters: 'encounter', allergies: 'allergy', immunizations: 'immunization', procedures: 'procedure' };

export async function render(root, [patientId]) {
  root.append(searchForm(patientId));
  if (patientId) await renderPatient(root, patientId);
}

function searchForm(current) {
  const query = h('input', { name: 'q', placeholder: 'family name, patient id, or source:local id', 'data-testid': 'patient-query', value: current ?? '' });
  const given = h('input', { name: 'given', placeholder: 'given name (optional)' });
  const birth = h('input', { name: 'birth', type: 'date', title: 'birth date (optional)' });
  const results = h('div', { 'data-testid': 'search-results' });
  const form = h('form', { class: 'search', onsubmit: async (event) => {
    event.preventDefault();
    results.replaceChildren();
    await search(query.value.trim(), given.value.trim(), birth.value, results);
  } }, query, given, birth, h('button', { type: 'submit' }, 'Find'));
  return card('Find a patient', 'patient-search', form, results);
}

async function search(text, given, birthDate, results) {
  if (!text) return;
  if (PATIENT_ID.test(text)) {
    location.hash = `#/patients/${text}`;
    return;
  }

  try {
    if (text.includes(':')) {
      const [source, ...local] = text.split(':');
      const link = await get(`/api/patients?source=${encodeURIComponent(source)}&localId=${encodeURIComponent(local.join(':'))}`);
      location.hash = `#/patients/${enc(link.patientId)}`;
      return;
    }

    const parameters = new URLSearchParams({ name: text });
    if (given) parameters.set('given', given);
    if (birthDate) parameters.set('birthDate', birthDate);
    const found = await get(`/api/patients/search?${parameters}`);
    if (found.patients.length === 0) {
      results.append(message(`No patient named ${text} was found.`));
      return;
    }

    results.append(table(['patient', 'family name', 'given names', 'birth date', 'sex'],
      found.patients.map((p) => [h('a', { href: `#/patients/${enc(p.patientId)}` }, p.patientId), p.familyName ?? '', p.givenNames ?? '', p.birthDate ?? '', p.sex ?? '']),
      'search-table'));
    if (found.truncated) results.append(message('More patients match: add a given name or a birth date.'));
  } catch (error) {
    results.append(message(error.message, 'error'));
  }
}

async function renderPatient(root, patientId) {
  let profile;
  try {
    profile = await get(`/api/patients/${enc(patientId)}`);
  } catch (error) {
    root.append(message(error.message, 'error'));
    return;
  }

  const name = [profile.demographics.givenNames?.value, profile.demographics.familyName?.value].filter(Boolean).join(' ');
  root.append(h('h1', { 'data-testid': 'patient-name' }, name || patientId), h('p', { class: 'muted' }, patientId));
  const risks = h('div', { class: 'grid', 'data-testid': 'risks' }, message('Asking the models…'));
  root.append(risks, profileCard(profile), observationsCard(profile), eventsCard(profile));
  await renderRisks(risks, patientId);
}

function profileCard(profile) {
  const provenance = (source) => `${source.sourceId} · ${source.recordId} · trust ${source.trustRank} · ${when(source.assertedAt)}`;
  const rows = Object.entries(profile.demographics).map(([field, f]) => [
    field, f.value, h('span', { class: 'source' }, provenance(f.source)),
    f.alternatives.map((a) => `${a.value} (${a.source.sourceId})`).join('; '),
  ]);
  const identifiers = profile.identifiers.map((i) => [i.system, i.value, h('span', { class: 'source' }, provenance(i.source)), '']);
  return card('Unified profile', 'profile',
    table(['field', 'value', 'source', 'other sources said'], [...rows, ...identifiers], 'profile-table'),
    h('p', { class: 'muted' }, `Records linked to this patient: ${profile.sourceLinks.length}.`));
}

function eventsCard(profile) {
  const rows = Object.entries(profile.events).flatMap(([kind, events]) => events.map((e) =>
    [EVENT_KINDS[kind] ?? kind, e.display ?? e.code, e.startAt ? new Date(e.startAt).toLocaleDateString() : '–',
      e.endAt ? new Date(e.endAt).toLocaleDateString() : '', e.status ?? '', h('span', { class: 'source' }, e.source.sourceId)]));
  return card('Conditions, medications and encounters', 'events', rows.length === 0 ? message('No events.')
    : table(['kind', 'what', 'from', 'to', 'status', 'source'], rows, 'events-table'));
}

function observationsCard(profile) {
  const numeric = profile.observations
    .map((series) => ({ series, points: series.values.filter((v) => v.value != null && v.effectiveAt).map((v) => ({ x: new Date(v.effectiveAt), y: v.value, note: `from ${v.source.sourceId}` })) }))
    .filter((entry) => entry.points.length > 0);
  if (numeric.length === 0) return card('Labs and vitals', 'observations', message('No numeric observations.'));
  return card('Labs and vitals', 'observations', h('div', { class: 'grid' }, numeric.map(({ series, points }) =>
    h('div', { class: 'observation' },
      h('h3', {}, `${series.display ?? series.code} `, h('small', {}, `${series.code} · latest ${fixed(series.latest.value, 1)} ${series.unit ?? ''}`)),
      lines(`observation-${series.code}`, [{ name: `${series.display ?? series.code} (${series.unit ?? ''})`, points }], { time: true, fromZero: false, yLabel: series.unit ?? '' })))));
}

async function renderRisks(container, patientId) {
  const models = (await get('/api/models')).filter((m) => m.activeVersion != null);
  container.replaceChildren();
  if (models.length === 0) container.append(message('No model is active yet.'));
  for (const model of models) {
    container.append(await riskCard(patientId, model), model.ranksTreatments ? await treatmentsCard(patientId, model) : '');
  }
}

async function riskCard(patientId, model) {
  try {
    const prediction = await get(`/api/patients/${enc(patientId)}/predictions/${enc(model.name)}`);
    const items = prediction.topContributions.map((c) => ({ label: `${c.feature} = ${fixed(c.value, 1)}`, value: c.amount }));
    return card(`Risk: ${model.name}`, `risk-${model.name}`,
      h('p', { class: 'risk' }, h('strong', { 'data-testid': `probability-${model.name}` }, percent(prediction.probability)),
        ` (version ${prediction.version}; average patient ${percent(prediction.baseValue)})`),
      h('p', { class: 'muted' }, 'Largest reasons: red raises the risk, blue lowers it (change in probability).'),
      signedBars(`contributions-${model.name}`, items, (v) => `${v >= 0 ? '+' : ''}${(v * 100).toFixed(1)} pt`));
  } catch (error) {
    return card(`Risk: ${model.name}`, `risk-${model.name}`, message(problemText(error), 'error'));
  }
}

async function treatmentsCard(patientId, model) {
  try {
    const ranking = await get(`/api/patients/${enc(patientId)}/treatments/${enc(model.name)}`);
    const items = ranking.treatments.map((t) => ({ label: `${t.rank}. ${t.treatment}`, value: t.goodOutcome, low: t.low, high: t.high }));
    return card(`Treatments: ${model.name}`, `treatments-${model.name}`,
      h('p', { class: 'muted' }, 'Chance of a good outcome under each treatment, with its range over the forest\'s trees.'),
      intervals(`treatment-chart-${model.name}`, items),
      table(['rank', 'treatment', 'good outcome', 'range', 'trained on', 'note'], ranking.treatments.map((t) =>
        [t.rank, t.treatment, percent(t.goodOutcome), `${percent(t.low)} – ${percent(t.high)}`, `${t.trainingPatients} patients`, t.note ?? '']), `treatment-table-${model.name}`));
  } catch (error) {
    return card(`Treatments: ${model.name}`, `treatments-${model.name}`, message(problemText(error), 'error'));
  }
}

function problemText(error) {
  return error instanceof ProblemError && error.problem?.title ? `${error.problem.title}: ${error.message}` : error.message;
}
