import { uuidv7 } from 'uuidv7';

/** Time-ordered ids keep inserts local in the primary key index. */
export const newId = (): string => uuidv7();
