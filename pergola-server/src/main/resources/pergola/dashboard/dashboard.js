/**
 * Pergola's web dashboard: what each environment runs, the versions each app has published, the
 * audit trail, and deploys for people: promote, roll back in one click, canaries, withdrawals. A
 * client of the HTTP API like the command line; every deploy is sent with `If-Match` on the
 * revision shown, so nobody deploys over a change they have not seen.
 */

const page = document.body.dataset;
const withLogin = page.login === 'true';

/** @type {{value: string, expiresAt?: number, user?: object} | null} the API token, in memory only */
let token = null;
/** @type {Promise<string> | null} the token request under way */
let tokenRequest = null;
/** @type {string | null} the environment on show */
let environment = null;
/** How many revisions the history shows at first, and adds each time older ones are asked for. */
const HISTORY_PAGE = 50;

// ---- talking to the API

/** The bearer token: the signed-in person's, from the shell's login, or the one pasted in. */
function accessToken() {
  if (!withLogin || (token && token.expiresAt - Date.now() > 30_000)) return Promise.resolve(token.value);
  // The page's calls start side by side: one token request serves them all.
  tokenRequest ??= fetchToken().finally(() => { tokenRequest = null; });
  return tokenRequest;
}

async function fetchToken() {
  const answer = await fetch(page.tokenUrl, { headers: { [page.tokenHeader]: '1' } });
  if (!answer.ok) throw new Error(await reason(answer));
  const body = await answer.json();
  token = { value: body.access_token, expiresAt: (body.expires_at ?? 0) * 1000, user: body.user };
  return token.value;
}

/** Calls the API; a problem document's detail becomes the error's message. */
async function call(path, { method = 'GET', body, revision } = {}) {
  const headers = { Authorization: `Bearer ${await accessToken()}` };
  if (body) headers['Content-Type'] = 'application/json';
  if (revision !== undefined) headers['If-Match'] = `"${revision}"`;
  const answer = await fetch(path, { method, headers, body: body && JSON.stringify(body) });
  if (!answer.ok) {
    const error = new Error(await reason(answer));
    error.status = answer.status;
    throw error;
  }
  return answer;
}

const api = async (path, options) => (await call(path, options)).json();

/** A page of a listing the API pages, with the path of the next page (its Link header) if any. */
async function listing(path) {
  const answer = await call(path);
  const next = /<([^>]+)>\s*;\s*rel="next"/.exec(answer.headers.get('Link') ?? '');
  return { items: await answer.json(), next: next?.[1] };
}

async function reason(answer) {
  try {
    const problem = await answer.json();
    return problem.detail || problem.title || `${answer.status}`;
  } catch {
    return `${answer.status} ${answer.statusText}`;
  }
}

const path = (...parts) => parts.map(encodeURIComponent).join('/');

// ---- building the page (text only ever through textContent)

function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (value !== false && value != null) element.setAttribute(name, value === true ? '' : value);
  }
  element.append(...children.flat().filter((child) => child != null));
  return element;
}

const main = el('main');
const who = el('span', { class: 'who' });
const notice = el('p', { class: 'notice', role: 'status', hidden: true });
const reasonInput = el('input', { name: 'reason', placeholder: 'why (recorded in the audit trail)', size: 40 });

function say(text, kind = 'error') {
  notice.textContent = text;
  notice.className = `notice ${kind}`;
  notice.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  notice.hidden = false;
}

function when(instant) {
  return new Date(instant).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/**
 * Sends a deploy after the person confirms it, then shows the environment as it now is. A 412
 * means somebody else deployed since this page was drawn: the page is redrawn for a new look.
 */
async function deploy(question, operation, body, revision) {
  if (!confirm(question)) return;
  notice.hidden = true; // what an earlier change said is not about this one
  const message = reasonInput.value.trim();
  try {
    const result = await api(`/api/environments/${path(environment)}/${operation}`, {
      method: 'POST', body: { ...body, ...(message && { message }) }, revision,
    });
    reasonInput.value = '';
    await show();
    say(`Done: ${environment} is at revision ${result.revision}.`, 'done');
  } catch (error) {
    if (error.status === 412) {
      await show();
      say(`${environment} changed since this page was drawn; here it is now. Nothing was deployed.`);
    } else {
      say(error.message);
    }
  }
}

/**
 * Withdraws a version for the reason typed above, in every environment at once: still served to
 * pages that use it, but no deploy gives it to anybody anew unless an admin forces it.
 */
async function withdraw(app, version) {
  const reason = reasonInput.value.trim();
  if (!reason) {
    say(`Say why ${app} ${version} is withdrawn first, in "Reason for a change": the teams that cannot deploy it read it.`);
    reasonInput.focus();
    return;
  }
  if (!confirm(`Withdraw ${app} ${version}? No deploy will give it to anybody anew; pages that use it keep it.`)) return;
  notice.hidden = true;
  try {
    await api(`/api/apps/${path(app)}/versions/${path(version)}/withdrawal`, { method: 'PUT', body: { reason } });
    reasonInput.value = '';
    await show();
    say(`Withdrew ${app} ${version}: no deploy gives it anew.`, 'done');
  } catch (error) {
    say(error.message);
  }
}

/**
 * Buttons for what `me` may not do are shown disabled, saying why; the API decides either way,
 * and its refusal is shown as it is.
 */
function refusedTo(me, team) {
  if (me.admin || me.teams.includes(team)) return {};
  return { disabled: true, title: `${team}'s app: only team ${team} and admins deploy it` };
}

function deployedRows(current, apps, me) {
  const deployed = new Map(current.deployments.map((d) => [d.app, d]));
  return apps.map((app) => {
    const may = refusedTo(me, app.team);
    const deployment = deployed.get(app.name);
    // The newest versions the listing names, and the deployed one if it is older than those.
    const versions = [...new Set([...(app.recentVersions ?? []), deployment?.version].filter(Boolean))];
    const choice = el('select', { 'aria-label': `version of ${app.name}` },
      versions.map((v) => el('option', { value: v, selected: v === deployment?.version }, v)));
    const percent = el('input', { type: 'number', min: 1, max: 99, value: 10, 'aria-label': `canary share of ${app.name}` });
    // The question and the request are made on the click, from what the inputs hold then.
    const act = (label, question, operation, body) => el('button', {
      type: 'button', ...may, onclick: () => deploy(question(), operation, body(), current.revision),
    }, label);
    // What the environment runs may have been withdrawn since it was deployed: say so, and why.
    const withdrawn = (version) => {
      const reason = app.withdrawnVersions?.[version];
      return reason && el('span', { class: 'withdrawn', title: reason }, ` withdrawn: ${reason}`);
    };
    const canary = deployment?.canary
      ? [`${deployment.canary.version} to ${deployment.canary.percent}%`, withdrawn(deployment.canary.version), ' ',
        act('Promote canary', () => `Give everyone ${app.name} ${deployment.canary.version}?`,
          'canary/promote', () => ({ app: app.name })),
        act('Abort', () => `End ${app.name}'s canary?`, 'canary/abort', () => ({ app: app.name }))]
      : '—';
    return el('tr', { 'data-app': app.name },
      el('th', { scope: 'row' }, app.name),
      el('td', {}, app.team),
      el('td', { class: 'deployed' }, deployment ? deployment.version : 'not deployed', deployment && withdrawn(deployment.version)),
      el('td', {}, canary),
      el('td', {}, el('div', { class: 'actions' },
        choice,
        act('Promote', () => `Deploy ${app.name} ${choice.value} to everyone in ${environment}?`,
          'promote', () => ({ app: app.name, version: choice.value })),
        act('Canary', () => `Send ${percent.value}% of ${environment}'s visitors to ${app.name} ${choice.value}?`,
          'canary', () => ({ app: app.name, version: choice.value, percent: Number(percent.value) })),
        percent, '%',
        el('button', { type: 'button', ...may, onclick: () => withdraw(app.name, choice.value) }, 'Withdraw'))),
      el('td', {}, deployment
        ? act('Roll back', () => `Roll ${app.name} back to the version it had before ${deployment.version}?`,
          'rollback', () => ({ app: app.name }))
        : null));
  });
}

/**
 * What a revision changed, in words: "promote billing 1.0.0 → 1.3.0", "canary billing 1.3.0 to
 * 10%" (a canary leaves the deployed version as it was: that it stays is no news).
 */
function change(entry) {
  const moved = entry.fromVersion !== entry.toVersion;
  return [entry.action, entry.app, moved && entry.fromVersion && `${entry.fromVersion} →`, moved && entry.toVersion,
    entry.action === 'canary' && entry.canaryVersion && `${entry.canaryVersion} to ${entry.canaryPercent}%`]
    .filter(Boolean).join(' ') + (entry.forced ? ' (forced)' : '');
}

function historyRows(audit, current, me) {
  return audit.map((entry) => el('tr', { 'data-revision': entry.revision },
    el('td', {}, String(entry.revision)),
    el('td', {}, when(entry.at)),
    el('td', {}, entry.actor),
    el('td', {}, change(entry)),
    el('td', {}, entry.message ?? ''),
    el('td', {}, entry.revision === current.revision ? 'current' : el('button', {
      type: 'button',
      ...(!me.admin && { disabled: true, title: 'Restoring a whole environment is for admins' }),
      onclick: () => deploy(`Put all of ${environment} back as it was at revision ${entry.revision}?`,
        'rollback', { toRevision: entry.revision }, current.revision),
    }, 'Restore'))));
}

/** Draws the environment on show, its apps and its history, from the API as it is now. */
async function show() {
  const [environments, apps, me] = await Promise.all([api('/api/environments'), api('/api/apps'), api('/api/me')]);
  if (!environments.some((e) => e.name === environment)) {
    environment = (environments.find((e) => e.name === 'production') ?? environments[0])?.name ?? null;
  }
  if (!environment) {
    main.replaceChildren(el('p', {}, 'There is no environment yet.'));
    return;
  }
  const [current, audit] = await Promise.all([
    api(`/api/environments/${path(environment)}`),
    listing(`/api/environments/${path(environment)}/audit?limit=${HISTORY_PAGE}`),
  ]);
  who.textContent = token?.user?.name ? `Signed in as ${token.user.name}` : `As ${me.id}`;
  const picker = el('select', {
    'aria-label': 'environment',
    onchange: (event) => { environment = event.target.value; show().catch((error) => say(error.message)); },
  }, environments.map((e) => el('option', { value: e.name, selected: e.name === environment }, e.name)));
  const history = el('table', { id: 'history' },
    el('thead', {}, el('tr', {}, ['Revision', 'When', 'Who', 'What', 'Why', ''].map((h) => el('th', {}, h)))),
    el('tbody', {}, historyRows(audit.items, current, me)));
  main.replaceChildren(
    el('section', {},
      el('h2', {}, 'Environment ', picker, ` at revision ${current.revision}`),
      el('p', { class: 'meta' }, `since ${when(current.createdAt)}, by ${current.createdBy}`),
      el('label', { class: 'reason' }, 'Reason for a change: ', reasonInput),
      el('table', { id: 'deployments' },
        el('thead', {}, el('tr', {}, ['App', 'Team', 'Deployed', 'Canary', 'Deploy a version', ''].map((h) => el('th', {}, h)))),
        el('tbody', {}, deployedRows(current, apps, me)))),
    el('section', {},
      el('h2', {}, 'History'),
      history,
      olderHistory(audit.next, history.tBodies[0], current, me)));
}

/**
 * The button that adds the revisions before those shown, a page at a time, while there are any:
 * an environment's history grows with every deploy and is never fetched whole.
 */
function olderHistory(next, rows, current, me) {
  if (!next) return '';
  const button = el('button', {
    type: 'button',
    id: 'older-history',
    onclick: async () => {
      button.disabled = true;
      try {
        const older = await listing(next);
        rows.append(...historyRows(older.items, current, me));
        button.replaceWith(olderHistory(older.next, rows, current, me));
      } catch (error) {
        button.disabled = false;
        say(error.message);
      }
    },
  }, 'Show older revisions');
  return button;
}

/** Without the shell's login, the person gives an API token, kept in this page's memory only. */
function askForToken() {
  const input = el('input', { type: 'password', name: 'token', autocomplete: 'off', required: true, size: 50 });
  main.replaceChildren(el('form', {
    class: 'token',
    onsubmit: (event) => {
      event.preventDefault();
      token = { value: input.value.trim() };
      show().catch((error) => { token = null; askForToken(); say(error.message); });
    },
  },
  el('label', {}, 'API token (an admin or team token; kept in this page only): ', input),
  el('button', { type: 'submit' }, 'Open')));
}

document.body.append(
  el('header', {}, el('h1', {}, 'Pergola'), el('a', { href: '/' }, 'Open the shell'), who),
  notice,
  main);
if (withLogin) show().catch((error) => say(error.message));
else askForToken();
