/**
 * Hands the browser a file to save: a link to a Blob, clicked for the user. No permission is
 * needed and nothing leaves the browser.
 */
export function offerDownload(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The download has its own copy once it starts: the URL can go after a while.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
