import type { ReportSubmission } from '@haven/shared';
import { redact, type RedactionState } from '../redaction';

/** The free-text parts of a report: what is redacted for staff and sealed as the original. */
export interface ReportText {
  narrative: string;
  platform: string | null;
  urls: string[];
  handles: string[];
}

export function reportText(report: ReportSubmission): ReportText {
  return {
    narrative: report.narrative,
    platform: report.platform ?? null,
    urls: report.urls,
    handles: report.handles,
  };
}

/**
 * Redacts every text field with one running state, so a value gets the same placeholder wherever
 * it appears (the narrative, a URL, a handle) and in the case's later messages.
 */
export function redactReportText(
  text: ReportText,
  context: Parameters<typeof redact>[1],
  state: RedactionState,
): { text: ReportText; state: RedactionState; found: number } {
  let current = state;
  let found = 0;
  const apply = (value: string): string => {
    const result = redact(value, context, current);
    current = result.state;
    found += result.found.length;
    return result.text;
  };
  const redacted: ReportText = {
    narrative: apply(text.narrative),
    platform: text.platform === null ? null : apply(text.platform),
    urls: text.urls.map(apply),
    handles: text.handles.map(apply),
  };
  return { text: redacted, state: current, found };
}
