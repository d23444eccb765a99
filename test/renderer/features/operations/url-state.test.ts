import { describe, expect, it } from 'vitest';
import { noOperationsFilters } from '../../../../renderer/features/operations/store';
import { operationsUrlCodec } from '../../../../renderer/features/operations/url-state';

describe('the operations list’s view in its URL', () => {
  it('round-trips status, kind and sort', () => {
    const filters = {
      status: 'failed',
      kind: 'service.deploy',
      sort: { column: 'created', direction: 'asc' },
    } as const;
    const params = operationsUrlCodec.toParams({ filters });
    expect(params.toString()).toBe('status=failed&kind=service.deploy&sort=created%3Aasc');
    expect(operationsUrlCodec.fromParams(params)).toEqual({ filters });
  });

  it('leaves defaults out, so the plain list has a plain URL', () => {
    expect(operationsUrlCodec.toParams({ filters: noOperationsFilters }).toString()).toBe('');
    expect(operationsUrlCodec.fromParams(new URLSearchParams())).toEqual({});
  });

  it('ignores what it does not know instead of trusting it', () => {
    expect(
      operationsUrlCodec.fromParams(new URLSearchParams('status=exploded&kind=service.delete&sort=kind:asc')),
    ).toEqual({});
    expect(operationsUrlCodec.fromParams(new URLSearchParams('kind=resource.provision&status=1'))).toEqual({
      filters: { ...noOperationsFilters, kind: 'resource.provision' },
    });
  });
});
