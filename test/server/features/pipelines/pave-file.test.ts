import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parsePaveFile } from '../../../../server/features/pipelines/pave-file';

const errorOf = (text: string): string => {
  const parsed = parsePaveFile(text);
  if (parsed.ok) throw new Error('expected an error');
  return parsed.error;
};

describe('parsePaveFile', () => {
  it('reads both templates’ pave.yaml with defaults filled in', async () => {
    for (const template of ['http-service', 'background-worker']) {
      const parsed = parsePaveFile(await readFile(`resources/templates/${template}/pave.yaml`, 'utf8'));
      expect(parsed).toMatchObject({
        ok: true,
        file: {
          version: 1,
          steps: [{ name: 'install' }, { name: 'test', timeoutSeconds: 120 }, { name: 'build' }],
          artifact: { path: '.' },
        },
      });
    }
  });

  it('defaults a step’s time-out to 300 s and the artifact to the whole workspace', () => {
    expect(parsePaveFile('version: 1\nsteps:\n  - name: test\n    run: node --test\n')).toEqual({
      ok: true,
      file: {
        version: 1,
        steps: [{ name: 'test', run: 'node --test', timeoutSeconds: 300 }],
        artifact: { path: '.' },
      },
    });
  });

  it('names the line and column of a YAML syntax error', () => {
    expect(errorOf('version: 1\nsteps:\n  - name: test\n   run: x\n')).toBe(
      'pave.yaml is not valid YAML at line 4, column 1: Sequence item without - indicator',
    );
    expect(errorOf('version: 1\nversion: 1\nsteps: []\n')).toMatch(
      /^pave\.yaml is not valid YAML at line 2, column 1: Map keys must be unique/,
    );
  });

  it('names the field of a schema error', () => {
    expect(errorOf('version: 2\nsteps:\n  - {name: a, run: b}\n')).toBe(
      'pave.yaml is invalid: version: must be 1',
    );
    expect(errorOf('version: 1\nsteps: []\n')).toBe('pave.yaml is invalid: steps: needs at least one step');
    expect(errorOf('version: 1\nsteps:\n  - {name: test, run: x, timeoutSeconds: 0}\n')).toBe(
      'pave.yaml is invalid: steps[0].timeoutSeconds: must be at least 1',
    );
    expect(errorOf('version: 1\nsteps:\n  - {name: test, run: x, timeoutSeconds: 3601}\n')).toBe(
      'pave.yaml is invalid: steps[0].timeoutSeconds: must be at most 3600 (one hour)',
    );
    expect(errorOf('version: 1\nsteps:\n  - {name: test, run: x, timeout_seconds: 3}\n')).toBe(
      'pave.yaml is invalid: steps[0]: unknown field timeout_seconds',
    );
    expect(errorOf('version: 1\nsteps:\n  - {name: test, run: "  "}\n')).toBe(
      'pave.yaml is invalid: steps[0].run: must be a shell command',
    );
    expect(errorOf('version: 1\nsteps:\n  - {name: Test Step, run: x}\n')).toMatch(
      /^pave\.yaml is invalid: steps\[0\]\.name: must be lowercase/,
    );
    expect(errorOf('version: 1\nsteps:\n  - {name: package, run: x}\n')).toMatch(
      /steps\[0\]\.name: checkout and package are the platform/,
    );
    expect(errorOf('version: 1\nsteps:\n  - {name: a, run: x}\n  - {name: a, run: y}\n')).toBe(
      'pave.yaml is invalid: steps: step names must be unique',
    );
    expect(errorOf('version: 1\nsteps:\n  - {name: a, run: x}\nartifact: {path: ../secrets}\n')).toBe(
      'pave.yaml is invalid: artifact.path: must be a directory inside the repository',
    );
    expect(errorOf('version: 1\nsteps: run tests\n')).toMatch(/^pave\.yaml is invalid: steps: /);
  });

  it('calls an empty file empty', () => {
    expect(errorOf('')).toBe('pave.yaml is empty');
    expect(errorOf('# only a comment\n')).toBe('pave.yaml is empty');
  });
});
