/**
 * The header status of <offline-status>, in words true to what the build saves (its mode, see
 * src/integrations/service-worker.ts). Whole site: "Saving for offline use…", "Ready to use
 * offline", "You are offline — reading and search still work". Shell, for a site over the
 * precache budget: "Saving search for offline use…", "Search and the pages you open work
 * offline", "You are offline — search and the pages you have opened still work". Both: "New
 * content available" with a Reload button. It exists only with JavaScript, so its markup is built
 * here, in the lazily loaded offline code, instead of weighing on every page's HTML.
 */
import type { OfflineMode, OfflineState, StatusView } from './offline-status.ts';

type Message = 'saving' | 'saved' | 'offline' | 'update';
const TEXT: Record<OfflineMode, Record<Message, string>> = {
  everything: {
    saving: 'Saving for offline use…',
    saved: 'Ready to use offline',
    offline: 'You are offline — reading and search still work',
    update: 'New content available',
  },
  shell: {
    saving: 'Saving search for offline use…',
    saved: 'Search and the pages you open work offline',
    offline: 'You are offline — search and the pages you have opened still work',
    update: 'New content available',
  },
};
const TONE: Record<Message, string> = { saving: 'saving', saved: 'ok', offline: 'offline', update: 'update' };
const DISMISSED = 'offline-status-dismissed';

/** Short forms for narrow screens, where the status shares the header with the logo and menu (the narrowest show the dot alone, wide ones share the row with the section links; the full text is read out either way). */
const SHORT: Record<OfflineMode, Record<Message, string>> = {
  everything: { saving: 'Saving…', saved: 'Offline ready', offline: 'Offline', update: 'Update' },
  shell: { saving: 'Saving…', saved: 'Search offline', offline: 'Offline', update: 'Update' },
};

/**
 * The host sits in the sticky header (Header.astro) and carries `group` and `data-quiet`; the
 * classes key off them. Living in the header, the status never covers the page's text; when
 * there is nothing to say it takes no room.
 */
const MARKUP = `<div data-box class="flex h-9 shrink-0 items-center gap-1.5 rounded-md border border-line bg-surface px-2 text-xs text-ink group-data-quiet:sr-only sm:gap-2 sm:pr-1 sm:text-sm">
  <span aria-hidden="true" class="size-2.5 shrink-0 rounded-full bg-accent group-data-[tone=offline]:bg-warn group-data-[tone=ok]:bg-tip group-data-[tone=update]:bg-note group-data-[tone=saving]:motion-safe:animate-pulse"></span>
  <p role="status" class="whitespace-nowrap"><span data-message class="sr-only sm:not-sr-only lg:sr-only"></span><span data-short aria-hidden="true" class="hidden min-[28rem]:inline sm:hidden lg:inline"></span></p>
  <button type="button" data-reload hidden class="h-7 shrink-0 rounded bg-accent px-2 font-semibold text-page hover:bg-accent-strong">Reload</button>
  <button type="button" data-dismiss hidden aria-label="Dismiss" class="grid size-7 shrink-0 place-items-center rounded text-ink-muted hover:bg-surface-muted hover:text-ink"><svg class="size-4" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M6 6l12 12M18 6 6 18" stroke="currentColor" stroke-width="2" stroke-linecap="round"/></svg></button>
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
  const short = host.querySelector<HTMLElement>('[data-short]')!;
  const reloadButton = host.querySelector<HTMLButtonElement>('[data-reload]')!;
  const dismissButton = host.querySelector<HTMLButtonElement>('[data-dismiss]')!;
  let state: OfflineState | undefined;
  let mode: OfflineMode = 'everything';
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
    const next = shown ? TEXT[mode][shown] : '';
    if (text.textContent !== next) text.textContent = next;
    short.textContent = shown ? SHORT[mode][shown] : '';
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
      if (options.mode) mode = options.mode;
      reload = options.reload;
      host.dataset.state = next;
      render();
    },
  };
}
