import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import type { IpcOutput } from '../../shared/contract';
import { Badge, type Tone } from '../components/ui/Badge';
import { Button } from '../components/ui/Button';
import { Dialog } from '../components/ui/Dialog';
import { FormError, TextField } from '../components/ui/Field';
import { SelectField } from '../components/ui/SelectField';
import { EmptyState, ErrorState } from '../components/ui/States';
import { Table, Td, Th } from '../components/ui/Table';
import { toast } from '../components/ui/toast-store';
import { errorMessage, IpcError, unwrap } from '../data/ipc-error';
import { pave } from '../data/pave';
import { EXPIRY_OPTIONS, TokenDraft, tokenCreateOf, tokenFieldOf } from './token-form';

type TokenInfo = IpcOutput<'tokens:list'>[number];
type TokenIssued = IpcOutput<'tokens:create'>;

const tokensKey = ['tokens'] as const;

// Codes that mean "no platform to ask": tokens live on the platform only.
const OFFLINE_CODES = new Set(['offline', 'platform_unreachable']);

const dateOf = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString() : '—');
const statusTone: Record<TokenInfo['status'], Tone> = { active: 'ok', expired: 'warn', revoked: 'danger' };

/**
 * Settings → Tokens (issue 13, finding 6): create a personal access token with a name and an
 * expiry (its secret shown once, with Copy), list the user's tokens, revoke one after a confirm.
 * Online-only: tokens live on the platform and nothing of them is cached.
 */
export function TokensSection() {
  const tokens = useQuery({
    queryKey: tokensKey,
    queryFn: async () => unwrap(await pave().invoke('tokens:list', {})),
    retry: false,
  });
  const [issued, setIssued] = useState<TokenIssued | null>(null);
  const [revoking, setRevoking] = useState<TokenInfo | null>(null);
  const listError = tokens.isError ? errorMessage(tokens.error) : null;
  const offline = listError !== null && OFFLINE_CODES.has(listError.code);

  return (
    <section className="settings-section" aria-labelledby="settings-tokens" data-testid="settings-tokens">
      <h2 id="settings-tokens">Tokens</h2>
      <p className="muted settings-help">
        Personal access tokens let scripts and other tools act as you on the platform. A token&apos;s secret
        is shown once, when it is created.
      </p>
      {offline ? (
        <ErrorState title="Tokens need the platform" testId="tokens-offline">
          Tokens are managed on the platform, and it cannot be reached right now. Connect to see, create or
          revoke tokens.
        </ErrorState>
      ) : (
        <>
          <CreateToken onIssued={setIssued} />
          {issued && <IssuedSecret issued={issued} onDone={() => setIssued(null)} />}
          {tokens.isPending && <p className="muted">Loading tokens…</p>}
          {listError && (
            <ErrorState
              title="Could not list your tokens"
              action={<Button onClick={() => void tokens.refetch()}>Try again</Button>}
            >
              {listError.message}
            </ErrorState>
          )}
          {tokens.data && <TokenTable tokens={tokens.data} onRevoke={setRevoking} />}
        </>
      )}
      {revoking && <RevokeDialog token={revoking} onClose={() => setRevoking(null)} />}
    </section>
  );
}

function CreateToken({ onIssued }: { onIssued: (issued: TokenIssued) => void }) {
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    control,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<TokenDraft>({ resolver: zodResolver(TokenDraft), defaultValues: { name: '', expiry: '30' } });

  const create = async (draft: TokenDraft) => {
    setFailure(null);
    try {
      const issued = unwrap(await pave().invoke('tokens:create', tokenCreateOf(draft)));
      reset({ name: '', expiry: draft.expiry });
      onIssued(issued);
      void queryClient.invalidateQueries({ queryKey: tokensKey });
    } catch (err) {
      // The draft stays: each reason goes next to its field, the rest under the form.
      const fields = err instanceof IpcError ? err.fields : [];
      let unplaced = fields.length === 0;
      for (const problem of fields) {
        const field = tokenFieldOf(problem.path);
        if (field) setError(field, { type: 'server', message: problem.message });
        else unplaced = true;
      }
      setFailure(unplaced ? errorMessage(err).message : null);
    }
  };
  const nameError = errors.name?.message;
  return (
    <form
      className="settings-form tokens-create"
      onSubmit={(event) => void handleSubmit(create)(event)}
      noValidate
      aria-label="Create a token"
    >
      <TextField
        label="Name"
        placeholder="e.g. CI deploy script"
        maxLength={100}
        error={nameError && /^[a-z]/.test(nameError) ? `Name ${nameError}` : nameError}
        data-testid="token-name"
        {...register('name')}
      />
      <Controller
        control={control}
        name="expiry"
        render={({ field, fieldState }) => (
          <SelectField
            label="Expires after"
            options={EXPIRY_OPTIONS}
            value={field.value}
            onChange={(value) => field.onChange(value || '30')}
            onBlur={field.onBlur}
            name={field.name}
            error={fieldState.error?.message ? `Expiry ${fieldState.error.message}` : undefined}
            data-testid="token-expiry"
          />
        )}
      />
      <FormError>{failure}</FormError>
      <div className="settings-actions">
        <Button type="submit" variant="primary" disabled={isSubmitting} data-testid="token-create">
          {isSubmitting ? 'Creating…' : 'Create token'}
        </Button>
      </div>
    </form>
  );
}

function IssuedSecret({ issued, onDone }: { issued: TokenIssued; onDone: () => void }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(issued.token);
      setCopied('yes');
      toast({
        title: 'Token copied',
        description: 'Paste it where it is needed; it will not be shown again.',
      });
    } catch {
      setCopied('failed');
    }
  };
  return (
    <div className="tokens-issued" role="status" data-testid="token-issued">
      <p>
        <strong>{issued.info.name}</strong> is ready. Copy its secret now: it will not be shown again.
      </p>
      <code className="mono tokens-secret" data-testid="token-secret">
        {issued.token}
      </code>
      <div className="settings-actions">
        <Button variant="primary" onClick={() => void copy()} data-testid="token-copy">
          {copied === 'yes' ? 'Copied' : 'Copy'}
        </Button>
        <Button onClick={onDone} data-testid="token-issued-done">
          Done
        </Button>
      </div>
      {copied === 'failed' && (
        <p className="ui-field-error">
          Could not reach the clipboard; select the secret and copy it by hand.
        </p>
      )}
    </div>
  );
}

function TokenTable({
  tokens,
  onRevoke,
}: {
  tokens: readonly TokenInfo[];
  onRevoke: (token: TokenInfo) => void;
}) {
  if (!tokens.length) {
    return <EmptyState title="You have no tokens">Create one above for a script or another tool.</EmptyState>;
  }
  return (
    <Table label="Your tokens" data-testid="tokens-table">
      <thead>
        <tr>
          <Th>Name</Th>
          <Th>Created</Th>
          <Th>Last used</Th>
          <Th>Expires</Th>
          <Th>Status</Th>
          <Th>
            <span className="visually-hidden">Actions</span>
          </Th>
        </tr>
      </thead>
      <tbody>
        {tokens.map((token) => (
          <tr key={token.id} data-testid="token-row" data-token-name={token.name} data-status={token.status}>
            <Td>
              {token.name}
              {token.current && <span className="muted"> (this app)</span>}
            </Td>
            <Td>{dateOf(token.createdAt)}</Td>
            <Td>{token.lastUsedAt ? dateOf(token.lastUsedAt) : 'never'}</Td>
            <Td>{token.expiresAt ? dateOf(token.expiresAt) : 'never'}</Td>
            <Td>
              <Badge tone={statusTone[token.status]}>{token.status}</Badge>
            </Td>
            <Td>
              {token.status !== 'revoked' && (
                <Button
                  size="small"
                  variant="danger"
                  onClick={() => onRevoke(token)}
                  aria-label={`Revoke ${token.name}`}
                  data-testid="token-revoke"
                >
                  Revoke
                </Button>
              )}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/** Asks before revoking: Cancel has the focus, Escape cancels, and a refusal stays in the dialog. */
function RevokeDialog({ token, onClose }: { token: TokenInfo; onClose: () => void }) {
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: async () => unwrap(await pave().invoke('tokens:revoke', { id: token.id })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: tokensKey });
      toast({ title: `Token “${token.name}” revoked` });
      onClose();
    },
  });
  return (
    <Dialog
      open
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      title={`Revoke “${token.name}”?`}
      description={
        <>
          Anything using this token stops working at once.
          {token.current && ' This app signs in with it: you will have to connect again with another token.'}
        </>
      }
      testId="token-revoke-dialog"
      footer={
        <>
          <Button onClick={onClose} autoFocus data-testid="token-revoke-cancel">
            Cancel
          </Button>
          <Button
            variant="danger"
            disabled={revoke.isPending}
            onClick={() => revoke.mutate()}
            data-testid="token-revoke-confirm"
          >
            {revoke.isPending ? 'Revoking…' : 'Revoke'}
          </Button>
        </>
      }
    >
      <FormError>{revoke.isError ? errorMessage(revoke.error).message : null}</FormError>
    </Dialog>
  );
}
