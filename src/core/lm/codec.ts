import { runSteps, type Steps } from '../steps';

/** Compact serialisation of the n-gram tables: per order, sorted keys as LEB128 gaps, then one count byte per key. */

export interface OrderTable {
  keys: Uint32Array; // sorted, unique
  counts: Uint8Array; // quantised, parallel to keys
}

export function encodeTables(tables: OrderTable[]): Uint8Array {
  const out: number[] = [];
  const varint = (v: number) => {
    while (v >= 0x80) {
      out.push((v & 0x7f) | 0x80);
      v >>>= 7;
    }
    out.push(v);
  };
  varint(tables.length);
  for (const t of tables) {
    varint(t.keys.length);
    let prev = 0;
    for (const k of t.keys) {
      varint(k - prev);
      prev = k;
    }
    for (const c of t.counts) out.push(c);
  }
  return Uint8Array.from(out);
}

export function decodeTables(bytes: Uint8Array): OrderTable[] {
  return runSteps(decodeTablesInSteps(bytes));
}

/** Keys decoded or inserted per step of a stepwise build: a few ms of work. */
export const KEYS_PER_STEP = 10_000;

/** decodeTables as a generator that pauses every KEYS_PER_STEP keys. */
export function* decodeTablesInSteps(bytes: Uint8Array): Steps<OrderTable[]> {
  let p = 0;
  const varint = () => {
    let v = 0;
    let shift = 0;
    for (;;) {
      const b = bytes[p++];
      v += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return v;
      shift += 7;
    }
  };
  const n = varint();
  const tables: OrderTable[] = [];
  for (let i = 0; i < n; i++) {
    const len = varint();
    const keys = new Uint32Array(len);
    let prev = 0;
    for (let j = 0; j < len; j++) {
      keys[j] = prev += varint();
      if (j % KEYS_PER_STEP === KEYS_PER_STEP - 1) yield;
    }
    const counts = bytes.slice(p, p + len);
    p += len;
    tables.push({ keys, counts });
  }
  return tables;
}

/** Base64 without Node's Buffer (src/core must run in the browser too). */
export function base64ToBytes(b64: string): Uint8Array {
  return runSteps(base64ToBytesInSteps(b64));
}

/** Base64 characters decoded per step (a multiple of 4): a few ms. */
const BASE64_PER_STEP = 1 << 17;

/** base64ToBytes pausing every BASE64_PER_STEP characters (the model's 1 MB in one go was a 16 ms task). */
export function* base64ToBytesInSteps(b64: string): Steps<Uint8Array> {
  const padding = b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((b64.length / 4) * 3 - padding);
  let at = 0;
  for (let from = 0; from < b64.length; from += BASE64_PER_STEP) {
    const bin = atob(b64.slice(from, from + BASE64_PER_STEP));
    for (let i = 0; i < bin.length; i++) out[at++] = bin.charCodeAt(i);
    yield;
  }
  return out;
}
