import { useEffect, useState } from 'react';
import type { EnvironmentName } from '../../../shared/features/catalog/api';
import type { EnvironmentDeployments, LiveLogLine } from '../../../shared/features/self-service/api';
import { errorMessage, unwrap } from '../../data/ipc-error';
import { pave } from '../../data/pave';
import { LogViewer, type CapturedLine } from '../../components/log-viewer/LogViewer';
import { FormError } from '../../components/ui/Field';
import { SelectInput } from '../../components/ui/SelectField';

const MAX_LINES = 500;

/** A service's captured stdout/stderr per environment, tailed then live (`logs:follow`). */
export function LiveLog({
  serviceId,
  environments,
}: {
  serviceId: string;
  environments: EnvironmentDeployments[];
}) {
  const deployed = environments.filter((e) => e.history.length > 0).map((e) => e.environment);
  const [environment, setEnvironment] = useState<EnvironmentName>(deployed[0] ?? 'development');
  return (
    <div className="live-log-panel">
      <div className="live-log-head">
        <h3>Logs</h3>
        <div className="live-log-environment">
          <SelectInput
            aria-label="Environment"
            options={deployed.map((env) => ({ value: env, label: env }))}
            value={environment}
            onChange={(next) => {
              if (next) setEnvironment(next);
            }}
            data-testid="live-log-environment"
          />
        </div>
      </div>
      {/* A new key per stream: switching environment starts from an empty view. */}
      <LogStream key={`${serviceId}/${environment}`} serviceId={serviceId} environment={environment} />
    </div>
  );
}

function LogStream({ serviceId, environment }: { serviceId: string; environment: EnvironmentName }) {
  const [lines, setLines] = useState<CapturedLine[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let streamId: string | null = null;
    let stopped = false;
    let counter = 0;
    // Events and the invoke answer travel separately: hold lines until we know our stream id.
    let early: LiveLogLine[] = [];
    const show = (batch: LiveLogLine[]) =>
      setLines((current) =>
        [...current, ...batch.map((l) => ({ key: counter++, text: l.line, stream: l.stream }))].slice(
          -MAX_LINES,
        ),
      );
    const unsubscribe = pave().on('service:log', (line) => {
      if (streamId === null) early.push(line);
      else if (line.streamId === streamId) show([line]);
    });
    void pave()
      .invoke('logs:follow', { serviceId, environment })
      .then((result) => {
        const ref = unwrap(result);
        if (stopped) void pave().invoke('logs:stop', ref);
        else {
          streamId = ref.streamId;
          show(early.filter((l) => l.streamId === ref.streamId));
          early = [];
        }
      })
      .catch((err: unknown) => setError(errorMessage(err).message));
    return () => {
      stopped = true;
      unsubscribe();
      if (streamId) void pave().invoke('logs:stop', { streamId });
    };
  }, [serviceId, environment]);

  return (
    <>
      <FormError>{error}</FormError>
      <LogViewer
        lines={lines}
        fileName={`${serviceId}-${environment}-${new Date().toISOString().slice(0, 10)}.log`}
        emptyText="Waiting for log lines…"
      />
    </>
  );
}
