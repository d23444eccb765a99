import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { BacklogFields } from '../../../shared/features/backlog/api';
import { plainResolver, showRefusal } from '../../components/form-refusal';
import { Button } from '../../components/ui/Button';
import { FormError } from '../../components/ui/Field';
import { useCommand } from '../../data/command';
import { useBacklogStore } from './store';
import { rememberChange } from './undo';

type Draft = { title: string };

/** Checked with the item's own title rule before anything is sent. */
const resolver = plainResolver(z.object({ title: BacklogFields.shape.title }), { title: 'Title' });

/**
 * Proposes an item (`backlog:create`, queued offline-first). A refusal — here or by the backend —
 * is said under the field and the text stays to be fixed; a created item is selected and can be
 * taken back with Undo.
 */
export function NewItemForm({ hint }: { hint: string | null }) {
  const run = useCommand();
  const select = useBacklogStore((s) => s.reveal);
  const [failure, setFailure] = useState<string | null>(null);
  const errorId = useId();
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<Draft>({ resolver, defaultValues: { title: '' } });

  const onValid = async ({ title }: Draft) => {
    setFailure(null);
    try {
      const { id } = await run('backlog:create', { title });
      reset();
      select(id);
      rememberChange(`Added “${title.length > 40 ? `${title.slice(0, 39)}…` : title}”`, {
        command: 'backlog:delete',
        input: { id },
      });
    } catch (err) {
      setFailure(showRefusal(err, ['title'], setError));
    }
  };

  const problem = errors.title?.message;
  return (
    <form className="backlog-new" onSubmit={handleSubmit(onValid)} noValidate>
      <div className="backlog-new-row">
        <input
          className="ui-input backlog-new-title"
          aria-label="New item title"
          placeholder="Propose an item…"
          autoComplete="off"
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? errorId : undefined}
          {...register('title', { onChange: () => setFailure(null) })}
        />
        <Button type="submit" variant="primary" disabled={isSubmitting}>
          Add
        </Button>
        {hint && <span className="backlog-hint">{hint}</span>}
      </div>
      {problem && (
        <span id={errorId} className="ui-field-error" role="alert" data-testid="backlog-new-error">
          {problem}
        </span>
      )}
      <FormError>{failure}</FormError>
    </form>
  );
}
