import {
  PrivacyBudgetSchema,
  StatsTableSchema,
  type PrivacyBudget,
  type StatsTable,
} from '@haven/shared';
import { apiFileRequest, apiRequest, type ApiFile } from './client';

/**
 * The auditors' statistics (`/api/v1/stats…`). Every release is audited; one with noise (`dp`)
 * also spends its epsilon from the auditor's monthly privacy budget, an export as much as a view.
 */

/** A breakdown; `query` is the statistics query string, already checked. */
export function fetchStats(query: URLSearchParams): Promise<StatsTable> {
  return apiRequest('GET', `/stats?${query.toString()}`, { schema: StatsTableSchema });
}

/** What is left of the auditor's privacy budget this month; asking spends nothing. */
export function fetchPrivacyBudget(): Promise<PrivacyBudget> {
  return apiRequest('GET', '/stats/budget', { schema: PrivacyBudgetSchema });
}

/** The same breakdown as a file, with the name the server gives it. */
export function exportStats(
  query: URLSearchParams,
  format: 'csv' | 'json',
  options: { bom?: boolean } = {},
): Promise<ApiFile> {
  const exportQuery = new URLSearchParams(query);
  exportQuery.set('format', format);
  if (options.bom) exportQuery.set('bom', 'true');
  return apiFileRequest('GET', `/stats/export?${exportQuery.toString()}`);
}
