import { useQuery } from '@tanstack/react-query';
import { settingsQuery } from '../data/ipc-queries';
import { usePaletteStore } from '../palette/palette-store';
import type { RoutePath } from '../router/route-path';
import { navGroups, type NavEntry, type NavGroup } from './nav-entry';
import './Sidebar.css';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** Entries by group, in the order the entries ask for. */
function grouped(entries: readonly NavEntry[]): { title: NavGroup; items: NavEntry[] }[] {
  return navGroups.map((title) => ({
    title,
    items: entries.filter((entry) => entry.group === title).sort((a, b) => a.order - b.order),
  }));
}

/** `active`: the path of the page on screen (null on the not-found page). */
export function Sidebar({ entries, active }: { entries: readonly NavEntry[]; active: RoutePath | null }) {
  const settings = useQuery(settingsQuery());
  const openPalette = usePaletteStore((state) => state.setOpen);
  const org = settings.data?.org ?? null;

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

      {grouped(entries).map((group) => (
        <div key={group.title} className="sidebar-group">
          <div className="sidebar-group-title">{group.title}</div>
          <ul className="sidebar-nav">
            {group.items.map((item) => (
              <li key={item.href}>
                <a
                  href={item.href}
                  data-testid={item.testId}
                  aria-current={active && item.activeOn.includes(active) ? 'page' : undefined}
                >
                  <span className="sidebar-icon" aria-hidden="true">
                    {item.icon}
                  </span>
                  {item.label}
                  {item.badge && <item.badge />}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </nav>
  );
}
