/** An empty text box means "not given": the API wants the property left out, not "". */
export const emptyAsUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

/** A number box: empty is "not given", anything else a number (NaN fails the schema with a message). */
export const numberOrUndefined = (value: unknown) =>
  value === '' || value === undefined || value === null ? undefined : Number(value);
