import { type Model, type UpdateQuery } from 'mongoose';
import { NotFoundError, VersionConflictError } from '../../errors';
import type { StampedAudit } from '../auditChain';
import type { Audited } from './models';
import type { WriteGate } from './writes';

type Versioned = Audited & { _id: string; version: number; updatedAt: Date };

/**
 * One `findOneAndUpdate({ _id, version })` that sets `changes`, bumps the version and pushes the
 * audit entry, all in the same single-document write. Throws `NotFoundError` or
 * `VersionConflictError` when nothing matched, in which case nothing was written.
 */
export async function updateVersioned<D extends Versioned>(
  model: Model<D>,
  gate: WriteGate,
  id: string,
  expectedVersion: number,
  changes: object,
  entry: StampedAudit,
): Promise<D> {
  // As in `auditSource`: the generic filter and update types do not resolve for an open `D`.
  const plain = model as unknown as Model<Versioned>;
  const update: UpdateQuery<Versioned> = {
    $set: { ...changes, updatedAt: new Date() },
    $inc: { version: 1 },
    $push: { pendingAudit: entry },
  };
  const updated = await gate.run(() =>
    plain
      .findOneAndUpdate({ _id: id, version: expectedVersion }, update, {
        returnDocument: 'after',
        runValidators: true,
      })
      .lean<D>()
      .exec(),
  );
  if (updated) return updated;
  const current = await plain.findById(id).select({ version: 1 }).lean<{ version: number }>();
  if (!current) throw new NotFoundError();
  throw new VersionConflictError(current.version);
}
