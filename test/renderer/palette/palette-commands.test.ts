import { describe, expect, it } from 'vitest';
import { home, rendererFeatures } from '../../../renderer/features';
import { commandsFor, matchPages } from '../../../renderer/palette/palette-pages';
import { composeShell } from '../../../renderer/shell/compose-shell';

const shell = composeShell(rendererFeatures, home);
const ids = (commands: readonly { id: string }[]) => commands.map((command) => command.id);

describe('the palette’s commands', () => {
  it('finds every page of the sidebar, the roadmap included', () => {
    const offered = commandsFor(shell.paletteCommands, 'engineer', '#/catalog');
    expect(ids(matchPages('roadmap', offered))).toEqual(['nav:#/roadmap']);
    const pageHrefs = new Set(offered.filter((command) => command.kind !== 'action').map((c) => c.href));
    for (const entry of shell.navEntries) expect(pageHrefs).toContain(entry.href);
  });

  it('offers only the actions the user’s role allows', () => {
    const actions = (role: 'engineer' | 'lead' | null) =>
      ids(commandsFor(shell.paletteCommands, role, '#/catalog').filter((c) => c.kind === 'action'));
    expect(actions('engineer')).toEqual(['create-service', 'propose-backlog-item', 'file-support-request']);
    expect(actions('lead')).toEqual([
      'create-service',
      'propose-backlog-item',
      'file-support-request',
      'new-survey',
    ]);
    // Before the settings answer arrives: nothing reserved to a role.
    expect(actions(null)).toEqual(['create-service', 'propose-backlog-item', 'file-support-request']);
  });

  it('offers “this service” actions on a service page only, pointing at that page', () => {
    const onService = commandsFor(shell.paletteCommands, 'engineer', '#/services/svc%2F1');
    const deploy = onService.find((command) => command.id === 'deploy-this-service');
    expect(deploy?.href).toBe('#/services/svc%2F1');
    expect(ids(onService)).toContain('provision-resource');
    expect(ids(commandsFor(shell.paletteCommands, 'engineer', '#/backlog'))).not.toContain(
      'deploy-this-service',
    );
  });

  it('lists the features’ keyboard shortcuts with what they do', () => {
    expect(shell.shortcuts.map((shortcut) => [shortcut.key, shortcut.label])).toEqual([
      ['/', 'Search the catalog'],
    ]);
  });
});
