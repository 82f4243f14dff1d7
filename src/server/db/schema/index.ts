export * from './appointments.ts';
export * from './audit.ts';
export * from './notifications.ts';
export * from './scheduling.ts';
export * from './users.ts';
