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

/**
 * Moves a token from the fragment (#/page?token=…) into the session, then drops it from the address bar. A link
 * must not silently swap the person already signed in for someone else (what they do next would be audited under
 * the link's identity), so a different token needs their consent.
 */
function takeTokenFromAddress() {
  const [path, query] = location.hash.slice(1).split('?');
  const parameters = new URLSearchParams(query ?? '');
  if (!parameters.has('token')) return;
  const offered = parameters.get('token');
  if (!token() || token() === offered || confirm('This link signs you in with another token. Use it instead of your current sign-in?')) {
    signIn(offered);
  }
  parameters.delete('token');
  const rest = parameters.toString();
  history.replaceState(null, '', `${location.pathname}#${path || '/patients'}${rest ? `?${rest}` : ''}`);
}

function route() {
  const path = location.hash.slice(1).split('?')[0];
  const [name, ...rest] = path.split('/').filter(Boolean);
  return { name: PAGES[name] ? name : 'patients', args: rest };
}

// Each navigation (or refresh) is one generation; a page that finishes after a newer one started is dropped, so a
// slow answer can neither replace the page the user moved on to nor re-arm its refresh timer.
let generation = 0;

async function show() {
  const mine = ++generation;
  clearTimeout(refreshTimer);
  takeTokenFromAddress();
  if (!token()) {
    renderSignIn();
    return;
  }

  const { name, args } = route();
  for (const link of document.querySelectorAll('header nav a')) link.classList.toggle('active', link.dataset.page === name);
  // Built off-screen and swapped in whole: a refresh never blanks the page, nor does a half-loaded page show.
  const page = h('div', { class: 'page', 'data-page': name });
  main.setAttribute('aria-busy', 'true');
  try {
    await PAGES[name].render(page, args.map(decodeURIComponent));
  } catch (error) {
    if (mine !== generation) return;
    if (error instanceof ProblemError && error.status === 401) {
      signOut();
      renderSignIn('The token was refused (expired, or from another cluster). Sign in again.');
      return;
    }
    page.append(message(error instanceof ProblemError && error.status === 403
      ? 'Your role may not see this page.' : `Could not load this page: ${error.message}`, 'error'));
  }

  if (mine !== generation) return;
  main.replaceChildren(page);
  main.setAttribute('aria-busy', 'false');
  main.dataset.ready = name;
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
  main.setAttribute('aria-busy', 'false');
  main.dataset.ready = 'signin';
}

document.querySelector('#sign-out').addEventListener('click', () => { signOut(); show(); });
window.addEventListener('hashchange', show);
show();
