import { readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { runStep, type StepRun } from '../../../../server/features/pipelines/step-process';

const step = (command: string, patch: Partial<StepRun> = {}) => {
  const lines: string[] = [];
  const run = runStep({
    command,
    cwd: tmpdir(),
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
    timeoutMs: 10_000,
    cap: { bytes: 4096, lines: 50 },
    signal: new AbortController().signal,
    onLines: (batch) => lines.push(...batch),
    ...patch,
  });
  return { run, lines };
};

/** Live (not zombie) processes of a process group, from /proc/<pid>/stat. */
async function groupMembers(pgid: number): Promise<number[]> {
  const members: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    // pid (comm) state ppid pgrp …; comm may hold spaces, so split after its closing paren.
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (state !== 'Z' && Number(pgrp) === pgid) members.push(Number(entry));
  }
  return members;
}

describe('runStep', () => {
  it('passes output lines through and reports the exit code', async () => {
    const { run, lines } = step('echo one; echo two >&2; exit 3');
    expect(await run).toMatchObject({ outcome: { kind: 'exited', exitCode: 3 }, exitCode: 3 });
    expect(lines.sort()).toEqual(['one', 'two']);
  });

  it('keeps the error lines a long tail would push out of the failure message', async () => {
    const { run } = step(
      'echo ok; echo "AssertionError: totals differ"; for i in $(seq 30); do echo "filler $i"; done; exit 1',
    );
    const result = await run;
    expect(result.errors).toEqual(['AssertionError: totals differ']);
    expect(result.tail).toHaveLength(20);
    expect(result.tail.at(-1)).toBe('filler 30');
  });

  it('sees only the environment it is given', async () => {
    const { run, lines } = step('echo "db=${DATABASE_URL:-none}"', { env: { PATH: process.env.PATH ?? '' } });
    await run;
    expect(lines).toEqual(['db=none']);
  });

  it('stops a step past its line cap, and one past its byte cap, killing the group', async () => {
    const byLines = await step('i=0; while true; do echo "line $i"; i=$((i+1)); done').run;
    expect(byLines.outcome).toEqual({ kind: 'flooded', reason: 'wrote more than 50 lines of output' });
    const byBytes = await step(`printf '%5000s' x; sleep 600`).run;
    expect(byBytes.outcome).toEqual({ kind: 'flooded', reason: 'wrote more than 4 KB of output' });
  });

  it('times out and kills background children with the step', async () => {
    let pgid = 0;
    const { run } = step('sleep 600 & sleep 600', { timeoutMs: 300, onStart: (id) => (pgid = id) });
    expect((await run).outcome).toEqual({ kind: 'timed_out' });
    expect(await groupMembers(pgid)).toEqual([]);
  });

  it('kills what a step left running in the background when it exits', async () => {
    let pgid = 0;
    const { run } = step('sleep 600 & echo started', { onStart: (id) => (pgid = id) });
    expect((await run).outcome).toEqual({ kind: 'exited', exitCode: 0 });
    expect(await groupMembers(pgid)).toEqual([]);
  });

  it('stops on abort', async () => {
    const controller = new AbortController();
    const { run } = step('echo ready; sleep 600', {
      signal: controller.signal,
      onLines: () => controller.abort('cancelled'),
    });
    expect((await run).outcome).toEqual({ kind: 'cancelled' });
  });
});
