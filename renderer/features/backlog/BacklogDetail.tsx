import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import {
  BacklogFields,
  BacklogStatus,
  RoadmapPhase,
  type BacklogListRow,
} from '../../../shared/features/backlog/api';
import { CommitField } from '../../components/CommitField';
import { Button } from '../../components/ui/Button';
import { Checkbox } from '../../components/ui/Choice';
import { ConfirmDialog } from '../../components/ui/Dialog';
import { Field } from '../../components/ui/Field';
import { SelectField } from '../../components/ui/SelectField';
import { toast } from '../../components/ui/toast-store';
import { teamsQuery } from '../../data/ipc-queries';
import { useCommand } from '../../data/command';
import { errorMessage } from '../../data/ipc-error';
import { statusLabel } from './BacklogList';
import { backlogItemQuery } from './data';
import { formatScore } from './format-score';
import { useBacklogStore } from './store';
import { changeWithUndo, describeChange } from './undo';

type Editable = keyof Omit<BacklogListRow, 'description'> & keyof BacklogFields;

const STATUSES = BacklogStatus.options.map((s) => ({ value: s, label: statusLabel(s) }));
const PHASES = RoadmapPhase.options.map((p) => ({ value: p, label: p.replace('_', ' ') }));

const NUMBERS = [
  ['strategicValue', 'Strategic value', 0, 10, 1],
  ['effort', 'Effort (weeks)', 0.5, 1000, 0.5],
  ['confidence', 'Confidence %', 0, 100, 10],
  ['impact', 'Impact', 0.25, 3, 0.25],
  ['timeCriticality', 'Time criticality', 0, 10, 1],
  ['riskReduction', 'Risk reduction', 0, 10, 1],
] as const;

/**
 * The selected item: "why this rank", its fields and team demand. Each edit is queued
 * offline-first and can be taken back (toast's Undo or Ctrl/Cmd+Z, renderer/features/backlog/undo.ts).
 */
export function BacklogDetail({ row, model }: { row: BacklogListRow; model: 'default' | 'rice' | 'wsjf' }) {
  const run = useCommand();
  const select = useBacklogStore((s) => s.select);
  const teams = useQuery(teamsQuery());
  const [confirmDelete, setConfirmDelete] = useState(false);
  // The breakdown and description come per item, so the list itself stays small at 5,000 rows.
  const detail = useQuery(backlogItemQuery(row.id, model)).data ?? null;

  /** Awaited, so a refusal reaches the field that asked (CommitField shows it and reverts). */
  const change = <K extends Editable | 'description'>(key: K, label: string, from: unknown, value: unknown) =>
    changeWithUndo(
      describeChange(label, from, value),
      () => run('backlog:update', { id: row.id, patch: { [key]: value } }),
      { command: 'backlog:update', input: { id: row.id, patch: { [key]: from } } },
    );
  /** For controls with no field of their own to show a refusal: a toast says it. */
  const changeOrSay = (promise: Promise<unknown>) =>
    void promise.catch((err: unknown) =>
      toast({ title: 'The change was refused', description: errorMessage(err).message, tone: 'danger' }),
    );

  return (
    <aside className="backlog-detail" aria-label="Item details" data-testid="backlog-detail">
      {/* The whole title, wrapped: the one-line field below may be narrower than it. */}
      <h2 className="backlog-detail-heading" data-testid="backlog-detail-heading">
        {row.title}
      </h2>
      <label className="backlog-field">
        <span className="ui-field-label">Title</span>
        <CommitField
          key={row.id}
          className="ui-input"
          label="Title"
          kind="text"
          schema={BacklogFields.shape.title}
          value={row.title}
          onCommit={(title) => change('title', 'Title', row.title, title)}
          testId="backlog-detail-title"
        />
      </label>
      {detail && (
        <Field label="Description">
          {({ id }) => (
            <textarea
              id={id}
              key={`${row.id}-${detail.updatedAt}`}
              className="ui-textarea"
              aria-label="Description"
              defaultValue={detail.description}
              onBlur={(e) => {
                const value = e.target.value;
                if (value !== detail.description)
                  changeOrSay(change('description', 'Description', detail.description, value));
              }}
            />
          )}
        </Field>
      )}
      <div className="backlog-why" data-testid="why-this-rank">
        <h3>
          Why this rank: {row.band}, score {formatScore(row.score)} (#{row.modelPosition} by the model)
        </h3>
        <ul>
          {(detail?.terms ?? []).map((t) => (
            <li key={t.key}>
              {t.op} {t.label}: {t.value}
              {t.contribution !== null && <strong> → {t.contribution}</strong>}
            </li>
          ))}
        </ul>
        <code>{detail?.formula ?? ''}</code>
        {row.rankManual && <p>Placed by hand: the lead's order overrides the model here.</p>}
      </div>
      <div className="backlog-fields">
        <SelectField
          label="Status"
          aria-label="Status"
          options={STATUSES}
          value={row.status}
          onChange={(status) => status && changeOrSay(change('status', 'Status', row.status, status))}
        />
        <SelectField
          label="Phase"
          aria-label="Phase"
          options={PHASES}
          value={row.phase}
          onChange={(phase) => phase && changeOrSay(change('phase', 'Phase', row.phase, phase))}
        />
        {NUMBERS.map(([key, text, min, max, step]) => (
          <label key={key} className="backlog-field">
            <span className="ui-field-label">{text}</span>
            <CommitField
              key={row.id}
              className="ui-input"
              label={text}
              kind="number"
              schema={BacklogFields.shape[key]}
              value={row[key]}
              min={min}
              max={max}
              step={step}
              onCommit={(value) => change(key, text, row[key], value)}
              testId={`backlog-${key}`}
            />
          </label>
        ))}
      </div>
      <section className="backlog-demand-set" aria-labelledby={`demand-${row.id}`}>
        <h3 id={`demand-${row.id}`}>
          Team demand: {row.demandTeamIds.length} teams, {row.demandPeople} people
        </h3>
        {(teams.data ?? []).map((team) => {
          const present = row.demandTeamIds.includes(team.id);
          return (
            <Checkbox
              key={team.id}
              label={`${team.name} (${team.size})`}
              checked={present}
              onChange={(next) =>
                changeOrSay(
                  changeWithUndo(
                    `${team.name} ${next ? 'added to' : 'removed from'} the demand`,
                    () => run('backlog:demand', { id: row.id, teamId: team.id, present: next }),
                    { command: 'backlog:demand', input: { id: row.id, teamId: team.id, present } },
                  ),
                )
              }
            />
          );
        })}
      </section>
      {row.linkedRequests > 0 && <p className="backlog-hint">{row.linkedRequests} linked support requests</p>}
      <Button variant="danger" className="backlog-delete" onClick={() => setConfirmDelete(true)}>
        Delete item…
      </Button>
      <ConfirmDialog
        open={confirmDelete}
        onOpenChange={setConfirmDelete}
        title="Delete this item?"
        description={`“${row.title}” leaves the backlog and the roadmap for everyone, with its team demand. This cannot be undone.`}
        confirmLabel="Delete item"
        onConfirm={() => {
          void run('backlog:delete', { id: row.id }).then(
            () => {
              select(null);
              toast({
                title: `Deleted “${row.title.length > 40 ? `${row.title.slice(0, 39)}…` : row.title}”`,
              });
            },
            (err: unknown) =>
              toast({
                title: 'Could not delete the item',
                description: errorMessage(err).message,
                tone: 'danger',
              }),
          );
        }}
      />
    </aside>
  );
}
