/** Placeholder: POSTS replaces it (issue 12). */
export function NewsRoute() {
  return null;
}
