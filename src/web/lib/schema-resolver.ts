import type { FieldErrors, FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';

function setPath(target: Record<string, unknown>, path: PropertyKey[], value: unknown) {
  let node = target;
  path.forEach((key, index) => {
    const name = String(key);
    if (index === path.length - 1) {
      node[name] ??= value;
      return;
    }
    node[name] ??= {};
    node = node[name] as Record<string, unknown>;
  });
}

/** Plain words for a number box where zod would say "expected number" or "Too big: expected number to be <=180". */
export const numberBoxError: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'invalid_type' && issue.expected === 'number')
    return issue.input === undefined ? 'required' : 'enter a number';
  if (issue.code === 'too_big' && issue.origin === 'number') return `at most ${issue.maximum}`;
  if (issue.code === 'too_small' && issue.origin === 'number') return `at least ${issue.minimum}`;
  return undefined;
};

/**
 * Validates a form with a shared API schema after turning what was typed (text boxes) into the
 * API's shape (numbers, omitted blanks). Error paths stay those of the schema, so form fields
 * are named by the same paths.
 */
export function convertingResolver<Form extends FieldValues, Output>(
  schema: z.ZodType<Output>,
  convert: (form: Form) => unknown,
): Resolver<Form, unknown, Output> {
  return async (values) => {
    const result = schema.safeParse(convert(values), { error: numberBoxError });
    if (result.success) return { values: result.data, errors: {} };
    const errors: Record<string, unknown> = {};
    for (const issue of result.error.issues) {
      setPath(errors, issue.path.length > 0 ? issue.path : ['root'], {
        type: issue.code,
        message: issue.message,
      });
    }
    return { values: {}, errors: errors as FieldErrors<Form> };
  };
}
