import { useEffect, useRef } from 'react';

export interface Shortcut {
  /**
   * Each way to call it: keys pressed one after the other, as `KeyboardEvent.key` names them
   * (`[['g', 'n'], ['1']]`).
   */
  keys: readonly (readonly string[])[];
  /** What the help dialog says it does. */
  description: string;
  run(): void;
}

/** A second key of a sequence must follow the first this soon. */
const SEQUENCE_MS = 1_500;

/** Keys typed into a field are text, never shortcuts. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}

/** Enter and Space belong to the link or button that has focus. */
function activatesControl(event: KeyboardEvent): boolean {
  if (event.key !== 'Enter' && event.key !== ' ') return false;
  return event.target instanceof Element && event.target.closest('a, button, summary') !== null;
}

/**
 * Single-key shortcuts for the page, as mail and issue trackers have them. They stay quiet while
 * the user types in a field, holds Ctrl, Alt or Meta (the browser's and assistive technology's
 * own keys), or has a dialog open.
 */
export function useKeyboardShortcuts(shortcuts: readonly Shortcut[]): void {
  const latest = useRef(shortcuts);
  useEffect(() => {
    latest.current = shortcuts;
  }, [shortcuts]);

  useEffect(() => {
    let pending: { key: string; at: number } | null = null;

    function handleKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey) return;
      if (isTyping(event.target) || activatesControl(event)) return;
      if (document.querySelector('dialog[open]')) return;
      const prefix = pending && event.timeStamp - pending.at <= SEQUENCE_MS ? pending.key : null;
      pending = null;
      const sequence = prefix === null ? [event.key] : [prefix, event.key];
      const match = latest.current.find((shortcut) =>
        shortcut.keys.some(
          (keys) => keys.length === sequence.length && keys.every((key, i) => key === sequence[i]),
        ),
      );
      if (match) {
        event.preventDefault();
        match.run();
        return;
      }
      const starts = (keys: readonly string[]) => keys.length > 1 && keys[0] === event.key;
      if (prefix === null && latest.current.some((shortcut) => shortcut.keys.some(starts))) {
        pending = { key: event.key, at: event.timeStamp };
      }
    }

    document.addEventListener('keydown', handleKeyDown);
    return () => document.removeEventListener('keydown', handleKeyDown);
  }, []);
}
