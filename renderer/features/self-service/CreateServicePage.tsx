import { useMutation, useQuery } from '@tanstack/react-query';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useState } from 'react';
import { useForm, type UseFormRegisterReturn } from 'react-hook-form';
import type { EnvironmentDeployments } from '../../../shared/features/self-service/api';
import type { Template } from '../../../shared/features/self-service/api';
import { QueryErrorNotice } from '../../components/QueryErrorNotice';
import { errorMessage, unwrap } from '../../data/ipc-error';
import { teamsQuery } from '../../data/ipc-queries';
import { pave } from '../../data/pave';
import { deploymentsQuery, templatesQuery } from './data';
import { catalogListQuery, catalogRoutes } from '../catalog/public';
import {
  OperationProgress,
  OperationStatusBadge,
  operationRoutes,
  operationsListQuery,
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
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<FormStrings, unknown, Record<string, unknown>>({
    resolver,
    defaultValues: Object.fromEntries(fields.map((f) => [f.name, f.defaultValue])),
    // Errors appear when a field is left, then update as the person types.
    mode: 'onTouched',
  });

  const create = useMutation({
    mutationFn: async (values: Record<string, unknown>) =>
      unwrap(
        await pave().invoke('services:create', {
          templateId: template.id,
          values,
          ...(deployToDevelopment ? { deployTo: 'development' as const } : {}),
        }),
      ),
  });

  const onValid = async (values: Record<string, unknown>) => {
    setSubmittedName(String(values.name ?? ''));
    try {
      await create.mutateAsync(values);
    } catch {
      // Shown below from create.error; the form stays as it was for another try.
    }
  };

  if (submittedName && create.isSuccess) {
    return <CreateProgress name={submittedName} deploys={deployToDevelopment} />;
  }

  return (
    <form className="create-service-form" onSubmit={(event) => void handleSubmit(onValid)(event)} noValidate>
      <h2>{template.title}</h2>
      {fields.map((field) => (
        <Field
          key={field.name}
          field={field}
          registration={register(field.name)}
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
                <span className={`pill severity-${policy.severity}`}>{policy.severity}</span>{' '}
                {policy.description}
              </li>
            ))}
            <li>
              <span className="pill severity-warning">warning</span> Secret-looking strings in the source
            </li>
          </ul>
        </div>
      )}
      <label className="checkbox">
        <input
          type="checkbox"
          checked={deployToDevelopment}
          onChange={(event) => setDeployToDevelopment(event.target.checked)}
        />
        Deploy to development when created
      </label>
      {create.isError && (
        <div className="form-error" role="alert">
          {errorMessage(create.error).message}
        </div>
      )}
      <button
        type="submit"
        className="button primary"
        data-testid="create-service-submit"
        disabled={isSubmitting || create.isPending}
      >
        {isSubmitting ? 'Creating…' : 'Create service'}
      </button>
    </form>
  );
}

function Field({
  field,
  registration,
  error,
  teams,
}: {
  field: FormField;
  registration: UseFormRegisterReturn;
  error: string | undefined;
  teams: { id: string; name: string }[];
}) {
  const id = `field-${field.name}`;
  const errorId = `${id}-error`;
  const common = {
    ...registration,
    id,
    'aria-invalid': error ? true : undefined,
    'aria-required': field.required || undefined,
    'aria-describedby': error ? errorId : undefined,
    'data-testid': `field-${field.name}`,
  };
  let input;
  if (field.kind === 'team') {
    input = (
      <select {...common}>
        <option value="">Choose a team…</option>
        {teams.map((team) => (
          <option key={team.id} value={team.id}>
            {team.name}
          </option>
        ))}
      </select>
    );
  } else if (field.kind === 'select') {
    input = (
      <select {...common}>
        {field.options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    );
  } else if (field.kind === 'textarea') {
    input = <textarea {...common} rows={3} />;
  } else {
    input = (
      <input {...common} type={field.kind === 'number' ? 'number' : 'text'} min={field.min} max={field.max} />
    );
  }
  return (
    <div className="form-field">
      <label className="field-label" htmlFor={id}>
        {field.label}
        {field.required && <span aria-hidden="true"> *</span>}
      </label>
      {input}
      {error && (
        <div className="field-error" id={errorId} data-testid={`${id}-error`} role="alert">
          {error}
        </div>
      )}
    </div>
  );
}

/** After submit: queued (offline-safe) → in the catalog → healthy in development. */
function CreateProgress({ name, deploys }: { name: string; deploys: boolean }) {
  const catalog = useQuery(catalogListQuery({ search: name }));
  // The service.create job (a local placeholder until sent), for its live status and log.
  const operations = useQuery(operationsListQuery(null));
  const operation =
    operations.data?.find((op) => {
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
          {operation.error && <div className="form-error">{operation.error.message}</div>}
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
          className="button"
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
