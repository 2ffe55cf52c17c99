/** Placeholder: HELP replaces it (issue 12). */
export function HelpRoute() {
  return null;
}
