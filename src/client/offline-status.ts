/**
 * Registers the service worker (dist/sw.js, written by src/integrations/service-worker.ts) and
 * keeps the <offline-status> element informed. Loaded after the page has loaded; when the
 * worker cannot register, nothing changes: the site works online as before.
 */
import { mountStatusView } from './offline-status-view.ts';

/** What the worker has done for this device; also exposed as data-state for tests. */
export type OfflineState = 'unsupported' | 'saving' | 'ready' | 'update';

/**
 * What the worker saves (src/integrations/service-worker.ts): the whole site, or, for a site over
 * the precache budget, the shell and search plus each page as it is read. Exposed as data-mode.
 */
export type OfflineMode = 'everything' | 'shell';

/** What shows the status (offline-status-view.ts). */
export interface StatusView {
  show(state: OfflineState, options?: { justSaved?: boolean; reload?: () => void; mode?: OfflineMode }): void;
}

/** How long to wait for the worker to say its mode; a worker from before modes existed never answers. */
const MODE_TIMEOUT_MS = 3000;

/** Asks a worker which mode its build is in; `everything` when it does not say (it precaches the whole site). */
function askMode(worker: ServiceWorker | null | undefined): Promise<OfflineMode> {
  if (!worker) return Promise.resolve('everything');
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    const timer = setTimeout(() => resolve('everything'), MODE_TIMEOUT_MS);
    channel.port1.onmessage = (event) => {
      clearTimeout(timer);
      resolve(event.data === 'shell' ? 'shell' : 'everything');
    };
    worker.postMessage({ type: 'GET_OFFLINE_MODE' }, [channel.port2]);
  });
}

/** How often an open page asks for a new build, at most, when it becomes visible again. */
const UPDATE_CHECK_MS = 30 * 60 * 1000;

/** Starts the worker and reports its state in the <offline-status> element. */
export async function startOfflineSupport(host: HTMLElement): Promise<void> {
  const view = mountStatusView(host);
  const workers = navigator.serviceWorker;
  let registration: ServiceWorkerRegistration;
  try {
    registration = await workers.register('/sw.js', { scope: '/' });
  } catch {
    // Private windows, disabled storage, a host without sw.js: the site simply stays online-only.
    view.show('unsupported');
    return;
  }

  let wasSaving = !workers.controller;
  let hadController = Boolean(workers.controller);
  let reloadRequested = false;
  let staleHere = false;
  // The mode of the build that serves this page, or of the one being saved on a first visit.
  let mode: OfflineMode | undefined;
  const learnMode = async () => {
    const asked = workers.controller ?? registration.installing ?? registration.waiting ?? registration.active;
    const answer = await askMode(asked);
    if (answer !== mode) {
      mode = answer;
      host.dataset.mode = mode;
      refresh();
    }
  };

  const reload = () => {
    const waiting = registration.waiting;
    if (waiting) {
      reloadRequested = true;
      waiting.postMessage({ type: 'SKIP_WAITING' });
    } else {
      location.reload();
    }
  };

  const refresh = () => {
    if (workers.controller && (registration.waiting || staleHere)) {
      view.show('update', { reload, mode });
    } else if (workers.controller || (!wasSaving && registration.active?.state === 'activated')) {
      // Controlled, or a forced reload skipped the worker for this one page: all is saved. The
      // status waits for the mode, so it never claims more than the build saves.
      if (!mode) return;
      view.show('ready', { justSaved: wasSaving, mode });
      wasSaving = false;
    } else if (registration.installing || registration.waiting || registration.active) {
      view.show('saving', { mode });
    } else {
      view.show('unsupported');
    }
  };

  const watch = (worker: ServiceWorker | null) => worker?.addEventListener('statechange', refresh);
  watch(registration.installing);
  watch(registration.waiting);
  registration.addEventListener('updatefound', () => {
    watch(registration.installing);
    refresh();
  });
  workers.addEventListener('controllerchange', () => {
    if (reloadRequested) {
      location.reload();
      return;
    }
    // Another tab accepted a new build: this page still shows the previous one.
    if (hadController) staleHere = true;
    hadController = true;
    refresh();
    void learnMode();
  });

  let lastCheck = Date.now();
  const checkForUpdate = () => {
    lastCheck = Date.now();
    registration.update().catch(() => undefined);
  };
  addEventListener('online', checkForUpdate);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && Date.now() - lastCheck > UPDATE_CHECK_MS) checkForUpdate();
  });

  refresh();
  void learnMode();
}

/** In `astro dev` a worker from an earlier preview on the same port would serve stale pages. */
export async function removeOfflineSupport(): Promise<void> {
  const registrations = await navigator.serviceWorker.getRegistrations();
  await Promise.all(registrations.map((registration) => registration.unregister()));
}
