/**
 * The calendar day in the landlords' time zone. Swedish and Danish landlords share CET/CEST, so one
 * zone serves both; a due date "passes" at local midnight, not at UTC midnight.
 */
const nordicDay = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' });

export const billingToday = (now: Date = new Date()) => nordicDay.format(now);
