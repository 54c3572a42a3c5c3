// Browser only. Kept apart from the export code so pages that only save a file do not load it.

/** Offer `blob` as a download named `name` (an <a download> click: no navigation, no server). */
export function saveFile(blob: Blob, name: string): void {
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = name;
	a.rel = 'noopener';
	document.body.append(a);
	a.click();
	a.remove();
	// The download has started reading the blob by the next task; keep it a little longer for slow machines.
	setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
