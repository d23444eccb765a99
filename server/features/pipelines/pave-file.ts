import { isAbsolute, normalize } from 'node:path';
import { parseDocument } from 'yaml';
import { z } from 'zod';

/** The pipeline file at the root of every service repository. */
export const PAVE_FILE = 'pave.yaml';

// checkout and package are the platform's own steps around the file's: a file step by the same
// name would make "failed at step package" ambiguous.
const RESERVED_STEPS = new Set(['checkout', 'package']);

const StepName = z
  .string()
  .regex(
    /^[a-z][a-z0-9-]{0,39}$/,
    'must be lowercase letters, digits and dashes (at most 40), starting with a letter',
  )
  .refine((name) => !RESERVED_STEPS.has(name), 'checkout and package are the platform’s own steps');

/**
 * A pave.yaml, kept as small as GitLab CI's core: an ordered list of shell steps, each with a
 * time-out, and which directory of the workspace is the artifact. Unknown keys are errors, so a
 * misspelt `timeout_seconds` does not silently fall back to the default.
 */
export const PaveFile = z
  .object({
    version: z.literal(1, { error: 'must be 1' }),
    steps: z
      .array(
        z
          .object({
            name: StepName,
            run: z.string().trim().min(1, 'must be a shell command').max(10_000),
            timeoutSeconds: z
              .number()
              .int('must be a whole number of seconds')
              .min(1, 'must be at least 1')
              .max(3600, 'must be at most 3600 (one hour)')
              .default(300),
          })
          .strict(),
      )
      .min(1, 'needs at least one step')
      .max(20)
      .refine(
        (steps) => new Set(steps.map((s) => s.name)).size === steps.length,
        'step names must be unique',
      ),
    artifact: z
      .object({
        path: z
          .string()
          .min(1)
          .refine(
            (p) => !isAbsolute(p) && !normalize(p).startsWith('..'),
            'must be a directory inside the repository',
          )
          .default('.'),
      })
      .strict()
      .default({ path: '.' }),
  })
  .strict();
export type PaveFile = z.infer<typeof PaveFile>;

export type ParsedPaveFile = { ok: true; file: PaveFile } | { ok: false; error: string };

const where = (path: readonly PropertyKey[]): string =>
  path.length === 0
    ? ''
    : path
        .map((part, index) =>
          typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`,
        )
        .join('') + ': ';

/**
 * Parses a pave.yaml's text. A YAML syntax error names its line and column; a schema error names
 * the field (`steps[1].timeoutSeconds: …`), so the failed run tells the author what to fix.
 */
export function parsePaveFile(text: string): ParsedPaveFile {
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  const syntax = document.errors[0];
  if (syntax) {
    const position = syntax.linePos?.[0];
    const at = position ? ` at line ${position.line}, column ${position.col}` : '';
    // prettyErrors appends the position and a source excerpt to the message; we say it once.
    const reason = (syntax.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
    return { ok: false, error: `${PAVE_FILE} is not valid YAML${at}: ${reason}` };
  }
  const value: unknown = document.toJS();
  if (value === null || value === undefined) return { ok: false, error: `${PAVE_FILE} is empty` };
  const parsed = PaveFile.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => {
      const unknown = issue.code === 'unrecognized_keys' ? `unknown field ${issue.keys.join(', ')}` : null;
      return `${where(issue.path)}${unknown ?? issue.message}`;
    });
    return { ok: false, error: `${PAVE_FILE} is invalid: ${issues.join('; ')}` };
  }
  return { ok: true, file: parsed.data };
}
