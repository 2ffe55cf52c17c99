/** Header every state-changing request carries; a cross-site form cannot set it. */
export const CSRF_HEADER = 'x-portico-csrf';
/** Header naming the customer a portal request acts for (a portal user may belong to several). */
export const CUSTOMER_HEADER = 'x-portico-customer';
