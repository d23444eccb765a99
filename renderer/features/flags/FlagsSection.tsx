import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { EnvironmentName } from '../../../shared/features/catalog/api';
import type { FlagView } from '../../../shared/features/flags/api';
import { QueryErrorNotice } from '../../components/QueryErrorNotice';
import { errorMessage, unwrap } from '../../data/ipc-error';
import { pave } from '../../data/pave';
import { Button } from '../../components/ui/Button';
import { FormError } from '../../components/ui/Field';
import { EmptyState } from '../../components/ui/States';
import { EnvironmentTabs } from './EnvironmentTabs';
import { FlagForm } from './FlagForm';
import { FlagProblems } from './FlagProblems';
import { FlagRow } from './FlagRow';
import { flagsQuery } from './data';
import '../../components/section-form.css';
import './Flags.css';

type Notice = { text: string; undo?: () => void } | null;

/**
 * Feature flags per environment: a switch each (space or enter), a rollout percentage, create and
 * delete with undo. Every change goes through the outbox, so it works offline: a change not yet
 * accepted shows "pending", one the platform refused shows with its reason and is rolled back.
 */
export function FlagsSection({ serviceId }: { serviceId: string }) {
  const flags = useQuery(flagsQuery(serviceId));
  const [environment, setEnvironment] = useState<EnvironmentName>('development');
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const all = flags.data?.flags ?? [];
  const shown = all.filter((flag) => flag.environment === environment);

  const update = useMutation({
    mutationFn: async (patch: { id: string; enabled?: boolean; rolloutPercent?: number }) =>
      unwrap(await pave().invoke('flags:update', patch)),
  });
  const recreate = useMutation({
    mutationFn: async (flag: FlagView) =>
      unwrap(
        await pave().invoke('flags:create', {
          serviceId,
          environment: flag.environment,
          key: flag.key,
          description: flag.description,
          enabled: flag.enabled,
          rolloutPercent: flag.rolloutPercent,
        }),
      ),
    onSuccess: (_result, flag) => setNotice({ text: `Restored ${flag.key}.` }),
  });
  const remove = useMutation({
    mutationFn: async (flag: FlagView) => unwrap(await pave().invoke('flags:delete', { id: flag.id })),
    // Undo creates it again with the same key and settings (a new flag to the platform).
    onSuccess: (_result, flag) =>
      setNotice({ text: `Deleted ${flag.key} from ${flag.environment}.`, undo: () => recreate.mutate(flag) }),
  });
  const failed = update.error ?? remove.error ?? recreate.error;

  return (
    <section
      className="service-section flags-section"
      aria-labelledby="flags-title"
      data-testid="flags-section"
    >
      <div className="section-heading">
        <h2 id="flags-title">Feature flags</h2>
        {!creating && (
          <Button
            size="small"
            data-testid="flag-new"
            onClick={() => {
              setCreating(true);
              setNotice(null);
            }}
          >
            New flag…
          </Button>
        )}
      </div>
      {creating && (
        <FlagForm
          serviceId={serviceId}
          environment={environment}
          flags={all}
          onDone={(created) => {
            setCreating(false);
            if (created) {
              setEnvironment(created.environment);
              setNotice({
                text: `Created ${created.key} in ${created.environment}. It is off until you turn it on.`,
              });
            }
          }}
        />
      )}
      {notice && (
        <p className="flag-notice" role="status">
          {notice.text}{' '}
          {notice.undo && (
            <Button
              size="small"
              data-testid="flag-undo"
              onClick={() => {
                notice.undo?.();
                setNotice(null);
              }}
            >
              Undo
            </Button>
          )}
        </p>
      )}
      <FormError>{failed ? errorMessage(failed).message : null}</FormError>
      {flags.isError && (
        <QueryErrorNotice
          title="Could not load flags"
          error={flags.error}
          onRetry={() => void flags.refetch()}
        />
      )}
      {(flags.data?.problems.length ?? 0) > 0 && <FlagProblems problems={flags.data?.problems ?? []} />}
      <EnvironmentTabs value={environment} flags={all} onChange={setEnvironment}>
        {flags.isSuccess && shown.length === 0 && (
          <EmptyState title={`No flags in ${environment} yet`}>
            A new flag is off until you turn it on.
          </EmptyState>
        )}
        <ul className="flag-list" aria-label={`Flags in ${environment}`}>
          {shown.map((flag) => (
            <FlagRow
              key={flag.id}
              flag={flag}
              onToggle={() => update.mutate({ id: flag.id, enabled: !flag.enabled })}
              onRollout={(rolloutPercent) => update.mutate({ id: flag.id, rolloutPercent })}
              onDelete={() => remove.mutate(flag)}
            />
          ))}
        </ul>
      </EnvironmentTabs>
    </section>
  );
}
