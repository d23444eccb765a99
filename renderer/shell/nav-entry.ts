import type { ComponentType } from 'react';
import type { Href, RoutePath } from '../router/route-path';

/**
 * The sidebar's groups, top to bottom: what engineers use day to day, what leads run the
 * platform with, then the app's own (settings, from the core).
 */
export const navGroups = ['Services', 'Platform', 'App'] as const;
export type NavGroup = (typeof navGroups)[number];

/** A sidebar link a feature contributes. */
export interface NavEntry {
  group: NavGroup;
  /** Position inside the group (features interleave: Catalog 10, Create service 20, …). */
  order: number;
  label: string;
  icon: string;
  href: Href;
  /** Every route that lights this entry (a service page belongs to the catalog). */
  activeOn: readonly RoutePath[];
  testId?: string;
  /** A small count next to the label (e.g. surveys to answer). */
  badge?: ComponentType;
}
