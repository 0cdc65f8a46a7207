import type { Fields } from './fieldValidation';
import { listAnswers } from './review';

/**
 * The report one step at a time. The server sends every step as a fieldset of one form; this
 * shows one, adds Back and Next, checks a step before leaving it, moves focus to each step's
 * heading, and fills the last step with the answers to review.
 */
export interface Wizard {
  atLastStep(): boolean;
  next(): void;
  showStepOf(element: Element): void;
}

const wizards = new WeakMap<HTMLFormElement, Wizard>();

export function wizardOf(form: HTMLFormElement): Wizard | undefined {
  return wizards.get(form);
}

export function stepThrough(form: HTMLFormElement, fields: Fields): Wizard | null {
  const steps = [...form.querySelectorAll<HTMLFieldSetElement>('fieldset.step')];
  if (steps.length < 2) return null;
  const last = steps.length - 1;
  const progress = stepList(form, steps);
  let current = 0;

  function show(index: number, moveFocus: boolean): void {
    current = index;
    steps.forEach((step, position) => (step.hidden = position !== index));
    progress.forEach((item, position) => {
      if (position === index) item.setAttribute('aria-current', 'step');
      else item.removeAttribute('aria-current');
    });
    if (index === last) reviewInto(steps[last]!);
    if (moveFocus) {
      const heading = steps[index]!.querySelector<HTMLElement>('.step-heading');
      heading?.focus();
      heading?.scrollIntoView({ block: 'start' });
    }
  }

  function reviewInto(step: HTMLFieldSetElement): void {
    const intro = step.querySelector<HTMLElement>('[data-review-intro]');
    if (intro?.dataset.reviewIntro) intro.textContent = intro.dataset.reviewIntro;
    const target = step.querySelector<HTMLElement>('[data-review]');
    if (target) listAnswers(target, steps.slice(0, last), (index) => show(index, true));
  }

  const wizard: Wizard = {
    atLastStep: () => current === last,
    next() {
      const invalid = fields.firstInvalid(steps[current]!);
      if (invalid) invalid.focus();
      else show(current + 1, true);
    },
    showStepOf(element) {
      const index = steps.findIndex((step) => step.contains(element));
      if (index >= 0 && index !== current) show(index, false);
    },
  };

  steps.forEach((step, index) =>
    addButtons(form, step, index, last, {
      back: () => show(index - 1, true),
      next: () => wizard.next(),
    }),
  );
  // After a refused submission, open where the first problem is.
  const firstProblem = steps.findIndex((step) => step.querySelector('.field-invalid'));
  show(Math.max(firstProblem, 0), false);
  wizards.set(form, wizard);
  return wizard;
}

/** The steps by name, the current one marked, above the form. */
function stepList(form: HTMLFormElement, steps: HTMLFieldSetElement[]): HTMLLIElement[] {
  const list = document.createElement('ol');
  list.className = 'step-list';
  list.setAttribute('aria-label', form.dataset.steps ?? '');
  const items = steps.map((step) => {
    const item = document.createElement('li');
    item.textContent =
      step.querySelector<HTMLElement>('[data-step-title]')?.dataset.stepTitle ?? '';
    return item;
  });
  list.append(...items);
  form.prepend(list);
  return items;
}

function addButtons(
  form: HTMLFormElement,
  step: HTMLFieldSetElement,
  index: number,
  last: number,
  go: { back: () => void; next: () => void },
): void {
  const button = (label: string | undefined, className: string, onClick: () => void) => {
    const element = document.createElement('button');
    element.type = 'button';
    element.className = className;
    element.textContent = label ?? '';
    element.addEventListener('click', onClick);
    return element;
  };
  // The last step has its submit button already; Back goes before it.
  const actions = step.querySelector('.actions') ?? step.appendChild(document.createElement('div'));
  actions.classList.add('actions');
  if (index < last) actions.append(button(form.dataset.next, 'button button-primary', go.next));
  if (index > 0) actions.prepend(button(form.dataset.back, 'button', go.back));
}
