import { useEffect, useRef, useState } from 'react';
import { copyText, type CopyResult } from '../../components/clipboard-copy';
import { Button } from '../../components/ui/Button';

type CopyState = 'idle' | CopyResult;

const CONFIRMATION_MS = 2000;

/**
 * The clone URL in a read-only field (focus selects it) and a Copy button: a real button, so Tab,
 * Enter and Space reach it, and its result is announced in a live region. Where the clipboard is
 * refused, the URL is selected for Ctrl+C instead.
 */
export function CopyCloneUrl({ url }: { url: string }) {
  const [state, setState] = useState<CopyState>('idle');
  const field = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (state !== 'copied') return;
    const timer = setTimeout(() => setState('idle'), CONFIRMATION_MS);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = async () => {
    // navigator.clipboard is absent outside secure contexts; copyText reports that as a failure.
    const result = await copyText(navigator.clipboard as Clipboard | undefined, url);
    if (result === 'failed') {
      field.current?.focus();
      field.current?.select();
    }
    setState(result);
  };

  return (
    <div className="clone-url">
      <label htmlFor="clone-url-field" className="clone-url-label">
        Clone URL
      </label>
      <input
        id="clone-url-field"
        ref={field}
        className="ui-input mono"
        data-testid="clone-url"
        readOnly
        value={url}
        onFocus={(event) => event.currentTarget.select()}
      />
      <Button size="small" data-testid="copy-clone-url" onClick={() => void copy()}>
        Copy
      </Button>
      <span role="status" className="copy-status" data-testid="copy-status" data-state={state}>
        {state === 'copied' && 'Copied'}
        {state === 'failed' && 'Copy was blocked: the URL is selected, press Ctrl+C'}
      </span>
    </div>
  );
}
