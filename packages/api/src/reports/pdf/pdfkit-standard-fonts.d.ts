// pdfkit publishes its standard-font metrics as subpath exports; @types/pdfkit does not describe them.
declare module 'pdfkit/standard-fonts/*' {
  const font: { name: string; glyphWidths: number[] };
  export default font;
}
