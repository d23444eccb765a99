import { CatalogPage } from '../catalog/CatalogPage';
import { useGlobalShortcuts } from '../keyboard/use-global-shortcuts';
import { CommandPalette } from '../palette/CommandPalette';
import { ServicePage } from '../service/ServicePage';
import { SettingsPage } from '../settings/SettingsPage';
import { StatusBar } from '../status/StatusBar';
import { hrefFor, useRoute, type Route } from './route';
import { SessionExpired } from './SessionExpired';
import { useSessionStore } from './session-store';
import { Sidebar } from './Sidebar';
import { useAppReadiness } from './use-app-readiness';
import './App.css';

export function App() {
  const expired = useSessionStore((state) => state.expired);
  const route = useRoute();
  useAppReadiness();
  useGlobalShortcuts();

  if (expired) return <SessionExpired />;
  return (
    <div className="app">
      <Sidebar route={route} />
      <main className="app-main">
        <Page route={route} />
      </main>
      <StatusBar />
      <CommandPalette />
    </div>
  );
}

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'catalog':
      return <CatalogPage />;
    case 'service':
      return <ServicePage key={route.id} id={route.id} />;
    case 'settings':
      return <SettingsPage />;
    case 'not-found':
      return (
        <div className="page-message">
          <h1>Nothing here</h1>
          <p className="muted">
            There is no page at <code>{route.hash}</code>.
          </p>
          <a href={hrefFor({ page: 'catalog' })}>Go to the catalog</a>
        </div>
      );
  }
}
