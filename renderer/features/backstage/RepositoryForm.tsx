import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { Button } from '../../components/ui/Button';
import { TextField } from '../../components/ui/Field';
import { RepositoryDraft, sayUrlProblem } from './repository-form';

/** A repository the platform clones instead of picked files; the URL is checked with the API's rule first. */
export function RepositoryForm({ onUse }: { onUse(url: string): void }) {
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<RepositoryDraft>({ resolver: zodResolver(RepositoryDraft), defaultValues: { url: '' } });
  const problem = errors.url?.message;
  return (
    <form
      className="backstage-actions backstage-url-form"
      noValidate
      onSubmit={(event) => void handleSubmit(({ url }) => onUse(url))(event)}
    >
      <TextField
        label="Or a repository URL the platform can clone"
        type="url"
        placeholder="https://git.example.com/team/repo.git"
        error={problem ? sayUrlProblem(problem) : undefined}
        data-testid="backstage-url"
        {...register('url')}
      />
      <Button type="submit" data-testid="backstage-url-use">
        Use
      </Button>
    </form>
  );
}
