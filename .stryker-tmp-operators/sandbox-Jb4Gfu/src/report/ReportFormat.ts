// The formats `--format` may name, each with the file it writes into the output folder.
export const reportFormats = ['md', 'html', 'json', 'sarif', 'junit'] as const;
export type ReportFormat = (typeof reportFormats)[number];

export const reportFileName: Readonly<Record<ReportFormat, string>> = {
  md: 'report.md',
  html: 'report.html',
  json: 'report.json',
  sarif: 'report.sarif',
  junit: 'junit.xml',
};

export type FormatsRead = { readonly ok: true; readonly formats: readonly ReportFormat[] } | { readonly ok: false; readonly message: string };

/** `--format md --format html` or `--format md,html`; an unknown name is an error naming the known ones. */
export function parseFormats(values: readonly string[]): FormatsRead {
  const names = values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
  const formats: ReportFormat[] = [];
  for (const name of names) {
    if (!(reportFormats as readonly string[]).includes(name)) return { ok: false, message: `unknown --format '${name}'; expected one of: ${reportFormats.join(', ')}` };
    if (!formats.includes(name as ReportFormat)) formats.push(name as ReportFormat);
  }
  return { ok: true, formats };
}
