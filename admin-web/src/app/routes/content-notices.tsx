/** Placeholder: OPS replaces it (issue 12). */
export function ContentNoticesRoute() {
  return null;
}
