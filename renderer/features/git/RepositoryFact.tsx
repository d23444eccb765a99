import { useQuery } from '@tanstack/react-query';
import { Button } from '../../components/ui/Button';
import { sourceQuery } from './data';

/**
 * The service page's "Repository" fact for a service whose code the platform hosts: its clone
 * URL (the Source section below has Copy and the sign-in hint). Nothing for other services.
 */
export function RepositoryFact({ serviceId }: { serviceId: string }) {
  const source = useQuery(sourceQuery(serviceId));
  if (!source.data) return null;
  return (
    <>
      <dt>Repository</dt>
      <dd>
        <span className="mono" data-testid="repository-fact">
          {source.data.cloneUrl}
        </span>{' '}
        {/* A button, not a #fragment link: the app's routes live in the hash. */}
        <Button
          size="small"
          variant="ghost"
          onClick={() => document.getElementById('source-title')?.scrollIntoView({ block: 'start' })}
        >
          hosted by Pave · how to clone
        </Button>
      </dd>
    </>
  );
}
