import { useMutation } from '@tanstack/react-query';
import type { FlagProblem } from '../../../shared/features/flags/api';
import { unwrap } from '../../data/ipc-error';
import { pave } from '../../data/pave';
import { Button } from '../../components/ui/Button';

const action = (problem: FlagProblem) =>
  problem.name === 'flag.create' ? 'Create' : problem.name === 'flag.delete' ? 'Delete' : 'Change';

/** Changes the platform refused (rolled back already) or that wait for a new confirmation. */
export function FlagProblems({ problems }: { problems: readonly FlagProblem[] }) {
  const dismiss = useMutation({
    mutationFn: async (mutationId: number) => unwrap(await pave().invoke('outbox:discard', { mutationId })),
  });
  return (
    <ul className="flag-problems" aria-label="Flag changes not applied">
      {problems.map((problem) => (
        <li
          key={problem.mutationId}
          className="ui-form-error"
          data-testid="flag-problem"
          data-status={problem.status}
        >
          {action(problem)} {problem.key ?? 'flag'}
          {problem.environment ? ` (${problem.environment})` : ''}:{' '}
          {problem.status === 'rejected'
            ? (problem.reason?.message ?? 'refused by the platform')
            : 'waited too long; confirm it in the pending changes'}{' '}
          {problem.status === 'rejected' && (
            <Button size="small" onClick={() => dismiss.mutate(problem.mutationId)}>
              Dismiss
            </Button>
          )}
        </li>
      ))}
    </ul>
  );
}
