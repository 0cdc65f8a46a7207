/**
 * Redaction of personal data in free text before it is stored (DESIGN.md §3, invariant 3).
 * Pure functions: no storage, no HTTP; the caller keeps the state with the case.
 */
export {
  detectPersonalData,
  redact,
  type DetectionContext,
  type Redaction,
  type RedactionContext,
  type ReporterContact,
} from './redact';
export { emptyRedactionState, type RedactionState } from './state';
export { PLACEHOLDER_TYPES, type Detection, type PlaceholderType } from './types';
