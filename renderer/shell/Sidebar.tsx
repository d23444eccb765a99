import { useQuery } from '@tanstack/react-query';
import { settingsQuery } from '../data/ipc-queries';
import { usePaletteStore } from '../palette/palette-store';
import { SurveysBadge } from '../surveys/SurveysBadge';
import { hrefFor, type Route } from './route';
import './Sidebar.css';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** Pages reached without a parameter: the ones a menu links to. */
type TopPage = Exclude<Route, { id: string } | { hash: string }>['page'];

interface NavItem {
  page: TopPage;
  /** Every route that lights this entry (a service page belongs to the catalog). */
  pages: Route['page'][];
  label: string;
  icon: string;
  testId?: string;
}

/** What engineers use day to day, then what leads run the platform with, then settings. */
const navGroups: { title: string; items: NavItem[] }[] = [
  {
    title: 'Services',
    items: [
      { page: 'catalog', pages: ['catalog', 'service'], label: 'Catalog', icon: '▦' },
      {
        page: 'create-service',
        pages: ['create-service'],
        label: 'Create service',
        icon: '+',
        testId: 'nav-create-service',
      },
      {
        page: 'operations',
        pages: ['operations', 'operation'],
        label: 'Operations',
        icon: '◷',
        testId: 'nav-operations',
      },
      { page: 'incidents', pages: ['incidents'], label: 'Incidents', icon: '⚠', testId: 'nav-incidents' },
      { page: 'cost', pages: ['cost'], label: 'Cost', icon: '$', testId: 'nav-cost' },
    ],
  },
  {
    title: 'Platform',
    items: [
      { page: 'backlog', pages: ['backlog'], label: 'Backlog', icon: '☰', testId: 'nav-backlog' },
      { page: 'roadmap', pages: ['roadmap'], label: 'Roadmap', icon: '➜', testId: 'nav-roadmap' },
      { page: 'support', pages: ['support'], label: 'Support', icon: '?', testId: 'nav-support' },
      { page: 'surveys', pages: ['surveys', 'survey'], label: 'Surveys', icon: '☺', testId: 'nav-surveys' },
    ],
  },
  { title: 'App', items: [{ page: 'settings', pages: ['settings'], label: 'Settings', icon: '⚙' }] },
];

export function Sidebar({ route }: { route: Route }) {
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

      {navGroups.map((group) => (
        <div key={group.title} className="sidebar-group">
          <div className="sidebar-group-title">{group.title}</div>
          <ul className="sidebar-nav">
            {group.items.map((item) => (
              <li key={item.page}>
                <a
                  href={hrefFor({ page: item.page })}
                  data-testid={item.testId}
                  aria-current={item.pages.includes(route.page) ? 'page' : undefined}
                >
                  <span className="sidebar-icon" aria-hidden="true">
                    {item.icon}
                  </span>
                  {item.label}
                  {item.page === 'surveys' && <SurveysBadge />}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </nav>
  );
}
