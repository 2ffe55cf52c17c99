/** Placeholder: OPS replaces it (issue 12). */
export function OperationalInfoRoute() {
  return null;
}
