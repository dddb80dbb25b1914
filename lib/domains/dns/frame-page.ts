/**
 * The page a URL Frame host answers with: the saved target in a full-window frame, so the address bar
 * keeps the customer's domain. No script. Its CSP lets it frame only the target's origin; the page
 * itself may be framed by anyone (it holds no form and nothing of the portal).
 */
export function FRAME_HOST_CSP(target: string): string {
  const origin = new URL(target).origin;
  return `default-src 'none'; style-src 'unsafe-inline'; frame-src ${origin}; base-uri 'none'; form-action 'none'`;
}

function escapeHtml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/'/g, "&#39;");
}

export function frameHostPage(target: string): string {
  const src = escapeHtml(target);
  return `<!doctype html>
<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(new URL(target).hostname)}</title>
<style>html,body{margin:0;height:100%;overflow:hidden}iframe{border:0;width:100%;height:100%;display:block}</style></head>
<body><iframe src="${src}" title="${escapeHtml(new URL(target).hostname)}"></iframe></body></html>
`;
}
