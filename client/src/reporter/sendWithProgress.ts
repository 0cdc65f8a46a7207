/**
 * Sends a form with its files through XMLHttpRequest, whose upload events drive a progress bar,
 * then shows the page the server answered in place of this one: the same page a plain submit
 * would show, which for a report is its receipt (never put in an address). If the request
 * fails, the form is submitted the ordinary way; its idempotency key makes that safe.
 */
export async function sendWithProgress(
  form: HTMLFormElement,
  /** Settles when the form is ready to go (its proof of work solved, or given up on). */
  ready: Promise<unknown>,
  onShown: () => void,
): Promise<void> {
  for (const button of form.querySelectorAll('button')) button.disabled = true;
  const progress = document.createElement('progress');
  progress.max = 1;
  progress.value = 0;
  const text = document.createTextNode(form.dataset.preparing ?? form.dataset.sending ?? '');
  const label = document.createElement('label');
  label.className = 'upload-progress';
  label.append(text, progress);
  const actions =
    form.querySelector('fieldset.step:not([hidden]) .actions') ?? form.querySelector('.actions');
  (actions ?? form).after(label);

  await ready;
  text.data = form.dataset.sending ?? '';
  const request = new XMLHttpRequest();
  request.open('POST', form.action);
  request.upload.addEventListener('progress', (event) => {
    if (event.lengthComputable) progress.value = event.loaded / event.total;
  });
  request.addEventListener('load', () => {
    if (!request.getResponseHeader('Content-Type')?.startsWith('text/html')) return form.submit();
    showPage(request.responseText, request.responseURL);
    onShown();
  });
  request.addEventListener('error', () => form.submit());
  request.addEventListener('timeout', () => form.submit());
  request.send(new FormData(form));
}

/** Swaps in the answered page; the head stays, as it links the same stylesheet and script. */
function showPage(html: string, url: string): void {
  const next = new DOMParser().parseFromString(html, 'text/html');
  document.documentElement.lang = next.documentElement.lang;
  document.documentElement.dir = next.documentElement.dir;
  document.title = next.title;
  document.body.replaceWith(document.adoptNode(next.body));
  // After a redirect (files added to a case) the address is the page's; a report's stays.
  if (url && url !== location.href) history.replaceState(null, '', url);
  window.scrollTo(0, 0);
}
