// Escapes text for XML and HTML content and attribute values.
const entities: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const escapeXml = (s: string): string => s.replace(/[&<>"']/g, (c) => entities[c]!);
