import { useQuery } from '@tanstack/react-query';
import { roadmapQuery } from './data';
import './RoadmapPage.css';

const PHASE_TITLES = {
  foundation: { title: 'Foundation', examples: 'CI/CD, basic deployment, core observability' },
  common_needs: { title: 'Common needs', examples: 'templates, database provisioning, secrets' },
  advanced: { title: 'Advanced', examples: 'feature flags, canary deployments, cost management' },
} as const;

/** Foundation → Common needs → Advanced: items by status in each phase, and what shipped. */
export function RoadmapPage() {
  const roadmap = useQuery(roadmapQuery());
  return (
    <div className="roadmap-page" data-testid="roadmap-page">
      <h1>Roadmap</h1>
      <div className="roadmap-phases">
        {(roadmap.data?.phases ?? []).map((p) => (
          <section key={p.phase} className="roadmap-phase" aria-label={PHASE_TITLES[p.phase].title}>
            <h2>{PHASE_TITLES[p.phase].title}</h2>
            <p className="roadmap-examples">{PHASE_TITLES[p.phase].examples}</p>
            <p className="roadmap-shipped" data-testid={`shipped-${p.phase}`}>
              Shipped {p.shipped} of {p.total}
            </p>
            <ul>
              {p.items.map((i) => (
                <li key={i.id} className={`roadmap-item status-${i.status}`}>
                  <span className="roadmap-status">{i.status.replace('_', ' ')}</span> {i.title}
                  {i.shippedAt && <span className="roadmap-date"> · shipped {i.shippedAt.slice(0, 10)}</span>}
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </div>
  );
}
