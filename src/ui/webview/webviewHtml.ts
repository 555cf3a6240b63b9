// The HTML shell of every form panel: a strict Content-Security-Policy (nothing by default; styles,
// fonts and images from the extension's webview origin; scripts only with this page's nonce).
import { randomBytes } from 'node:crypto';

export interface ShellOptions {
  readonly title: string;
  /** webview.cspSource */
  readonly cspSource: string;
  readonly nonce: string;
  readonly scriptUri: string;
  readonly styleUris: readonly string[];
  /** codicon.css; vscode-icon finds it by the id "vscode-codicon-stylesheet". */
  readonly codiconsUri: string;
}

export function newNonce(): string {
  return randomBytes(18).toString('base64').replace(/[^A-Za-z0-9]/g, '');
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `font-src ${cspSource}`,
    `img-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
}

const escapeAttr = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function renderShell(o: ShellOptions): string {
  const styles = o.styleUris.map((uri) => `  <link rel="stylesheet" nonce="${o.nonce}" href="${escapeAttr(uri)}">`).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(o.cspSource, o.nonce)}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <title>${escapeAttr(o.title)}</title>
  <link rel="stylesheet" nonce="${o.nonce}" href="${escapeAttr(o.codiconsUri)}" id="vscode-codicon-stylesheet">
${styles}
</head>
<body>
  <main id="app" aria-busy="true"><vscode-progress-ring></vscode-progress-ring><p class="loading">Loading…</p></main>
  <script nonce="${o.nonce}" src="${escapeAttr(o.scriptUri)}"></script>
</body>
</html>`;
}
