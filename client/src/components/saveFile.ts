/**
 * Hands text made in the browser, or a file fetched with the session's token, to the user as a
 * download, through a blob URL that an `<a download>` opens: nothing travels again, and the
 * Content-Security-Policy needs no change (a download is a navigation, not a fetch the policy
 * governs).
 */
export function saveFile(name: string, content: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked once the browser has taken the file.
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
