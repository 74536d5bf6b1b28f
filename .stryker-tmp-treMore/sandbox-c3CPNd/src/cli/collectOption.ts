// Commander argument parser for a repeatable option (`--property A --property B`): collects the values.
export const collectOption = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];
