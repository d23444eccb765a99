import { describe, expect, it } from 'vitest';
import { nextSelectionIndex } from '../../../renderer/components/list-navigation';

describe('nextSelectionIndex', () => {
  it('moves within bounds and ignores other keys', () => {
    expect(nextSelectionIndex('ArrowDown', -1, 5, 3)).toBe(0);
    expect(nextSelectionIndex('ArrowDown', 4, 5, 3)).toBe(4);
    expect(nextSelectionIndex('ArrowUp', 0, 5, 3)).toBe(0);
    expect(nextSelectionIndex('ArrowUp', 3, 5, 3)).toBe(2);
    expect(nextSelectionIndex('PageDown', 1, 5, 3)).toBe(4);
    expect(nextSelectionIndex('PageUp', 4, 5, 3)).toBe(1);
    expect(nextSelectionIndex('End', 0, 5, 3)).toBe(4);
    expect(nextSelectionIndex('Home', 4, 5, 3)).toBe(0);
    expect(nextSelectionIndex('a', 1, 5, 3)).toBeNull();
    expect(nextSelectionIndex('ArrowDown', -1, 0, 3)).toBeNull();
  });
});
