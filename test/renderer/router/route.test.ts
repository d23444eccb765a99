import { describe, expect, it } from 'vitest';
import { hrefFor, parseRoute } from '../../renderer/app/route';

describe('parseRoute', () => {
  it('defaults to the catalog', () => {
    expect(parseRoute('')).toEqual({ page: 'catalog' });
    expect(parseRoute('#')).toEqual({ page: 'catalog' });
    expect(parseRoute('#/')).toEqual({ page: 'catalog' });
    expect(parseRoute('#/catalog/')).toEqual({ page: 'catalog' });
  });

  it('reads settings and service routes, decoding the id', () => {
    expect(parseRoute('#/settings')).toEqual({ page: 'settings' });
    expect(parseRoute('#/services/svc_1')).toEqual({ page: 'service', id: 'svc_1' });
    expect(parseRoute('#/services/a%2Fb')).toEqual({ page: 'service', id: 'a/b' });
  });

  it('reports unknown and malformed routes as not found', () => {
    expect(parseRoute('#/nope')).toEqual({ page: 'not-found', hash: '#/nope' });
    expect(parseRoute('#/services/')).toEqual({ page: 'not-found', hash: '#/services/' });
    expect(parseRoute('#/services/%E0%A4%A')).toEqual({ page: 'not-found', hash: '#/services/%E0%A4%A' });
    expect(parseRoute('#/services/a/b')).toEqual({ page: 'not-found', hash: '#/services/a/b' });
  });

  it('round-trips with hrefFor', () => {
    for (const id of ['svc_1', 'a/b', 'ü ?#']) {
      expect(parseRoute(hrefFor({ page: 'service', id }))).toEqual({ page: 'service', id });
    }
    expect(parseRoute(hrefFor({ page: 'settings' }))).toEqual({ page: 'settings' });
  });
});
