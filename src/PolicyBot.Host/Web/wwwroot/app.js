// PolicyBot web chat: posts to /api/chat and renders the platform-neutral reply
// (text with [n] markers, numbered sources that expand to the quoted passage, measure lists and compare as tables, feedback).
(() => {
  const conversationId = crypto.randomUUID ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  const transcript = document.getElementById('transcript');
  const form = document.getElementById('ask');
  const input = document.getElementById('message');
  const status = document.getElementById('status');
  let replyCount = 0;

  // aria* and role props become attributes (not every browser reflects ARIA properties); the rest are set as properties.
  const setAria = (node, name, value) => node.setAttribute(name === 'role' ? 'role' : `aria-${name.slice(4).toLowerCase()}`, value);
  const el = (tag, props = {}, ...children) => {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(props)) {
      if (name === 'role' || name.startsWith('aria')) setAria(node, name, value); else node[name] = value;
    }
    for (const child of children) if (child !== null && child !== undefined && child !== false) node.append(child);
    return node;
  };

  function addUser(text) { transcript.append(el('li', { className: 'user' }, el('span', { className: 'visually-hidden' }, 'You: '), text)); }

  // Text with [n] markers: each marker that names a listed source becomes a button opening that source.
  function withMarkers(text, sourceOf) {
    const parts = [];
    let last = 0;
    for (const match of text.matchAll(/\[(\d+)\]/g)) {
      const number = Number(match[1]);
      const source = sourceOf(number);
      if (!source) continue;
      parts.push(text.slice(last, match.index), citeButton(number, source));
      last = match.index + match[0].length;
    }
    parts.push(text.slice(last));
    return parts;
  }

  function citeButton(number, source) {
    return el('button', {
      type: 'button', className: 'cite', textContent: `[${number}]`,
      ariaLabel: `Source ${number}: ${source.dataset.title}`,
      onclick: () => { source.open = true; source.querySelector('summary').focus(); },
    });
  }

  function renderSources(citations, replyId) {
    const list = el('ol', { className: 'sources', ariaLabel: 'Sources' });
    const byNumber = new Map();
    for (const c of citations) {
      const dates = [c.announced && `announced ${c.announced}`, c.effective && `effective ${c.effective}`].filter(Boolean).join(', ');
      const details = el('details', { id: `${replyId}-source-${c.number}` },
        el('summary', {}, `[${c.number}] ${c.title}`, el('span', { className: 'where' }, ` — ${c.jurisdiction ?? 'no jurisdiction'}${dates ? ` (${dates})` : ''}`)),
        el('blockquote', {}, c.quote),
        c.url ? el('p', { className: 'link' }, el('a', { href: c.url, target: '_blank', rel: 'noopener' }, 'Open the source'), ` (${c.documentId})`)
              : el('p', { className: 'link' }, `Document ${c.documentId}`));
      details.dataset.title = c.title;
      byNumber.set(c.number, details);
      list.append(el('li', { value: c.number }, details));
    }
    return { list, sourceOf: (n) => byNumber.get(n) };
  }

  function renderTable(table, sourceOf, caption) {
    const head = el('tr', {}, ...table.columns.map(c => el('th', { scope: 'col' }, c)));
    const rows = table.rows.map(r => el('tr', {}, ...r.cells.map((c, i) => {
      const cell = el(i === 0 ? 'th' : 'td', i === 0 ? { scope: 'row' } : {}, c.text);
      if (c.citation && sourceOf(c.citation)) cell.append(' ', citeButton(c.citation, sourceOf(c.citation)));
      return cell;
    })));
    return el('table', {}, el('caption', { className: 'visually-hidden' }, caption), el('thead', {}, head), el('tbody', {}, ...rows));
  }

  // latest / timeline / upcoming: one row per listed measure (or dated event).
  function renderItems(items, sourceOf, caption) {
    const withNotes = items.some(i => i.notes?.length);
    return renderTable({
      columns: ['Measure', 'Date', 'Jurisdiction', 'Summary', ...(withNotes ? ['Notes'] : [])],
      rows: items.map(i => ({
        cells: [
          { text: [i.title, i.effective && `effective ${i.effective}`, i.status].filter(Boolean).join(' — ') },
          { text: i.date ?? i.announced ?? i.effective ?? 'undated' },
          { text: i.jurisdiction ?? '—' },
          { text: i.summary ?? '', citation: i.citation },
          ...(withNotes ? [{ text: (i.notes ?? []).join('; ') }] : []),
        ],
      })),
    }, sourceOf, caption);
  }

  function renderFeedback(replyKey, replyId) {
    const note = el('span', { className: 'meta', role: 'status' });
    const helpful = el('button', { type: 'button' }, 'Helpful');
    const notHelpful = el('button', { type: 'button', ariaExpanded: 'false' }, 'Not helpful');
    const reasonId = `${replyId}-reason`;
    const reason = el('input', { id: reasonId, name: 'reason', maxLength: 1000, autocomplete: 'off' });
    const reasonForm = el('form', { className: 'reason', hidden: true },
      el('label', { htmlFor: reasonId }, 'What was missing or wrong? (optional)'), reason,
      el('button', { type: 'submit' }, 'Send feedback'));

    const send = async (isHelpful, why) => {
      helpful.disabled = notHelpful.disabled = true;
      try {
        const response = await fetch('/api/feedback', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ replyKey, helpful: isHelpful, reason: why || null }) });
        if (!response.ok) throw new Error(String(response.status));
        reasonForm.hidden = true;
        note.textContent = 'Thanks for the feedback.';
        (isHelpful ? helpful : notHelpful).setAttribute('aria-pressed', 'true');
      } catch {
        helpful.disabled = notHelpful.disabled = false;
        note.textContent = 'Could not save the feedback; please try again.';
      }
    };
    helpful.addEventListener('click', () => send(true, null));
    notHelpful.addEventListener('click', () => {
      reasonForm.hidden = false;
      notHelpful.setAttribute('aria-expanded', 'true');
      reason.focus();
    });
    reasonForm.addEventListener('submit', (event) => { event.preventDefault(); send(false, reason.value.trim()); });
    return el('div', { className: 'feedback', role: 'group', ariaLabel: 'Was this answer useful?' }, helpful, notHelpful, note, reasonForm);
  }

  function addBot(reply) {
    const replyId = `reply-${++replyCount}`;
    const item = el('li', { className: `bot ${reply.kind ?? ''}`, id: replyId });
    const { list, sourceOf } = renderSources(reply.citations ?? [], replyId);
    const items = reply.items ?? [];
    const tabular = !reply.table && items.length > 0 && reply.kind === 'measures';
    // With a table, the text's first line is its heading; the rest of the text repeats the table.
    const text = tabular ? reply.text.split('\n')[0] : reply.text;
    item.append(el('span', { className: 'visually-hidden' }, 'PolicyBot: '), el('div', { className: 'answer' }, ...withMarkers(text, sourceOf)));
    if (reply.table) item.append(renderTable(reply.table, sourceOf, text));
    else if (tabular) item.append(renderItems(items, sourceOf, text));
    if (reply.citations?.length) item.append(list);
    const meta = [reply.notice, reply.freshness].filter(Boolean).join(' · ');
    if (meta) item.append(el('p', { className: 'meta' }, meta));
    if (reply.replyKey) item.append(renderFeedback(reply.replyKey, replyId));
    transcript.append(item);
    item.scrollIntoView({ block: 'nearest' });
  }

  async function readReply(response) {
    let body = null;
    try { body = await response.json(); } catch { /* not JSON: fall through to the generic message */ }
    if (response.ok && body) return body;
    return { kind: 'error', text: body?.error ?? `PolicyBot could not answer (HTTP ${response.status}).` };
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const message = input.value.trim();
    if (!message) return;
    input.value = '';
    addUser(message);
    transcript.setAttribute('aria-busy', 'true');
    status.textContent = 'PolicyBot is answering…';
    try {
      const response = await fetch('/api/chat', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ conversationId, message }) });
      addBot(await readReply(response));
    } catch {
      addBot({ kind: 'error', text: 'PolicyBot is not reachable right now.' });
    } finally {
      transcript.setAttribute('aria-busy', 'false');
      status.textContent = '';
    }
  });
})();
