import { useQuery } from '@tanstack/react-query';
import type { KeyboardEvent } from 'react';
import type { BacklogStatus, RoadmapPhase } from '../../../shared/features/backlog/api';
import { nextSelectionIndex } from '../../components/list-navigation';
import { Badge } from '../../components/ui/Badge';
import { Button } from '../../components/ui/Button';
import { EmptyState, ErrorState } from '../../components/ui/States';
import { errorMessage, nextStepFor } from '../../data/ipc-error';
import { STATUS_TONE } from './BacklogList';
import { backlogListQuery } from './data';
import { roadmapGrid, type RoadmapCard } from './roadmap-grid';
import { openInBacklog } from './roadmap-open';
import './RoadmapPage.css';

const PHASE_TITLES: Record<RoadmapPhase, { title: string; examples: string }> = {
  foundation: { title: 'Foundation', examples: 'CI/CD, basic deployment, core observability' },
  common_needs: { title: 'Common needs', examples: 'templates, database provisioning, secrets' },
  advanced: { title: 'Advanced', examples: 'feature flags, canary deployments, cost management' },
};

const STATUS_LABELS: Record<BacklogStatus, string> = {
  proposed: 'Proposed',
  planned: 'Planned',
  in_progress: 'In progress',
  done: 'Shipped',
  declined: 'Declined',
};

// Every item in the lead's order, unfiltered: the roadmap needs rank and demand, which the list rows carry.
const ALL_BY_RANK = { sort: { column: 'rank', direction: 'asc' } } as const;

/** ←/→ (and ↑/↓, Home/End) move between the cards of one lane, in timeline then rank order. */
function moveWithinLane(event: KeyboardEvent<HTMLElement>) {
  const key = event.key === 'ArrowRight' ? 'ArrowDown' : event.key === 'ArrowLeft' ? 'ArrowUp' : event.key;
  const cards = [...event.currentTarget.querySelectorAll<HTMLElement>('[data-testid="roadmap-card"]')];
  const current = cards.indexOf(event.target as HTMLElement);
  if (current < 0) return;
  const next = nextSelectionIndex(key, current, cards.length, 5);
  if (next === null) return;
  event.preventDefault();
  cards[next]?.focus();
}

function Card({ item }: { item: RoadmapCard }) {
  const teams = item.demandTeamIds.length;
  return (
    <button
      type="button"
      className={`roadmap-card status-${item.status}`}
      data-testid="roadmap-card"
      data-id={item.id}
      onClick={() => openInBacklog(item.id)}
      title={`Open “${item.title}” in the backlog`}
    >
      <span className="roadmap-card-title">{item.title}</span>
      <span className="roadmap-card-meta">
        <Badge tone={STATUS_TONE[item.status]}>{STATUS_LABELS[item.status]}</Badge>
        <span className="roadmap-demand" title="Teams asking for it">
          {teams} {teams === 1 ? 'team' : 'teams'}
        </span>
      </span>
    </button>
  );
}

/**
 * Foundation → Common needs → Advanced as lanes over a timeline (shipped quarters, then Now, Next,
 * Unscheduled); each card opens its backlog detail.
 */
export function RoadmapPage() {
  const list = useQuery(backlogListQuery(ALL_BY_RANK));
  const grid = list.data ? roadmapGrid(list.data.rows) : null;
  return (
    <div className="roadmap-page" data-testid="roadmap-page">
      <h1>Roadmap</h1>
      {list.error && (
        <ErrorState
          title="Could not load the roadmap"
          action={
            <Button size="small" onClick={() => void list.refetch()}>
              Try again
            </Button>
          }
        >
          {errorMessage(list.error).message} {nextStepFor(errorMessage(list.error).code)}
        </ErrorState>
      )}
      {!grid && !list.error && <p className="roadmap-muted">Loading the roadmap…</p>}
      {grid && list.data?.totalAll === 0 && (
        <EmptyState title="No backlog items yet" testId="roadmap-empty">
          Items proposed on the Backlog page appear here by phase.
        </EmptyState>
      )}
      {grid && (
        <div className="roadmap-scroll" data-testid="roadmap-scroll">
          <div
            className="roadmap-grid"
            role="table"
            aria-label="Roadmap by phase and time"
            style={{
              // Narrow enough minimums that a year of columns fits at 1024 px; titles wrap in the cards.
              gridTemplateColumns: `minmax(120px, 170px) repeat(${grid.columns.length}, minmax(124px, 1fr))`,
            }}
          >
            <div role="row" className="roadmap-row">
              <div role="columnheader" className="roadmap-corner">
                Phase
              </div>
              {grid.columns.map((column) => (
                <div
                  role="columnheader"
                  key={column.key}
                  className="roadmap-column-head"
                  data-column={column.key}
                >
                  {column.label}
                </div>
              ))}
            </div>
            {grid.lanes.map((lane) => (
              <div
                role="row"
                key={lane.phase}
                className="roadmap-row"
                aria-label={PHASE_TITLES[lane.phase].title}
                data-testid={`roadmap-lane-${lane.phase}`}
                onKeyDown={moveWithinLane}
              >
                <div role="rowheader" className="roadmap-lane-head">
                  <h2>{PHASE_TITLES[lane.phase].title}</h2>
                  <p className="roadmap-muted">{PHASE_TITLES[lane.phase].examples}</p>
                  <p className="roadmap-shipped" data-testid={`shipped-${lane.phase}`}>
                    Shipped {lane.shipped} of {lane.total}
                  </p>
                </div>
                {lane.cells.map((cell, index) => (
                  <div role="cell" key={grid.columns[index]!.key} className="roadmap-cell">
                    {cell.map((item) => (
                      <Card key={item.id} item={item} />
                    ))}
                  </div>
                ))}
              </div>
            ))}
          </div>
        </div>
      )}
    </div>
  );
}
