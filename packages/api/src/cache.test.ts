import { describe, expect, it } from 'vitest';
import { VersionedCache } from './cache.js';

describe('versioned cache', () => {
  it('computes once per key and version', async () => {
    const cache = new VersionedCache();
    let runs = 0;
    const compute = () => Promise.resolve(++runs);
    expect(await cache.get('a', 1, compute)).toBe(1);
    expect(await cache.get('a', 1, compute)).toBe(1);
    expect(await cache.get('a', 2, compute)).toBe(2);
    expect(await cache.get('b', 2, compute)).toBe(3);
  });

  it('shares one computation between concurrent readers', async () => {
    const cache = new VersionedCache();
    let runs = 0;
    const compute = async () => {
      runs += 1;
      await new Promise((r) => setTimeout(r, 10));
      return runs;
    };
    const results = await Promise.all([
      cache.get('k', 1, compute),
      cache.get('k', 1, compute),
      cache.get('k', 1, compute),
    ]);
    expect(results).toEqual([1, 1, 1]);
    expect(runs).toBe(1);
  });

  it('does not keep a failed computation', async () => {
    const cache = new VersionedCache();
    await expect(cache.get('k', 1, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await new Promise((r) => setTimeout(r, 0));
    expect(await cache.get('k', 1, () => Promise.resolve('ok'))).toBe('ok');
  });

  it('evicts the least recently used entry beyond its size', async () => {
    const cache = new VersionedCache(2);
    await cache.get('a', 1, () => Promise.resolve(1));
    await cache.get('b', 1, () => Promise.resolve(2));
    await cache.get('a', 1, () => Promise.resolve(99));
    await cache.get('c', 1, () => Promise.resolve(3));
    expect(cache.size).toBe(2);
    expect(await cache.get('a', 1, () => Promise.resolve(100))).toBe(1);
    expect(await cache.get('b', 1, () => Promise.resolve(200))).toBe(200);
  });
});
