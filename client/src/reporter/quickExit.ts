/**
 * The quick exit: the link leaves for a neutral site by replacing this page in the history, so
 * Back does not return here, and Esc pressed twice in a row does the same.
 */
const ESCAPE_TWICE_MS = 1_000;

export function listenForQuickExit(): void {
  document.addEventListener('click', (event) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-quick-exit]');
    if (!link) return;
    event.preventDefault();
    leave(link.href);
  });
  let lastEscape = -Infinity;
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    const link = document.querySelector<HTMLAnchorElement>('a[data-quick-exit]');
    if (link && event.timeStamp - lastEscape < ESCAPE_TWICE_MS) leave(link.href);
    lastEscape = event.timeStamp;
  });
}

/** Tells of the Esc shortcut beside the link, since only the script makes it work. */
export function showQuickExitHint(): void {
  const link = document.querySelector<HTMLAnchorElement>('a[data-quick-exit]');
  if (!link?.dataset.hint || link.querySelector('.quick-exit-hint')) return;
  const hint = document.createElement('span');
  hint.className = 'quick-exit-hint';
  hint.textContent = link.dataset.hint;
  link.append(' ', hint);
}

function leave(href: string): void {
  // Blank at once: the next site may take a moment to appear.
  document.title = '';
  document.body.replaceChildren();
  location.replace(href);
}
