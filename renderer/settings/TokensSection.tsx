import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ipcCommands, type IpcOutput } from '../../shared/contract';
import { errorMessage, unwrap } from '../data/ipc-error';
import { pave } from '../data/pave';

const CreateInput = ipcCommands['tokens:create'].input;
type TokenInfo = IpcOutput<'tokens:list'>[number];
type TokenIssued = IpcOutput<'tokens:create'>;

/** The expiries offered, in days; null = never expires. */
const EXPIRY_CHOICES = [7, 30, 90, 365, null] as const;
const tokensKey = ['tokens'] as const;

// Codes that mean "no platform to ask": tokens live on the platform only.
const OFFLINE_CODES = new Set(['offline', 'platform_unreachable']);

const expiryLabel = (days: number | null) => (days === null ? 'Never' : `${days} days`);
const dateOf = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString() : '—');

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
        <p className="settings-error" role="status" data-testid="tokens-offline">
          Tokens are managed on the platform, and it cannot be reached right now. Connect to see, create or
          revoke tokens.
        </p>
      ) : (
        <>
          <CreateToken onIssued={setIssued} />
          {issued && <IssuedSecret issued={issued} onDone={() => setIssued(null)} />}
          {tokens.isPending && <p className="muted">Loading tokens…</p>}
          {listError && (
            <div className="settings-error" role="alert">
              {listError.message}{' '}
              <button type="button" className="button" onClick={() => void tokens.refetch()}>
                Retry
              </button>
            </div>
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
  const [name, setName] = useState('');
  const [days, setDays] = useState<string>('30');
  const [nameError, setNameError] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: async (input: { name: string; expiresInDays: number | null }) =>
      unwrap(await pave().invoke('tokens:create', input)),
    onSuccess: (issued) => {
      setName('');
      onIssued(issued);
      void queryClient.invalidateQueries({ queryKey: tokensKey });
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = CreateInput.safeParse({ name, expiresInDays: days === 'never' ? null : Number(days) });
    if (!parsed.success) {
      setNameError(parsed.error.issues[0]?.message ?? 'Check the name');
      return;
    }
    setNameError(null);
    create.mutate(parsed.data);
  };
  return (
    <form className="settings-form tokens-create" onSubmit={onSubmit} noValidate>
      <label className="settings-field">
        <span>Name</span>
        <input
          className="input"
          name="tokenName"
          placeholder="e.g. CI deploy script"
          value={name}
          maxLength={100}
          onChange={(event) => setName(event.target.value)}
          aria-invalid={nameError ? true : undefined}
          data-testid="token-name"
        />
        {nameError && <span className="settings-field-error">{nameError}</span>}
      </label>
      <label className="settings-field">
        <span>Expires after</span>
        <select
          className="input"
          name="tokenExpiry"
          value={days}
          onChange={(event) => setDays(event.target.value)}
          data-testid="token-expiry"
        >
          {EXPIRY_CHOICES.map((choice) => (
            <option key={String(choice)} value={choice === null ? 'never' : String(choice)}>
              {expiryLabel(choice)}
            </option>
          ))}
        </select>
      </label>
      {create.isError && (
        <div className="settings-error" role="alert">
          {errorMessage(create.error).message}
        </div>
      )}
      <div className="settings-actions">
        <button
          type="submit"
          className="button primary"
          disabled={create.isPending}
          data-testid="token-create"
        >
          {create.isPending ? 'Creating…' : 'Create token'}
        </button>
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
        <button type="button" className="button primary" onClick={() => void copy()} data-testid="token-copy">
          {copied === 'yes' ? 'Copied' : 'Copy'}
        </button>
        <button type="button" className="button" onClick={onDone} data-testid="token-issued-done">
          Done
        </button>
      </div>
      {copied === 'failed' && (
        <p className="settings-field-error">
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
  if (!tokens.length) return <p className="muted">You have no tokens.</p>;
  return (
    <table className="tokens-table" data-testid="tokens-table">
      <thead>
        <tr>
          <th>Name</th>
          <th>Created</th>
          <th>Last used</th>
          <th>Expires</th>
          <th>Status</th>
          <th>
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {tokens.map((token) => (
          <tr key={token.id} data-testid="token-row" data-token-name={token.name} data-status={token.status}>
            <td>
              {token.name}
              {token.current && <span className="muted"> (this app)</span>}
            </td>
            <td>{dateOf(token.createdAt)}</td>
            <td>{token.lastUsedAt ? dateOf(token.lastUsedAt) : 'never'}</td>
            <td>{token.expiresAt ? dateOf(token.expiresAt) : 'never'}</td>
            <td>{token.status}</td>
            <td>
              {token.status !== 'revoked' && (
                <button
                  type="button"
                  className="button"
                  onClick={() => onRevoke(token)}
                  aria-label={`Revoke ${token.name}`}
                  data-testid="token-revoke"
                >
                  Revoke
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A modal <dialog>: focus moves into it, Tab stays inside, Escape cancels. */
function RevokeDialog({ token, onClose }: { token: TokenInfo; onClose: () => void }) {
  const queryClient = useQueryClient();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);
  const revoke = useMutation({
    mutationFn: async () => unwrap(await pave().invoke('tokens:revoke', { id: token.id })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: tokensKey });
      onClose();
    },
  });
  return (
    <dialog
      ref={dialog}
      className="tokens-dialog"
      aria-labelledby="token-revoke-title"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      data-testid="token-revoke-dialog"
    >
      <h3 id="token-revoke-title">Revoke “{token.name}”?</h3>
      <p>
        Anything using this token stops working at once.
        {token.current && ' This app signs in with it: you will have to connect again with another token.'}
      </p>
      {revoke.isError && (
        <div className="settings-error" role="alert">
          {errorMessage(revoke.error).message}
        </div>
      )}
      <div className="settings-actions">
        <button
          type="button"
          className="button"
          onClick={onClose}
          autoFocus
          data-testid="token-revoke-cancel"
        >
          Cancel
        </button>
        <button
          type="button"
          className="button danger"
          disabled={revoke.isPending}
          onClick={() => revoke.mutate()}
          data-testid="token-revoke-confirm"
        >
          {revoke.isPending ? 'Revoking…' : 'Revoke'}
        </button>
      </div>
    </dialog>
  );
}
