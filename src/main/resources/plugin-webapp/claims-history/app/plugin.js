// Claims history for auditors: a searchable list of every claim (running and finished), each claim's full
// history, and outcome figures on the process definition. Read-only; text is always set as text, never HTML.

const el = (tag, attributes = {}, ...children) => {
  const node = document.createElement(tag);
  Object.entries(attributes).forEach(([key, value]) => {
    if (key === 'onclick' || key === 'onsubmit') node[key] = value; else node.setAttribute(key, value);
  });
  children.flat().forEach(child => node.append(child instanceof Node ? child : document.createTextNode(child ?? '')));
  return node;
};

const fetchJson = async (api, path) => {
  const response = await fetch(`${api.cockpitApi}/plugin/claims-history/${api.engine}/claims${path}`,
    { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  if (response.status === 400) {
    // the search's problem names each bad parameter
    const problem = await response.json().catch(() => ({}));
    throw new Error((problem.errors || []).map(e => `${e.field} ${e.message}`).join('; ') || 'The search is not valid.');
  }
  if (!response.ok) throw new Error(response.status === 403 ? 'Only auditors and administrators read the claims history.'
    : `The claims history could not be loaded (${response.status}).`);
  return response.json();
};

const table = (columns, rows) => el('table', { class: 'table table-bordered cam-table' },
  el('thead', {}, el('tr', {}, columns.map(([label]) => el('th', { scope: 'col' }, label)))),
  el('tbody', {}, rows.map(row => el('tr', {}, columns.map(([, value]) => el('td', {}, value(row)))))));

const text = value => value === null || value === undefined ? '' : String(value);
const duration = millis => millis === null || millis === undefined ? '' : `${(millis / 1000).toFixed(1)} s`;
const days = seconds => seconds === undefined ? '–' : `${(seconds / 86400).toFixed(1)} days`;
const hashParams = () => new URLSearchParams((window.location.hash.split('?')[1]) || '');

async function renderList(node, api) {
  const params = hashParams();
  const form = el('form', { class: 'form-inline', 'aria-label': 'Search claims' });
  const fields = [['claimId', 'Claim ID'], ['partnerId', 'PartnerID'], ['tenantId', 'Tenant'], ['outcome', 'Outcome (status)'],
    ['from', 'Submitted from (YYYY-MM-DD)'], ['to', 'Submitted to (YYYY-MM-DD)']];
  fields.forEach(([name, label]) => form.append(el('label', { style: 'margin-right:1em' }, label + ' ',
    el('input', { class: 'form-control', name, value: params.get(name) || '' }))));
  form.append(el('button', { class: 'btn btn-primary', type: 'submit' }, 'Search'));
  form.onsubmit = event => {
    event.preventDefault();
    const query = new URLSearchParams();
    fields.forEach(([name]) => { const value = form.elements[name].value.trim(); if (value) query.set(name, value); });
    window.location.hash = `#/claims-history?${query}`;
  };
  node.replaceChildren(el('h1', {}, 'Claims history'), form, el('p', {}, 'Loading…'));
  const page = Number(params.get('page') || 0);
  params.set('page', page);
  const result = await fetchJson(api, `?${params}`);
  const link = row => el('a', { href: `#/claims-history?claim=${encodeURIComponent(row.id)}` }, row.name);
  const pager = el('p', {},
    page > 0 ? el('a', { href: `#/claims-history?${new URLSearchParams({ ...Object.fromEntries(params), page: page - 1 })}` }, '← Previous page ') : '',
    `Page ${page + 1} of ${Math.max(1, Math.ceil(result.total / result.size))} · ${result.total} claim(s) `,
    (page + 1) * result.size < result.total ? el('a', { href: `#/claims-history?${new URLSearchParams({ ...Object.fromEntries(params), page: page + 1 })}` }, 'Next page →') : '');
  node.replaceChildren(el('h1', {}, 'Claims history'), form, pager, table([
    ['Claim', link], ['Claim ID', r => r.id], ['PartnerID', r => r.partner_id], ['Organisation', r => r.organisation_id],
    ['Tenant', r => r.customer_tenant_id], ['Program', r => r.program], ['Outcome', r => r.status],
    ['Submitted', r => r.submitted_at], ['Official', r => text(r.official_at)], ['Decisions', r => text(r.decisions)]
  ], result.items));
}

async function renderClaim(node, api, claimId) {
  node.replaceChildren(el('p', {}, 'Loading…'));
  const h = await fetchJson(api, `/${encodeURIComponent(claimId)}`);
  const c = h.claim;
  const sections = [
    el('p', {}, el('a', { href: '#/claims-history' }, '← Claims history')),
    el('h1', {}, `${c.name} · ${c.status}`),
    table([['Field', r => r[0]], ['Value', r => text(r[1])]], [['Claim ID', c.id], ['PartnerID', c.partner_id],
      ['Organisation', c.organisation_id], ['Program', c.program], ['Tenant', c.customer_tenant_id], ['Domain', c.customer_domain],
      ['Submitted', `${c.submitted_at} by ${c.submitted_by}`], ['Customer notified', c.customer_notified_at],
      ['Opt-out deadline', c.opt_out_deadline_at], ['Official', c.official_at], ['Withdrawn', c.withdrawn_at]]),
    el('h2', {}, 'Decisions'),
    table([['Outcome', r => r.outcome], ['Reasons', r => r.reasons], ['Comment', r => text(r.comment)],
      ['Decided', r => r.decided_at], ['By', r => r.decided_by]], h.decisions),
    el('h2', {}, 'Timeline'),
    table([['When', r => r.occurred_at], ['Who', r => r.actor], ['What', r => r.type], ['Detail', r => text(r.detail)]], h.timeline),
    el('h2', {}, 'E-mails'),
    table([['Kind', r => r.kind], ['To', r => r.recipient], ['Language', r => r.language], ['Subject', r => r.subject],
      ['State', r => r.state], ['Attempts', r => text(r.attempts)], ['Sent', r => text(r.sent_at)], ['Error', r => text(r.last_error)]], h.notifications)
  ];
  h.instances.forEach((instance, index) => {
    sections.push(el('h2', {}, `Process instance ${index + 1}: ${instance.id} (${instance.state})`),
      el('h3', {}, 'Activities'),
      table([['Activity', r => text(r.name) || r.activityId], ['Type', r => r.type], ['Start', r => text(r.startTime)],
        ['End', r => text(r.endTime)], ['Duration', r => duration(r.durationMillis)], ['Completed by', r => text(r.assignee)],
        ['Cancelled', r => r.canceled ? 'yes' : '']], instance.activities),
      el('h3', {}, 'Variable history'),
      table([['Variable', r => r.name], ['Value', r => r.value], ['When', r => text(r.time)]], instance.variables),
      el('h3', {}, 'Incidents'),
      table([['Activity', r => r.activityId], ['Type', r => r.type], ['Message', r => text(r.message)], ['Created', r => text(r.created)],
        ['Ended', r => text(r.ended)], ['Resolved', r => r.resolved ? 'yes' : (r.open ? 'open' : 'deleted')]], instance.incidents),
      el('h3', {}, 'User operation log'),
      table([['When', r => text(r.timestamp)], ['User', r => text(r.userId)], ['Operation', r => r.operation],
        ['Entity', r => r.entity], ['Property', r => text(r.property)], ['New value', r => text(r.newValue)]], instance.operations));
  });
  node.replaceChildren(...sections);
}

const route = async (node, api) => {
  node.style.padding = '0 1.5em 2em';
  try {
    const claimId = hashParams().get('claim');
    if (claimId) await renderClaim(node, api, claimId); else await renderList(node, api);
  } catch (error) {
    node.replaceChildren(el('div', { class: 'alert alert-danger' }, error.message));
  }
};

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
      const refresh = () => route(node, api);
      window.addEventListener('hashchange', refresh);
      refresh();
    }
  },
  {
    id: 'claims-history-definition-tab',
    pluginPoint: 'cockpit.processDefinition.runtime.tab',
    properties: { label: 'Claims history' },
    render: async (node, { api }) => {
      try {
        const s = await fetchJson(api, '/statistics');
        node.replaceChildren(
          el('h3', {}, 'Claims per outcome'),
          table([['Outcome', r => r.status], ['Claims', r => text(r.claims)]], s.outcomes),
          el('h3', {}, 'Time from submission'),
          table([['To', r => r[0]], ['Claims', r => text(r[1].claims)], ['Average', r => days(r[1].averageSeconds)],
            ['90th percentile', r => days(r[1].p90Seconds)]],
            [['first decision', s.submissionToDecision], ['official', s.submissionToOfficial]]),
          el('p', {}, el('a', { href: '#/claims-history' }, 'Search every claim in the claims history')));
      } catch (error) {
        node.replaceChildren(el('div', { class: 'alert alert-danger' }, error.message));
      }
    }
  }
];
