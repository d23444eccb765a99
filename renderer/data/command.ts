import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import type { IpcCommand, IpcInput, IpcOutput } from '../../shared/contract';
import { unwrap } from './ipc-error';
import { pave } from './pave';

/**
 * Runs a command; the backend's `tables:changed` event then refreshes exactly the views that read
 * what it wrote (docs/architecture.md, "Sync and push"), so there is no manual refetch here.
 * `thenInvalidate` is for reads the platform computes and no table announces (e.g. survey
 * results after an answer).
 */
export function useCommand({ thenInvalidate }: { thenInvalidate?: QueryKey } = {}) {
  const client = useQueryClient();
  return async <C extends IpcCommand>(command: C, input: IpcInput<C>): Promise<IpcOutput<C>> => {
    const value = unwrap(await pave().invoke(command, input)) as IpcOutput<C>;
    if (thenInvalidate) await client.invalidateQueries({ queryKey: thenInvalidate });
    return value;
  };
}
