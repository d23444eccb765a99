import { beforeEach, describe, expect, it } from 'vitest';
import { UNDO_LIMIT, useBacklogStore } from '../../../../renderer/features/backlog/store';
import {
  describeChange,
  isUndoKey,
  shownValue,
  type UndoEntry,
} from '../../../../renderer/features/backlog/undo';

const entry = (id: number): UndoEntry => ({
  id,
  description: `change ${id}`,
  undo: { command: 'backlog:update', input: { id: 'a', patch: { effort: id } } },
});

const key = (
  patch: Partial<KeyboardEvent>,
  target: Partial<HTMLElement> & { type?: string } = { tagName: 'DIV' },
) =>
  ({
    key: 'z',
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    altKey: false,
    target,
    ...patch,
  }) as KeyboardEvent;

describe('undo stack', () => {
  beforeEach(() => useBacklogStore.setState({ undo: [] }));

  it('takes back the newest change first, or a named one', () => {
    const { pushUndo, takeUndo } = useBacklogStore.getState();
    pushUndo(entry(1));
    pushUndo(entry(2));
    pushUndo(entry(3));
    expect(takeUndo(1)?.id).toBe(1);
    expect(takeUndo()?.id).toBe(3);
    expect(takeUndo()?.id).toBe(2);
    expect(takeUndo()).toBeNull();
  });

  it(`keeps only the last ${UNDO_LIMIT} changes`, () => {
    const { pushUndo } = useBacklogStore.getState();
    for (let i = 1; i <= UNDO_LIMIT + 5; i++) pushUndo(entry(i));
    const ids = useBacklogStore.getState().undo.map((e) => e.id);
    expect(ids).toHaveLength(UNDO_LIMIT);
    expect(ids[0]).toBe(6);
    expect(ids.at(-1)).toBe(UNDO_LIMIT + 5);
  });
});

describe('describeChange', () => {
  it('says what changed in words a person reads', () => {
    expect(describeChange('Effort (weeks)', 3, 5)).toBe('Effort (weeks) changed from 3 to 5');
    expect(describeChange('Status', 'planned', 'in_progress')).toBe(
      'Status changed from planned to in progress',
    );
    expect(describeChange('Title', 'Golden paths', 'Paved roads')).toBe(
      'Title changed from “Golden paths” to “Paved roads”',
    );
    expect(describeChange('Description', '', 'x')).toBe('Description changed from empty to “x”');
  });

  it('shortens long text', () => {
    expect(shownValue('a'.repeat(100))).toBe(`“${'a'.repeat(39)}…”`);
  });
});

describe('isUndoKey', () => {
  it('is Ctrl+Z or Cmd+Z, not with Shift (redo) or Alt', () => {
    expect(isUndoKey(key({ ctrlKey: true }))).toBe(true);
    expect(isUndoKey(key({ metaKey: true, key: 'Z' }))).toBe(true);
    expect(isUndoKey(key({}))).toBe(false);
    expect(isUndoKey(key({ ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(isUndoKey(key({ ctrlKey: true, altKey: true }))).toBe(false);
    expect(isUndoKey(key({ ctrlKey: true, key: 'y' }))).toBe(false);
  });

  it('leaves text fields their own undo', () => {
    expect(isUndoKey(key({ ctrlKey: true }, { tagName: 'INPUT', type: 'text' }))).toBe(false);
    expect(isUndoKey(key({ ctrlKey: true }, { tagName: 'INPUT', type: 'number' }))).toBe(false);
    expect(isUndoKey(key({ ctrlKey: true }, { tagName: 'TEXTAREA' }))).toBe(false);
    expect(isUndoKey(key({ ctrlKey: true }, { tagName: 'DIV', isContentEditable: true }))).toBe(false);
    expect(isUndoKey(key({ ctrlKey: true }, { tagName: 'INPUT', type: 'checkbox' }))).toBe(true);
    expect(isUndoKey(key({ ctrlKey: true }, { tagName: 'BUTTON' }))).toBe(true);
  });
});
