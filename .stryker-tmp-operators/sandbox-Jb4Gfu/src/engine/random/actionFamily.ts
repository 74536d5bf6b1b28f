// Action families for shrinking: "SERVE(2)" -> "SERVE(", the label up to its first parenthesis.
// Passes may swap an action for another of its family when removals shift the arguments it needs.

export function actionFamily(label: string): string {
  const open = label.indexOf('(');
  return open < 0 ? label : label.slice(0, open + 1);
}
