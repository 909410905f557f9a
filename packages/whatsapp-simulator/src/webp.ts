/** An animated WebP carries a VP8X chunk whose flags byte (offset 20) has the animation bit. */
export function isAnimatedWebp(bytes: Uint8Array): boolean {
  const tag = (from: number, to: number) => Buffer.from(bytes.subarray(from, to)).toString('latin1');
  return bytes.length > 20 && tag(0, 4) === 'RIFF' && tag(8, 16) === 'WEBPVP8X' && (bytes[20]! & 0x02) !== 0;
}
