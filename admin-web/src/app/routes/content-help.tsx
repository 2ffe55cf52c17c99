/** Placeholder: HELP replaces it (issue 12). */
export function ContentHelpRoute() {
  return null;
}
