import { TokenInfo, TokenIssued, TokenList } from '../../../../shared/features/tokens/api';
import type { tokensCommands } from '../../../../shared/features/tokens/ipc';
import type { BackendContext, CommandOf, FeatureHandlers } from '../../composition/backend-feature';
import { IpcError } from '../../ipc/ipc-error';

/**
 * Token IPC: straight to the platform (docs/architecture.md, "Core": the directory's tokens).
 * Nothing is cached or queued — a token made offline could not be shown, and a revoke must
 * take effect at once — so without a platform each command says so.
 */
export function createTokenHandlers(ctx: BackendContext): FeatureHandlers<CommandOf<typeof tokensCommands>> {
  const online = () => {
    const client = ctx.platform.client();
    if (!client) {
      throw new IpcError(
        'offline',
        'Tokens are managed on the platform; connect to it to see or change them',
      );
    }
    return client;
  };
  return {
    handlers: {
      'tokens:list': async () => (await online().get('/v1/tokens', TokenList)).items,
      'tokens:create': async ({ name, expiresInDays }) =>
        TokenIssued.parse(
          await online().write('POST', '/v1/tokens', {
            name,
            ...(expiresInDays === null ? {} : { expiresInDays }),
          }),
        ),
      'tokens:revoke': async ({ id }) =>
        TokenInfo.parse(await online().write('DELETE', `/v1/tokens/${encodeURIComponent(id)}`, undefined)),
    },
  };
}
