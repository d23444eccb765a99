import { describe, expect, it } from 'vitest';
import { home, rendererFeatures } from '../../../renderer/features';
import { catalogRoutes } from '../../../renderer/features/catalog/public';
import { locate } from '../../../renderer/router/hash-location';
import { settingsPath } from '../../../renderer/settings/settings-route';
import { composeShell } from '../../../renderer/shell/compose-shell';

const shell = composeShell(rendererFeatures, home);

/** The route pattern and parameters a hash opens, or the hash of a not-found page. */
function parseRoute(hash: string) {
  const location = locate(shell.routes, shell.home.path, hash);
  return location.page
    ? { path: location.page.path.pattern, params: location.params }
    : { notFound: location.hash };
}

describe('locate', () => {
  it('defaults to the catalog', () => {
    for (const hash of ['', '#', '#/', '#/catalog/']) {
      expect(parseRoute(hash)).toEqual({ path: '/catalog', params: {} });
    }
  });

  it('matches the route without the view after `?`', () => {
    expect(parseRoute('#/catalog?tier=1&sort=name:desc')).toEqual({ path: '/catalog', params: {} });
    expect(parseRoute('#/services/svc_1?tab=x')).toEqual({ path: '/services/:id', params: { id: 'svc_1' } });
  });

  it('reads settings and service routes, decoding the id', () => {
    expect(parseRoute('#/settings')).toEqual({ path: '/settings', params: {} });
    expect(parseRoute('#/services/svc_1')).toEqual({ path: '/services/:id', params: { id: 'svc_1' } });
    expect(parseRoute('#/services/a%2Fb')).toEqual({ path: '/services/:id', params: { id: 'a/b' } });
  });

  it("opens every feature's pages at the URLs they always had", () => {
    for (const path of [
      '/operations',
      '/create-service',
      '/incidents',
      '/cost',
      '/backlog',
      '/roadmap',
      '/support',
      '/surveys',
    ]) {
      expect(parseRoute(`#${path}`)).toEqual({ path, params: {} });
    }
    expect(parseRoute('#/operations/op_1')).toEqual({ path: '/operations/:id', params: { id: 'op_1' } });
    expect(parseRoute('#/surveys/s%201')).toEqual({ path: '/surveys/:id', params: { id: 's 1' } });
  });

  it('reports unknown and malformed routes as not found', () => {
    expect(parseRoute('#/nope')).toEqual({ notFound: '#/nope' });
    expect(parseRoute('#/services/')).toEqual({ notFound: '#/services/' });
    expect(parseRoute('#/services/%E0%A4%A')).toEqual({ notFound: '#/services/%E0%A4%A' });
    expect(parseRoute('#/services/a/b')).toEqual({ notFound: '#/services/a/b' });
    expect(parseRoute('#/operations/%E0%A4%A')).toEqual({ notFound: '#/operations/%E0%A4%A' });
    expect(parseRoute('#/surveys/%E0%A4%A')).toEqual({ notFound: '#/surveys/%E0%A4%A' });
  });

  it('round-trips with the declared hrefs', () => {
    for (const id of ['svc_1', 'a/b', 'ü ?#']) {
      expect(parseRoute(catalogRoutes.service.href({ id }))).toEqual({
        path: '/services/:id',
        params: { id },
      });
    }
    expect(parseRoute(settingsPath.href())).toEqual({ path: '/settings', params: {} });
    expect(catalogRoutes.catalog.href()).toBe('#/catalog');
  });

  it('types every href by its path', () => {
    // Never called: these lines only have to fail tsc.
    const wrong = () => [
      // @ts-expect-error a service page needs its id
      catalogRoutes.service.href(),
      // @ts-expect-error the catalog takes no parameter
      catalogRoutes.catalog.href({ id: 'x' }),
      // @ts-expect-error the parameter is `id`
      catalogRoutes.service.href({ name: 'x' }),
    ];
    expect(wrong).toBeTypeOf('function');
  });
});
