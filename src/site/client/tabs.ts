/**
 * Tabsets (`::::tabset{category="…"}`). Choosing a tab selects the same value in every tabset of that
 * category on the page, and the choice is remembered across pages and reloads (localStorage).
 */
const storageKey = (category: string) => `meshdocs-tab:${category}`;

function select(tabset: HTMLElement, value: string, focus = false): boolean {
  const buttons = [...tabset.querySelectorAll<HTMLButtonElement>(':scope > [role=tablist] > [role=tab]')];
  const panels = [...tabset.querySelectorAll<HTMLElement>(':scope > [role=tabpanel]')];
  if (!buttons.some((b) => b.dataset.value === value)) return false;
  for (const b of buttons) {
    const on = b.dataset.value === value;
    b.setAttribute('aria-selected', String(on));
    b.tabIndex = on ? 0 : -1;
    if (on && focus) b.focus();
  }
  for (const p of panels) p.hidden = p.dataset.value !== value;
  return true;
}

function selectEverywhere(category: string, value: string): void {
  for (const t of document.querySelectorAll<HTMLElement>(`mesh-tabs[data-category="${CSS.escape(category)}"]`)) select(t, value);
}

function init(): void {
  for (const tabset of document.querySelectorAll<HTMLElement>('mesh-tabs')) {
    const category = tabset.dataset.category ?? '';
    const saved = category ? localStorage.getItem(storageKey(category)) : null;
    if (saved) select(tabset, saved);
    tabset.addEventListener('click', (event) => {
      const button = (event.target as Element).closest<HTMLButtonElement>('[role=tab]');
      if (!button || button.closest('mesh-tabs') !== tabset) return;
      const value = button.dataset.value ?? '';
      if (category) {
        localStorage.setItem(storageKey(category), value);
        selectEverywhere(category, value);
      } else {
        select(tabset, value);
      }
    });
    tabset.addEventListener('keydown', (event) => {
      if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
      const buttons = [...tabset.querySelectorAll<HTMLButtonElement>(':scope > [role=tablist] > [role=tab]')];
      const at = buttons.findIndex((b) => b.getAttribute('aria-selected') === 'true');
      const next = buttons[(at + (event.key === 'ArrowRight' ? 1 : buttons.length - 1)) % buttons.length];
      if (next) next.click(), next.focus();
    });
  }
}

init();
