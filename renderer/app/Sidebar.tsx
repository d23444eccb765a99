import { useQuery } from '@tanstack/react-query';
import { settingsQuery } from '../data/ipc-queries';
import { usePaletteStore } from '../palette/palette-store';
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
            href={hrefFor({ page: 'settings' })}
            aria-current={route.page === 'settings' ? 'page' : undefined}
          >
            <span className="sidebar-icon" aria-hidden="true">
              ⚙
            </span>
            Settings
          </a>
        </li>
      </ul>
    </nav>
  );
}
