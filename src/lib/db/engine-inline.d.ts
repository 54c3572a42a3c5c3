export const ENGINE_OPEN: { query: { castBigIntToDouble: boolean } };
export const ENGINE_INLINE_SCRIPT: string;
