import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiError, describeError } from './api-error.ts';

/**
 * Puts the server's field errors (problem+json `errors[]`) beside the fields they name and returns
 * the message for the form as a whole. What was typed stays in the form.
 */
export function applyServerErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly string[],
): string {
  if (!(error instanceof ApiError)) return describeError(error);
  const unplaced: string[] = [];
  for (const fieldError of error.errors) {
    const path = fieldError.path.replace(/^body\.?/, '');
    if (fields.some((field) => path === field || path.startsWith(`${field}.`))) {
      setError(path as Path<T>, { type: 'server', message: fieldError.message });
    } else {
      unplaced.push(path ? `${path}: ${fieldError.message}` : fieldError.message);
    }
  }
  return [error.detail, ...unplaced].join(' ');
}
