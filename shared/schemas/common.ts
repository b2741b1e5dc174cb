import { z } from 'zod';
import { checkCreditCode, normaliseCreditCode } from '../creditCode';
import { keysOf, type Labelled } from '../enums';

/**
 * Building blocks of the record schemas. Error messages are i18n keys (see shared/i18n/validation.ts)
 * with their parameters in `params`, so the same schema gives Chinese or English messages.
 */
export const id = z.string().uuid({ message: 'v.id' });

export const requiredText = (max = 200) =>
  z
    .string({ message: 'v.required' })
    .trim()
    .min(1, { message: 'v.required' })
    .max(max, { message: 'v.tooLong' });

export const optionalText = (max = 2000) => z.string().trim().max(max, { message: 'v.tooLong' }).default('');

export const isoDate = z
  .string({ message: 'v.required' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'v.date' })
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), { message: 'v.date' });

export const optionalDate = z.union([isoDate, z.literal('')]).default('');

export const count = z
  .number({ message: 'v.number' })
  .int({ message: 'v.integer' })
  .min(0, { message: 'v.nonNegative' })
  .max(1_000_000, { message: 'v.tooLarge' });

export const textList = z.array(z.string().trim().min(1).max(200)).max(100).default([]);
export const idList = z.array(id).max(500).default([]);

export const enumOf = <K extends string>(table: Record<K, Labelled>) =>
  z.enum(keysOf(table), { message: 'v.choice' });

/** Optional unified social credit code: empty is allowed (villages, hospitals may have none to hand). */
export const creditCodeField = z
  .string()
  .default('')
  .transform((s) => normaliseCreditCode(s))
  .superRefine((code, ctx) => {
    if (code === '') return;
    const problem = checkCreditCode(code);
    if (!problem) return;
    ctx.addIssue({ code: 'custom', message: `v.creditCode.${problem.kind}`, params: { ...problem } });
  });

/** Fields every synced record carries besides its own. */
export const recordBase = {
  id,
  createdAt: z.string().default(''),
};
