import { ExpiringCache } from 'src/modules/search/expiring-cache';

describe('ExpiringCache', () => {
  afterEach(() => jest.useRealTimers());

  it('answers a value until its time is up, then forgets it', () => {
    jest.useFakeTimers({ now: 1_000 });
    const cache = new ExpiringCache<number>(100, 10);
    cache.set('a', 1);
    jest.setSystemTime(1_100);
    expect(cache.get('a')).toBe(1);
    jest.setSystemTime(1_101);
    expect(cache.get('a')).toBeUndefined();
  });

  it('drops the oldest entry when full', () => {
    const cache = new ExpiringCache<number>(60_000, 2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('c', 3);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([undefined, 2, 3]);
  });

  it('counts a rewritten entry as new', () => {
    const cache = new ExpiringCache<number>(60_000, 2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('a', 10);
    cache.set('c', 3);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([10, undefined, 3]);
  });

  it('forgets a deleted entry', () => {
    const cache = new ExpiringCache<string>(60_000, 2);
    cache.set('a', 'x');
    cache.delete('a');
    expect(cache.get('a')).toBeUndefined();
  });
});
