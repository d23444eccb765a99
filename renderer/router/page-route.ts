import { createElement, type ComponentType, type ReactNode } from 'react';
import type { RouteParams, RoutePath } from './route-path';

/** A page a feature contributes at one of its declared paths (docs/architecture.md, "Features"). */
export interface PageRoute {
  readonly path: RoutePath;
  render(params: Readonly<Record<string, string>>): ReactNode;
}

/** Pairs a path with its page; the page's props must be exactly the path's parameters. */
export function pageRoute<P extends string>(
  path: RoutePath<P>,
  Page: ComponentType<RouteParams<P>>,
): PageRoute {
  return {
    path: path as unknown as RoutePath,
    render: (params) => createElement(Page, params as RouteParams<P>),
  };
}
