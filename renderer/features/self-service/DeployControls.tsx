import { Controller, useForm, useWatch, type FieldErrors, type Resolver } from 'react-hook-form';
import type { EnvironmentName } from '../../../shared/features/catalog/api';
import { CanaryRequest, type ServiceVersion } from '../../../shared/features/self-service/api';
import { Button } from '../../components/ui/Button';
import { Checkbox } from '../../components/ui/Choice';
import { TextField } from '../../components/ui/Field';
import { SelectInput } from '../../components/ui/SelectField';

export interface DeployChoice {
  /** A commit sha, or undefined for the head of main. */
  version?: string;
  canary?: CanaryRequest;
}

/** What the controls hold while being filled in; numbers stay text until checked. */
export interface DeployDraft {
  version: string;
  asCanary: boolean;
  weight: string;
  seconds: string;
}

const short = (sha: string) => sha.slice(0, 7);
const CANARY_LABEL = { weightPercent: 'Weight', windowSeconds: 'Window' } as const;
const CANARY_FIELD = { weightPercent: 'weight', windowSeconds: 'seconds' } as const;

/**
 * Checks a deploy with the API's own CanaryRequest when it goes out as a canary; each problem is
 * said at its field ("Weight must be at most 50").
 */
export function deployResolver(offerCanary: boolean): Resolver<DeployDraft, unknown, DeployChoice> {
  return (draft) => {
    const version = draft.version ? { version: draft.version } : {};
    if (!offerCanary || !draft.asCanary) return { values: version, errors: {} };
    const parsed = CanaryRequest.safeParse({
      weightPercent: draft.weight.trim() === '' ? undefined : Number(draft.weight),
      windowSeconds: draft.seconds.trim() === '' ? undefined : Number(draft.seconds),
    });
    if (parsed.success) return { values: { ...version, canary: parsed.data }, errors: {} };
    const errors: FieldErrors<DeployDraft> = {};
    for (const issue of parsed.error.issues) {
      const key = issue.path[0] as keyof typeof CANARY_FIELD;
      const field = CANARY_FIELD[key];
      if (field && !errors[field])
        errors[field] = { type: issue.code, message: `${CANARY_LABEL[key]} ${issue.message}` };
    }
    return { values: {}, errors };
  };
}

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
  const offerCanary = environment === 'production';
  const {
    control,
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<DeployDraft, unknown, DeployChoice>({
    resolver: deployResolver(offerCanary),
    defaultValues: { version: '', asCanary: false, weight: '10', seconds: '60' },
  });
  const asCanary = useWatch({ control, name: 'asCanary' });
  const versionOptions = [
    { value: '', label: 'main (latest commit)' },
    ...versions.map((v) => ({
      value: v.commitSha,
      label: `v${v.number} · ${short(v.commitSha)} ${v.commitMessage}`,
    })),
  ];

  return (
    <form
      className="deploy-controls"
      noValidate
      aria-label={`Deploy to ${environment}`}
      onSubmit={(event) => void handleSubmit(onDeploy)(event)}
    >
      <div className="deploy-version">
        <Controller
          control={control}
          name="version"
          render={({ field }) => (
            <SelectInput
              id={`deploy-version-${environment}`}
              aria-label={`Version to deploy to ${environment}`}
              data-testid="deploy-version"
              options={versionOptions}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
            />
          )}
        />
      </div>
      {offerCanary && (
        <div className="canary-options">
          <Controller
            control={control}
            name="asCanary"
            render={({ field }) => (
              <Checkbox
                label="Deploy as canary"
                checked={field.value}
                onChange={field.onChange}
                testId="canary-toggle"
              />
            )}
          />
          {asCanary && (
            <div className="canary-fields">
              <TextField
                label="Weight %"
                inputMode="numeric"
                data-testid="canary-weight"
                hint="1–50"
                error={errors.weight?.message}
                {...register('weight')}
              />
              <TextField
                label="Window (s)"
                inputMode="numeric"
                data-testid="canary-window"
                hint="10–3600"
                error={errors.seconds?.message}
                {...register('seconds')}
              />
            </div>
          )}
        </div>
      )}
      <Button
        type="submit"
        size="small"
        variant="primary"
        data-testid="deploy-button"
        data-environment={environment}
        disabled={busy}
      >
        {offerCanary && asCanary ? 'Deploy as canary' : 'Deploy'}
      </Button>
    </form>
  );
}
