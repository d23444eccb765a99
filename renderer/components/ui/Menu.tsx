import { DropdownMenu } from 'radix-ui';
import type { ReactNode } from 'react';
import './ui.css';

export type MenuItem =
  | { kind?: 'item'; label: string; onSelect(): void; disabled?: boolean; tone?: 'danger'; shortcut?: string }
  | { kind: 'separator' };

/** A menu behind a trigger (usually a Button): arrows, type-ahead, Escape and focus return from Radix. */
export function Menu({
  trigger,
  items,
  label,
}: {
  trigger: ReactNode;
  items: readonly MenuItem[];
  label?: string;
}) {
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger asChild aria-label={label}>
        {trigger}
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="ui-popover" sideOffset={4} align="start">
          {items.map((item, index) =>
            item.kind === 'separator' ? (
              <DropdownMenu.Separator key={`separator-${index}`} className="ui-menu-separator" />
            ) : (
              <DropdownMenu.Item
                key={item.label}
                className="ui-option"
                disabled={item.disabled}
                data-tone={item.tone}
                onSelect={item.onSelect}
              >
                <span className="ui-option-label">{item.label}</span>
                {item.shortcut ? <kbd className="muted">{item.shortcut}</kbd> : null}
              </DropdownMenu.Item>
            ),
          )}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
