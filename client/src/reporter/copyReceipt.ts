/**
 * The copy button of the receipt page, hidden until this script can make it work. If the
 * clipboard refuses, the receipt is selected so it can be copied by hand.
 */
export function enhanceCopyButtons(): void {
  const status = document.querySelector<HTMLElement>('[data-copy-status]');
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
    const source = document.getElementById(button.dataset.copy ?? '');
    if (!source) continue;
    button.hidden = false;
    button.addEventListener('click', () => {
      const say = (message: string | undefined) => {
        if (status) status.textContent = message ?? '';
      };
      // The clipboard exists only in secure contexts (https, .onion, localhost).
      const copied =
        navigator.clipboard?.writeText(source.textContent?.trim() ?? '') ?? Promise.reject();
      copied.then(
        () => say(button.dataset.copied),
        () => {
          getSelection()?.selectAllChildren(source);
          say(button.dataset.copyFailed);
        },
      );
    });
  }
}
