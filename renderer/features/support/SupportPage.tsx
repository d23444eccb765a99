import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '../../components/ui/Button';
import { ErrorState } from '../../components/ui/States';
import { toast } from '../../components/ui/toast-store';
import { errorMessage } from '../../data/ipc-error';
import { useUrlState } from '../../router/url-state';
import { backlogListQuery } from '../backlog/public';
import { supportListQuery, supportRequestQuery } from './data';
import { NewRequestForm } from './NewRequestForm';
import { SupportDetail } from './SupportDetail';
import { SupportFilterBar } from './SupportFilterBar';
import { SupportList } from './SupportList';
import { supportCountLabel, supportQuery, useSupportStore } from './store';
import { supportRoutes } from './routes';
import { supportUrlCodec } from './url-state';
import './SupportPage.css';

/** Support intake: requests with their SLA clock, escalation and resolution; load per capability. */
export function SupportPage() {
  // The view (search, filters, sort) lives in the URL too: shareable, restored on reload.
  useUrlState(useSupportStore, supportUrlCodec, supportRoutes.support.href());
  const filters = useSupportStore((s) => s.filters);
  const openId = useSupportStore((s) => s.openId);
  const open = useSupportStore((s) => s.open);
  const page = useQuery(supportListQuery(supportQuery(filters)));
  const opened = useQuery({ ...supportRequestQuery(openId ?? ''), enabled: openId !== null });
  // The capability choices: those with requests plus those the backlog names.
  const backlog = useQuery(backlogListQuery({ sort: { column: 'title', direction: 'asc' } }));
  const [filing, setFiling] = useState(false);
  const capabilities = [
    ...new Set([...(page.data?.capabilities ?? []), ...(backlog.data?.capabilities ?? [])]),
  ].sort();

  return (
    <div className="support-page" data-testid="support-page">
      <header className="support-toolbar">
        <h1>Support intake</h1>
        <Button variant="primary" data-testid="support-new" onClick={() => setFiling(true)}>
          New request
        </Button>
        <span className="support-count" data-testid="support-count">
          {page.data ? supportCountLabel(page.data.total, page.data.totalAll) : 'Loading…'}
        </span>
      </header>
      <SupportFilterBar capabilities={page.data?.capabilities ?? []} />
      {filing && (
        <NewRequestForm
          capabilities={capabilities}
          onClose={() => setFiling(false)}
          onFiled={(id, queued) => {
            setFiling(false);
            toast({
              title: queued ? 'Request queued' : 'Request filed',
              description: queued
                ? 'It will be sent when the platform is reachable.'
                : 'The platform team sees it now.',
            });
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
        {page.isError ? (
          <ErrorState
            title="Could not load the support requests"
            action={<Button onClick={() => void page.refetch()}>Try again</Button>}
          >
            {errorMessage(page.error).message}
          </ErrorState>
        ) : page.data ? (
          <SupportList first={page.data} />
        ) : (
          <div className="support-list support-empty">Loading the requests…</div>
        )}
        {opened.data && <SupportDetail key={opened.data.id} row={opened.data} onClose={() => open(null)} />}
      </div>
    </div>
  );
}
