import { describe, expect, it } from 'vitest';
import { installPlainErrors } from '../../../../shared/api/plain-errors';
import { RepositoryDraft, sayUrlProblem } from '../../../../renderer/features/backstage/repository-form';

installPlainErrors();

const problem = (url: string) => {
  const parsed = RepositoryDraft.safeParse({ url });
  return parsed.success ? null : sayUrlProblem(parsed.error.issues[0]!.message);
};

describe('the repository URL of a Backstage import', () => {
  it('is checked with the API rule before the dry run, in plain words', () => {
    expect(problem('')).toBe('Repository URL is required');
    expect(problem('git@example.com:team/repo.git')).toBe(
      'A repository URL starts with http://, https:// or file://',
    );
  });
  it('accepts what the platform can clone, trimmed', () => {
    expect(problem(' https://git.example.com/team/repo.git ')).toBeNull();
    expect(RepositoryDraft.parse({ url: ' file:///srv/repo ' }).url).toBe('file:///srv/repo');
  });
});
