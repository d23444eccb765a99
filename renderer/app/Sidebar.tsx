import { useQuery } from '@tanstack/react-query';
import { settingsQuery } from '../data/ipc-queries';
import { usePaletteStore } from '../palette/palette-store';
import { SurveysBadge } from '../surveys/SurveysBadge';
import { hrefFor, type Route } from './route';
import './Sidebar.css';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function Sidebar({ route }: { route: Route }) {
  const settings = useQuery(settingsQuery());
  const openPalette = usePaletteStore((state) => state.setOpen);
  const org = settings.data?.org ?? null;
  const onCatalog = route.page === 'catalog' || route.page === 'service';

  return (
    <nav className="sidebar" aria-label="Main">
      <div className="sidebar-org">
        <div className="sidebar-logo" aria-hidden="true">
          P
        </div>
        <div className="sidebar-org-text">
          <div className="sidebar-org-name" title={org?.name}>
            {org?.name ?? (settings.isPending ? 'Loading…' : 'Not synced yet')}
          </div>
          {org?.isDemo && (
            <span
              className="demo-badge"
              data-testid="demo-badge"
              title="This is the embedded demo platform with generated data. Connect a real platform in Settings."
            >
              Demo data
            </span>
          )}
        </div>
      </div>

      <button type="button" className="sidebar-search" onClick={() => openPalette(true)}>
        <span>Jump to…</span>
        <kbd>{isMac ? '⌘K' : 'Ctrl K'}</kbd>
      </button>

      <ul className="sidebar-nav">
        <li>
          <a href={hrefFor({ page: 'catalog' })} aria-current={onCatalog ? 'page' : undefined}>
            <span className="sidebar-icon" aria-hidden="true">
              ▦
            </span>
            Catalog
          </a>
        </li>
        <li>
          <a
            href={hrefFor({ page: 'create-service' })}
            data-testid="nav-create-service"
            aria-current={route.page === 'create-service' ? 'page' : undefined}
          >
            <span className="sidebar-icon" aria-hidden="true">
              ＋
            </span>
            Create service
          </a>
        </li>
        <li>
          <a
            href={hrefFor({ page: 'incidents' })}
            data-testid="nav-incidents"
            aria-current={route.page === 'incidents' ? 'page' : undefined}
          >
            <span className="sidebar-icon" aria-hidden="true">
              ⚠
            </span>
            Incidents
          </a>
        </li>
        <li>
          <a
            href={hrefFor({ page: 'cost' })}
            data-testid="nav-cost"
            aria-current={route.page === 'cost' ? 'page' : undefined}
          >
            <span className="sidebar-icon" aria-hidden="true">
              $
            </span>
            Cost
          </a>
        </li>
        <li>
          <a
            href={hrefFor({ page: 'surveys' })}
            data-testid="nav-surveys"
            aria-current={route.page === 'surveys' || route.page === 'survey' ? 'page' : undefined}
          >
            <span className="sidebar-icon" aria-hidden="true">
              ☺
            </span>
            Surveys
            <SurveysBadge />
          </a>
        </li>
        <li>
          <a
            href={hrefFor({ page: 'operations' })}
            data-testid="nav-operations"
            aria-current={route.page === 'operations' || route.page === 'operation' ? 'page' : undefined}
          >
            <span className="sidebar-icon" aria-hidden="true">
              ◷
            </span>
            Operations
          </a>
        </li>
        <li>
          <a
            href={hrefFor({ page: 'settings' })}
            aria-current={route.page === 'settings' ? 'page' : undefined}
          >
            <span className="sidebar-icon" aria-hidden="true">
              ⚙
            </span>
            Settings
          </a>
        </li>
        <li>
          <a
            href={hrefFor({ page: 'backlog' })}
            data-testid="nav-backlog"
            aria-current={route.page === 'backlog' ? 'page' : undefined}
          >
            <span className="sidebar-icon" aria-hidden="true">
              ☰
            </span>
            Backlog
          </a>
        </li>
        <li>
          <a
            href={hrefFor({ page: 'roadmap' })}
            data-testid="nav-roadmap"
            aria-current={route.page === 'roadmap' ? 'page' : undefined}
          >
            <span className="sidebar-icon" aria-hidden="true">
              ➜
            </span>
            Roadmap
          </a>
        </li>
        <li>
          <a
            href={hrefFor({ page: 'support' })}
            data-testid="nav-support"
            aria-current={route.page === 'support' ? 'page' : undefined}
          >
            <span className="sidebar-icon" aria-hidden="true">
              ?
            </span>
            Support
          </a>
        </li>
      </ul>
    </nav>
  );
}
