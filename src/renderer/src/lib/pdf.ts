// A PDF arrives as base64 (a purchase order, a pick or packing list); these hand it to the user as a file
// to save or to the system print dialog.

export function pdfBlob(base64: string): Blob {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: 'application/pdf' });
}

export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The download has started by now; the address can go once the browser has read it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Loads the PDF into a hidden frame and opens the print dialog for it. When the page may not show a
 * blob: frame (the Content-Security-Policy lacks `frame-src blob:`), `onBlocked` runs instead, so the
 * caller can fall back to downloading the file.
 */
export function printBlob(blob: Blob, onBlocked: () => void): void {
  const url = URL.createObjectURL(blob);
  const frame = document.createElement('iframe');
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  Object.assign(frame.style, { position: 'fixed', right: '0', bottom: '0', width: '1px', height: '1px', border: '0', opacity: '0' });
  let settled = false;
  const cleanup = () => {
    document.removeEventListener('securitypolicyviolation', onViolation);
    // Removing the frame at once would close the print dialog in some engines.
    setTimeout(() => {
      frame.remove();
      URL.revokeObjectURL(url);
    }, 60_000);
  };
  const fail = () => {
    if (settled) return;
    settled = true;
    cleanup();
    onBlocked();
  };
  function onViolation(event: SecurityPolicyViolationEvent) {
    if (event.blockedURI.startsWith('blob')) fail();
  }
  document.addEventListener('securitypolicyviolation', onViolation);
  frame.onload = () => {
    if (settled) return;
    try {
      frame.contentWindow!.focus();
      frame.contentWindow!.print();
      settled = true;
      cleanup();
    } catch {
      // A blocked frame shows an error page of another origin, whose print() may not be called.
      fail();
    }
  };
  frame.src = url;
  document.body.appendChild(frame);
}
