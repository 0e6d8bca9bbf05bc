import type { z } from 'zod';

/**
 * Helpers for readable schema errors. Zod 4 no longer reports what it received, and its messages
 * changed ("Invalid input: expected boolean, received string"); ours name the key and what was there.
 */

/** The value at an issue's path in the data that was parsed. */
export function issueValue(issue: z.core.$ZodIssue, data: unknown): unknown {
  return issue.path.reduce<unknown>(
    (v, k) => (v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined),
    data,
  );
}

/** A value's type as a message names it: `array`, `null`, `nan` and `date` apart from `typeof`. */
export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (value instanceof Date) return 'date';
  if (typeof value === 'number' && Number.isNaN(value)) return 'nan';
  return typeof value;
}

/** An issue's message: wrong types as "Expected boolean, received string", anything else as Zod puts it. */
export function issueMessage(issue: z.core.$ZodIssue, data: unknown): string {
  if (issue.code === 'invalid_type') {
    const value = issueValue(issue, data);
    return value === undefined ? 'Required' : `Expected ${issue.expected}, received ${typeName(value)}`;
  }
  return issue.message;
}
