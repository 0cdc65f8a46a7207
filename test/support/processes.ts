import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');

const running = new Set<ChildProcess>();

/** Kills whatever a test started and left running (call from `afterEach`). */
export function killStartedProcesses(): void {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
}

/** Runs a compiled entry point of the server (built by the test run's global setup). */
export function runNode(
  script: string,
  args: string[],
  env: Record<string, string>,
  options: { stdin?: string } = {},
): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [join(ROOT, script), ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: [options.stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
  });
  if (options.stdin !== undefined) child.stdin!.end(options.stdin);
  running.add(child);
  child.on('exit', () => running.delete(child));
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** Resolves once `predicate` holds for the output so far; rejects on exit or after `timeoutMs`. */
export function waitForOutput(
  run: ReturnType<typeof runNode>,
  predicate: (output: string) => boolean,
  timeoutMs = 20_000,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => done(new Error(`timed out; output so far:\n${run.output()}`)),
      timeoutMs,
    );
    const check = () => predicate(run.output()) && done();
    const done = (error?: Error) => {
      clearTimeout(timer);
      run.child.stdout!.off('data', check);
      run.child.stderr!.off('data', check);
      if (error) reject(error);
      else resolve(run.output());
    };
    run.child.stdout!.on('data', check);
    run.child.stderr!.on('data', check);
    run.exited.then(() => done(new Error(`exited early; output:\n${run.output()}`)));
    check();
  });
}
