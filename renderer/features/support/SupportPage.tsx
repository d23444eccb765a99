import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { backlogListQuery } from '../backlog/public';
import { supportListQuery } from './data';
import { NewRequestForm } from './NewRequestForm';
import { SupportDetail } from './SupportDetail';
import { SupportFilterBar } from './SupportFilterBar';
import { SupportList } from './SupportList';
import { supportCountLabel, supportQuery, useSupportStore } from './store';
import './SupportPage.css';

/** Support intake: requests with their SLA clock, escalation and resolution; load per capability. */
export function SupportPage() {
  const filters = useSupportStore((s) => s.filters);
  const openId = useSupportStore((s) => s.openId);
  const open = useSupportStore((s) => s.open);
  const page = useQuery(supportListQuery(supportQuery(filters)));
  // The capability choices: those with requests plus those the backlog names.
  const backlog = useQuery(backlogListQuery({ sort: { column: 'title', direction: 'asc' } }));
  const [filing, setFiling] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const rows = page.data?.rows ?? [];
  const opened = rows.find((r) => r.id === openId) ?? null;
  const capabilities = [
    ...new Set([...(page.data?.capabilities ?? []), ...(backlog.data?.capabilities ?? [])]),
  ].sort();

  return (
    <div className="support-page" data-testid="support-page">
      <header className="support-toolbar">
        <h1>Support intake</h1>
        <button
          type="button"
          className="button primary"
          data-testid="support-new"
          onClick={() => {
            setNotice(null);
            setFiling(true);
          }}
        >
          New request
        </button>
        <SupportFilterBar capabilities={page.data?.capabilities ?? []} />
        <span className="support-count" data-testid="support-count">
          {page.data ? supportCountLabel(page.data.total, page.data.totalAll) : 'Loading…'}
        </span>
      </header>
      {notice && (
        <p className="support-notice" role="status" data-testid="support-notice">
          {notice}
        </p>
      )}
      {filing && (
        <NewRequestForm
          capabilities={capabilities}
          onClose={() => setFiling(false)}
          onFiled={(id, queued) => {
            setFiling(false);
            setNotice(queued ? 'Request queued, will be sent when online.' : 'Request filed.');
            open(id);
          }}
        />
      )}
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
