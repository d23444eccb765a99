/**
 * `<html data-app-state>`: the signal end-to-end tests wait for (docs/architecture.md, "Tests") — 'ready' once
 * settings and the first catalog page have loaded, 'error' on a fatal error.
 */
export type AppState = 'loading' | 'ready' | 'error';

export function setAppState(state: AppState): void {
  document.documentElement.dataset.appState = state;
}
