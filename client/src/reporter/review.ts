/**
 * The review list of the last step: each earlier step's answers under its title, with a button
 * back to it. Values are set as text, never as markup.
 */
export function listAnswers(
  target: HTMLElement,
  steps: HTMLFieldSetElement[],
  goTo: (index: number) => void,
): void {
  const notGiven = target.dataset.notGiven ?? '';
  const sections = steps.map((step, index) => {
    const title = step.querySelector<HTMLElement>('[data-step-title]')?.dataset.stepTitle ?? '';
    const section = element('section', 'review-step');
    const heading = element('h3', '', title);
    const list = element('dl', 'review-list');
    for (const field of step.querySelectorAll<HTMLElement>('[data-review-label]')) {
      const row = element('div');
      row.append(
        element('dt', '', field.dataset.reviewLabel),
        element('dd', '', answerIn(field) || notGiven),
      );
      list.append(row);
    }
    const change = element('button', 'button button-link', target.dataset.change);
    change.setAttribute('type', 'button');
    change.append(' ', element('span', 'visually-hidden', title));
    change.addEventListener('click', () => goTo(index));
    section.append(heading, list, change);
    return section;
  });
  const title = element('h3', 'visually-hidden', target.dataset.reviewTitle);
  target.replaceChildren(title, ...sections);
}

/** What a field holds, as the reporter would read it back. */
function answerIn(field: HTMLElement): string {
  const parts: string[] = [];
  for (const control of field.querySelectorAll<HTMLElement>('input, select, textarea')) {
    if (control instanceof HTMLSelectElement) {
      if (control.value) parts.push(control.selectedOptions[0]?.text ?? control.value);
    } else if (control instanceof HTMLInputElement && control.type === 'file') {
      parts.push(...[...(control.files ?? [])].map((file) => file.name));
    } else if (control instanceof HTMLInputElement && /^(checkbox|radio)$/.test(control.type)) {
      if (control.checked) parts.push(control.labels?.[0]?.textContent ?? control.value);
    } else if (control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement) {
      if (control.value.trim()) parts.push(control.value.trim());
    }
  }
  return parts.join(', ');
}

function element<Tag extends keyof HTMLElementTagNameMap>(
  tag: Tag,
  className = '',
  text?: string,
): HTMLElementTagNameMap[Tag] {
  const created = document.createElement(tag);
  if (className) created.className = className;
  if (text !== undefined) created.textContent = text;
  return created;
}
