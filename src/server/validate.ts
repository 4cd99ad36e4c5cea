import type { z } from 'zod';
import { HttpError } from './http-error';
import { describeIssues } from './requests';

/** The parsed body, or a 400 listing every problem. */
export function validateBody<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  const result = schema.safeParse(body);
  if (!result.success) throw new HttpError(400, describeIssues(result.error));
  return result.data;
}
