import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import type { EnvironmentName } from '../../../shared/features/catalog/api';
import { AlertRule } from '../../../shared/features/self-service/api';
import { plainResolver, showRefusal } from '../../components/form-refusal';
import { Button } from '../../components/ui/Button';
import { Switch } from '../../components/ui/Choice';
import { FormError, TextField } from '../../components/ui/Field';
import { errorMessage, unwrap } from '../../data/ipc-error';
import { pave } from '../../data/pave';
import { alertRulesQuery } from './data';

// The platform's default when an environment has no rule of its own (server/health/alert-rules.ts).
const DEFAULT_SECONDS = 30;

/** What the seconds field holds (text, as typed), checked with the API's own rule schema. */
export const AlertRuleDraft = z.object({
  unhealthySeconds: z
    .string()
    .trim()
    .min(1)
    .pipe(z.coerce.number<string>().pipe(AlertRule.shape.unhealthySeconds)),
});
type Draft = z.input<typeof AlertRuleDraft>;
type Checked = z.output<typeof AlertRuleDraft>;
const resolver = plainResolver(AlertRuleDraft, { unhealthySeconds: 'Seconds' });

/**
 * "Open an incident after N s unhealthy" for one environment, and whether alerts are on; saved on
 * the platform (online only). A refused save keeps what was typed and says why.
 */
export function AlertRuleEditor({
  serviceId,
  environment,
}: {
  serviceId: string;
  environment: EnvironmentName;
}) {
  const rules = useQuery(alertRulesQuery(serviceId));
  const rule = rules.data?.find((r) => r.environment === environment) ?? null;
  const current = rule?.unhealthySeconds ?? DEFAULT_SECONDS;
  const enabled = rule?.enabled ?? true;
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting, isDirty },
  } = useForm<Draft, unknown, Checked>({ resolver, defaultValues: { unhealthySeconds: String(current) } });
  // A rule saved elsewhere (or this one, echoed back) becomes the new starting point, unless the
  // person is in the middle of changing it.
  useEffect(() => {
    if (!isDirty) reset({ unhealthySeconds: String(current) });
  }, [current, isDirty, reset]);

  const set = (unhealthySeconds: number, on: boolean) =>
    pave().invoke('alertRules:set', { serviceId, environment, unhealthySeconds, enabled: on }).then(unwrap);
  const onValid = async ({ unhealthySeconds }: Checked) => {
    setFailure(null);
    try {
      const saved = await set(unhealthySeconds, enabled);
      reset({ unhealthySeconds: String(saved.unhealthySeconds) });
    } catch (err) {
      setFailure(showRefusal(err, ['unhealthySeconds'], setError));
    }
  };
  const toggle = useMutation({ mutationFn: (on: boolean) => set(current, on) });

  return (
    <form
      className="alert-rule"
      noValidate
      onSubmit={(event) => void handleSubmit(onValid)(event)}
      data-testid="alert-rule"
      data-environment={environment}
      data-enabled={enabled}
      aria-label={`Alert rule for ${environment}`}
    >
      <div className="alert-rule-fields">
        <TextField
          label="Incident after (seconds unhealthy)"
          className="alert-rule-seconds"
          inputMode="numeric"
          data-testid="alert-rule-seconds"
          hint={rule ? undefined : 'Platform default'}
          error={errors.unhealthySeconds?.message}
          {...register('unhealthySeconds')}
        />
        {isDirty && (
          <Button type="submit" size="small" disabled={isSubmitting}>
            {isSubmitting ? 'Saving…' : 'Save'}
          </Button>
        )}
        <Switch
          label="Alerts on"
          checked={toggle.isPending ? toggle.variables : enabled}
          disabled={toggle.isPending}
          onChange={(on) => toggle.mutate(on)}
          testId="alert-rule-enabled"
        />
      </div>
      <FormError>{failure ?? (toggle.isError ? errorMessage(toggle.error).message : null)}</FormError>
    </form>
  );
}
