/** Placeholder: POSTS replaces it (issue 12). */
export function ContentPostsRoute() {
  return null;
}
