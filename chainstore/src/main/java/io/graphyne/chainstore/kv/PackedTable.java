package io.graphyne.chainstore.kv;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * One column of the {@link MemoryKvStore}: a hash map from byte-string keys to byte-string values
 * that keeps its entries packed in a few large arrays instead of a handful of objects per entry,
 * so that a store of a million entries costs the garbage collector a few hundred arrays.
 *
 * <ul>
 *   <li><b>Arena.</b> Each entry is written once, as {@code keyLength (4) | valueField (4) | key |
 *       value}, at the end of the current page of {@code pages} (pages grow from 4 KiB to 1 MiB).
 *       Bytes in a page are never changed after they are written: replacing a value appends a new
 *       entry, so a {@link #copy()} can share the pages. A value of {@link #EXTERNAL_MIN} bytes or
 *       more (blocks, undo records) is kept as the array it came in ({@code valueField} = {@code
 *       -1 - index} into {@code externals}) instead of being copied. Space of replaced and deleted
 *       entries is reclaimed by {@link #compactArena()} once it outweighs the live entries.
 *   <li><b>Entry ids.</b> An entry has a stable id while its key is present; {@code refs[id]} is
 *       the position of its bytes ({@code page << 32 | offset}). The hash index and the sorted
 *       index hold ids, so neither changes when a value is replaced or the arena is compacted.
 *   <li><b>Hash index.</b> Open addressing with linear probing over {@code slots} (the key's hash
 *       and id + 1 in one long, 0 = empty); deletion shifts the following run back (no tombstones).
 *   <li><b>Sorted index.</b> Built on a column's first ordered read and kept from then on: new ids
 *       wait in {@code pending} and deleted ids are marked {@link #DEAD} until the next ordered
 *       read merges them in ({@link #syncSorted()}): O(pending log n) comparisons plus one pass of
 *       array moves, so a column iterated once per block (transaction expirations) pays for its
 *       new keys, not for all of them.
 * </ul>
 *
 * Not thread-safe: the store serializes writers against readers, and a copy is read-only.
 */
final class PackedTable {
  /** Values at least this long are kept as their own array (no copy into the arena). */
  static final int EXTERNAL_MIN = 1024;

  private static final int HEADER = 8;
  private static final int FIRST_PAGE = 4096;
  private static final int MAX_PAGE = 1 << 20;
  /** refs[id] of an id on the free list. */
  private static final long FREE = -1;
  /** refs[id] of a deleted id still listed in the sorted index or its pending list. */
  private static final long DEAD = -2;

  private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.nativeOrder());
  private static final byte[][] NO_PAGES = new byte[0][];
  private static final int[] NO_INTS = new int[0];

  // arena
  private byte[][] pages = NO_PAGES;
  private int pageCount;
  private int pagePos; // next free offset in pages[pageCount - 1]
  private byte[][] externals = NO_PAGES;
  private int externalCount;
  private int[] freeExternals = NO_INTS;
  private int freeExternalCount;
  private long liveBytes;
  private long garbageBytes;

  // ids
  private long[] refs = new long[8];
  private int idCount; // high-water mark
  private int[] freeIds = NO_INTS;
  private int freeIdCount;

  // hash index: per slot (hash << 32 | id + 1), 0 = empty (one memory access per probe)
  private long[] slots;
  private int mask;
  private int size;

  // sorted index (null = not built)
  private int[] sorted;
  private int sortedCount;
  private int[] pending = NO_INTS;
  private int pendingCount;
  private int[] dead = NO_INTS;
  private int deadCount;

  /** A copy is read-only; it sorts itself on its first ordered read. */
  private final boolean readOnly;

  PackedTable() {
    this.readOnly = false;
    this.slots = new long[16];
    this.mask = 15;
  }

  private PackedTable(PackedTable o) {
    this.readOnly = true;
    this.pages = Arrays.copyOf(o.pages, o.pageCount);
    this.pageCount = o.pageCount;
    this.externals = Arrays.copyOf(o.externals, o.externalCount);
    this.externalCount = o.externalCount;
    this.refs = Arrays.copyOf(o.refs, o.idCount);
    this.idCount = o.idCount;
    this.slots = o.slots.clone();
    this.mask = o.mask;
    this.size = o.size;
    if (o.sorted != null && o.pendingCount == 0 && o.deadCount == 0) {
      this.sorted = Arrays.copyOf(o.sorted, o.sortedCount);
      this.sortedCount = o.sortedCount;
    }
  }

  /** A read-only point-in-time copy: the index arrays are copied, the immutable arena is shared. */
  PackedTable copy() {
    return new PackedTable(this);
  }

  int size() {
    return size;
  }

  // ---------------------------------------------------------------- hashing and lookup

  static int hash(byte[] a, int off, int len) {
    int h = 1;
    int i = off;
    int end = off + len;
    for (; i + 4 <= end; i += 4) {
      h = 31 * 31 * 31 * 31 * h + 31 * 31 * 31 * a[i] + 31 * 31 * a[i + 1] + 31 * a[i + 2] + a[i + 3];
    }
    for (; i < end; i++) {
      h = 31 * h + a[i];
    }
    h *= 0x9E3779B9; // spread the bits over the low ones the table uses
    return h ^ (h >>> 15);
  }

  private int find(byte[] key, int h) {
    int i = h & mask;
    while (true) {
      long s = slots[i];
      if (s == 0) {
        return -1;
      }
      if ((int) (s >>> 32) == h && keyEquals(idOf(s), key)) {
        return i;
      }
      i = (i + 1) & mask;
    }
  }

  private static int idOf(long slot) {
    return (int) slot - 1;
  }

  private static long slot(int h, int id) {
    return (long) h << 32 | (id + 1L);
  }

  private boolean keyEquals(int id, byte[] key) {
    long ref = refs[id];
    byte[] page = pages[(int) (ref >>> 32)];
    int off = (int) ref;
    int klen = (int) INT.get(page, off);
    return klen == key.length && Arrays.equals(page, off + HEADER, off + HEADER + klen, key, 0, klen);
  }

  /** A copy of the value, or null. */
  byte[] get(byte[] key) {
    int slot = find(key, hash(key, 0, key.length));
    return slot < 0 ? null : value(idOf(slots[slot]));
  }

  boolean containsKey(byte[] key) {
    return find(key, hash(key, 0, key.length)) >= 0;
  }

  /** A copy of the key of a live entry. */
  byte[] key(int id) {
    long ref = refs[id];
    byte[] page = pages[(int) (ref >>> 32)];
    int off = (int) ref;
    int klen = (int) INT.get(page, off);
    return Arrays.copyOfRange(page, off + HEADER, off + HEADER + klen);
  }

  /** A copy of the value of a live entry. */
  byte[] value(int id) {
    long ref = refs[id];
    byte[] page = pages[(int) (ref >>> 32)];
    int off = (int) ref;
    int klen = (int) INT.get(page, off);
    int field = (int) INT.get(page, off + 4);
    if (field < 0) {
      return externals[-1 - field].clone();
    }
    int start = off + HEADER + klen;
    return Arrays.copyOfRange(page, start, start + field);
  }

  // ---------------------------------------------------------------- writes

  /** Sets a key's value; neither array is kept except a long value, which must never change. */
  void put(byte[] key, byte[] value) {
    int h = hash(key, 0, key.length);
    int slot = find(key, h);
    if (slot >= 0) {
      int id = idOf(slots[slot]);
      release(id);
      refs[id] = append(key, value);
      return;
    }
    int id = newId();
    refs[id] = append(key, value);
    if ((size + 1) * 2 > slots.length) {
      grow();
    }
    int i = h & mask;
    while (slots[i] != 0) {
      i = (i + 1) & mask;
    }
    slots[i] = slot(h, id);
    size++;
    if (sorted != null) {
      if (pendingCount == pending.length) {
        pending = Arrays.copyOf(pending, Math.max(16, pendingCount * 2));
      }
      pending[pendingCount++] = id;
    }
  }

  /** Removes a key; false when it was absent. */
  boolean remove(byte[] key) {
    int slot = find(key, hash(key, 0, key.length));
    if (slot < 0) {
      return false;
    }
    int id = idOf(slots[slot]);
    removeSlot(slot);
    release(id);
    if (sorted != null) {
      refs[id] = DEAD; // still listed in the sorted index or in pending: freed by syncSorted
      if (deadCount == dead.length) {
        dead = Arrays.copyOf(dead, Math.max(16, deadCount * 2));
      }
      dead[deadCount++] = id;
    } else {
      freeId(id);
    }
    maybeCompactArena();
    return true;
  }

  /** Removes every key with {@code from <= key < to} (null = open); the sorted index is built. */
  void removeRange(byte[] from, byte[] to) {
    syncSorted();
    int lo = from == null ? 0 : lowerBound(from, 0, sortedCount);
    int hi = to == null ? sortedCount : lowerBound(to, lo, sortedCount);
    if (lo >= hi) {
      return;
    }
    for (int p = lo; p < hi; p++) {
      int id = sorted[p];
      long ref = refs[id];
      byte[] page = pages[(int) (ref >>> 32)];
      int off = (int) ref;
      int klen = (int) INT.get(page, off);
      removeSlot(slotOf(id, hash(page, off + HEADER, klen)));
      release(id);
      freeId(id);
    }
    System.arraycopy(sorted, hi, sorted, lo, sortedCount - hi);
    sortedCount -= hi - lo;
    maybeCompactArena();
  }

  private int slotOf(int id, int h) {
    int i = h & mask;
    while (idOf(slots[i]) != id) {
      i = (i + 1) & mask;
    }
    return i;
  }

  private void removeSlot(int slot) {
    // backward-shift deletion: move later members of the probe run into the hole
    int hole = slot;
    int i = slot;
    while (true) {
      i = (i + 1) & mask;
      long s = slots[i];
      if (s == 0) {
        break;
      }
      int home = (int) (s >>> 32) & mask;
      // the entry at i may fill the hole when its home is not in (hole, i] cyclically
      boolean movable = hole <= i ? (home <= hole || home > i) : (home <= hole && home > i);
      if (movable) {
        slots[hole] = s;
        hole = i;
      }
    }
    slots[hole] = 0;
    size--;
  }

  private void grow() {
    long[] oldSlots = slots;
    int n = oldSlots.length * 2;
    slots = new long[n];
    mask = n - 1;
    for (long s : oldSlots) {
      if (s != 0) {
        int i = (int) (s >>> 32) & mask;
        while (slots[i] != 0) {
          i = (i + 1) & mask;
        }
        slots[i] = s;
      }
    }
  }

  private int newId() {
    if (freeIdCount > 0) {
      return freeIds[--freeIdCount];
    }
    if (idCount == refs.length) {
      refs = Arrays.copyOf(refs, refs.length * 2);
    }
    return idCount++;
  }

  private void freeId(int id) {
    refs[id] = FREE;
    if (freeIdCount == freeIds.length) {
      freeIds = Arrays.copyOf(freeIds, Math.max(16, freeIdCount * 2));
    }
    freeIds[freeIdCount++] = id;
  }

  /** Accounts the bytes of a live entry's current version as garbage (and drops its external value). */
  private void release(int id) {
    long ref = refs[id];
    byte[] page = pages[(int) (ref >>> 32)];
    int off = (int) ref;
    int klen = (int) INT.get(page, off);
    int field = (int) INT.get(page, off + 4);
    if (field < 0) {
      int x = -1 - field;
      externals[x] = null;
      if (freeExternalCount == freeExternals.length) {
        freeExternals = Arrays.copyOf(freeExternals, Math.max(16, freeExternalCount * 2));
      }
      freeExternals[freeExternalCount++] = x;
      field = 0;
    }
    int bytes = HEADER + klen + field;
    liveBytes -= bytes;
    garbageBytes += bytes;
  }

  private long append(byte[] key, byte[] value) {
    int field;
    int inline;
    if (value.length >= EXTERNAL_MIN) {
      int x;
      if (freeExternalCount > 0) {
        x = freeExternals[--freeExternalCount];
      } else {
        if (externalCount == externals.length) {
          externals = Arrays.copyOf(externals, Math.max(4, externalCount * 2));
        }
        x = externalCount++;
      }
      externals[x] = value;
      field = -1 - x;
      inline = 0;
    } else {
      field = value.length;
      inline = value.length;
    }
    int need = HEADER + key.length + inline;
    long ref = reserve(need);
    byte[] page = pages[(int) (ref >>> 32)];
    int off = (int) ref;
    INT.set(page, off, key.length);
    INT.set(page, off + 4, field);
    System.arraycopy(key, 0, page, off + HEADER, key.length);
    if (inline > 0) {
      System.arraycopy(value, 0, page, off + HEADER + key.length, inline);
    }
    liveBytes += need;
    return ref;
  }

  /** Room for {@code need} bytes: in the current page, a new page, or a page of its own. */
  private long reserve(int need) {
    if (pageCount > 0 && pages[pageCount - 1].length - pagePos >= need) {
      int off = pagePos;
      pagePos += need;
      return (long) (pageCount - 1) << 32 | off;
    }
    int last = pageCount == 0 ? 0 : pages[pageCount - 1].length;
    int pageSize = Math.min(MAX_PAGE, Math.max(FIRST_PAGE, last * 2));
    if (pageCount == pages.length) {
      pages = Arrays.copyOf(pages, Math.max(4, pageCount * 2));
    }
    if (need > pageSize / 4) {
      // an entry this large (a long key) gets a page of its own; the next append starts a new page
      pages[pageCount++] = new byte[need];
      pagePos = need;
      return (long) (pageCount - 1) << 32;
    }
    pages[pageCount++] = new byte[pageSize];
    pagePos = need;
    return (long) (pageCount - 1) << 32;
  }

  private void maybeCompactArena() {
    if (garbageBytes > liveBytes && garbageBytes > (MAX_PAGE >> 1)) {
      compactArena();
    }
  }

  /** Copies the live entries into fresh pages (the old ones may still be read by copies). */
  void compactArena() {
    byte[][] oldPages = pages;
    pages = NO_PAGES;
    pageCount = 0;
    pagePos = 0;
    liveBytes = 0;
    garbageBytes = 0;
    for (int id = 0; id < idCount; id++) {
      long r = refs[id];
      if (r < 0) {
        continue;
      }
      byte[] page = oldPages[(int) (r >>> 32)];
      int off = (int) r;
      int klen = (int) INT.get(page, off);
      int field = (int) INT.get(page, off + 4);
      int need = HEADER + klen + Math.max(field, 0);
      long ref = reserve(need);
      System.arraycopy(page, off, pages[(int) (ref >>> 32)], (int) ref, need);
      refs[id] = ref;
      liveBytes += need;
    }
  }

  // ---------------------------------------------------------------- order

  private int compareKey(int id, byte[] key) {
    long ref = refs[id];
    byte[] page = pages[(int) (ref >>> 32)];
    int off = (int) ref;
    int klen = (int) INT.get(page, off);
    return Arrays.compareUnsigned(page, off + HEADER, off + HEADER + klen, key, 0, key.length);
  }

  private int compareIds(int a, int b) {
    long ra = refs[a];
    long rb = refs[b];
    byte[] pa = pages[(int) (ra >>> 32)];
    byte[] pb = pages[(int) (rb >>> 32)];
    int oa = (int) ra;
    int ob = (int) rb;
    int la = (int) INT.get(pa, oa);
    int lb = (int) INT.get(pb, ob);
    return Arrays.compareUnsigned(pa, oa + HEADER, oa + HEADER + la, pb, ob + HEADER, ob + HEADER + lb);
  }

  /** First position in sorted[lo, hi) whose key is not below {@code key}. */
  private int lowerBound(byte[] key, int lo, int hi) {
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (compareKey(sorted[mid], key) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Whether an ordered read needs {@link #syncSorted()} first (which only a writer may run). */
  boolean needsSync() {
    return sorted == null || pendingCount > 0 || deadCount > 0;
  }

  /** Builds the sorted index, or merges the keys added and removed since the last ordered read. */
  void syncSorted() {
    if (sorted == null) {
      int[] ids = new int[Math.max(16, size)];
      int n = 0;
      for (long s : slots) {
        if (s != 0) {
          ids[n++] = idOf(s);
        }
      }
      sortIds(ids, n);
      sorted = ids;
      sortedCount = n;
      return;
    }
    if (deadCount > 0) {
      sortedCount = dropDead(sorted, sortedCount);
      pendingCount = dropDead(pending, pendingCount);
      for (int i = 0; i < deadCount; i++) {
        freeId(dead[i]);
      }
      deadCount = 0;
      if (dead.length > 1024) {
        dead = NO_INTS;
      }
    }
    if (pendingCount > 0) {
      int p = pendingCount;
      sortIds(pending, p);
      int total = sortedCount + p;
      if (total > sorted.length) {
        sorted = Arrays.copyOf(sorted, Math.max(total, sorted.length + (sorted.length >> 1)));
      }
      // merge from the back: each pending id's place by a search back from the previous one's (new
      // keys tend to sort last: expirations grow), the runs between moved once
      int end = sortedCount;
      for (int j = p - 1; j >= 0; j--) {
        int id = pending[j];
        int pos = gallopBack(id, end);
        System.arraycopy(sorted, pos, sorted, pos + j + 1, end - pos);
        sorted[pos + j] = id;
        end = pos;
      }
      sortedCount = total;
      pendingCount = 0;
      if (pending.length > 4096) {
        pending = NO_INTS;
      }
    }
  }

  /** The lower bound of {@code id}'s key in sorted[0, end), probing back from end by doubling steps. */
  private int gallopBack(int id, int end) {
    int hi = end;
    int step = 1;
    while (true) {
      int probe = end - step;
      if (probe < 0) {
        return lowerBoundId(id, 0, hi);
      }
      if (compareIds(sorted[probe], id) < 0) {
        return lowerBoundId(id, probe + 1, hi);
      }
      hi = probe;
      step <<= 1;
    }
  }

  private int lowerBoundId(int id, int lo, int hi) {
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (compareIds(sorted[mid], id) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private int dropDead(int[] ids, int n) {
    int w = 0;
    for (int r = 0; r < n; r++) {
      int id = ids[r];
      if (refs[id] != DEAD) {
        ids[w++] = id;
      }
    }
    return w;
  }

  /** Sorts ids by key (merge sort; stable, no boxing). */
  private void sortIds(int[] ids, int n) {
    if (n < 2) {
      return;
    }
    int[] tmp = new int[n];
    mergeSort(ids, tmp, 0, n);
  }

  private void mergeSort(int[] a, int[] tmp, int lo, int hi) {
    if (hi - lo <= 16) {
      for (int i = lo + 1; i < hi; i++) {
        int x = a[i];
        int j = i - 1;
        while (j >= lo && compareIds(a[j], x) > 0) {
          a[j + 1] = a[j];
          j--;
        }
        a[j + 1] = x;
      }
      return;
    }
    int mid = (lo + hi) >>> 1;
    mergeSort(a, tmp, lo, mid);
    mergeSort(a, tmp, mid, hi);
    if (compareIds(a[mid - 1], a[mid]) <= 0) {
      return; // already in order (keys added in order, the common case)
    }
    System.arraycopy(a, lo, tmp, lo, hi - lo);
    int i = lo;
    int j = mid;
    for (int k = lo; k < hi; k++) {
      if (j >= hi || (i < mid && compareIds(tmp[i], tmp[j]) <= 0)) {
        a[k] = tmp[i++];
      } else {
        a[k] = tmp[j++];
      }
    }
  }

  /**
   * Copies of the entries with {@code from <= key < to} (null = open), in unsigned key order.
   * The sorted index must be in sync ({@link #needsSync()} false), except on a read-only copy,
   * which builds it here.
   */
  java.util.List<byte[][]> range(byte[] from, byte[] to) {
    if (readOnly) {
      synchronized (this) {
        if (sorted == null) {
          syncSorted();
        }
      }
    } else if (needsSync()) {
      throw new IllegalStateException("sorted index not in sync");
    }
    if (from != null && to != null && Arrays.compareUnsigned(from, to) >= 0) {
      return java.util.List.of();
    }
    int lo = from == null ? 0 : lowerBound(from, 0, sortedCount);
    int hi = to == null ? sortedCount : lowerBound(to, lo, sortedCount);
    java.util.List<byte[][]> out = new java.util.ArrayList<>(Math.max(0, hi - lo));
    for (int p = lo; p < hi; p++) {
      int id = sorted[p];
      out.add(new byte[][] {key(id), value(id)});
    }
    return out;
  }

  /** For tests: the arena's accounting. */
  long liveBytes() {
    return liveBytes;
  }

  long garbageBytes() {
    return garbageBytes;
  }
}
