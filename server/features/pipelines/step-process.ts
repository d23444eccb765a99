import { spawn } from 'node:child_process';

/** Output a step may write before it is stopped: a runaway build must not fill the log table. */
export interface OutputCap {
  bytes: number;
  lines: number;
}

export const DEFAULT_OUTPUT_CAP: OutputCap = { bytes: 1024 * 1024, lines: 10_000 };

export interface StepRun {
  command: string;
  cwd: string;
  env: Record<string, string>;
  timeoutMs: number;
  cap: OutputCap;
  signal: AbortSignal;
  /** Called with complete output lines (stdout and stderr interleaved as they arrive). */
  onLines(lines: string[]): void;
  /** Called once the process group exists, with its id (the shell's pid). */
  onStart?(pgid: number): void;
}

export type StepOutcome =
  | { kind: 'exited'; exitCode: number }
  | { kind: 'timed_out' }
  | { kind: 'flooded'; reason: string }
  | { kind: 'cancelled' };

export interface StepResult {
  outcome: StepOutcome;
  exitCode: number | null;
  /** The last lines of output, for the failure message. */
  tail: string[];
  /** The first lines that look like errors (an assertion, `npm ERR!`), which a long tail can push out. */
  errors: string[];
}

const TAIL_LINES = 20;
const ERROR_LINES = 10;
// What test runners, compilers and npm print when something breaks.
const ERROR_LINE = /error|failed|failing|failure|not ok|✖|ERR!/i;
// A single "line" this long (no newline) is shown cut: the log is for people, not a dump.
const MAX_LINE_CHARS = 2000;

/** Kills every process of the group; a group that already ended is fine. */
export function killGroup(pgid: number): void {
  try {
    process.kill(-pgid, 'SIGKILL');
  } catch {
    // ESRCH: nothing left in the group.
  }
}

const formatBytes = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.round(bytes / 1024)} KB`;

/**
 * Runs one pipeline step with `sh -c` in its own process group (detached), so a time-out, an
 * output flood or a cancel kills the step and everything it started — a hanging test's server
 * included. After a normal exit the group is killed too: background processes a step leaves
 * behind must not outlive it.
 */
export function runStep(step: StepRun): Promise<StepResult> {
  return new Promise((resolve) => {
    const child = spawn('sh', ['-c', step.command], {
      cwd: step.cwd,
      env: step.env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const pgid = child.pid;
    let stopped: StepOutcome | null = null;
    let bytes = 0;
    let lines = 0;
    const tail: string[] = [];
    const errors: string[] = [];
    const partial = { stdout: '', stderr: '' };

    const stop = (outcome: StepOutcome) => {
      if (stopped) return;
      stopped = outcome;
      if (pgid) killGroup(pgid);
    };

    const emit = (batch: string[]) => {
      if (batch.length === 0) return;
      const shown = batch.map((line) =>
        line.length > MAX_LINE_CHARS ? `${line.slice(0, MAX_LINE_CHARS)}… (line cut)` : line,
      );
      tail.push(...shown);
      for (const line of shown) {
        if (errors.length < ERROR_LINES && ERROR_LINE.test(line)) errors.push(line.trim());
      }
      tail.splice(0, Math.max(0, tail.length - TAIL_LINES));
      step.onLines(shown);
    };

    const take = (stream: 'stdout' | 'stderr') => (chunk: Buffer) => {
      if (stopped) return;
      bytes += chunk.length;
      const text = partial[stream] + chunk.toString('utf8');
      const parts = text.split('\n');
      partial[stream] = parts.pop() ?? '';
      const room = step.cap.lines - lines;
      const batch = parts.slice(0, Math.max(0, room)).map((line) => line.replace(/\r$/, ''));
      lines += parts.length;
      emit(batch);
      if (bytes > step.cap.bytes) {
        emit(partial[stream] ? [partial[stream]] : []);
        partial[stream] = '';
        stop({ kind: 'flooded', reason: `wrote more than ${formatBytes(step.cap.bytes)} of output` });
      } else if (lines > step.cap.lines) {
        stop({ kind: 'flooded', reason: `wrote more than ${step.cap.lines} lines of output` });
      }
    };
    child.stdout.on('data', take('stdout'));
    child.stderr.on('data', take('stderr'));

    const timer = setTimeout(() => stop({ kind: 'timed_out' }), step.timeoutMs);
    const onAbort = () => stop({ kind: 'cancelled' });
    if (step.signal.aborted) onAbort();
    else step.signal.addEventListener('abort', onAbort, { once: true });
    if (pgid) step.onStart?.(pgid);

    let exitCode: number | null = null;
    child.on('exit', (code) => {
      exitCode = code;
      // Leftovers of a step that exited (a server started in the background) go with it; this
      // also closes the pipes they hold, so 'close' below fires.
      if (pgid) killGroup(pgid);
    });
    child.on('error', (error) => {
      emit([`could not start the step: ${error.message}`]);
      exitCode = 127;
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      step.signal.removeEventListener('abort', onAbort);
      if (!stopped) emit([partial.stdout, partial.stderr].filter(Boolean));
      const finalCode = exitCode ?? code;
      resolve({
        outcome: stopped ?? { kind: 'exited', exitCode: finalCode ?? 1 },
        exitCode: finalCode,
        tail,
        errors,
      });
    });
  });
}
