// PolicyBot web chat: posts to /api/chat and renders the platform-neutral reply (text with [n], sources, tables, feedback).
(() => {
  const conversationId = crypto.randomUUID ? crypto.randomUUID() : String(Date.now());
  const transcript = document.getElementById('transcript');
  const form = document.getElementById('ask');
  const input = document.getElementById('message');

  const el = (tag, props = {}, ...children) => {
    const node = Object.assign(document.createElement(tag), props);
    for (const child of children) node.append(child);
    return node;
  };

  function addUser(text) { transcript.append(el('li', { className: 'user' }, text)); }

  function renderTable(table) {
    const head = el('tr', {}, ...table.columns.map(c => el('th', { scope: 'col' }, c)));
    const rows = table.rows.map(r => el('tr', {}, ...r.cells.map(c => el('td', {}, c.citation ? `${c.text} [${c.citation}]` : c.text))));
    return el('table', {}, el('thead', {}, head), el('tbody', {}, ...rows));
  }

  function renderSources(citations) {
    return el('ol', { className: 'sources' }, ...citations.map(c => {
      const dates = [c.announced && `announced ${c.announced}`, c.effective && `effective ${c.effective}`].filter(Boolean).join(', ');
      const title = c.url ? el('a', { href: c.url, target: '_blank', rel: 'noopener' }, c.title) : c.title;
      return el('li', { value: c.number },
        el('details', {}, el('summary', {}, title, ` — ${c.jurisdiction ?? ''}${dates ? ` (${dates})` : ''}`), el('blockquote', {}, c.quote)));
    }));
  }

  function renderFeedback(replyKey) {
    const status = el('span', { className: 'meta' });
    const send = async (helpful) => {
      const reason = helpful ? null : prompt('What was missing or wrong? (optional)');
      const response = await fetch('/api/feedback', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ replyKey, helpful, reason }) });
      status.textContent = response.ok ? ' Thanks for the feedback.' : ' Could not save the feedback.';
    };
    return el('div', { className: 'feedback' },
      el('button', { type: 'button', onclick: () => send(true) }, 'Helpful'),
      el('button', { type: 'button', onclick: () => send(false) }, 'Not helpful'), status);
  }

  function addBot(reply) {
    const item = el('li', { className: `bot ${reply.kind}` }, el('div', { className: 'answer' }, reply.text));
    if (reply.table) item.append(renderTable(reply.table));
    if (reply.citations?.length) item.append(renderSources(reply.citations));
    const meta = [reply.notice, reply.freshness].filter(Boolean).join(' · ');
    if (meta) item.append(el('div', { className: 'meta' }, meta));
    if (reply.replyKey) item.append(renderFeedback(reply.replyKey));
    transcript.append(item);
    item.scrollIntoView({ block: 'end' });
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const message = input.value.trim();
    if (!message) return;
    input.value = '';
    addUser(message);
    try {
      const response = await fetch('/api/chat', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ conversationId, message }) });
      const body = await response.json();
      addBot(response.ok ? body : { kind: 'error', text: body.error ?? 'Something went wrong.' });
    } catch {
      addBot({ kind: 'error', text: 'PolicyBot is not reachable right now.' });
    }
  });
})();
