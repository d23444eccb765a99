import type { Href } from '../../router/route-path';
import { catalogRoutes } from './routes';

/** The service page's address when `hash` is one (for commands about "this service"), else null. */
export function servicePageAt(hash: string): Href | null {
  const path = hash.replace(/^#/, '').replace(/\/+$/, '');
  const params = catalogRoutes.service.match(path);
  return params ? catalogRoutes.service.href(params) : null;
}
