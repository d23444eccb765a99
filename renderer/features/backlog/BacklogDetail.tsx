import { useQuery } from '@tanstack/react-query';
import {
  BacklogFields,
  type BacklogListRow,
  type BacklogStatus,
  type RoadmapPhase,
} from '../../../shared/features/backlog/api';
import { CommitField } from '../../components/CommitField';
import { formatScore } from './format-score';
import { teamsQuery } from '../../data/ipc-queries';
import { useCommand } from '../../data/command';
import { backlogItemQuery } from './data';

const STATUSES: BacklogStatus[] = ['proposed', 'planned', 'in_progress', 'done', 'declined'];
const PHASES: RoadmapPhase[] = ['foundation', 'common_needs', 'advanced'];
const label = (s: string) => s.replace('_', ' ');

/** The selected item: "why this rank", its fields (each edit is queued offline-first) and team demand. */
export function BacklogDetail({ row, model }: { row: BacklogListRow; model: 'default' | 'rice' | 'wsjf' }) {
  const run = useCommand();
  const teams = useQuery(teamsQuery());
  // The breakdown and description come per item, so the list itself stays small at 5,000 rows.
  const detail = useQuery(backlogItemQuery(row.id, model)).data ?? null;
  // Awaited so a refusal reaches the field that asked (CommitField shows it and reverts).
  const update = (patch: Record<string, unknown>) => run('backlog:update', { id: row.id, patch });

  return (
    <aside className="backlog-detail" aria-label="Item details" data-testid="backlog-detail">
      <label className="backlog-field">
        <span>Title</span>
        <CommitField
          key={row.id}
          label="Title"
          kind="text"
          schema={BacklogFields.shape.title}
          value={row.title}
          onCommit={(title) => update({ title })}
          testId="backlog-detail-title"
        />
      </label>
      {detail && (
        <label className="backlog-field">
          <span>Description</span>
          <textarea
            key={`${row.id}-${detail.updatedAt}`}
            aria-label="Description"
            defaultValue={detail.description}
            onBlur={(e) =>
              void (e.target.value !== detail.description && update({ description: e.target.value }))
            }
          />
        </label>
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
        <label>
          Status
          <select
            aria-label="Status"
            value={row.status}
            onChange={(e) => void update({ status: e.target.value })}
          >
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {label(s)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Phase
          <select
            aria-label="Phase"
            value={row.phase}
            onChange={(e) => void update({ phase: e.target.value })}
          >
            {PHASES.map((p) => (
              <option key={p} value={p}>
                {label(p)}
              </option>
            ))}
          </select>
        </label>
        {(
          [
            ['strategicValue', 'Strategic value', 0, 10, 1],
            ['effort', 'Effort (weeks)', 0.5, 1000, 0.5],
            ['confidence', 'Confidence %', 0, 100, 10],
            ['impact', 'Impact', 0.25, 3, 0.25],
            ['timeCriticality', 'Time criticality', 0, 10, 1],
            ['riskReduction', 'Risk reduction', 0, 10, 1],
          ] as const
        ).map(([key, text, min, max, step]) => (
          <label key={key}>
            {text}
            <CommitField
              key={row.id}
              label={text}
              kind="number"
              schema={BacklogFields.shape[key]}
              value={row[key]}
              min={min}
              max={max}
              step={step}
              onCommit={(value) => update({ [key]: value })}
              testId={`backlog-${key}`}
            />
          </label>
        ))}
      </div>
      <fieldset className="backlog-demand-set">
        <legend>
          Team demand: {row.demandTeamIds.length} teams, {row.demandPeople} people
        </legend>
        {(teams.data ?? []).map((team) => (
          <label key={team.id}>
            <input
              type="checkbox"
              checked={row.demandTeamIds.includes(team.id)}
              onChange={(e) =>
                void run('backlog:demand', { id: row.id, teamId: team.id, present: e.target.checked })
              }
            />
            {team.name} ({team.size})
          </label>
        ))}
      </fieldset>
      {row.linkedRequests > 0 && <p>{row.linkedRequests} linked support requests</p>}
      <button type="button" className="danger" onClick={() => void run('backlog:delete', { id: row.id })}>
        Delete item
      </button>
    </aside>
  );
}
