/**
 * The notice that tells the user a paste got its source link, next to the editor, with
 * Undo and "Not on this site". It lives in a closed shadow root under an element whose
 * every style is set inline with !important: the page can neither read it nor restyle
 * it. It never takes focus (its buttons are not in the tab order and do not take focus on
 * click), so typing goes on in the editor; the keyboard reaches it by its shortcuts.
 */

/** One of the notice's buttons. */
export interface NoticeAction {
  label: string;
  /** Shown with the label and given to assistive technology (aria-keyshortcuts). */
  shortcut: string;
  run(): void;
}

export interface NoticeContent {
  text: string;
  actions: readonly NoticeAction[];
}

export interface PasteNotice {
  /** Shows new text and buttons in the same place, and restarts the time it stays. */
  update(content: NoticeContent, staysFor?: number): void;
  close(): void;
}

/** Long enough to read a short line and reach for a button; hovering keeps it. */
export const NOTICE_STAYS_FOR = 8_000;

const HOST_STYLE = [
  'all: initial',
  'position: fixed',
  'z-index: 2147483647',
  'display: block',
  'visibility: visible',
  'opacity: 1',
  // Clicks go through to the page, except on the buttons: a notice over the field the user
  // means to click next must not take that click.
  'pointer-events: none',
  'margin: 0',
  'padding: 0',
  'transform: none',
]
  .map((declaration) => `${declaration} !important`)
  .join('; ');

// Minified: it ships in the script on every page.
const NOTICE_CSS = `.notice{display:flex;flex-wrap:wrap;gap:6px 10px;align-items:center;box-sizing:border-box;max-width:min(440px,calc(100vw - 16px));padding:8px 10px;border-radius:6px;font:13px/1.4 system-ui,-apple-system,"Segoe UI",sans-serif;color:#f9fafb;background:#1f2937;box-shadow:0 2px 10px rgba(0,0,0,0.35);direction:ltr;text-align:start;}.notice{pointer-events:none;}.text{flex:1 1 auto;}button{font:inherit;color:#dbeafe;background:transparent;border:1px solid #93c5fd;border-radius:4px;padding:2px 8px;cursor:pointer;pointer-events:auto;}button:hover{background:#374151;}kbd{font:11px ui-monospace,monospace;opacity:0.8;margin-inline-start:4px;}@media (prefers-color-scheme:dark){.notice{background:#f9fafb;color:#111827;}button{color:#1e3a8a;border-color:#1d4ed8;}button:hover{background:#e5e7eb;}}`;

/** Where the notice goes: under the caret (or the field), kept inside the window. */
function place(host: HTMLElement, anchor: DOMRect, win: Window): void {
  const width = Math.min(440, win.innerWidth - 16);
  const left = Math.max(8, Math.min(anchor.left, win.innerWidth - width - 8));
  const below = anchor.bottom + 8;
  const top = below + 60 < win.innerHeight ? below : Math.max(8, anchor.top - 60);
  host.style.setProperty('left', `${Math.round(left)}px`, 'important');
  host.style.setProperty('top', `${Math.round(top)}px`, 'important');
}

/**
 * Shows the notice in `doc` next to `anchor` (a rectangle in `doc`'s window). `attach`
 * makes its shadow root: closed in the product; tests that must look inside pass their own.
 */
export function showPasteNotice(
  doc: Document,
  anchor: DOMRect,
  content: NoticeContent,
  attach: (host: HTMLElement) => ShadowRoot = (host) => host.attachShadow({ mode: 'closed' }),
): PasteNotice {
  const win = doc.defaultView as Window;
  const host = doc.createElement('linkback-notice');
  host.setAttribute('style', HOST_STYLE);
  const root = attach(host);
  const style = doc.createElement('style');
  style.textContent = NOTICE_CSS;
  const box = doc.createElement('div');
  box.className = 'notice';
  // A live region announces what is put into it after it is in the document.
  box.setAttribute('role', 'status');
  box.setAttribute('aria-live', 'polite');
  root.append(style, box);
  // Never inside what the user edits: a frame whose body is the editor (TinyMCE, designMode)
  // would take the notice into its content.
  const editable = doc.designMode === 'on' || !!doc.body?.isContentEditable;
  (editable || !doc.body ? doc.documentElement : doc.body).append(host);
  place(host, anchor, win);

  let timer = 0;
  let hovered = false;
  const startTimer = (staysFor: number) => {
    win.clearTimeout(timer);
    timer = win.setTimeout(() => (hovered ? startTimer(1_000) : close()), staysFor);
  };
  host.addEventListener('mouseenter', () => (hovered = true));
  host.addEventListener('mouseleave', () => (hovered = false));

  function render({ text, actions }: NoticeContent): void {
    const line = doc.createElement('span');
    line.className = 'text';
    line.textContent = text;
    const buttons = actions.map((action) => {
      const button = doc.createElement('button');
      button.type = 'button';
      button.tabIndex = -1;
      button.setAttribute('aria-keyshortcuts', action.shortcut);
      const shortcut = doc.createElement('kbd');
      shortcut.textContent = action.shortcut;
      button.append(action.label, shortcut);
      // The editor keeps the focus, and with it the caret the paste left.
      button.addEventListener('mousedown', (event) => event.preventDefault());
      button.addEventListener('click', () => action.run());
      return button;
    });
    box.replaceChildren(line, ...buttons);
  }

  function close(): void {
    win.clearTimeout(timer);
    host.remove();
  }

  // Filled a moment after it is attached, so screen readers announce it.
  let latest = content;
  win.setTimeout(() => render(latest), 0);
  startTimer(NOTICE_STAYS_FOR);
  return {
    update(next, staysFor = NOTICE_STAYS_FOR) {
      latest = next;
      render(next);
      startTimer(staysFor);
    },
    close,
  };
}
