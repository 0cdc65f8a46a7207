import { z } from 'zod';
import { ACCEPTED_MEDIA_TYPES, ATTACHMENT_KINDS, type RemovedMetadata } from './attachments';
import { REPORTER_STATUSES } from './workflow';

export const ReporterSessionRequestSchema = z
  .object({ receipt: z.string().max(100) })
  .strict()
  .meta({ id: 'ReporterSessionRequest' });

export const ReporterSessionSchema = z
  .object({
    token: z.string().describe('Bearer token for this one case; short-lived.'),
    expiresAt: z.iso.datetime(),
  })
  .meta({ id: 'ReporterSession' });

export const REPORTER_MESSAGE_MAX = 5_000;

export const ReporterMessageSchema = z
  .object({ text: z.string().trim().min(1).max(REPORTER_MESSAGE_MAX) })
  .strict()
  .meta({ id: 'ReporterMessage' });

const mediaTypes = Object.keys(ACCEPTED_MEDIA_TYPES) as [string, ...string[]];

export const ReporterAttachmentSchema = z.object({
  id: z.string(),
  kind: z.enum(ATTACHMENT_KINDS),
  mediaType: z.enum(mediaTypes),
  size: z.number().int(),
  addedAt: z.iso.datetime(),
  /** Metadata codes the copy staff see leaves out. */
  removed: z.array(z.string()),
});

export const ReporterTimelineEntrySchema = z.object({
  id: z.string(),
  at: z.iso.datetime(),
  kind: z.enum(['message_from_reporter', 'message_from_staff', 'status_changed', 'files_added']),
  text: z.string().optional(),
  status: z.enum(REPORTER_STATUSES).optional(),
  files: z.number().int().optional(),
});

/** What the reporter sees of their case: never staff notes, names, or the narrative itself. */
export const ReporterCaseViewSchema = z
  .object({
    reference: z.string(),
    status: z.enum(REPORTER_STATUSES),
    submittedAt: z.iso.datetime(),
    acknowledgeBy: z.iso.date(),
    answerBy: z.iso.date(),
    timeline: z.array(ReporterTimelineEntrySchema),
    attachments: z.array(ReporterAttachmentSchema),
  })
  .meta({ id: 'ReporterCaseView' });

export type ReporterCaseView = z.infer<typeof ReporterCaseViewSchema>;
export type ReporterTimelineEntry = z.infer<typeof ReporterTimelineEntrySchema>;
export type ReporterAttachment = z.infer<typeof ReporterAttachmentSchema> & {
  removed: RemovedMetadata[];
};
