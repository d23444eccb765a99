import { useQuery } from '@tanstack/react-query';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useState } from 'react';
import { Controller, useForm, type Control, type UseFormRegisterReturn } from 'react-hook-form';
import type { EnvironmentDeployments } from '../../../shared/features/self-service/api';
import type { Template } from '../../../shared/features/self-service/api';
import { showRefusal } from '../../components/form-refusal';
import { QueryErrorNotice } from '../../components/QueryErrorNotice';
import { Badge } from '../../components/ui/Badge';
import { Button } from '../../components/ui/Button';
import { Checkbox } from '../../components/ui/Choice';
import { FormError, TextArea, TextField } from '../../components/ui/Field';
import { SelectField } from '../../components/ui/SelectField';
import { unwrap } from '../../data/ipc-error';
import { teamsQuery } from '../../data/ipc-queries';
import { pave } from '../../data/pave';
import { deploymentsQuery, templatesQuery } from './data';
import { catalogListQuery, catalogRoutes } from '../catalog/public';
import {
  OperationProgress,
  OperationStatusBadge,
  operationRoutes,
  operationsWindowQuery,
} from '../operations/public';
import { fieldMessage, fieldsOf, formSchemaOf, type FormField, type FormStrings } from './schema-form';
import './CreateServicePage.css';

export function CreateServicePage() {
  const templates = useQuery(templatesQuery());
  const [chosen, setChosen] = useState<string | null>(null);
  const template = templates.data?.find((t) => t.id === chosen) ?? null;

  return (
    <div className="create-service-page" data-testid="create-service-page">
      <header className="page-header">
        <h1>Create service</h1>
      </header>
      <div className="page-scroll">
        <div className="create-service-body">
          {templates.isError && (
            <QueryErrorNotice
              title="Could not load templates"
              error={templates.error}
              onRetry={() => void templates.refetch()}
            />
          )}
          {templates.isPending && <div className="muted">Loading templates…</div>}
          {templates.data && (
            <div className="template-options" role="radiogroup" aria-label="Template">
              {templates.data.map((t) => (
                <button
                  key={t.id}
                  type="button"
                  role="radio"
                  aria-checked={t.id === chosen}
                  className={t.id === chosen ? 'template-option selected' : 'template-option'}
                  data-testid="template-option"
                  data-template-id={t.id}
                  onClick={() => setChosen(t.id)}
                >
                  <span className="template-title">{t.title}</span>
                  <span className="muted">{t.description}</span>
                </button>
              ))}
            </div>
          )}
          {template && <TemplateForm key={template.id} template={template} />}
        </div>
      </div>
    </div>
  );
}

function TemplateForm({ template }: { template: Template }) {
  const fields = useMemo(() => fieldsOf(template.parameters), [template]);
  const resolver = useMemo(
    () => zodResolver(formSchemaOf(template.parameters, fields), { error: fieldMessage }),
    [template, fields],
  );
  const teams = useQuery(teamsQuery());
  const [deployToDevelopment, setDeployToDevelopment] = useState(true);
  const [submittedName, setSubmittedName] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting, isSubmitSuccessful },
  } = useForm<FormStrings, unknown, Record<string, unknown>>({
    resolver,
    defaultValues: Object.fromEntries(fields.map((f) => [f.name, f.defaultValue])),
    // Errors appear when a field is left, then update as the person types.
    mode: 'onTouched',
  });

  const onValid = async (values: Record<string, unknown>) => {
    setFailure(null);
    try {
      unwrap(
        await pave().invoke('services:create', {
          templateId: template.id,
          values,
          ...(deployToDevelopment ? { deployTo: 'development' as const } : {}),
        }),
      );
      setSubmittedName(String(values.name ?? ''));
    } catch (err) {
      // The form stays as it was; each reason goes next to its field for another try.
      setFailure(
        showRefusal(
          err,
          fields.map((f) => f.name),
          setError,
          { prefix: 'values.' },
        ),
      );
      throw err;
    }
  };

  if (submittedName && isSubmitSuccessful) {
    return <CreateProgress name={submittedName} deploys={deployToDevelopment} />;
  }

  return (
    <form
      className="create-service-form"
      onSubmit={(event) => void handleSubmit(onValid)(event).catch(() => undefined)}
      noValidate
    >
      <h2>{template.title}</h2>
      {fields.map((field) => (
        <TemplateField
          key={field.name}
          field={field}
          registration={register(field.name)}
          control={control}
          error={errors[field.name]?.message}
          teams={teams.data ?? []}
        />
      ))}
      {template.policies.length > 0 && (
        <div className="create-service-policies">
          <div className="field-label">Guardrails on every deploy</div>
          <ul>
            {template.policies.map((policy) => (
              <li key={policy.id}>
                <Badge tone={policy.severity === 'blocking' ? 'danger' : 'warn'}>{policy.severity}</Badge>{' '}
                {policy.description}
              </li>
            ))}
            <li>
              <Badge tone="warn">warning</Badge> Secret-looking strings in the source
            </li>
          </ul>
        </div>
      )}
      <Checkbox
        label="Deploy to development when created"
        checked={deployToDevelopment}
        onChange={setDeployToDevelopment}
        testId="create-service-deploy"
      />
      <FormError>{failure}</FormError>
      <div>
        <Button type="submit" variant="primary" data-testid="create-service-submit" disabled={isSubmitting}>
          {isSubmitting ? 'Sending…' : 'Create service'}
        </Button>
      </div>
    </form>
  );
}

function TemplateField({
  field,
  registration,
  control,
  error,
  teams,
}: {
  field: FormField;
  registration: UseFormRegisterReturn;
  control: Control<FormStrings, unknown, Record<string, unknown>>;
  error: string | undefined;
  teams: { id: string; name: string }[];
}) {
  const label = field.required ? `${field.label} *` : field.label;
  const common = { 'aria-required': field.required || undefined, 'data-testid': `field-${field.name}` };
  if (field.kind === 'team' || field.kind === 'select') {
    const options =
      field.kind === 'team'
        ? teams.map((team) => ({ value: team.id, label: team.name }))
        : field.options.map((option) => ({ value: option, label: option }));
    return (
      <Controller
        control={control}
        name={field.name}
        render={({ field: controlled }) => (
          <SelectField
            label={label}
            options={options}
            placeholder={field.kind === 'team' ? 'Choose a team…' : undefined}
            value={controlled.value}
            onChange={controlled.onChange}
            onBlur={controlled.onBlur}
            name={controlled.name}
            data-testid={common['data-testid']}
            error={error}
          />
        )}
      />
    );
  }
  if (field.kind === 'textarea')
    return <TextArea label={label} rows={3} error={error} {...common} {...registration} />;
  return (
    <TextField
      label={label}
      inputMode={field.kind === 'number' ? 'numeric' : undefined}
      error={error}
      {...common}
      {...registration}
    />
  );
}

/** After submit: queued (offline-safe) → in the catalog → healthy in development. */
function CreateProgress({ name, deploys }: { name: string; deploys: boolean }) {
  const catalog = useQuery(catalogListQuery({ search: name }));
  // The service.create job (a local placeholder until sent), for its live status and log.
  const creations = useQuery(operationsWindowQuery({ kinds: ['service.create'], limit: 100 }));
  const operation =
    creations.data?.rows.find((op) => {
      const values = op.input.values as { name?: unknown } | undefined;
      return op.kind === 'service.create' && values?.name === name;
    }) ?? null;
  const service = catalog.data?.rows.find((row) => row.name === name) ?? null;
  const deployments = useQuery({ ...deploymentsQuery(service?.id ?? ''), enabled: service !== null });
  const development: EnvironmentDeployments | undefined = deployments.data?.environments.find(
    (e) => e.environment === 'development',
  );
  const live = development?.live ?? null;
  const latest = development?.history[0] ?? null;
  const steps: { label: string; done: boolean; failed?: boolean }[] = [
    { label: 'Request queued (sent once, even if you go offline)', done: true },
    { label: 'Repository created and service registered in the catalog', done: service !== null },
  ];
  if (deploys) {
    steps.push({
      label:
        latest?.status === 'failed'
          ? `Deploy failed: ${latest.error ?? 'see the service page'}`
          : 'Healthy in development',
      done: live?.health === 'healthy',
      failed: latest?.status === 'failed',
    });
  }
  const failed =
    steps.some((s) => s.failed) || operation?.status === 'failed' || operation?.status === 'cancelled';
  const finished = steps.every((s) => s.done) || failed;
  return (
    <div className="create-progress" data-testid="create-progress" data-state={finished ? 'done' : 'running'}>
      <h2 data-testid="create-heading">{createHeading(name, finished, failed)}</h2>
      {operation && (
        <div className="create-operation" data-testid="create-operation" data-status={operation.status}>
          <OperationStatusBadge status={operation.status} local={operation.local} />
          <OperationProgress value={operation.progress} label="Create service progress" />
          <span className="muted">{operation.step ?? ''}</span>{' '}
          {!operation.local && (
            <a href={operationRoutes.operation.href({ id: operation.id })}>Operation log</a>
          )}
          {operation.error && <div className="ui-field-error">{operation.error.message}</div>}
        </div>
      )}
      <ol>
        {steps.map((step) => (
          <li key={step.label} className={step.failed ? 'step failed' : step.done ? 'step done' : 'step'}>
            <span aria-hidden="true">{step.failed ? '✕' : step.done ? '✓' : '…'}</span> {step.label}
          </li>
        ))}
      </ol>
      {live?.stablePort && (
        <p className="muted">
          Serving on <code>http://127.0.0.1:{live.stablePort}</code>
        </p>
      )}
      {service && (
        <a
          className="ui-button"
          data-variant="primary"
          href={catalogRoutes.service.href({ id: service.id })}
          data-testid="open-created-service"
        >
          Open {service.name}
        </a>
      )}
    </div>
  );
}

/** Says where creation stands, so a finished page never still reads "Creating …". */
export function createHeading(name: string, finished: boolean, failed: boolean): string {
  if (failed) return `Could not finish creating ${name}`;
  return finished ? `Created ${name}` : `Creating ${name}…`;
}
