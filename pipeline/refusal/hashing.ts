import { mix32 } from '../text/hashing.ts';

/** Feature-hasher helpers over the shared 32-bit hashing, so committed weights stay valid on every platform. */
export { fnv1a as hashString, mix32 as mixHash } from '../text/hashing.ts';

export function combineHash(left: number, right: number): number {
  return mix32(Math.imul(left, 0x9e3779b1) ^ right);
}
