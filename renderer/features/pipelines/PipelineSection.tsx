import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { PipelineRun } from '../../../shared/features/pipelines/api';
import { QueryErrorNotice } from '../../components/QueryErrorNotice';
import { formatRelativeTime } from '../../components/relative-time';
import { useNow } from '../../components/use-now';
import { errorMessage, unwrap } from '../../data/ipc-error';
import { pave } from '../../data/pave';
import { PipelineRunDetail } from './PipelineRunDetail';
import { pipelineRunsQuery } from './data';
import { formatStepDuration, runDurationMs } from './step-duration';
import './Pipeline.css';
import { Button } from '../../components/ui/Button';

const short = (sha: string) => sha.slice(0, 7);

/**
 * The service page's pipeline: runs newest first (status, commit, duration), "Run pipeline", and
 * a run opened to its steps, live log, cancel and promotion.
 */
export function PipelineSection({ serviceId }: { serviceId: string }) {
  const runs = useQuery(pipelineRunsQuery(serviceId));
  const [openId, setOpenId] = useState<string | null>(null);
  const now = useNow(1000);
  const start = useMutation({
    mutationFn: async () => unwrap(await pave().invoke('pipelines:run', { serviceId })),
  });

  if (runs.isPending) return <div className="muted">Loading pipeline runs…</div>;
  if (runs.isError) {
    return (
      <QueryErrorNotice
        title="Could not load pipeline runs"
        error={runs.error}
        onRetry={() => void runs.refetch()}
      />
    );
  }
  const { runs: list, pendingRequests } = runs.data;
  // The newest run opens by itself while nothing is chosen: that is the one being watched.
  const shown = openId ?? list[0]?.id ?? null;
  return (
    <section
      className="service-section pipeline-section"
      aria-labelledby="pipeline-title"
      data-testid="pipeline-section"
    >
      <div className="section-heading">
        <h2 id="pipeline-title">Pipeline</h2>
        <Button
          size="small"
          data-testid="run-pipeline"
          disabled={start.isPending}
          onClick={() => start.mutate()}
        >
          Run pipeline
        </Button>
      </div>
      {start.isError && (
        <p className="ui-form-error" role="alert">
          {errorMessage(start.error).message}
        </p>
      )}
      {pendingRequests > 0 && (
        <p className="muted" role="status" data-testid="pipeline-pending">
          {pendingRequests === 1 ? 'A run request is' : `${pendingRequests} run requests are`} waiting to be
          sent to the platform.
        </p>
      )}
      {list.length === 0 && (
        <p className="muted">No runs yet. Push to main, or press Run pipeline to run pave.yaml on main.</p>
      )}
      <ol className="pipeline-runs">
        {list.map((run) => (
          <li key={run.id} className="pipeline-run" data-testid="pipeline-run" data-status={run.status}>
            <RunSummary
              run={run}
              now={now}
              open={shown === run.id}
              onToggle={() => setOpenId(shown === run.id ? '' : run.id)}
            />
            {shown === run.id && <PipelineRunDetail run={run} />}
          </li>
        ))}
      </ol>
    </section>
  );
}

function RunSummary({
  run,
  now,
  open,
  onToggle,
}: {
  run: PipelineRun;
  now: number;
  open: boolean;
  onToggle: () => void;
}) {
  const duration = runDurationMs(run, now);
  return (
    <button type="button" className="pipeline-run-summary" aria-expanded={open} onClick={onToggle}>
      <span className={`run-status run-status-${run.status}`}>{run.status}</span>
      <span className="run-number">#{run.number}</span>
      <span className="mono" title={run.commitSha}>
        {short(run.commitSha)}
      </span>
      <span className="run-message">{run.commitMessage}</span>
      <span className="muted">{duration === null ? 'waiting' : formatStepDuration(duration)}</span>
      <span className="muted" title={new Date(run.createdAt).toLocaleString()}>
        {formatRelativeTime(run.createdAt, now)}
      </span>
    </button>
  );
}
