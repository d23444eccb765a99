import { BacklogPage } from '../backlog/BacklogPage';
import { CatalogPage } from '../catalog/CatalogPage';
import { CostPage } from '../cost/CostPage';
import { CreateServicePage } from '../create-service/CreateServicePage';
import { IncidentsPage } from '../incidents/IncidentsPage';
import { useIncidentNotifications } from '../incidents/use-incident-notifications';
import { useGlobalShortcuts } from '../keyboard/use-global-shortcuts';
import { CommandPalette } from '../palette/CommandPalette';
import { OperationDetailPage } from '../operations/OperationDetailPage';
import { OperationsPage } from '../operations/OperationsPage';
import { RoadmapPage } from '../roadmap/RoadmapPage';
import { ServicePage } from '../service/ServicePage';
import { SettingsPage } from '../settings/SettingsPage';
import { StatusBar } from '../status/StatusBar';
import { SupportPage } from '../support/SupportPage';
import { SurveyPage } from '../surveys/SurveyPage';
import { SurveysPage } from '../surveys/SurveysPage';
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
  useIncidentNotifications();

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
    case 'create-service':
      return <CreateServicePage />;
    case 'incidents':
      return <IncidentsPage />;
    case 'cost':
      return <CostPage />;
    case 'backlog':
      return <BacklogPage />;
    case 'roadmap':
      return <RoadmapPage />;
    case 'support':
      return <SupportPage />;
    case 'surveys':
      return <SurveysPage />;
    case 'survey':
      return <SurveyPage key={route.id} id={route.id} />;
    case 'operations':
      return <OperationsPage />;
    case 'operation':
      return <OperationDetailPage key={route.id} id={route.id} />;
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
