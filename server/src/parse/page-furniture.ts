// Running headers and footers of a printed page (a web page printed to PDF, then pdftotext):
// `11/30/26, 1:54 AM   <page title>` at the top, `https://…   4/7` at the bottom. They are neither
// prose nor table text, and a table that continues after them is the same table.
const PRINT_HEADER = /^\d{1,2}\/\d{1,2}\/\d{2,4},?\s+\d{1,2}:\d{2}(?:\s*[AaPp][Mm])?(?:\s|$)/;
const PRINT_FOOTER = /^(?:https?:\/\/|www\.)\S*.*\s\d{1,3}\s*\/\s*\d{1,3}$/;

/** Whether a line (trimmed, normalised) is a printed page's running header or footer. */
export function isRunningLine(text: string): boolean {
  return text.length <= 300 && (PRINT_HEADER.test(text) || PRINT_FOOTER.test(text));
}
