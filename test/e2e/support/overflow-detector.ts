/**
 * What the overflow suite looks for on a rendered page (issue 11, "fits from 1024 px up"): text
 * that is cut or sticks out of its cell or the window, areas that scroll sideways, and controls
 * still wearing the browser's default look. `findLayoutProblems` runs inside the page
 * (`page.evaluate(findLayoutProblems)`): it is serialized, so it must not use anything from
 * outside its own body.
 */

export interface LayoutProblem {
  /** A short CSS path to the element (`div.backlog-row > span.backlog-title`). */
  selector: string;
  /** The start of its text (or its label), so a reader finds it on screen. */
  text: string;
  why: string;
}

/** `scope`: a CSS selector to look only inside (a panel over a page); the whole page without it. */
export function findLayoutProblems(scope: string | null): LayoutProblem[] {
  const problems: LayoutProblem[] = [];
  const viewportWidth = document.documentElement.clientWidth;
  const viewportHeight = document.documentElement.clientHeight;
  // One pixel of slack: sub-pixel widths round differently in scrollWidth and clientWidth.
  const slack = 1;

  const describe = (element: Element): string => {
    const parts: string[] = [];
    let current: Element | null = element;
    for (let depth = 0; current && current !== document.body && depth < 3; depth += 1) {
      let part = current.tagName.toLowerCase();
      const testId = current.getAttribute('data-testid');
      // React's generated ids (`_r_9m_`, `:r3:`) change from run to run: a test id or class says more.
      const stableId = current.id && !/^_?r_|:/.test(current.id) ? current.id : '';
      if (stableId) part += `#${stableId}`;
      else if (testId) part += `[data-testid="${testId}"]`;
      else if (current.classList.length > 0) part += `.${[...current.classList].slice(0, 2).join('.')}`;
      parts.unshift(part);
      if (stableId || testId) break;
      current = current.parentElement;
    }
    return parts.join(' > ');
  };
  const textOf = (element: Element): string => {
    const own =
      (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement ? element.value : '') ||
      (element as HTMLElement).innerText ||
      element.getAttribute('aria-label') ||
      '';
    const text = own.replace(/\s+/g, ' ').trim();
    return text.length > 60 ? `${text.slice(0, 57)}…` : text;
  };
  const report = (element: Element, why: string, text = textOf(element)) => {
    problems.push({ selector: describe(element), text, why });
  };
  const shown = (element: Element): boolean => {
    const box = element.getBoundingClientRect();
    if (box.width < 2 || box.height < 2) return false;
    if (element.closest('[aria-hidden="true"], [hidden]')) return false;
    return element.checkVisibility({ opacityProperty: true, visibilityProperty: true });
  };
  const clips = (value: string) => value === 'hidden' || value === 'clip';
  const scrolls = (value: string) => value === 'auto' || value === 'scroll';

  /** The boxes of the non-blank text nodes inside `element`, with the text they hold. */
  const textBoxes = (element: Element): { text: string; box: DOMRect; parent: Element }[] => {
    const found: { text: string; box: DOMRect; parent: Element }[] = [];
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
      const parent = node.parentElement;
      if (!text || !parent || !shown(parent)) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const box = range.getBoundingClientRect();
      if (box.width > 0 && box.height > 0) found.push({ text, box, parent });
    }
    return found;
  };

  const roots = scope ? [...document.querySelectorAll(scope)] : [document.body];
  const all = roots
    .flatMap((root) => [root, ...root.querySelectorAll('*')])
    .filter((element) => element !== document.body && !(element instanceof SVGElement) && shown(element));

  // 1. Text cut by an element that hides what does not fit (overflow hidden/clip, ellipsis).
  for (const element of all) {
    const style = getComputedStyle(element);
    const cutX = clips(style.overflowX) && element.scrollWidth > element.clientWidth + slack;
    const cutY = clips(style.overflowY) && element.scrollHeight > element.clientHeight + slack;
    if (!cutX && !cutY) continue;
    const box = element.getBoundingClientRect();
    const inner = {
      left: box.left + element.clientLeft,
      top: box.top + element.clientTop,
      right: box.left + element.clientLeft + element.clientWidth,
      bottom: box.top + element.clientTop + element.clientHeight,
    };
    const cut = textBoxes(element).find(
      ({ box: text }) =>
        (cutX && (text.right > inner.right + slack || text.left < inner.left - slack)) ||
        (cutY && (text.bottom > inner.bottom + slack || text.top < inner.top - slack)),
    );
    if (cut) {
      const hidden = cutX
        ? `${Math.round(element.scrollWidth - element.clientWidth)} px of ${element.scrollWidth} px wide content hidden`
        : `${Math.round(element.scrollHeight - element.clientHeight)} px of its height hidden`;
      const how = style.textOverflow === 'ellipsis' && cutX ? 'cut with an ellipsis' : 'cut off';
      report(element, `text is ${how} (${hidden}): "${cut.text.slice(0, 40)}"`);
    }
  }

  // 2. Text that sticks out of its table cell, or out of the window where nothing clips it.
  const cellSelector = 'td, th, [role="cell"], [role="gridcell"], [role="columnheader"], [role="rowheader"]';
  const clippedByAncestor = (element: Element): boolean => {
    for (
      let current = element.parentElement;
      current && current !== document.body;
      current = current.parentElement
    ) {
      const style = getComputedStyle(current);
      if (style.overflowX !== 'visible') return true;
    }
    return false;
  };
  const stuckOut = new Set<Element>();
  for (const { text, box, parent } of roots.flatMap(textBoxes)) {
    if (stuckOut.has(parent)) continue;
    const cell = parent.closest(cellSelector);
    if (cell && !clips(getComputedStyle(cell).overflowX)) {
      const cellBox = cell.getBoundingClientRect();
      if (box.right > cellBox.right + slack || box.left < cellBox.left - slack) {
        stuckOut.add(parent);
        report(
          parent,
          `text sticks out of its cell by ${Math.round(Math.max(box.right - cellBox.right, cellBox.left - box.left))} px: "${text.slice(0, 40)}"`,
        );
        continue;
      }
    }
    if ((box.right > viewportWidth + slack || box.left < -slack) && !clippedByAncestor(parent)) {
      stuckOut.add(parent);
      report(parent, `text sticks out of the window: "${text.slice(0, 40)}"`);
    }
  }

  // 3. Sideways scrolling: the page itself, a table, or a page-sized area.
  const frame = document.scrollingElement ?? document.documentElement;
  if (frame.scrollWidth > frame.clientWidth + slack) {
    report(
      document.body,
      `the page scrolls sideways (${frame.scrollWidth} px wide in a ${frame.clientWidth} px window)`,
      '',
    );
  }
  for (const element of all) {
    const style = getComputedStyle(element);
    if (!scrolls(style.overflowX) || element.scrollWidth <= element.clientWidth + slack) continue;
    if (element.matches('pre, textarea, [role="log"]')) continue;
    const box = element.getBoundingClientRect();
    const holdsTable =
      element.querySelector('table, [role="grid"], [role="table"], [role="treegrid"]') !== null;
    const pageSized = box.width >= viewportWidth * 0.5 && box.height >= viewportHeight * 0.3;
    if (!holdsTable && !pageSized) continue;
    report(
      element,
      `scrolls sideways: ${Math.round(element.scrollWidth - element.clientWidth)} px of ${holdsTable ? 'its table' : 'its content'} out of view`,
      '',
    );
  }

  // 4. Controls in the browser's default look. A bare control keeps the user agent's background
  // and border; the references are made in a shadow root, where the page's style sheets do not
  // reach, once per color scheme (the page may be light or dark).
  const host = document.createElement('div');
  host.style.cssText = 'position:fixed;left:-10000px;top:0;';
  document.body.append(host);
  const shadow = host.attachShadow({ mode: 'open' });
  const references = new Map<string, string[]>();
  const lookOf = (style: CSSStyleDeclaration) =>
    `${style.backgroundColor}|${style.borderTopStyle}|${style.borderTopColor}|${style.borderTopWidth}`;
  const defaultLooks = (control: HTMLElement): string[] => {
    const type = control.getAttribute('type') ?? '';
    const disabled = (control as HTMLButtonElement).disabled === true;
    const key = `${control.tagName}|${type}|${disabled}`;
    const known = references.get(key);
    if (known) return known;
    const looks = ['light', 'dark'].map((scheme) => {
      const wrapper = document.createElement('div');
      wrapper.style.colorScheme = scheme;
      const bare = document.createElement(control.tagName.toLowerCase()) as HTMLButtonElement;
      if (type) bare.setAttribute('type', type);
      bare.disabled = disabled;
      wrapper.append(bare);
      shadow.append(wrapper);
      return lookOf(getComputedStyle(bare));
    });
    references.set(key, looks);
    return looks;
  };
  const toggles = new Set(['checkbox', 'radio', 'range', 'color', 'file']);
  for (const element of all) {
    if (element instanceof HTMLSelectElement) {
      report(element, 'a browser-default <select> (the kit has SelectField)');
    } else if (element instanceof HTMLFieldSetElement) {
      if (getComputedStyle(element).borderTopStyle === 'groove') {
        report(element, "a <fieldset> with the browser's groove border", textOf(element).slice(0, 30));
      }
    } else if (element instanceof HTMLInputElement && toggles.has(element.type)) {
      if (getComputedStyle(element).appearance !== 'none') {
        report(element, `a browser-default ${element.type} input (the kit has Checkbox, Switch, RadioCards)`);
      }
    } else if (
      element instanceof HTMLButtonElement ||
      element instanceof HTMLTextAreaElement ||
      (element instanceof HTMLInputElement && element.type !== 'hidden')
    ) {
      if (defaultLooks(element).includes(lookOf(getComputedStyle(element)))) {
        report(
          element,
          `a <${element.tagName.toLowerCase()}> in the browser's default look (use the kit's control)`,
        );
      }
    }
  }
  host.remove();

  return problems;
}
