/** Placeholder: DOCS replaces it (issue 12). */
export function DocumentsRoute() {
  return null;
}
