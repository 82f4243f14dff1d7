import type { FieldError } from '../../shared/domain/errors.ts';

/** A refused request, carrying the server's problem+json so that screens can explain it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly errors: FieldError[] = [],
  ) {
    super(detail);
    this.name = 'ApiError';
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }
}

export async function apiErrorFrom(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { code?: string; detail?: string; errors?: FieldError[] };
    return new ApiError(
      response.status,
      body.code ?? 'UNKNOWN',
      body.detail ?? response.statusText,
      Array.isArray(body.errors) ? body.errors : [],
    );
  } catch {
    return new ApiError(response.status, 'UNKNOWN', `The server answered ${response.status}`);
  }
}

/** What to tell a person about any failure: the server's words, or that the network is down. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) return error.detail;
  if (error instanceof TypeError)
    return 'The clinic server cannot be reached. Check the connection and try again.';
  return 'Something went wrong. Please try again.';
}
