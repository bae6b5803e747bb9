/**
 * Registers the service worker (dist/sw.js, written by src/integrations/service-worker.ts) and
 * keeps the <offline-status> element informed. Loaded after the page has loaded; when the
 * worker cannot register, nothing changes: the site works online as before.
 */
import { mountStatusView } from './offline-status-view.ts';

/** What the worker has done for this device; also exposed as data-state for tests. */
export type OfflineState = 'unsupported' | 'saving' | 'ready' | 'update';

/** What shows the status (offline-status-view.ts). */
export interface StatusView {
  show(state: OfflineState, options?: { justSaved?: boolean; reload?: () => void }): void;
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
      view.show('update', { reload });
    } else if (workers.controller || (!wasSaving && registration.active?.state === 'activated')) {
      // Controlled, or a forced reload skipped the worker for this one page: all is saved.
      view.show('ready', { justSaved: wasSaving });
      wasSaving = false;
    } else if (registration.installing || registration.waiting || registration.active) {
      view.show('saving');
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
}

/** In `astro dev` a worker from an earlier preview on the same port would serve stale pages. */
export async function removeOfflineSupport(): Promise<void> {
  const registrations = await navigator.serviceWorker.getRegistrations();
  await Promise.all(registrations.map((registration) => registration.unregister()));
}
