/**
 * Solves the form's proof-of-work challenge in a worker while the reporter types, and puts the
 * answer in the form. A form sent without it is still accepted, under a stricter rate limit.
 * Resolves when solved, or at once when there is nothing to solve or no way to.
 */
export function startProofOfWork(form: HTMLFormElement): Promise<void> {
  const challenge = form.querySelector<HTMLInputElement>('input[name="proofOfWork.challenge"]');
  const nonce = form.querySelector<HTMLInputElement>('input[name="proofOfWork.nonce"]');
  if (!challenge || !nonce || !window.Worker || !window.crypto?.subtle) return Promise.resolve();
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./proofOfWork.worker.ts', import.meta.url), {
      type: 'module',
    });
    const finish = () => {
      worker.terminate();
      resolve();
    };
    worker.addEventListener('message', (event: MessageEvent<string>) => {
      nonce.value = event.data;
      finish();
    });
    worker.addEventListener('error', finish);
    worker.postMessage({
      challenge: challenge.value,
      difficulty: Number(challenge.dataset.difficulty),
    });
  });
}
