import { describe, expect, it } from 'vitest';
import { defaultBacklogView } from '../../../../renderer/features/backlog/store';
import { backlogUrlCodec, type BacklogUrlView } from '../../../../renderer/features/backlog/url-state';

const view = (patch: Partial<BacklogUrlView> = {}): BacklogUrlView => ({
  query: defaultBacklogView,
  selectedId: null,
  revealId: null,
  ...patch,
});

describe('backlogUrlCodec', () => {
  it('round-trips filters, model, sort and the open item (which is also revealed)', () => {
    const shared = view({
      query: {
        search: 'golden paths',
        statuses: ['planned', 'in_progress'],
        model: 'rice',
        sort: { column: 'score', direction: 'desc' },
      },
      selectedId: 'item-7',
    });
    const params = backlogUrlCodec.toParams(shared);
    expect(params.toString()).toBe(
      'q=golden+paths&status=planned&status=in_progress&model=rice&sort=score%3Adesc&item=item-7',
    );
    expect(backlogUrlCodec.fromParams(params)).toEqual({ ...shared, revealId: 'item-7' });
  });

  it('leaves defaults out, so the plain page keeps a plain address', () => {
    expect(backlogUrlCodec.toParams(view()).toString()).toBe('');
    expect(backlogUrlCodec.fromParams(new URLSearchParams())).toEqual({});
  });

  it('drops what it does not know instead of trusting it', () => {
    const odd = new URLSearchParams(
      `status=shipped&status=done&model=magic&sort=score:sideways&item=${'x'.repeat(101)}&q=${'y'.repeat(300)}`,
    );
    expect(backlogUrlCodec.fromParams(odd)).toEqual({
      query: { ...defaultBacklogView, statuses: ['done'], search: 'y'.repeat(200) },
    });
    expect(backlogUrlCodec.fromParams(new URLSearchParams('sort=priority:asc'))).toEqual({});
  });

  it('an address naming only an item resets the view to the default, so the item is not filtered away', () => {
    expect(backlogUrlCodec.fromParams(new URLSearchParams('item=abc'))).toEqual({
      query: defaultBacklogView,
      selectedId: 'abc',
      revealId: 'abc',
    });
  });
});
