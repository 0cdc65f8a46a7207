/** How many characters of an identifier or hash are enough to tell entries apart at a glance. */
const SHOWN = 8;

/**
 * A long identifier or hash shown by its start. The whole value is in the tooltip, and screen
 * readers read it in full, since the start alone could be mistaken for another's.
 */
export function ShortValue({ value }: { value: string }) {
  if (value.length <= SHOWN + 1) return <code dir="ltr">{value}</code>;
  return (
    <code className="short-value" dir="ltr" title={value}>
      <span aria-hidden="true">{value.slice(0, SHOWN)}…</span>
      <span className="visually-hidden">{value}</span>
    </code>
  );
}
