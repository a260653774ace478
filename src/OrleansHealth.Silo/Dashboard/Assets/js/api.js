// The dashboard's only door to the cluster: the same JSON API the CLI uses, with the user's bearer token.
// The token arrives in the URL fragment (#…?token=…), which browsers never send to a server, and lives in
// sessionStorage: gone when the tab closes, and never in a cookie the server would have to guard.

const TOKEN_KEY = 'ohealth.token';

export function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function signIn(value) {
  sessionStorage.setItem(TOKEN_KEY, value.trim());
}

export function signOut() {
  sessionStorage.removeItem(TOKEN_KEY);
}

/** The roles in the token, read without verifying it: only to hide buttons the server would refuse anyway. */
export function roles() {
  try {
    const payload = JSON.parse(atob(token().split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
    const role = payload.role ?? [];
    return Array.isArray(role) ? role : [role];
  } catch {
    return [];
  }
}

/** An RFC 7807 problem the cluster answered, kept whole so pages can show its title and detail. */
export class ProblemError extends Error {
  constructor(status, problem) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

export async function get(path) {
  return request('GET', path);
}

export async function post(path, body) {
  return request('POST', path, body);
}

async function request(method, path, body) {
  const headers = { Accept: 'application/json', Authorization: `Bearer ${token()}` };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  const json = parse(text);
  if (!response.ok) throw new ProblemError(response.status, json);
  return json;
}

// An error page from something in between (a proxy's HTML) still fails with its status, not a SyntaxError.
function parse(text) {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return { title: 'Unexpected answer', detail: text.slice(0, 200) };
  }
}
