// Claims history for auditors: a searchable, sortable list of every claim (running and finished), each claim's full
// history with its PoE files, and charts of outcomes and lead times on the process definition. Read-only; text is
// always set as text, never HTML. The server answers every time as an ISO-8601 instant in UTC; this page shows
// each one in the reader's time zone, labelled with it, through formatDate only.

const el = (tag, attributes = {}, ...children) => {
  const node = document.createElement(tag);
  Object.entries(attributes).forEach(([key, value]) => {
    if (key.startsWith('on')) node[key] = value; else if (value !== undefined && value !== null) node.setAttribute(key, value);
  });
  children.flat().forEach(child => node.append(child instanceof Node ? child : document.createTextNode(child ?? '')));
  return node;
};

const fetchJson = async (api, path, signal) => {
  const response = await fetch(`${api.cockpitApi}/plugin/claims-history/${api.engine}/claims${path}`,
    { headers: { Accept: 'application/json' }, credentials: 'same-origin', signal });
  if (response.status === 400) {
    // the search's problem names each bad parameter
    const problem = await response.json().catch(() => ({}));
    throw new Error((problem.errors || []).map(e => `${e.field} ${e.message}`).join('; ') || 'The search is not valid.');
  }
  if (!response.ok) throw new Error(response.status === 403 ? 'Only auditors and administrators read the claims history.'
    : `The claims history could not be loaded (${response.status}).`);
  return response.json();
};

// --- dates and durations -----------------------------------------------------------------------------------------

const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const dateTime = new Intl.DateTimeFormat(undefined, {
  year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short'
});
// the weeks of the charts are calendar weeks in UTC, not moments: shown as the date they start on
const weekStart = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });
const day = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
const ISO_INSTANT = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?Z\b/g;

const formatDate = iso => {
  if (iso === null || iso === undefined || iso === '') return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? String(iso) : dateTime.format(date);
};
// free text that names a moment (a timeline detail, a variable) shows it like every other date on the page
const withDates = value => value === null || value === undefined ? '' : String(value).replace(ISO_INSTANT, formatDate);
// the forms' display values name moments as "2026-12-07 00:00 (UTC)" and escape Markdown for Tasklist: shown here as
// every other date on the page, and as the text the validator read
const UTC_LABELLED = /\b(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}) \(UTC\)/g;
const MARKDOWN_ESCAPE = /\\([\\`*_~\[\]()!#|<>&])/g;
const displayValue = value => withDates(text(value).replace(UTC_LABELLED, (_, d, t) => formatDate(`${d}T${t}:00Z`))
  .replace(MARKDOWN_ESCAPE, '$1'));

const text = value => value === null || value === undefined ? '' : String(value);
const seconds = millis => millis === null || millis === undefined ? '' : `${(millis / 1000).toFixed(1)} s`;
/** A lead time: minutes under an hour, hours under a day, days otherwise, so a same-day decision is not "0.0 days". */
const leadTime = s => s === undefined || s === null ? '–'
  : s < 3600 ? `${Math.round(s / 60)} min` : s < 86400 ? `${(s / 3600).toFixed(1)} h` : `${(s / 86400).toFixed(1)} days`;
const bound = s => s < 86400 ? `${s / 3600} h` : `${s / 86400} ${s === 86400 ? 'day' : 'days'}`;
const bytes = n => n < 1024 ? `${n} B` : n < 1048576 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1048576).toFixed(1)} MB`;

// --- list and claim ----------------------------------------------------------------------------------------------

const table = (columns, rows, head = label => label) => el('table', { class: 'table table-bordered cam-table' },
  el('thead', {}, el('tr', {}, columns.map(([label]) => head(label)))),
  el('tbody', {}, rows.map(row => el('tr', {}, columns.map(([, value]) => el('td', {}, value(row)))))));
const simpleTable = (columns, rows) => table(columns, rows, label => el('th', { scope: 'col' }, label));

const hashParams = () => new URLSearchParams((window.location.hash.split('?')[1]) || '');
const listHash = params => `#/claims-history?${params}`;
const zoneNote = () => el('p', { class: 'text-muted' }, `Times are shown in your time zone (${zone}).`);

// A download, not a new tab: Cockpit's pages are sandboxed (its Content-Security-Policy), a tab they open inherits the
// sandbox, and Chromium refuses to show a PDF there; a download is allowed. The server records every download.
const poeLink = file => el('a', { href: `/api/poe/${encodeURIComponent(file.id)}`, download: file.file_name }, file.file_name);

function searchForm(params, outcomes, go) {
  const form = el('form', { class: 'form-inline', 'aria-label': 'Search claims' });
  const input = (name, label, attributes = {}) => el('label', { style: 'margin-right:1em' }, label + ' ',
    el('input', { class: 'form-control', name, value: params.get(name) || '', ...attributes }));
  const outcome = el('select', { class: 'form-control', name: 'outcome' }, el('option', { value: '' }, 'Any'),
    outcomes.map(o => el('option', { value: o }, o)));
  outcome.value = (params.get('outcome') || '').toUpperCase();
  form.append(input('claimId', 'Claim ID'), input('partnerId', 'PartnerID'), input('tenantId', 'Tenant'),
    el('label', { style: 'margin-right:1em' }, 'Outcome ', outcome),
    input('from', 'Submitted from', { type: 'date' }), input('to', 'to', { type: 'date' }),
    el('button', { class: 'btn btn-primary', type: 'submit' }, 'Search'));
  form.onsubmit = event => {
    event.preventDefault();
    const query = new URLSearchParams();
    ['claimId', 'partnerId', 'tenantId', 'outcome', 'from', 'to'].forEach(name => {
      const value = form.elements[name].value.trim();
      if (value) query.set(name, value);
    });
    ['sort', 'direction'].forEach(name => { if (params.get(name)) query.set(name, params.get(name)); });
    go(query);
  };
  return form;
}

async function renderList(view) {
  const params = hashParams();
  const go = query => {
    const hash = listHash(query);
    // Cockpit draws the route anew when its hash changes; the same search again changes nothing, so it is run here
    if (window.location.hash === hash) show(view); else window.location.hash = hash;
  };
  view.node.replaceChildren(el('h1', {}, 'Claims history'), el('p', {}, 'Loading…'));
  const result = await fetchJson(view.api, `?${params}`, view.abort.signal);
  const page = result.page;
  const withParams = changes => {
    const query = new URLSearchParams(params);
    Object.entries(changes).forEach(([key, value]) => query.set(key, value));
    return listHash(query);
  };
  const pager = el('p', {},
    page > 0 ? el('a', { href: withParams({ page: page - 1 }) }, '← Previous page ') : '',
    // a search that finds more claims than the history counts has no last page to name
    result.totalCapped ? `Page ${page + 1} · more than ${result.total.toLocaleString('en')} claims `
      : `Page ${page + 1} of ${Math.max(1, Math.ceil(result.total / result.size))} · ${result.total} claim(s) `,
    (result.totalCapped ? result.items.length === result.size : (page + 1) * result.size < result.total)
      ? el('a', { href: withParams({ page: page + 1 }) }, 'Next page →') : '');
  const csv = new URLSearchParams();
  ['from', 'to'].forEach(name => { if (params.get(name)) csv.set(name, params.get(name)); });
  const period = params.get('from') || params.get('to')
    ? `claims submitted ${params.get('from') ? `from ${params.get('from')} ` : ''}${params.get('to') ? `to ${params.get('to')}` : ''} (UTC dates)`
    : 'every claim';
  const export_ = el('p', {}, el('a', { href: `/api/audit/claims.csv${csv.size ? `?${csv}` : ''}`, download: 'claims.csv', id: 'claims-history-csv' },
    `Download the CSV export: ${period.trim()}`));
  // the columns that sort, by their server-side keys; a click on the sorted column turns its direction round
  const sortable = { Claim: 'name', Organisation: 'organisation', PartnerID: 'partner', Outcome: 'status',
    Submitted: 'submitted', Decided: 'decided', Official: 'official' };
  const head = label => {
    const key = sortable[label];
    if (!key) return el('th', { scope: 'col' }, label);
    const sorted = result.sort === key;
    const direction = sorted && result.direction === 'desc' ? 'asc' : sorted ? 'desc' : (key === 'name' || key === 'organisation' ? 'asc' : 'desc');
    return el('th', { scope: 'col', 'aria-sort': sorted ? (result.direction === 'desc' ? 'descending' : 'ascending') : 'none' },
      el('a', { href: withParams({ sort: key, direction, page: 0 }), title: `Sort by ${label.toLowerCase()}` },
        label, sorted ? (result.direction === 'desc' ? ' ▼' : ' ▲') : ''));
  };
  const link = row => el('a', { href: `#/claims-history?claim=${encodeURIComponent(row.id)}` }, row.name);
  view.node.replaceChildren(el('h1', {}, 'Claims history'), searchForm(params, result.outcomes, go), zoneNote(), export_, pager,
    table([
      ['Claim', link], ['Claim ID', r => r.id], ['PartnerID', r => r.partner_id], ['Organisation', r => r.organisation_name],
      ['Tenant', r => r.customer_tenant_id], ['Program', r => r.program], ['Outcome', r => r.status],
      ['Submitted', r => formatDate(r.submitted_at)], ['Decided', r => formatDate(r.decided_at)],
      ['Official', r => formatDate(r.official_at)], ['Decisions', r => text(r.decisions)]
    ], result.items, head));
}

async function renderClaim(view, claimId) {
  view.node.replaceChildren(el('p', {}, 'Loading…'));
  const h = await fetchJson(view.api, `/${encodeURIComponent(claimId)}`, view.abort.signal);
  const c = h.claim;
  const filesUntil = time => h.poeFiles.filter(f => !time || new Date(f.uploaded_at) <= new Date(time));
  const variableValue = v => v.type === 'date' ? formatDate(v.value)
    : v.type === 'poe-files' ? el('span', {}, 'PoE files shown to the validator: ',
      filesUntil(v.time).flatMap((f, i) => i ? [', ', poeLink(f)] : [poeLink(f)]))
      : displayValue(v.value);
  const sections = [
    el('p', {}, el('a', { href: '#/claims-history' }, '← Claims history')),
    el('h1', {}, `${c.name} · ${c.status}`),
    zoneNote(),
    simpleTable([['Field', r => r[0]], ['Value', r => text(r[1])]], [['Claim ID', c.id], ['PartnerID', c.partner_id],
      ['Organisation', c.organisation_name], ['Program', c.program], ['Tenant', c.customer_tenant_id], ['Domain', c.customer_domain],
      ['Submitted', `${formatDate(c.submitted_at)} by ${c.submitted_by}`], ['Review due', formatDate(c.review_due_at)],
      ['Customer notified', formatDate(c.customer_notified_at)], ['Opt-out deadline', formatDate(c.opt_out_deadline_at)],
      ['Official', formatDate(c.official_at)], ['Customer declined', formatDate(c.customer_declined_at)],
      ['Withdrawn', formatDate(c.withdrawn_at)]]),
    el('h2', {}, 'Timeline'),
    simpleTable([['When', r => formatDate(r.occurred_at)], ['Who', r => r.actor], ['What', r => r.type], ['Detail', r => withDates(r.detail)]], h.timeline),
    el('h2', {}, 'Decisions'),
    simpleTable([['Outcome', r => r.outcome], ['Reasons', r => r.reasons], ['Comment', r => text(r.comment)],
      ['Decided', r => formatDate(r.decided_at)], ['By', r => r.decided_by]], h.decisions),
    el('h2', {}, 'Proof of execution'),
    h.poeFiles.length ? simpleTable([['File', poeLink], ['Type', r => r.content_type], ['Size', r => bytes(r.size_bytes)],
      ['Uploaded', r => formatDate(r.uploaded_at)], ['By', r => r.uploaded_by]], h.poeFiles)
      : el('p', {}, 'No proof-of-execution file.'),
    el('p', { class: 'text-muted' }, 'A click downloads the file; each download is recorded in the claim\'s timeline.'),
    el('h2', {}, 'E-mails'),
    simpleTable([['Kind', r => r.kind], ['To', r => r.recipient], ['Language', r => r.language], ['Subject', r => r.subject],
      ['State', r => r.state], ['Attempts', r => text(r.attempts)], ['Created', r => formatDate(r.created_at)],
      ['Sent', r => formatDate(r.sent_at)], ['Error', r => text(r.last_error)]], h.notifications)
  ];
  h.instances.forEach((instance, index) => {
    sections.push(el('h2', {}, `Process instance ${index + 1}: ${instance.id} (${instance.state})`),
      el('p', {}, `Started ${formatDate(instance.startTime)}${instance.endTime ? `, ended ${formatDate(instance.endTime)}` : ''}`),
      el('h3', {}, 'Activities'),
      simpleTable([['Activity', r => text(r.name) || r.activityId], ['Type', r => r.type], ['Start', r => formatDate(r.startTime)],
        ['End', r => formatDate(r.endTime)], ['Duration', r => seconds(r.durationMillis)], ['Completed by', r => text(r.assignee)],
        ['Cancelled', r => r.canceled ? 'yes' : '']], instance.activities),
      el('h3', {}, 'Variable history'),
      simpleTable([['Variable', r => r.name], ['Value', variableValue], ['When', r => formatDate(r.time)]], instance.variables),
      el('h3', {}, 'Incidents'),
      simpleTable([['Activity', r => r.activityId], ['Type', r => r.type], ['Message', r => withDates(r.message)],
        ['Created', r => formatDate(r.created)], ['Ended', r => formatDate(r.ended)],
        ['Resolved', r => r.resolved ? 'yes' : (r.open ? 'open' : 'deleted')]], instance.incidents),
      el('h3', {}, 'User operation log'),
      simpleTable([['When', r => formatDate(r.timestamp)], ['User', r => text(r.userId)], ['Operation', r => r.operation],
        ['Entity', r => r.entity], ['Property', r => text(r.property)], ['New value', r => withDates(r.newValue)]], instance.operations));
  });
  view.node.replaceChildren(...sections);
}

async function show(view) {
  view.node.style.padding = '0 1.5em 2em';
  try {
    const claimId = hashParams().get('claim');
    if (claimId) await renderClaim(view, claimId); else await renderList(view);
  } catch (error) {
    if (error.name !== 'AbortError') view.node.replaceChildren(el('div', { class: 'alert alert-danger' }, error.message));
  }
}

// Cockpit calls render for every visit of the route, and again whenever its hash changes (its plugin routes reload
// on a new search), and unmount when the route is left. So the page listens to no hashchange itself: one search is
// one request however often the page was visited. A view left while it loads stops loading.
let routeView = null;
const leaveRoute = () => {
  if (routeView) routeView.abort.abort();
  routeView = null;
};

// --- charts on the process definition ----------------------------------------------------------------------------

// Chart.js comes with the plugin (its UMD bundle, copied from its WebJar at build time); loaded once, when first drawn
let chartLibrary = null;
const loadCharts = () => {
  chartLibrary ??= new Promise((resolve, reject) => {
    if (window.Chart) { resolve(window.Chart); return; }
    const script = el('script', { src: new URL('./vendor/chart.js/chart.umd.js', import.meta.url).href });
    script.onload = () => resolve(window.Chart);
    script.onerror = () => { chartLibrary = null; reject(new Error('The charts could not be loaded.')); };
    document.head.append(script);
  });
  return chartLibrary;
};

const STATUS_COLOURS = { SUBMITTED: '#9e9e9e', UNDER_REVIEW: '#1f77b4', PARTNER_ACTION_REQUIRED: '#ff7f0e', APPROVED: '#17becf',
  OFFICIAL: '#2ca02c', REJECTED: '#d62728', WITHDRAWN: '#8c564b', ENDED: '#7f7f7f' };

const chartBox = (title, description) => {
  const canvas = el('canvas', { role: 'img', 'aria-label': `${title}: ${description}` }, description);
  return { canvas, box: el('figure', { style: 'max-width:56em;margin:0 0 2em' }, el('h3', {}, title),
    el('div', { style: 'position:relative;height:16em' }, canvas), el('figcaption', { class: 'text-muted' }, description)) };
};

let charts = [];
const destroyCharts = () => { charts.forEach(chart => chart.destroy()); charts = []; };

async function renderDefinitionTab(node, api) {
  destroyCharts();
  node.replaceChildren(el('p', {}, 'Loading…'));
  const [s, Chart] = await Promise.all([fetchJson(api, '/statistics'), loadCharts()]);
  const weeks = s.weeks.map(week => weekStart.format(new Date(`${week}T00:00:00Z`)));
  const lastDay = new Date(Date.parse(`${s.weeks.at(-1)}T00:00:00Z`) + 6 * 86400000);
  const period = `claims submitted in the ${s.weeks.length} weeks from ${weekStart.format(new Date(`${s.weeks[0]}T00:00:00Z`))} to ${day.format(lastDay)} (UTC)`;
  const byOutcome = chartBox('Claims by outcome, per week of submission', `Stacked bars: ${period}, by their outcome now.`);
  const classes = s.leadTimeBoundsSeconds.map((b, i) => i === 0 ? `under ${bound(b)}` : `${bound(s.leadTimeBoundsSeconds[i - 1])} – ${bound(b)}`)
    .concat(`${bound(s.leadTimeBoundsSeconds.at(-1))} or more`);
  const leadTimes = chartBox('Lead time from submission', `Claims per lead time, to the first decision and to official: ${period}.`);
  const breaches = chartBox('Review SLA breaches, per week', `Reviews that passed their five-business-day SLA, by the week the breach was recorded (UTC).`);
  const figures = [['first decision', s.submissionToDecision], ['official', s.submissionToOfficial]];
  node.replaceChildren(
    el('p', { class: 'text-muted' }, `Figures of the ${period}.`),
    byOutcome.box, leadTimes.box,
    simpleTable([['From submission to', r => r[0]], ['Claims', r => text(r[1].claims)], ['Average', r => leadTime(r[1].averageSeconds)],
      ['90th percentile', r => leadTime(r[1].p90Seconds)]], figures),
    breaches.box,
    el('h3', {}, 'Claims per outcome'),
    simpleTable([['Outcome', r => r.status], ['Claims', r => text(r.claims)]], s.outcomes),
    el('p', {}, el('a', { href: '#/claims-history' }, 'Search every claim in the claims history')));
  const common = { responsive: true, maintainAspectRatio: false, animation: false };
  const whole = { beginAtZero: true, ticks: { precision: 0 } };
  charts.push(new Chart(byOutcome.canvas, {
    type: 'bar',
    data: { labels: weeks, datasets: s.outcomesByWeek.filter(o => o.claims.some(n => n > 0))
      .map(o => ({ label: o.status, data: o.claims, backgroundColor: STATUS_COLOURS[o.status] })) },
    options: { ...common, scales: { x: { stacked: true, title: { display: true, text: 'week starting (UTC)' } },
      y: { ...whole, stacked: true, title: { display: true, text: 'claims' } } } }
  }), new Chart(leadTimes.canvas, {
    type: 'bar',
    data: { labels: classes, datasets: [
      { label: 'to first decision', data: s.submissionToDecision.distribution, backgroundColor: '#1f77b4' },
      { label: 'to official', data: s.submissionToOfficial.distribution, backgroundColor: '#2ca02c' }] },
    options: { ...common, scales: { x: { title: { display: true, text: 'lead time' } }, y: { ...whole, title: { display: true, text: 'claims' } } } }
  }), new Chart(breaches.canvas, {
    type: 'bar',
    data: { labels: weeks, datasets: [{ label: 'SLA breaches', data: s.slaBreachesByWeek, backgroundColor: '#d62728' }] },
    options: { ...common, plugins: { legend: { display: false } },
      scales: { x: { title: { display: true, text: 'week starting (UTC)' } }, y: { ...whole, title: { display: true, text: 'breaches' } } } }
  }));
}

export default [
  {
    id: 'claims-history-navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 10,
    properties: { pagePath: '#/claims-history', label: 'Claims history', checkActive: path => path.startsWith('/claims-history') },
    render: node => { node.replaceChildren(el('a', { href: '#/claims-history' }, 'Claims history')); }
  },
  {
    id: 'claims-history-route',
    pluginPoint: 'cockpit.route',
    properties: { path: '/claims-history', label: 'Claims history' },
    render: (node, { api }) => {
      leaveRoute();
      routeView = { node, api, abort: new AbortController() };
      show(routeView);
    },
    unmount: leaveRoute
  },
  {
    id: 'claims-history-definition-tab',
    pluginPoint: 'cockpit.processDefinition.runtime.tab',
    properties: { label: 'Claims history' },
    render: (node, { api }) => {
      renderDefinitionTab(node, api).catch(error => node.replaceChildren(el('div', { class: 'alert alert-danger' }, error.message)));
    },
    unmount: destroyCharts
  }
];
