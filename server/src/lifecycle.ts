/** Process-wide state the probes report: set when shutdown begins, never unset. */
export class Lifecycle {
  shuttingDown = false;
}
