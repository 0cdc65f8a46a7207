/**
 * The reporter pages' enhancement, loaded when JavaScript is allowed. Every page works without
 * it; it adds the step-by-step report, validation as fields are left, upload progress, the
 * proof of work, the copy button and quicker exits. It keeps nothing in the browser's storage
 * and imports nothing from the staff console.
 */
import { enhanceCopyButtons } from './copyReceipt';
import { watchFields } from './fieldValidation';
import { startProofOfWork } from './proofOfWork';
import { listenForQuickExit, showQuickExitHint } from './quickExit';
import { sendWithProgress } from './sendWithProgress';
import { stepThrough, wizardOf } from './wizard';

/** Long enough for an ordinary browser to solve the challenge; after it, send without. */
const PROOF_WAIT_MS = 15_000;

listenForQuickExit();
listenToErrorSummaries();
enhancePage();

/** Applies the enhancements to the page shown now: at load, and after a page is swapped in. */
function enhancePage(): void {
  showQuickExitHint();
  enhanceCopyButtons();
  for (const form of document.querySelectorAll('form')) enhanceForm(form);
  document.querySelector<HTMLElement>('.error-summary')?.focus();
}

function enhanceForm(form: HTMLFormElement): void {
  const fields = watchFields(form);
  const wizard = form.hasAttribute('data-wizard') ? stepThrough(form, fields) : null;
  const uploads = form.enctype === 'multipart/form-data';
  if (!wizard && !uploads) return;
  const proof = startProofOfWork(form);
  // The script's messages replace the browser's own, which are not in the page's language.
  form.noValidate = true;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (wizard && !wizard.atLastStep()) return wizard.next();
    const invalid = fields.firstInvalid(form);
    if (invalid) return showField(invalid);
    send(form, proof);
  });
}

function send(form: HTMLFormElement, proof: Promise<void>): void {
  const proofOrTimeout = Promise.race([
    proof,
    new Promise((resolve) => setTimeout(resolve, PROOF_WAIT_MS)),
  ]);
  void sendWithProgress(form, proofOrTimeout, () => {
    enhancePage();
    if (!document.querySelector('.error-summary')) {
      document.querySelector<HTMLElement>('h1')?.focus();
    }
  });
}

/** Shows a field, opening its step first if it is in a hidden one. */
function showField(field: HTMLElement): void {
  const form = field.closest('form');
  if (form) wizardOf(form)?.showStepOf(field);
  field.focus();
}

/** The error summary's links lead to fields that may sit in a hidden step. */
function listenToErrorSummaries(): void {
  document.addEventListener('click', (event) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>('.error-summary a');
    const field = link && document.getElementById(link.hash.slice(1));
    if (!field) return;
    event.preventDefault();
    showField(field);
  });
}
