import { useState } from 'react';
import type { EnvironmentName } from '../../../shared/features/catalog/api';
import type { CanaryRequest, ServiceVersion } from '../../../shared/features/self-service/api';

export interface DeployChoice {
  /** A commit sha, or undefined for the head of main. */
  version?: string;
  canary?: CanaryRequest;
}

const short = (sha: string) => sha.slice(0, 7);

/** Which version to deploy (head of main or a published one) and, for production, as a canary. */
export function DeployControls({
  environment,
  versions,
  busy,
  onDeploy,
}: {
  environment: EnvironmentName;
  versions: ServiceVersion[];
  busy: boolean;
  onDeploy(choice: DeployChoice): void;
}) {
  const [version, setVersion] = useState('');
  const [asCanary, setAsCanary] = useState(false);
  const [weight, setWeight] = useState(10);
  const [seconds, setSeconds] = useState(60);
  const canaryValid = weight >= 1 && weight <= 50 && seconds >= 10 && seconds <= 3600;
  const offerCanary = environment === 'production';
  const id = (what: string) => `${what}-${environment}`;
  return (
    <div className="deploy-controls">
      <label htmlFor={id('deploy-version')} className="visually-hidden">
        Version to deploy to {environment}
      </label>
      <select
        id={id('deploy-version')}
        data-testid="deploy-version"
        data-environment={environment}
        value={version}
        onChange={(event) => setVersion(event.target.value)}
      >
        <option value="">main (latest commit)</option>
        {versions.map((v) => (
          <option key={v.id} value={v.commitSha}>
            v{v.number} · {short(v.commitSha)} {v.commitMessage}
          </option>
        ))}
      </select>
      {offerCanary && (
        <fieldset className="canary-options">
          <label>
            <input
              type="checkbox"
              data-testid="canary-toggle"
              checked={asCanary}
              onChange={(event) => setAsCanary(event.target.checked)}
            />{' '}
            Deploy as canary
          </label>
          {asCanary && (
            <>
              <label>
                Weight{' '}
                <input
                  type="number"
                  min={1}
                  max={50}
                  data-testid="canary-weight"
                  value={weight}
                  onChange={(event) => setWeight(Number(event.target.value))}
                />{' '}
                %
              </label>
              <label>
                Window{' '}
                <input
                  type="number"
                  min={10}
                  max={3600}
                  data-testid="canary-window"
                  value={seconds}
                  onChange={(event) => setSeconds(Number(event.target.value))}
                />{' '}
                s
              </label>
              {!canaryValid && (
                <div className="form-error" role="alert">
                  Weight is 1–50 %, window 10–3600 s.
                </div>
              )}
            </>
          )}
        </fieldset>
      )}
      <button
        type="button"
        className="button small primary"
        data-testid="deploy-button"
        data-environment={environment}
        disabled={busy || (asCanary && !canaryValid)}
        onClick={() =>
          onDeploy({
            ...(version ? { version } : {}),
            ...(offerCanary && asCanary ? { canary: { weightPercent: weight, windowSeconds: seconds } } : {}),
          })
        }
      >
        {offerCanary && asCanary ? 'Deploy as canary' : 'Deploy'}
      </button>
    </div>
  );
}
