import { useId, useRef, type InputHTMLAttributes } from 'react';
import { Button } from '../../components/ui/Button';

/**
 * A labelled file (or folder) picker that looks like the rest of the app: a kit Button opens the
 * browser's picker, and what was chosen is said next to it. The real input stays in the page
 * (visually hidden) so forms, tests and drag-and-drop onto it still work. Generic: a candidate
 * for renderer/components/ui.
 */
export function FilePicker({
  label,
  buttonLabel,
  chosen,
  onFiles,
  testId,
  ...input
}: {
  label: string;
  buttonLabel: string;
  /** What is chosen now, in words; null when nothing is. */
  chosen: string | null;
  onFiles(files: FileList | null): void;
  testId?: string;
} & Pick<InputHTMLAttributes<HTMLInputElement>, 'accept' | 'multiple'> & { directory?: boolean }) {
  const ref = useRef<HTMLInputElement>(null);
  const id = useId();
  const { directory, ...rest } = input;
  return (
    <div className="ui-field file-picker">
      <span className="ui-field-label" id={`${id}-label`}>
        {label}
      </span>
      <span className="file-picker-row">
        <Button
          onClick={() => ref.current?.click()}
          aria-labelledby={`${id}-label ${id}-button`}
          id={`${id}-button`}
          aria-describedby={`${id}-chosen`}
        >
          {buttonLabel}
        </Button>
        <span id={`${id}-chosen`} className="file-picker-chosen">
          {chosen ?? 'Nothing chosen'}
        </span>
      </span>
      <input
        {...rest}
        // A folder picker: Chromium and Electron send every file with its path inside it.
        {...(directory ? { webkitdirectory: '' } : {})}
        ref={ref}
        type="file"
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        data-testid={testId}
        onChange={(event) => onFiles(event.target.files)}
      />
    </div>
  );
}
