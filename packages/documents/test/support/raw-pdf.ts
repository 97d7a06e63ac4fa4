/**
 * A one-page PDF whose content stream shows `items` tiny strings, written by hand (pdf-lib is too slow
 * for this many operators): cheap to build, expensive for pdf.js to turn into text items.
 */
export function manyTextItemsPdf(items: number): Buffer {
  const operators: string[] = ["BT", "/F1 4 Tf"];
  for (let index = 0; index < items; index += 1) {
    operators.push(
      `1 0 0 1 ${(index % 60) * 10} ${20 + (Math.floor(index / 60) % 70) * 10} Tm (w${index}) Tj`,
    );
  }
  operators.push("ET");
  const content = operators.join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    `<< /Length ${Buffer.byteLength(content)} >>\nstream\n${content}\nendstream`,
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}
