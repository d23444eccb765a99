import { createContext, useContext, type ComponentType, type ReactNode } from 'react';

/**
 * An extension point a feature declares in its public entry (e.g. the catalog's "service
 * sections") so other features can add parts to its page without it importing them
 * (docs/architecture.md, "Features"). `Props` is what every contribution receives.
 */
export interface Slot<Props extends object> {
  readonly id: string;
  /** Type only: ties contributions to the slot's props. */
  readonly props?: Props;
}

export function defineSlot<Props extends object>(id: string): Slot<Props> {
  return { id };
}

export interface SlotContribution {
  readonly slot: Slot<object>;
  readonly component: ComponentType<never>;
}

/** A component for a slot; its props must be the slot's. */
export function contribute<Props extends object>(
  slot: Slot<Props>,
  component: ComponentType<NoInfer<Props>>,
): SlotContribution {
  return { slot: slot as Slot<object>, component: component as ComponentType<never> };
}

const SlotsContext = createContext<readonly SlotContribution[]>([]);

export function SlotsProvider({
  contributions,
  children,
}: {
  contributions: readonly SlotContribution[];
  children: ReactNode;
}) {
  return <SlotsContext.Provider value={contributions}>{children}</SlotsContext.Provider>;
}

/** Renders every contribution to `slot`, in feature-list order. */
export function SlotOutlet<Props extends object>({ slot, props }: { slot: Slot<Props>; props: Props }) {
  const contributions = useContext(SlotsContext);
  return contributions
    .filter((contribution) => contribution.slot.id === slot.id)
    .map((contribution, index) => {
      const Part = contribution.component as ComponentType<Props>;
      return <Part key={index} {...props} />;
    });
}
