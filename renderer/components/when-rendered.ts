/**
 * Pages render after the hash change is handled: wait a few frames for an element, then focus or
 * press it (the palette's actions, the catalog's `/`). Gives up quietly after ~0.5 s.
 */
export function whenRendered(selector: string, act: (element: HTMLElement) => void, framesLeft = 30): void {
  requestAnimationFrame(() => {
    const element = document.querySelector<HTMLElement>(selector);
    if (element) act(element);
    else if (framesLeft > 0) whenRendered(selector, act, framesLeft - 1);
  });
}
