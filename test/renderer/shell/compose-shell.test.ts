import { describe, expect, it } from 'vitest';
import { home, rendererFeatures } from '../../../renderer/features';
import { composeShell } from '../../../renderer/shell/compose-shell';
import { navGroups } from '../../../renderer/shell/nav-entry';

const shell = composeShell(rendererFeatures, home);

describe('composeShell', () => {
  it('builds the sidebar in its groups and order, with the same labels, icons, links and test ids', () => {
    const sidebar = navGroups.map((group) => ({
      group,
      items: shell.navEntries
        .filter((entry) => entry.group === group)
        .sort((a, b) => a.order - b.order)
        .map((entry) => [entry.icon, entry.label, entry.href, entry.testId ?? null]),
    }));
    expect(sidebar).toEqual([
      {
        group: 'Services',
        items: [
          ['▦', 'Catalog', '#/catalog', null],
          ['+', 'Create service', '#/create-service', 'nav-create-service'],
          ['◷', 'Operations', '#/operations', 'nav-operations'],
          ['⚠', 'Incidents', '#/incidents', 'nav-incidents'],
          ['$', 'Cost', '#/cost', 'nav-cost'],
        ],
      },
      {
        group: 'Platform',
        items: [
          ['☰', 'Backlog', '#/backlog', 'nav-backlog'],
          ['➜', 'Roadmap', '#/roadmap', 'nav-roadmap'],
          ['?', 'Support', '#/support', 'nav-support'],
          ['☺', 'Surveys', '#/surveys', 'nav-surveys'],
          ['▮', 'Metrics', '#/metrics', 'nav-metrics'],
          ['⇅', 'Import catalog', '#/catalog-import', 'nav-catalog-import'],
        ],
      },
      { group: 'App', items: [['⚙', 'Settings', '#/settings', null]] },
    ]);
  });

  it('lights an entry on its detail pages too', () => {
    const activeOn = (label: string) =>
      shell.navEntries.find((entry) => entry.label === label)?.activeOn.map((path) => path.pattern);
    expect(activeOn('Catalog')).toEqual(['/catalog', '/services/:id']);
    expect(activeOn('Operations')).toEqual(['/operations', '/operations/:id']);
    expect(activeOn('Surveys')).toEqual(['/surveys', '/surveys/:id']);
  });

  it('declares each path once, and gives the service page its sections in order', () => {
    const paths = shell.routes.map((route) => route.path.pattern);
    expect(new Set(paths).size).toBe(paths.length);
    expect(shell.slots.map(({ slot, component }) => `${slot.id}: ${component.name}`)).toEqual([
      'catalog.service-sections: DeploymentsSection',
      'catalog.service-sections: PipelineSection',
      'catalog.service-sections: FlagsSection',
      'catalog.service-sections: SourceSection',
      'catalog.service-facts: RepositoryFact',
      'catalog.service-sections: ResourcesSection',
      'catalog.service-sections: SecretsSection',
    ]);
    expect(shell.paletteCommands.map((command) => command.id)).toEqual([
      'catalog',
      'create-service',
      'deploy-this-service',
      'provision-resource',
      'propose-backlog-item',
      'file-support-request',
      'new-survey',
      'metrics',
      'catalog-import',
      'settings',
      // Every sidebar entry without a command of its own is a page in the palette.
      'nav:#/create-service',
      'nav:#/operations',
      'nav:#/incidents',
      'nav:#/cost',
      'nav:#/backlog',
      'nav:#/roadmap',
      'nav:#/support',
      'nav:#/surveys',
    ]);
    expect(shell.paletteSearches.map((search) => search.id)).toEqual(['service']);
  });
});
