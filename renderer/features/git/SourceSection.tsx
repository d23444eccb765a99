import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { ServiceSource } from '../../../shared/features/git/ipc';
import { QueryErrorNotice } from '../../components/QueryErrorNotice';
import { formatRelativeTime } from '../../components/relative-time';
import { useNow } from '../../components/use-now';
import { settingsQuery, syncStatusQuery } from '../../data/ipc-queries';
import { settingsPath } from '../../settings/settings-route';
import { CopyCloneUrl } from './CopyCloneUrl';
import { sourceQuery } from './data';
import { environmentRows, environmentsByCommit } from './source-rows';
import './Source.css';

const short = (sha: string) => sha.slice(0, 7);

/**
 * Where to clone the service from (with Copy), how to sign in, which commit runs in each
 * environment and the recent commits on main (issue 9 §1). Hidden for a service whose code the
 * platform does not host; offline, the last answer shows with its time.
 */
export function SourceSection({ serviceId }: { serviceId: string }) {
  const source = useQuery(sourceQuery(serviceId));
  const online = useQuery(syncStatusQuery()).data?.state === 'online';
  const stale = source.data?.fromCache === true || source.isError;
  const { refetch } = source;
  // An answer kept from an offline moment (or an error) is replaced as soon as the platform is back.
  useEffect(() => {
    if (online && stale) void refetch();
  }, [online, stale, refetch]);
  if (source.isPending) return <div className="muted">Loading source…</div>;
  if (source.isError) {
    return (
      <section className="service-section source-section" aria-labelledby="source-title">
        <h2 id="source-title">Source</h2>
        <QueryErrorNotice
          title="Could not load the repository"
          error={source.error}
          onRetry={() => void source.refetch()}
        />
      </section>
    );
  }
  if (!source.data) return null;
  return <SourceView source={source.data} />;
}

/** The section for one answer (exported for its unit test, which renders it without a backend). */
export function SourceView({ source }: { source: ServiceSource }) {
  const now = useNow(30_000);
  const running = environmentsByCommit(source);
  return (
    <section
      className="service-section source-section"
      aria-labelledby="source-title"
      data-testid="source-section"
      data-from-cache={source.fromCache}
    >
      <div className="section-heading">
        <h2 id="source-title">Source</h2>
        {source.fromCache && (
          <span
            className="muted source-as-of"
            data-testid="source-as-of"
            title={new Date(source.fetchedAt).toLocaleString()}
          >
            Offline · as of {formatRelativeTime(source.fetchedAt, now)}
          </span>
        )}
      </div>
      <CopyCloneUrl url={source.cloneUrl} />
      <p className="muted source-hint">
        <code>git clone {source.cloneUrl}</code> — any user name; the password is your Pave personal access
        token. <TokenHint />
      </p>

      <h3>Running</h3>
      <ul className="source-environments">
        {environmentRows(source).map((row) => (
          <li
            key={row.environment}
            data-testid="source-environment"
            data-environment={row.environment}
            data-commit={row.commitSha ?? ''}
          >
            <span className="environment-name">{row.environment}</span>
            {row.commitSha ? (
              <span>
                <span className="mono">{short(row.commitSha)}</span>
                {row.message && <span className="muted"> {row.message}</span>}
              </span>
            ) : (
              <span className="muted">Nothing deployed</span>
            )}
          </li>
        ))}
      </ul>

      <h3>Recent commits on {source.defaultBranch}</h3>
      {source.commits.length === 0 ? (
        <p className="muted">No commits yet.</p>
      ) : (
        <ol className="commit-list">
          {source.commits.map((commit) => (
            <li key={commit.sha} className="commit-row" data-testid="commit-row" data-sha={commit.sha}>
              <span className="mono" title={commit.sha}>
                {short(commit.sha)}
              </span>
              <span className="commit-message">{commit.message}</span>
              {(running.get(commit.sha) ?? []).map((environment) => (
                <span key={environment} className="pill" title={`Running in ${environment}`}>
                  {environment}
                </span>
              ))}
              <span className="muted commit-meta" title={`${commit.authorEmail} · ${commit.committedAt}`}>
                {commit.authorName} · {formatRelativeTime(commit.committedAt, now)}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** Where this user's token comes from: only admins issue tokens, and the built-in platform keeps its own. */
function TokenHint() {
  const settings = useQuery(settingsQuery());
  if (settings.data?.mode === 'embedded') {
    return (
      <>
        This app runs its own platform: its admin token is in <code>platform/admin-token</code> in the app's
        data directory.
      </>
    );
  }
  return (
    <>
      Use the token this app connects with (<a href={settingsPath.href()}>Settings</a>); an admin issues
      tokens.
    </>
  );
}
