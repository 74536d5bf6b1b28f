// Counts as every report prints them: digits grouped in thousands ("251,617"), whatever the locale.
export const formatCount = (n: number): string => n.toLocaleString('en-US');
