import { useQuery } from '@tanstack/react-query';
import { supportListQuery } from './data';
import { SupportDetail } from './SupportDetail';
import { SupportFilterBar } from './SupportFilterBar';
import { SupportList } from './SupportList';
import { supportCountLabel, supportQuery, useSupportStore } from './store';
import './SupportPage.css';

/** Support intake: requests with their SLA clock, escalation and resolution; load per capability. */
export function SupportPage() {
  const filters = useSupportStore((s) => s.filters);
  const openId = useSupportStore((s) => s.openId);
  const page = useQuery(supportListQuery(supportQuery(filters)));
  const rows = page.data?.rows ?? [];
  const opened = rows.find((r) => r.id === openId) ?? null;

  return (
    <div className="support-page" data-testid="support-page">
      <header className="support-toolbar">
        <h1>Support intake</h1>
        <SupportFilterBar capabilities={page.data?.capabilities ?? []} />
        <span className="support-count" data-testid="support-count">
          {page.data ? supportCountLabel(page.data.total, page.data.totalAll) : 'Loading…'}
        </span>
      </header>
      <div className="support-load" aria-label="Support load per capability">
        {(page.data?.load ?? []).slice(0, 8).map((l) => (
          <span
            key={l.capability}
            className={l.high ? 'load-high' : 'load'}
            title={l.high ? 'High load: likely a usability problem' : ''}
          >
            {l.capability}: {l.requests}
            {l.high && ' ⚠ usability'}
          </span>
        ))}
      </div>
      <div className="support-body">
        <SupportList rows={rows} />
        {opened && <SupportDetail key={opened.id} row={opened} />}
      </div>
    </div>
  );
}
