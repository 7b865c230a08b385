/* global window, document, requestAnimationFrame, location */
// A naive list: one IPC call for every row (the bench's __benchAll binding, read from the same store by the
// bench itself), then every row built with DOM APIs and put in the document at once. No virtualization, no paging.
(function () {
  'use strict';
  const timeFormat = new Intl.DateTimeFormat('en', { hour: '2-digit', minute: '2-digit' });
  const starPath = 'M12 3.5l2.6 5.3 5.8.8-4.2 4.1 1 5.8L12 16.8l-5.2 2.7 1-5.8-4.2-4.1 5.8-.8z';

  function el(tag, className, text) {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function star(pressed, label) {
    const b = el('button', 'star');
    b.type = 'button';
    b.setAttribute('aria-pressed', String(pressed));
    b.setAttribute('aria-label', label);
    b.innerHTML = `<svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true"><path d="${starPath}" fill="${pressed ? 'currentColor' : 'none'}" stroke="currentColor"/></svg>`;
    return b;
  }

  function initials(name) {
    const words = name
      .replace(/[^\p{L}\p{N}\s]/gu, ' ')
      .trim()
      .split(/\s+/)
      .filter(Boolean);
    return (
      ((words[0] || '')[0] || '#').toUpperCase() +
      (words.length > 1 ? words[words.length - 1][0].toUpperCase() : '')
    );
  }

  function chatRow(chat, i, total) {
    const row = el('div', 'row chat');
    row.setAttribute('role', 'listitem');
    row.setAttribute('aria-posinset', String(i + 1));
    row.setAttribute('aria-setsize', String(total));
    row.dataset.testid = 'chat-row';
    row.dataset.jid = chat.jid;
    row.append(el('span', 'avatar', initials(chat.displayName)));
    const body = el('span', 'body');
    const top = el('span', 'line');
    top.append(el('span', 'name', chat.displayName));
    if (chat.number) top.append(el('span', 'number', `+${chat.number}`));
    top.append(el('span', 'time', chat.lastActivity ? timeFormat.format(chat.lastActivity) : ''));
    const bottom = el('span', 'line');
    bottom.append(el('span', 'preview', chat.lastMessagePreview || 'No messages yet'));
    body.append(top, bottom);
    row.append(body, star(chat.favorite, `Star ${chat.displayName}`));
    return row;
  }

  function messageRow(m, i, total) {
    const row = el('div', m.fromMe ? 'row msg out' : 'row msg');
    row.setAttribute('role', 'listitem');
    row.setAttribute('aria-posinset', String(i + 1));
    row.setAttribute('aria-setsize', String(total));
    row.dataset.testid = 'message-row';
    row.dataset.id = m.id;
    row.append(
      el('div', 'bubble', m.text),
      star(m.favorite, 'Star message'),
      el('time', 'time', timeFormat.format(m.timestamp)),
    );
    return row;
  }

  function afterPaint() {
    return new Promise((resolve) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(0);
      }),
    );
  }

  /** One call for everything, every row into the DOM, then wait for the frame that shows them. */
  async function render(kind, t0) {
    const page = JSON.parse(await window.__benchAll(kind));
    const fetchedAt = performance.now();
    const list = document.getElementById('list');
    const fragment = document.createDocumentFragment();
    const make = kind === 'chats' ? chatRow : messageRow;
    for (let i = 0; i < page.rows.length; i++) fragment.append(make(page.rows[i], i, page.total));
    list.replaceChildren(fragment);
    if (kind === 'messages') list.scrollTop = list.scrollHeight; // newest at the bottom, as the app opens it
    const builtAt = performance.now();
    const paintedAt = await afterPaint();
    return {
      firstRowsMs: paintedAt - t0,
      fetchMs: fetchedAt - t0,
      buildMs: builtAt - fetchedAt,
      paintMs: paintedAt - builtAt,
      rows: page.rows.length,
      domNodes: document.getElementsByTagName('*').length,
    };
  }

  // #chats: the list opens with the page (time from navigation start, like the app's chat list);
  // #messages: opened on demand (window.benchOpen), like clicking a chat in the app.
  window.benchOpen = (kind) => render(kind, performance.now());
  if (location.hash === '#chats') window.benchResult = render('chats', 0);
  // #floor: the least a star toggle can cost here, one button whose aria-pressed flips on click.
  if (location.hash === '#floor') {
    const button = star(false, 'Star');
    button.id = 'floor';
    button.addEventListener('click', () =>
      button.setAttribute('aria-pressed', String(button.getAttribute('aria-pressed') !== 'true')),
    );
    document.getElementById('list').append(button);
  }
})();
