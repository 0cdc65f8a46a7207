/**
 * Validation as the reporter leaves each field, with the browser's constraint checks and the
 * messages the server rendered into `data-error` (in the page's language). The markup matches
 * the server's: an error paragraph before the control, named by its `aria-describedby`.
 */
export interface Fields {
  /** Checks every field in `container`, showing each message; answers the first invalid one. */
  firstInvalid(container: ParentNode): HTMLElement | null;
}

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

export function watchFields(form: HTMLFormElement): Fields {
  const controls = () => [...form.querySelectorAll<Control>('[data-error]')];
  for (const control of controls()) {
    control.addEventListener('blur', () => check(control));
    // Once a message shows, it goes as soon as the value is fixed.
    const recheck = () => {
      if (control.getAttribute('aria-invalid')) check(control);
    };
    control.addEventListener('input', recheck);
    control.addEventListener('change', recheck);
  }
  return {
    firstInvalid(container) {
      const invalid = [...container.querySelectorAll<Control>('[data-error]')].filter(
        (control) => !check(control),
      );
      return invalid[0] ?? null;
    },
  };
}

/** Shows or clears the field's message; answers whether the value is valid. */
function check(control: Control): boolean {
  if (control instanceof HTMLInputElement && control.type === 'file') checkFiles(control);
  const valid = control.checkValidity();
  const message =
    control.validationMessage && control.validity.customError
      ? control.validationMessage
      : (control.dataset.error ?? '');
  showMessage(control, valid ? null : message);
  return valid;
}

/** Size and count, checked before an upload rather than after it. */
function checkFiles(input: HTMLInputElement): void {
  const files = [...(input.files ?? [])];
  const maxBytes = Number(input.dataset.maxBytes);
  const maxFiles = Number(input.dataset.maxFiles);
  const problem =
    files.length > maxFiles
      ? input.dataset.errorCount
      : files.some((file) => file.size > maxBytes)
        ? input.dataset.errorSize
        : '';
  input.setCustomValidity(problem ?? '');
}

function showMessage(control: Control, message: string | null): void {
  const errorId = `${control.id}-error`;
  const described = (control.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter((id) => id && id !== errorId);
  let paragraph = document.getElementById(errorId);
  control.closest('.field')?.classList.toggle('field-invalid', message !== null);
  if (message === null) {
    paragraph?.remove();
    control.removeAttribute('aria-invalid');
  } else {
    if (!paragraph) {
      paragraph = document.createElement('p');
      paragraph.id = errorId;
      paragraph.className = 'field-error';
      control.before(paragraph);
    }
    paragraph.textContent = message;
    control.setAttribute('aria-invalid', 'true');
    described.push(errorId);
  }
  if (described.length) control.setAttribute('aria-describedby', described.join(' '));
  else control.removeAttribute('aria-describedby');
}
