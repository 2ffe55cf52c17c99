/** Placeholder: DOCS replaces it (issue 12). */
export function ContentDocumentsRoute() {
  return null;
}
