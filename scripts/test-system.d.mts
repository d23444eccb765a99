export interface TestPackage {
  name: string;
  program: string;
  why: string;
}

export const TEST_PACKAGES: readonly TestPackage[];

export type SystemSetupPlan =
  { action: 'none' } | { action: 'install'; command: string[] } | { action: 'stop'; message: string };

export function planSystemSetup(machine: {
  missing: string[];
  isRoot: boolean;
  hasApt: boolean;
}): SystemSetupPlan;
