/**
 * The corner status of <offline-status>: "Saving for offline use…", "Ready to use offline",
 * "You are offline — reading and search still work" and "New content available" with a Reload
 * button. It exists only with JavaScript, so its markup is built here, in the lazily loaded
 * offline code, instead of weighing on every page's HTML.
 */
import type { OfflineState, StatusView } from './offline-status.ts';

type Message = 'saving' | 'saved' | 'offline' | 'update';
const TEXT: Record<Message, string> = {
  saving: 'Saving for offline use…',
  saved: 'Ready to use offline',
  offline: 'You are offline — reading and search still work',
  update: 'New content available',
};
const TONE: Record<Message, string> = { saving: 'saving', saved: 'ok', offline: 'offline', update: 'update' };
const DISMISSED = 'offline-status-dismissed';

/** The host carries `group` and `data-quiet` (OfflineStatus.astro); the classes key off them. */
const MARKUP = `<div class="pointer-events-none fixed inset-x-3 bottom-3 z-30 flex sm:inset-x-auto sm:bottom-4 sm:left-4">
  <div data-box class="pointer-events-auto flex min-h-11 max-w-full items-center gap-3 rounded-lg border border-line bg-surface py-1.5 pl-3 pr-1.5 text-sm text-ink shadow-lg group-data-quiet:sr-only">
    <span aria-hidden="true" class="size-2.5 shrink-0 rounded-full bg-accent group-data-[tone=offline]:bg-warn group-data-[tone=ok]:bg-tip group-data-[tone=update]:bg-note group-data-[tone=saving]:motion-safe:animate-pulse"></span>
    <p role="status" data-message class="py-1"></p>
    <button type="button" data-reload hidden class="h-8 shrink-0 rounded-md bg-accent px-3 font-semibold text-page hover:bg-accent-strong">Reload</button>
    <button type="button" data-dismiss hidden aria-label="Dismiss" class="grid size-8 shrink-0 place-items-center rounded-md text-ink-muted hover:bg-surface-muted hover:text-ink"><svg class="size-4" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M6 6l12 12M18 6 6 18" stroke="currentColor" stroke-width="2" stroke-linecap="round"/></svg></button>
  </div>
</div>`;

let closed: string | null = null;

/** The message the reader closed in this tab, remembered across its pages where storage allows. */
function dismissed(value?: string | null): string | null {
  if (value !== undefined) closed = value;
  try {
    if (value === null) sessionStorage.removeItem(DISMISSED);
    else if (value) sessionStorage.setItem(DISMISSED, value);
    else closed ??= sessionStorage.getItem(DISMISSED);
  } catch {
    /* Storage blocked: it lasts for this page only. */
  }
  return closed;
}

/** Fills the host with the status and returns the view the service-worker code reports to. */
export function mountStatusView(host: HTMLElement): StatusView {
  host.innerHTML = MARKUP;
  const text = host.querySelector<HTMLElement>('[data-message]')!;
  const reloadButton = host.querySelector<HTMLButtonElement>('[data-reload]')!;
  const dismissButton = host.querySelector<HTMLButtonElement>('[data-dismiss]')!;
  const box = host.querySelector<HTMLElement>('[data-box]')!;
  let state: OfflineState | undefined;
  let justSaved = false;
  let reload: (() => void) | undefined;

  const message = (): Message | undefined => {
    switch (state) {
      case 'update':
        return 'update';
      case 'saving':
        return 'saving';
      case 'ready':
        if (!navigator.onLine) return 'offline';
        return justSaved ? 'saved' : undefined;
      default:
        return undefined;
    }
  };

  const render = () => {
    let shown = message();
    const closedHere = dismissed();
    if (shown && shown === closedHere) shown = undefined;
    // Back online: the next time the connection drops, say so again.
    if (closedHere === 'offline' && navigator.onLine) dismissed(null);
    const next = shown ? TEXT[shown] : '';
    if (text.textContent !== next) text.textContent = next;
    host.toggleAttribute('data-quiet', !shown);
    if (shown) {
      host.dataset.message = shown;
      host.dataset.tone = TONE[shown];
    } else {
      delete host.dataset.message;
      delete host.dataset.tone;
    }
    reloadButton.hidden = shown !== 'update';
    dismissButton.hidden = !shown || shown === 'saving';
    // Keep keyboard focus clear of the status: elements scrolled into view stop above it.
    document.documentElement.style.scrollPaddingBottom = shown ? `${box.offsetHeight + 24}px` : '';
  };

  reloadButton.addEventListener('click', () => reload?.());
  dismissButton.addEventListener('click', () => {
    dismissed(host.dataset.message);
    render();
  });
  addEventListener('online', render);
  addEventListener('offline', render);

  return {
    show(next, options = {}) {
      if (next !== 'ready') justSaved = false;
      else if (options.justSaved) justSaved = true;
      state = next;
      reload = options.reload;
      host.dataset.state = next;
      render();
    },
  };
}
