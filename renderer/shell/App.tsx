import { Fragment, Suspense, useRef } from 'react';
import { Toaster } from '../components/ui/Toaster';
import { useGlobalShortcuts } from '../keyboard/use-global-shortcuts';
import { CommandPalette } from '../palette/CommandPalette';
import { usePaletteStore } from '../palette/palette-store';
import { locate, useHash } from '../router/hash-location';
import { StatusBar } from '../status/StatusBar';
import { useAppliedAppearance } from '../theme/appearance';
import type { Shell } from './compose-shell';
import { BusyMarker } from './BusyMarker';
import { PageLoading } from './PageLoading';
import { SessionExpired } from './SessionExpired';
import { useSessionStore } from './session-store';
import { Sidebar } from './Sidebar';
import { SlotsProvider } from './slots';
import { useAppReadiness } from './use-app-readiness';
import './App.css';

const paletteToggle = {
  toggle: () => {
    const palette = usePaletteStore.getState();
    palette.setOpen(!palette.open);
  },
  isOpen: () => usePaletteStore.getState().open,
};

/** The app frame: sidebar, the page the hash names, status bar and palette — all from `shell`. */
export function App({ shell }: { shell: Shell }) {
  const expired = useSessionStore((state) => state.expired);
  const location = locate(shell.routes, shell.home.path, useHash());
  useAppReadiness(shell.startup);
  useAppliedAppearance();
  useGlobalShortcuts(shell.shortcuts, paletteToggle);
  const main = useRef<HTMLElement>(null);

  return (
    <SlotsProvider contributions={shell.slots}>
      {shell.background.map((Background, index) => (
        <Background key={index} />
      ))}
      {expired ? (
        <SessionExpired />
      ) : (
        <div className="app">
          <Sidebar entries={shell.navEntries} active={location.page?.path ?? null} />
          <main ref={main} className="app-main" data-route={location.page?.path.pattern ?? 'not-found'}>
            <BusyMarker target={main} />
            {location.page ? (
              // Keyed by route and parameters: another service id is another page, not a re-render.
              <Fragment key={`${location.page.path.pattern}:${JSON.stringify(location.params)}`}>
                {/* Pages other than the catalog load their code on first visit (lazy-page.ts). */}
                <Suspense fallback={<PageLoading />}>{location.page.render(location.params)}</Suspense>
              </Fragment>
            ) : (
              <div className="page-message">
                <h1>Nothing here</h1>
                <p className="muted">
                  There is no page at <code>{location.hash}</code>.
                </p>
                <a href={shell.home.href}>{shell.home.label}</a>
              </div>
            )}
          </main>
          <StatusBar />
          <CommandPalette
            commands={shell.paletteCommands}
            searches={shell.paletteSearches}
            shortcuts={shell.shortcuts}
          />
          <Toaster />
        </div>
      )}
    </SlotsProvider>
  );
}
