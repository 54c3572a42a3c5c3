/** Read a picked or dropped file, reporting bytes read so large files show progress. */
export async function readWithProgress(file: File, onProgress: (done: number, total: number) => void): Promise<Uint8Array> {
	const out = new Uint8Array(file.size);
	const reader = file.stream().getReader();
	let done = 0;
	for (;;) {
		const { value, done: end } = await reader.read();
		if (end) break;
		out.set(value, done);
		done += value.length;
		onProgress(done, file.size);
	}
	return out;
}
