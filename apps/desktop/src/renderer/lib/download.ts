/** Hands a text file to the user the way a browser and Electron both save it: a link with `download`. */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The click has started the download by the time the event loop comes back.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
