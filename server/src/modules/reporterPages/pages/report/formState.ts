import type { ReportField, ReportFormValues } from '../../reportForm';

/** What each step needs to draw its fields: the values typed and what may be wrong with them. */
export interface FormState {
  values: ReportFormValues;
  messages: Record<ReportField, string>;
  invalid: (field: ReportField) => boolean;
}
