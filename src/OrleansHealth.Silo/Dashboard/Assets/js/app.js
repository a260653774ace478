// The dashboard shell: takes the token out of the address, signs in, and routes #/page/arguments to a page
// module. Each page renders from the API on every visit, so what it shows is what the cluster says now.

import { get, ProblemError, signIn, signOut, token } from './api.js';
import { h, message } from './dom.js';
import * as patient from './pages/patient.js';
import * as model from './pages/model.js';
import * as sources from './pages/sources.js';
import * as cluster from './pages/cluster.js';

const PAGES = { patients: patient, models: model, sources, cluster };
const main = document.querySelector('main');
let refreshTimer;

/** Moves a token from the fragment (#/page?token=…) into the session, then drops it from the address bar. */
function takeTokenFromAddress() {
  const [path, query] = location.hash.slice(1).split('?');
  const parameters = new URLSearchParams(query ?? '');
  if (!parameters.has('token')) return;
  signIn(parameters.get('token'));
  parameters.delete('token');
  const rest = parameters.toString();
  history.replaceState(null, '', `${location.pathname}#${path || '/patients'}${rest ? `?${rest}` : ''}`);
}

function route() {
  const path = location.hash.slice(1).split('?')[0];
  const [name, ...rest] = path.split('/').filter(Boolean);
  return { name: PAGES[name] ? name : 'patients', args: rest.map(decodeURIComponent) };
}

async function show() {
  clearTimeout(refreshTimer);
  takeTokenFromAddress();
  if (!token()) {
    renderSignIn();
    return;
  }

  const { name, args } = route();
  for (const link of document.querySelectorAll('header nav a')) link.classList.toggle('active', link.dataset.page === name);
  const page = h('div', { class: 'page', 'data-page': name });
  main.replaceChildren(page);
  main.setAttribute('aria-busy', 'true');
  try {
    await PAGES[name].render(page, args);
  } catch (error) {
    if (error instanceof ProblemError && error.status === 401) {
      signOut();
      renderSignIn('The token was refused (expired, or from another cluster). Sign in again.');
      return;
    }
    page.append(message(error instanceof ProblemError && error.status === 403
      ? 'Your role may not see this page.' : `Could not load this page: ${error.message}`, 'error'));
  } finally {
    main.setAttribute('aria-busy', 'false');
    main.dataset.ready = name;
  }

  if (PAGES[name].refreshSeconds) refreshTimer = setTimeout(show, PAGES[name].refreshSeconds * 1000);
}

/** Keeps a pasted token only if the cluster accepts it (a 403 still proves the token: the role is what is missing). */
async function trySignIn(value) {
  signIn(value);
  try {
    await get('/api/models');
  } catch (error) {
    if (error instanceof ProblemError && error.status === 401) {
      signOut();
      renderSignIn('The token was refused (expired, or from another cluster). Sign in again.');
      return;
    }
  }
  show();
}

function renderSignIn(reason) {
  const input = h('textarea', { rows: 4, placeholder: 'eyJ…', 'data-testid': 'token-input' });
  main.replaceChildren(h('section', { class: 'card signin' },
    h('h2', {}, 'Sign in'),
    reason ? message(reason, 'error') : '',
    h('p', {}, 'Paste a bearer token (the embedded silo prints one at start as OHEALTH_TOKEN).'),
    h('form', { onsubmit: async (event) => { event.preventDefault(); await trySignIn(input.value); } }, input, h('button', { type: 'submit' }, 'Sign in'))));
  main.dataset.ready = 'signin';
}

document.querySelector('#sign-out').addEventListener('click', () => { signOut(); show(); });
window.addEventListener('hashchange', show);
show();
