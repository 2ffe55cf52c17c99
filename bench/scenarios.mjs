// What the benchmark requests, and which row of issue 8's table each figure feeds. Adjust the
// paths and query parameters here when routes change (e.g. lists moving to `?cursor=&limit=`).
//
// Scenario fields:
//   name        unique id; also the key of its SQL trace and of its baseline route
//   group       what BENCH_ONLY selects (comma list: portal, inbox, cases, unread, spa, cold)
//   as          `tenant` (portal user) or `staff` (console admin) — whose cookies are sent
//   db          `big` (1M messages / 1M cases) or `small` (10k messages)
//   url         path and query, requested with GET
//   shape       how the baseline shapes the replayed rows: `list` ({items, nextCursor, …}) or `object`
//   connections autocannon connections (concurrent requests)
//   baseline    false: the product only (the 10k database is there for a ratio, not a comparison)

/** The word generated into exactly five cases (bench/sql/30-cases.sql). */
export const RARE_WORD = 'kackerlackor';

const day = 86_400_000;
const isoDay = (msAgo) => new Date(Date.now() - msAgo).toISOString().slice(0, 10);

export const scenarios = [
  { name: 'portal-inbox', group: 'portal', as: 'tenant', db: 'big', url: '/api/v1/portal/threads', shape: 'list', connections: 10 },
  { name: 'staff-inbox-1m', group: 'inbox', as: 'staff', db: 'big', url: '/api/v1/threads', shape: 'list', connections: 10 },
  {
    name: 'staff-inbox-10k',
    group: 'inbox',
    as: 'staff',
    db: 'small',
    url: '/api/v1/threads',
    shape: 'list',
    connections: 10,
    baseline: false,
  },
  // Case search and unread counts: one request at a time; the goal is each answer's own time.
  { name: 'cases-text', group: 'cases', as: 'staff', db: 'big', url: '/api/v1/cases?q=element', shape: 'list', connections: 1 },
  { name: 'cases-street', group: 'cases', as: 'staff', db: 'big', url: '/api/v1/cases?street=kungsg', shape: 'list', connections: 1 },
  {
    name: 'cases-status-dates',
    group: 'cases',
    as: 'staff',
    db: 'big',
    url: `/api/v1/cases?status=in_progress&from=${isoDay(400 * day)}&to=${isoDay(370 * day)}`,
    shape: 'list',
    connections: 1,
  },
  { name: 'cases-rare', group: 'cases', as: 'staff', db: 'big', url: `/api/v1/cases?q=${RARE_WORD}`, shape: 'list', connections: 1 },
  {
    name: 'unread-count',
    group: 'unread',
    as: 'staff',
    db: 'big',
    url: '/api/v1/threads/unread-count',
    shape: 'object',
    connections: 1,
  },
];

// The rows of issue 8's table that come from the scenarios above.
//   metric  rps-ratio: product req/s ÷ baseline req/s, goal `min`
//           growth:    product p99 of `scenario` ÷ product p99 of `versus`, goal `max`
//           latency:   product percentile `p` in ms, goal below `max`
export const rows = [
  { label: 'portal inbox throughput, product ÷ baseline', metric: 'rps-ratio', scenario: 'portal-inbox', min: 0.7 },
  { label: 'staff inbox p99, 1M ÷ 10k messages', metric: 'growth', scenario: 'staff-inbox-1m', versus: 'staff-inbox-10k', max: 1.5 },
  { label: 'case search p95, free text "element"', metric: 'latency', scenario: 'cases-text', p: 95, max: 100 },
  { label: 'case search p95, street "kungsg"', metric: 'latency', scenario: 'cases-street', p: 95, max: 100 },
  { label: 'case search p95, status + dates', metric: 'latency', scenario: 'cases-status-dates', p: 95, max: 100 },
  { label: `case search p95, rare word "${RARE_WORD}"`, metric: 'latency', scenario: 'cases-rare', p: 95, max: 100 },
  { label: 'unread counts, median', metric: 'latency', scenario: 'unread-count', p: 50, max: 20 },
];
