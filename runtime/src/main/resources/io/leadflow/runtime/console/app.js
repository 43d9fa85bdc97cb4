// Leadflow operator console: one page, hash routes, plain DOM (no framework, nothing from a CDN).
// Every value shown comes from /console/api, already masked by the server; it is put in the page
// as text (never as HTML).
'use strict';

const CSRF = document.querySelector('meta[name="csrf-token"]').content;
const STATUSES = ['pending', 'running', 'retrying', 'done', 'dropped', 'dead', 'duplicate'];
const COLORS = { done: '#16a34a', dead: '#dc2626', dropped: '#9ca3af', pending: '#2563eb', running: '#60a5fa', retrying: '#d97706', duplicate: '#7c3aed' };
let timer = null;

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on')) e.addEventListener(k.substring(2), v);
    else if (k === 'class') e.className = v;
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

function svg(tag, attrs) {
  const e = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  return e;
}

async function api(path, options) {
  const opts = Object.assign({ headers: {} }, options || {});
  opts.headers['Accept'] = 'application/json';
  if (opts.method && opts.method !== 'GET') {
    opts.headers['X-CSRF-Token'] = CSRF;
    if (opts.body !== undefined && typeof opts.body !== 'string') {
      opts.body = JSON.stringify(opts.body);
      opts.headers['Content-Type'] = 'application/json';
    }
  }
  const res = await fetch(path, Object.assign(opts, { credentials: 'same-origin' }));
  if (res.status === 401) { location.href = '/login'; throw new Error('signed out'); }
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(body.message || ('HTTP ' + res.status));
  return body;
}

function json(v) { return JSON.stringify(v, null, 2); }
function when(t) { return t ? t.replace('T', ' ').replace(/\.\d+Z$/, 'Z') : ''; }
function status(s) { return el('span', { class: 'status st-' + s }, s); }
function nodes(list) { return list.flat(Infinity).filter(c => c !== null && c !== undefined && c !== '').map(c => c instanceof Node ? c : document.createTextNode(String(c))); }
function fill(target, ...kids) { target.replaceChildren(...nodes(kids)); }
function show(...kids) { fill(document.getElementById('main'), ...kids); }
function fail(e) { return el('p', { class: 'error', role: 'alert' }, e.message || String(e)); }
function stop() { if (timer) { clearInterval(timer); timer = null; } }
function every(ms, f) { stop(); timer = setInterval(() => f().catch(() => {}), ms); }

// ---- routes ----

const routes = {
  leads: viewLeads, lead: viewLead, dead: viewDead, flows: viewFlows, playground: viewPlayground, impact: viewImpact,
};

function route() {
  stop();
  const parts = (location.hash || '#/leads').substring(2).split('/');
  const view = routes[parts[0]] ? parts[0] : 'leads';
  document.querySelectorAll('header nav a').forEach(a => a.classList.toggle('active', a.dataset.view === view || (view === 'lead' && a.dataset.view === 'leads')));
  routes[view](...parts.slice(1).map(decodeURIComponent)).catch(e => show(fail(e)));
}

// ---- leads ----

const leadFilters = { flow: '', status: '', since: '', until: '', q: '' };
let flowNames = [];

async function knownFlows() {
  if (!flowNames.length) flowNames = (await api('/console/api/flows')).flows.map(f => f.name);
  return flowNames;
}

function isoFromLocal(v) { return v ? new Date(v).toISOString() : ''; }

async function viewLeads() {
  const flows = await knownFlows();
  const cursors = [null];
  let lastSeen = null;
  const table = el('tbody', { id: 'leads-rows' });
  const counts = el('div', { class: 'counts', id: 'counts' });
  const pager = el('div', { class: 'actions' });
  const live = el('span', { class: 'live', id: 'live' });
  const form = el('form', { class: 'filters', id: 'lead-filters', onsubmit: e => { e.preventDefault(); read(); cursors.length = 1; load(); } },
    el('label', {}, 'Flow', el('select', { name: 'flow' }, el('option', { value: '' }, 'all'), flows.map(f => el('option', { value: f, selected: f === leadFilters.flow }, f)))),
    el('label', {}, 'Status', el('select', { name: 'status' }, el('option', { value: '' }, 'all'), STATUSES.map(s => el('option', { value: s, selected: s === leadFilters.status }, s)))),
    el('label', {}, 'Received from', el('input', { type: 'datetime-local', name: 'since', value: leadFilters.since })),
    el('label', {}, 'until', el('input', { type: 'datetime-local', name: 'until', value: leadFilters.until })),
    el('label', {}, 'Search (lead or order id, phone, email)', el('input', { type: 'search', name: 'q', id: 'q', size: 32, value: leadFilters.q })),
    el('button', { type: 'submit', class: 'primary', id: 'search' }, 'Search'));
  function read() { for (const k of Object.keys(leadFilters)) leadFilters[k] = form.elements[k].value.trim(); }
  async function load() {
    const p = new URLSearchParams({ limit: '50' });
    if (leadFilters.flow) p.set('flow', leadFilters.flow);
    if (leadFilters.status) p.set('status', leadFilters.status);
    if (leadFilters.since) p.set('since', isoFromLocal(leadFilters.since));
    if (leadFilters.until) p.set('until', isoFromLocal(leadFilters.until));
    if (leadFilters.q) p.set('q', leadFilters.q);
    const cursor = cursors[cursors.length - 1];
    if (cursor) p.set('cursor', cursor);
    const r = await api('/console/api/leads?' + p);
    const seen = JSON.stringify(r);
    if (seen === lastSeen) return;
    lastSeen = seen;
    fill(counts, STATUSES.map(s => el('span', { class: 'count', 'data-status': s }, status(s), ' ', r.counts[s] || 0)));
    fill(table, r.leads.map(l => el('tr', { 'data-id': l.id },
      el('td', {}, when(l.receivedAt)), el('td', { class: 'mono' }, el('a', { href: '#/lead/' + encodeURIComponent(l.id) }, l.id)),
      el('td', {}, l.flow), el('td', {}, status(l.status)), el('td', {}, l.reason || (l.duplicateOf ? 'duplicate of ' + l.duplicateOf : '')))));
    if (!r.leads.length) table.append(el('tr', {}, el('td', { colspan: 5, class: 'muted' }, 'No lead matches.')));
    fill(pager,
      cursors.length > 1 ? el('button', { type: 'button', id: 'newer', onclick: () => { cursors.pop(); load(); } }, '← Newer') : '',
      r.next ? el('button', { type: 'button', id: 'older', onclick: () => { cursors.push(r.next); load(); } }, 'Older →') : '');
    live.textContent = cursors.length === 1 ? '● live (refreshes every 3 s)' : '';
  }
  show(el('h1', {}, 'Leads', live), form, counts,
    el('table', { id: 'leads-table' }, el('thead', {}, el('tr', {}, ['Received', 'Lead', 'Flow', 'Status', 'Reason'].map(h => el('th', {}, h)))), table), pager);
  await load();
  every(3000, async () => { if (cursors.length === 1) await load(); });
}

// ---- one lead ----

function stepsTable(steps, id) {
  return el('table', { id }, el('thead', {}, el('tr', {}, ['Step', 'Where', 'What'].map(h => el('th', {}, h)))),
    el('tbody', {}, (steps || []).map(s => el('tr', { 'data-kind': s.kind }, el('td', {}, s.kind), el('td', { class: 'mono' }, s.at || ''),
      el('td', {}, s.detail, s.data && s.kind !== 'rule' ? el('div', { class: 'muted mono' }, JSON.stringify(s.data)) : '')))));
}

async function viewLead(id) {
  async function render() {
    const d = await api('/console/api/leads/' + encodeURIComponent(id));
    const msg = el('p', { id: 'action-result' });
    const act = (label, version, elId) => el('button', { type: 'button', id: elId, onclick: async () => {
      try {
        await api('/console/api/leads/' + encodeURIComponent(id) + '/replay?version=' + version, { method: 'POST' });
        msg.className = 'ok'; msg.textContent = 'Replay requested (' + version + ' rules); this page follows it.';
        watch();
      } catch (e) { msg.className = 'error'; msg.textContent = e.message; }
    } }, label);
    const steps = d.trace && d.trace.steps ? d.trace.steps : [];
    const normalised = steps.filter(s => s.kind === 'normalise');
    show(
      el('p', {}, el('a', { href: '#/leads' }, '← Leads')),
      el('h1', {}, 'Lead ', el('span', { class: 'mono', id: 'lead-id' }, d.id), ' ', status(d.status)),
      el('table', { id: 'lead-summary' }, el('tbody', {},
        [['Flow', d.flow], ['Source', d.source], ['Received', when(d.receivedAt)], ['Updated', when(d.updatedAt)],
          ['Run', d.run], ['Attempts', d.attempts], ['Reason', d.reason || ''], ['Rule version', (d.ruleVersion || '').substring(0, 12)],
          ['First rule version', (d.firstRuleVersion || '').substring(0, 12)], ['Source event id', d.sourceEventId || ''],
          ['Next attempt', when(d.nextAt)], ['Duplicate of', d.duplicateOf || '']]
          .filter(r => r[1] !== '' && r[1] !== null && r[1] !== undefined).map(r => el('tr', {}, el('th', {}, r[0]), el('td', {}, r[1]))))),
      el('div', { class: 'actions' },
        d.status === 'dead' ? act('Retry now (a new run with the rules in force)', 'current', 'retry-now') : '',
        act('Replay with the original rules', 'original', 'replay-original'),
        act('Replay with the current rules', 'current', 'replay-current')), msg,
      el('div', { class: 'grid2' },
        el('section', {}, el('h2', {}, 'Body as received (' + d.contentType + ')'),
          el('pre', { id: 'raw-body' }, d.bodyJson ? json(d.bodyJson) : d.body)),
        el('section', {}, el('h2', {}, 'Normalised values'),
          normalised.length ? el('ul', { id: 'normalised' }, normalised.map(s => el('li', {}, s.detail))) : el('p', { class: 'muted' }, 'None recorded.'),
          el('h2', {}, 'Mapped by the rules in force (preview, nothing sent)'),
          el('pre', { id: 'preview' }, d.preview.error ? d.preview.error : json(d.preview.map)))),
      el('h2', {}, 'Decision trace (as leadflow explain shows it)'),
      steps.length ? stepsTable(steps, 'trace') : el('p', { class: 'muted', id: 'trace' }, 'Not decided yet.'),
      el('h2', {}, 'Effects'),
      el('table', { id: 'effects' }, el('thead', {}, el('tr', {}, ['Run', '#', 'Effect', 'State', 'Attempts', 'CRM id', 'Last error', 'Request (mapped fields)'].map(h => el('th', {}, h)))),
        el('tbody', {}, d.effects.map(e => el('tr', {}, el('td', {}, e.run), el('td', {}, e.index), el('td', {}, e.kind), el('td', {}, status(e.state)),
          el('td', {}, e.attempts), el('td', { class: 'mono' }, e.crmRef || ''), el('td', {}, e.lastError || ''),
          el('td', {}, el('pre', {}, e.effect ? json(e.effect) : '')))))),
      el('h2', {}, 'Timeline'),
      el('table', { id: 'timeline' }, el('tbody', {}, d.timeline.map(t => el('tr', {}, el('td', {}, when(t.at)), el('td', {}, t.event))))));
    return d;
  }
  function watch() {
    every(1500, async () => {
      const d = await render();
      if (['done', 'dropped', 'dead', 'duplicate'].includes(d.status)) stop();
    });
  }
  const d = await render();
  if (!['done', 'dropped', 'dead', 'duplicate'].includes(d.status)) watch();
}

// ---- dead letters ----

async function viewDead() {
  const r = await api('/console/api/dead');
  const msg = el('p', { id: 'bulk-result' });
  show(el('h1', {}, 'Dead letters'), el('p', { class: 'muted' }, r.total + ' dead letters' + (r.truncated ? ' (the newest ' + r.total + ' read)' : '') + ', grouped by reason.'), msg,
    r.groups.length ? r.groups.map((g, i) => el('div', { class: 'group', 'data-reason': g.reason },
      el('h3', {}, g.count + ' × ' + g.reason),
      el('div', { class: 'actions' },
        el('button', { type: 'button', class: 'primary', id: 'replay-group-' + i, onclick: () => bulk(g.reason, 'current') }, 'Replay all ' + g.count + ' with the current rules'),
        el('button', { type: 'button', onclick: () => bulk(g.reason, 'original') }, 'Replay all with their original rules')),
      el('ul', {}, g.leads.map(l => el('li', {}, el('a', { href: '#/lead/' + encodeURIComponent(l.id) }, l.id), ' ', l.flow, ' ', when(l.updatedAt)))),
      g.count > g.leads.length ? el('p', { class: 'muted' }, '… and ' + (g.count - g.leads.length) + ' more') : ''))
      : el('p', { id: 'no-dead' }, 'No dead letters.'));
  async function bulk(reason, version) {
    try {
      const res = await api('/console/api/dead/replay', { method: 'POST', body: { reason, version } });
      const failed = Object.keys(res.failed).length;
      msg.className = failed ? 'error' : 'ok';
      msg.textContent = res.replayed + ' replays requested' + (failed ? ', ' + failed + ' refused: ' + Object.values(res.failed).join('; ') : '') + '.';
    } catch (e) { msg.className = 'error'; msg.textContent = e.message; }
  }
}

// ---- flows ----

function chart(perMinute) {
  const n = perMinute.done.length, w = 8, h = 120, gap = 2;
  const totals = Array.from({ length: n }, (_, i) => STATUSES.reduce((a, s) => a + perMinute[s][i], 0));
  const max = Math.max(1, ...totals);
  const g = svg('svg', { width: n * (w + gap) + 40, height: h + 20, class: 'chart', id: 'chart', role: 'img', 'aria-label': 'leads per minute by outcome, last hour' });
  for (let i = 0; i < n; i++) {
    let y = h;
    for (const s of STATUSES) {
      const v = perMinute[s][i];
      if (!v) continue;
      const bh = v / max * (h - 10);
      y -= bh;
      const r = svg('rect', { x: 30 + i * (w + gap), y, width: w, height: bh, fill: COLORS[s] });
      r.append(svg('title', {}));
      r.firstChild.textContent = v + ' ' + s;
      g.append(r);
    }
  }
  const label = svg('text', { x: 2, y: 12, 'font-size': 10 }); label.textContent = String(max); g.append(label);
  const zero = svg('text', { x: 2, y: h, 'font-size': 10 }); zero.textContent = '0'; g.append(zero);
  return g;
}

async function viewFlows() {
  const r = await api('/console/api/flows');
  flowNames = r.flows.map(f => f.name);
  const lr = r.lastReload;
  show(el('h1', {}, 'Flows'),
    el('p', {}, 'Rules in force: ', el('code', { id: 'rule-version' }, r.ruleVersion || 'none')),
    el('table', { id: 'flows-table' }, el('thead', {}, el('tr', {}, ['Flow', 'Source', 'Target', 'Intake', 'Delay'].concat(STATUSES.map(s => s + ' (1 h)')).map(h => el('th', {}, h)))),
      el('tbody', {}, r.flows.map(f => el('tr', { 'data-flow': f.name }, el('td', {}, f.name), el('td', {}, f.source), el('td', {}, f.connector + '/' + f.account),
        el('td', { class: 'mono' }, f.intake), el('td', {}, f.delaySeconds + ' s'),
        STATUSES.map(s => el('td', {}, ((r.counters[f.name] || {})[s]) || 0)))))),
    el('h2', {}, 'Leads per minute by outcome, last hour' + (r.activityTruncated ? ' (the newest ' + r.activityLeads + ' leads)' : '')),
    el('div', { class: 'legend' }, STATUSES.map(s => el('span', { class: 'lg-' + s }, s))), chart(r.perMinute),
    el('h2', {}, 'Last reload'),
    lr ? el('div', { id: 'last-reload' },
      el('p', { class: lr.ok ? 'ok' : 'error' }, (lr.ok ? 'Loaded' : 'Refused (the previous rules keep running)') + ' at ' + when(lr.at) + ': ' + lr.files.join(', ')),
      lr.diagnostics.map(d => el('div', { class: 'diag ' + d.severity }, el('code', { class: 'diag-at' }, d.at), ' ', d.severity, ' ', d.code, ': ', d.message)),
      lr.rendered ? el('pre', { id: 'reload-rendered' }, lr.rendered) : '')
      : el('p', { class: 'muted' }, 'No reload yet.'),
    el('h2', {}, 'Account checks'),
    r.accountChecks.length ? el('ul', {}, r.accountChecks.map(c => el('li', {}, c.connector + '/' + c.account + ': ' + c.status + (c.warnings ? ' — ' + c.warnings.join('; ') : ''))))
      : el('p', { class: 'muted' }, 'None.'),
    el('h2', {}, 'Pull sources and their cursors'),
    r.sourcesError ? el('p', { class: 'error' }, r.sourcesError) : '',
    r.sources.length ? el('table', { id: 'sources-table' }, el('thead', {}, el('tr', {}, ['Flow', 'Source', 'State', 'Cursor', 'Leads', 'Last poll', 'Lag', 'Next poll', 'Last error'].map(h => el('th', {}, h)))),
      el('tbody', {}, r.sources.map(x => el('tr', {}, el('td', {}, x.flow), el('td', {}, x.source + ' (' + x.account + ')'), el('td', {}, x.state),
        el('td', { class: 'mono' }, x.cursor === null || x.cursor === undefined ? '—' : String(x.cursor)), el('td', {}, x.leads_recorded),
        el('td', {}, when(x.last_poll)), el('td', {}, x.lag_seconds === undefined || x.lag_seconds === null ? '' : x.lag_seconds + ' s'),
        el('td', {}, when(x.next_poll)), el('td', {}, x.last_error ? x.last_error + (x.failures_in_a_row ? ' (' + x.failures_in_a_row + ' in a row)' : '') : '')))))
      : el('p', { class: 'muted', id: 'no-sources' }, 'No flow pulls its leads; every flow takes pushed leads at its intake URL.'));
  every(5000, async () => { if (location.hash === '#/flows') { const fresh = await api('/console/api/flows'); if (JSON.stringify(fresh.lastReload) !== JSON.stringify(lr) || fresh.activityLeads !== r.activityLeads) viewFlows(); } });
}

// ---- rule editor shared by the playground and the impact view ----

async function ruleEditor(onChange) {
  const rules = await api('/console/api/rules');
  const files = Object.assign({}, rules.files);
  const names = Object.keys(files);
  const pick = el('select', { id: 'rule-file' }, names.map(n => el('option', { value: n }, n)));
  const area = el('textarea', { id: 'rule-text', spellcheck: 'false' });
  area.value = names.length ? files[names[0]] : '';
  pick.addEventListener('change', () => { area.value = files[pick.value]; });
  let debounce = null;
  area.addEventListener('input', () => { files[pick.value] = area.value; clearTimeout(debounce); debounce = setTimeout(onChange, 500); });
  return { node: el('section', {}, el('h2', {}, 'Rule text (edits stay in this page until deployed)'), el('label', {}, 'File ', pick), area), files: () => files, flows: rules.flows };
}

function diagnostics(list, id) {
  return el('div', { id }, list.length ? list.map(d => el('div', { class: 'diag ' + d.severity }, el('pre', {}, d.rendered))) : el('p', { class: 'ok' }, 'No diagnostics.'));
}

async function viewPlayground() {
  const out = el('div', { id: 'playground-result' });
  let editor;
  editor = await ruleEditor(() => run());
  const flow = el('select', { id: 'pg-flow' }, editor.flows.map(f => el('option', { value: f }, f)));
  const lead = el('textarea', { class: 'lead', id: 'pg-lead', spellcheck: 'false', placeholder: '{"order_id": 1001, "phone": "…"}' });
  const leadId = el('input', { id: 'pg-lead-id', size: 30, placeholder: 'a received lead\'s id' });
  async function run() {
    const body = { flow: flow.value, rules: editor.files() };
    if (leadId.value.trim()) body.leadId = leadId.value.trim();
    else if (lead.value.trim()) {
      try { body.lead = JSON.parse(lead.value); } catch (e) { fill(out, el('p', { class: 'error' }, 'The lead is not JSON: ' + e.message)); return; }
    }
    try {
      const r = await api('/console/api/playground', { method: 'POST', body });
      fill(out, el('h2', {}, 'Diagnostics'), diagnostics(r.diagnostics, 'pg-diagnostics'),
        r.error ? el('p', { class: 'error', id: 'pg-error' }, r.error) : '',
        r.explain ? [el('h2', {}, 'Result: ', el('span', { id: 'pg-outcome' }, r.explain.dropped ? 'dropped ("' + r.explain.dropped + '")' : r.explain.effects.map(e => e.effect).join(', ') || 'no effect')),
          el('h2', {}, 'Decision trace'), stepsTable(r.explain.steps, 'pg-trace'),
          el('h2', {}, 'Mapped payloads (nothing is sent)'), el('pre', { id: 'pg-map' }, json(r.map))] : '');
    } catch (e) { fill(out, fail(e)); }
  }
  show(el('h1', {}, 'Rule playground'),
    el('p', { class: 'muted' }, 'Runs the compiler\'s explain and map on one lead with the rules below against an empty CRM; nothing is sent to any CRM.'),
    el('div', { class: 'grid2' },
      el('section', {}, el('h2', {}, 'Lead'), el('label', {}, 'Flow ', flow), el('p', {}, 'Paste a lead as JSON:'), lead,
        el('p', {}, 'or take a received lead: ', leadId),
        el('div', { class: 'actions' }, el('button', { type: 'button', class: 'primary', id: 'pg-run', onclick: run }, 'Run'))),
      editor.node), out);
}

// ---- impact ----

async function viewImpact() {
  const out = el('div', { id: 'impact-result' });
  const editor = await ruleEditor(() => {});
  const limit = el('input', { id: 'impact-limit', type: 'number', min: 1, max: 5000, value: 200 });
  async function run() {
    fill(out, el('p', { class: 'muted' }, 'Re-deciding…'));
    try {
      const r = await api('/console/api/impact', { method: 'POST', body: { rules: editor.files(), limit: Number(limit.value) } });
      if (!r.ok) { fill(out, el('p', { class: 'error' }, 'The candidate rules do not compile.'), diagnostics(r.diagnostics, 'impact-diagnostics')); return; }
      fill(out, el('p', { id: 'impact-summary' }, r.examined + ' leads re-decided, ' + r.changed + ' would change' + (Object.keys(r.skipped).length ? ', ' + Object.keys(r.skipped).length + ' skipped' : '') + '.'),
        r.groups.map(g => el('div', { class: 'group impact-group' }, el('h3', {}, g.group + ': ' + g.count),
          el('table', {}, el('thead', {}, el('tr', {}, ['Lead', 'Before', 'After'].map(h => el('th', {}, h)))),
            el('tbody', {}, g.leads.map(l => el('tr', {}, el('td', { class: 'mono' }, el('a', { href: '#/lead/' + encodeURIComponent(l.id) }, l.id)),
              el('td', {}, el('pre', {}, json(l.before))), el('td', {}, el('pre', {}, json(l.after))))))))),
        Object.keys(r.skipped).length ? el('p', { class: 'muted' }, 'Skipped: ' + Object.entries(r.skipped).map(([k, v]) => k + ' (' + v + ')').join(', ')) : '');
    } catch (e) { fill(out, fail(e)); }
  }
  show(el('h1', {}, 'Impact of a rule change'),
    el('p', { class: 'muted' }, 'Edit the rules, then re-decide the last N stored leads with the rules that ran them and with your edit, each against the contact and deal its run found; nothing is sent. Same as `leadflow impact --data DIR rules/`.'),
    el('div', { class: 'actions' }, el('label', {}, 'Last ', limit, ' leads'), el('button', { type: 'button', class: 'primary', id: 'impact-run', onclick: run }, 'Show the impact')),
    editor.node, out);
}

document.getElementById('sign-out').addEventListener('click', async () => {
  await api('/logout', { method: 'POST' }).catch(() => {});
  location.href = '/login';
});
window.addEventListener('hashchange', route);
route();
