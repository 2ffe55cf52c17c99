/** Placeholder: DOCS replaces it (issue 12). */
export function PropertyRoute() {
  return null;
}
