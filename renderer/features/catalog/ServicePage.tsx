import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import type { ServiceDetail } from '../../../shared/features/catalog/ipc';
import { QueryErrorNotice } from '../../components/QueryErrorNotice';
import { formatRelativeTime } from '../../components/relative-time';
import { useNow } from '../../components/use-now';
import { SlotOutlet } from '../../shell/slots';
import { serviceQuery } from './data';
import { catalogRoutes } from './routes';
import { serviceFacts, serviceSections } from './service-sections';
import { ServiceEditForm } from './ServiceEditForm';
import { Button } from '../../components/ui/Button';
import './ServicePage.css';
import { useRememberRecent } from '../../palette/use-remember-recent';

/** External links leave the app: Electron's main process opens target=_blank in the OS browser. */
function ExternalLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children}
      <span className="external-mark" aria-hidden="true">
        ↗
      </span>
    </a>
  );
}

export function ServicePage({ id }: { id: string }) {
  const service = useQuery(serviceQuery(id));
  const name = service.data?.name;
  useRememberRecent(
    name === undefined ? null : { id, title: name, href: catalogRoutes.service.href({ id }) },
  );
  const back = (
    <a className="back-link" href={catalogRoutes.catalog.href()}>
      ← Catalog
    </a>
  );

  if (service.isPending) {
    return (
      <div className="service-page" data-testid="service-page" data-service-id={id}>
        <header className="page-header">{back}</header>
        <div className="catalog-loading muted">Loading…</div>
      </div>
    );
  }
  if (service.isError) {
    return (
      <div className="service-page" data-testid="service-page" data-service-id={id}>
        <header className="page-header">{back}</header>
        <QueryErrorNotice
          title="Could not load this service"
          error={service.error}
          onRetry={() => void service.refetch()}
        />
      </div>
    );
  }
  if (service.data === null) {
    return (
      <div className="page-message" data-testid="service-not-found">
        <h1>Service not found</h1>
        <p className="muted">
          No service with id <code>{id}</code> is in the catalog. It may have been deleted, or not synced yet.
        </p>
        <a href={catalogRoutes.catalog.href()}>Back to the catalog</a>
      </div>
    );
  }
  return <ServiceDetails service={service.data} back={back} />;
}

function ServiceDetails({ service, back }: { service: ServiceDetail; back: ReactNode }) {
  const now = useNow(60_000);
  const [editing, setEditing] = useState(false);
  return (
    <div className="service-page" data-testid="service-page" data-service-id={service.id}>
      <header className="page-header">
        {back}
        <span className="muted">/</span>
        <span className="mono muted">{service.name}</span>
      </header>
      <div className="page-scroll">
        <article className="service-body">
          <div className="service-heading">
            <h1>{service.title}</h1>
            <div className="service-badges">
              <span className={`tier tier-${service.tier}`} title={`Tier ${service.tier}`}>
                T{service.tier}
              </span>
              <span className={`pill lifecycle-${service.lifecycle}`}>{service.lifecycle}</span>
            </div>
            {!editing && (
              <Button size="small" data-testid="service-edit" onClick={() => setEditing(true)}>
                Edit
              </Button>
            )}
          </div>
          {editing && <ServiceEditForm service={service} onDone={() => setEditing(false)} />}
          <p className={service.description ? 'service-description' : 'service-description muted'}>
            {service.description || 'No description.'}
          </p>

          <dl className="service-facts">
            <dt>Name</dt>
            <dd className="mono">{service.name}</dd>
            <dt>Owner</dt>
            <dd>
              {service.ownerTeam ? (
                <>
                  <div className="service-team">{service.ownerTeam.name}</div>
                  {service.ownerTeam.description && (
                    <div className="muted">{service.ownerTeam.description}</div>
                  )}
                </>
              ) : (
                <span className="muted">Unknown team ({service.ownerTeamId})</span>
              )}
            </dd>
            <dt>Tier</dt>
            <dd>Tier {service.tier}</dd>
            <dt>Lifecycle</dt>
            <dd>{service.lifecycle}</dd>
            <dt>Tags</dt>
            <dd className="service-tags">
              {service.tags.length === 0 && <span className="muted">None</span>}
              {service.tags.map((tag) => (
                <span key={tag} className="pill">
                  {tag}
                </span>
              ))}
            </dd>
            {/* A repository elsewhere, when the catalog names one; a platform-hosted one is a fact
                git hosting adds below, so a template-created service no longer says "None". */}
            {service.repositoryUrl && (
              <>
                <dt>Repository</dt>
                <dd>
                  <ExternalLink href={service.repositoryUrl}>{service.repositoryUrl}</ExternalLink>
                </dd>
              </>
            )}
            <SlotOutlet slot={serviceFacts} props={{ serviceId: service.id }} />
            <dt>Updated</dt>
            <dd title={new Date(service.updatedAt).toLocaleString()}>
              {formatRelativeTime(service.updatedAt, now)}
            </dd>
          </dl>

          <section className="service-section">
            <h2>Links</h2>
            {service.links.length === 0 ? (
              <p className="muted">No links.</p>
            ) : (
              <ul className="service-links">
                {service.links.map((link) => (
                  <li key={`${link.title}-${link.url}`}>
                    <ExternalLink href={link.url}>{link.title}</ExternalLink>
                    <span className="muted mono">{link.url}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>

          <SlotOutlet slot={serviceSections} props={{ serviceId: service.id, serviceName: service.name }} />
        </article>
      </div>
    </div>
  );
}
