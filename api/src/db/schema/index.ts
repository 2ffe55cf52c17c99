// drizzle-kit and the db client need every table in one object; nothing else imports this file.
export * from './api-keys';
export * from './auth';
export * from './cases';
export * from './content';
export * from './customers';
export * from './history';
export * from './idempotency';
export * from './imports';
export * from './invoices';
export * from './landlords';
export * from './leases';
export * from './messaging';
export * from './outbox';
export * from './portal-users';
export * from './properties';
export * from './staff';
export * from './webhooks';
