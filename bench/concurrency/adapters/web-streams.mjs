// The platform's own bounded channel: a TransformStream's writer and reader, with the buffer as the
// writable side's high-water mark (writes wait on `writer.ready` when it is full). With no buffer, each
// write is awaited instead: it settles once the chunk went through, one item at a time.

export async function channel({ items, buffer }) {
  const { readable, writable } = new TransformStream({}, { highWaterMark: buffer }, { highWaterMark: 0 });
  const writer = writable.getWriter();
  const producer = (async () => {
    for (let i = 0; i < items; i++) {
      if (buffer === 0) {
        await writer.write(i);
      } else {
        await writer.ready;
        writer.write(i);
      }
    }
    await writer.close();
  })();
  let sum = 0;
  const reader = readable.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) sum += next.value;
  await producer;
  return sum;
}
