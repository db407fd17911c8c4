package io.graphyne.chainstore;

import io.graphyne.crypto.Hashes;
import io.graphyne.protocol.Address;
import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.PublicKey;
import io.graphyne.protocol.types.Authority;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Deterministic random blocks: block {@code n}'s bytes and state changes depend only on the seed
 * and {@code n}, so any process can regenerate and replay them.
 */
final class RandomChain {
  static final Bytes CHAIN_ID = Bytes.wrap(Hashes.sha256("graphyne-test-chain".getBytes()));
  static final int KEY_POOL = 40;

  private final long seed;
  private final int accountSpace;
  private final long libLag;
  private final List<PublicKey> keys = new ArrayList<>();

  RandomChain(long seed, int accountSpace, long libLag) {
    this.seed = seed;
    this.accountSpace = accountSpace;
    this.libLag = libLag;
    for (int i = 0; i < KEY_POOL; i++) {
      byte[] k = new byte[33];
      k[0] = (byte) (2 + (i & 1));
      System.arraycopy(Hashes.sha256(("key" + i).getBytes()), 0, k, 1, 32);
      keys.add(PublicKey.wrap(k));
    }
  }

  private SplittableRandom rnd(long n, long salt) {
    return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + n * 31 + salt);
  }

  byte[] rawBlock(long n) {
    SplittableRandom r = rnd(n, 1);
    byte[] raw = new byte[16 + r.nextInt(4000)];
    r.nextBytes(raw);
    System.arraycopy(io.graphyne.chainstore.kv.Keys.u64(n), 0, raw, 0, 8);
    return raw;
  }

  /** Like a Graphene block id: 4 bytes of block number (big-endian) then 16 hash bytes. */
  Bytes blockId(long n) {
    byte[] id = Arrays.copyOf(Hashes.sha224(rawBlock(n)), 20);
    id[0] = (byte) (n >>> 24);
    id[1] = (byte) (n >>> 16);
    id[2] = (byte) (n >>> 8);
    id[3] = (byte) n;
    return Bytes.wrap(id);
  }

  Bytes txId(long n, int i) {
    return Bytes.wrap(Arrays.copyOf(Hashes.sha256(("tx" + seed + ":" + n + ":" + i).getBytes()), 20));
  }

  PublicKey key(int i) {
    return keys.get(i);
  }

  Authority randomAuthority(SplittableRandom r) {
    Map<PublicKey, Integer> ka = new HashMap<>();
    int nk = r.nextInt(4);
    for (int i = 0; i < nk; i++) {
      ka.put(keys.get(r.nextInt(KEY_POOL)), 1 + r.nextInt(3));
    }
    Map<ObjectId, Integer> aa = new HashMap<>();
    int na = r.nextInt(3);
    for (int i = 0; i < na; i++) {
      aa.put(ObjectId.account(r.nextInt(accountSpace)), 1 + r.nextInt(3));
    }
    Map<Address, Integer> ad = new HashMap<>();
    if (r.nextInt(8) == 0) {
      ad.put(keys.get(r.nextInt(KEY_POOL)).address(), 1);
    }
    return new Authority(1 + r.nextInt(3), aa, ka, ad);
  }

  AccountRecord randomAccount(SplittableRandom r, long id) {
    String name = r.nextInt(4) == 0 ? "acct-" + id + "-r" + r.nextInt(100) : "acct-" + id;
    return new AccountRecord(
        ObjectId.account(id), name, randomAuthority(r), randomAuthority(r), keys.get(r.nextInt(KEY_POOL)), r.nextInt(4));
  }

  ChainParameters randomParameters(SplittableRandom r) {
    byte[] raw = new byte[r.nextInt(40)];
    r.nextBytes(raw);
    return new ChainParameters(
        1 + r.nextInt(5), 3600 + r.nextInt(100), 3, 100000, 2000000, 86400, 28 * 86400, 3600, 10, 2, Bytes.wrap(raw));
  }

  /** Applies block {@code n} to the store (which must be at height n-1) and commits it. */
  Head apply(ChainStore store, long n) {
    try (BlockChanges b = store.beginBlock(n, blockId(n), rawBlock(n))) {
      change(b, n);
      return b.commit();
    }
  }

  /** The state changes of block n. */
  void change(BlockChanges b, long n) {
    SplittableRandom r = rnd(n, 2);
    int accounts = 1 + r.nextInt(8);
    for (int i = 0; i < accounts; i++) {
      long id = r.nextInt(accountSpace);
      if (r.nextInt(10) == 0) {
        b.removeAccount(ObjectId.account(id));
      } else {
        b.putAccount(randomAccount(r, id));
      }
    }
    int witnesses = r.nextInt(3);
    for (int i = 0; i < witnesses; i++) {
      ObjectId wid = ObjectId.witness(r.nextInt(20));
      if (r.nextInt(8) == 0) {
        b.removeWitness(wid);
      } else {
        Optional<WitnessRecord> old = b.witness(wid);
        b.putWitness(new WitnessRecord(wid, ObjectId.account(r.nextInt(accountSpace)), keys.get(r.nextInt(KEY_POOL)),
            old.map(WitnessRecord::lastConfirmedBlockNum).orElse(0L) + n));
      }
    }
    if (r.nextInt(3) == 0) {
      ObjectId pid = new ObjectId(1, ObjectId.PROPOSAL_TYPE, r.nextInt(30));
      if (r.nextInt(3) == 0) {
        b.removeProposal(pid);
      } else {
        List<Bytes> ops = new ArrayList<>();
        int nops = 1 + r.nextInt(3);
        for (int i = 0; i < nops; i++) {
          byte[] op = new byte[1 + r.nextInt(60)];
          r.nextBytes(op);
          ops.add(Bytes.wrap(op));
        }
        TreeSet<ObjectId> req = new TreeSet<>(List.of(ObjectId.account(r.nextInt(accountSpace))));
        TreeSet<ObjectId> avail = new TreeSet<>();
        if (r.nextBoolean()) {
          avail.add(ObjectId.account(r.nextInt(accountSpace)));
        }
        TreeSet<PublicKey> ks = new TreeSet<>();
        if (r.nextBoolean()) {
          ks.add(keys.get(r.nextInt(KEY_POOL)));
        }
        b.putProposal(new ProposalRecord(pid, ObjectId.account(r.nextInt(accountSpace)), n * 3 + 1000,
            r.nextBoolean() ? Optional.of(n * 3 + 500L) : Optional.empty(), ops, req, avail, new TreeSet<>(), new TreeSet<>(), ks));
      }
    }
    if (r.nextInt(6) == 0) {
      ObjectId cid = new ObjectId(1, 17, r.nextInt(10));
      if (r.nextBoolean()) {
        b.removeCustomAuthority(cid);
      } else {
        byte[] restr = new byte[r.nextInt(20)];
        r.nextBytes(restr);
        b.putCustomAuthority(new CustomAuthorityRecord(cid, ObjectId.account(r.nextInt(accountSpace)), r.nextBoolean(),
            n, n + 1000, r.nextInt(70), randomAuthority(r), Bytes.wrap(restr)));
      }
    }
    if (n == 1 || r.nextInt(10) == 0) {
      List<ObjectId> active = new ArrayList<>();
      for (int i = 0; i < 1 + r.nextInt(5); i++) {
        active.add(ObjectId.witness(r.nextInt(20)));
      }
      b.putGlobalProperties(new GlobalProperties(randomParameters(r),
          r.nextBoolean() ? Optional.of(randomParameters(r)) : Optional.empty(), active));
      b.putWitnessSchedule(new WitnessSchedule(active));
    }
    long time = n * 3;
    b.removeExpiredTransactions(time);
    int txs = r.nextInt(6);
    for (int i = 0; i < txs; i++) {
      b.addTransaction(txId(n, i), i, time + 1 + r.nextInt(60));
    }
    b.putDynamicProperties(new DynamicProperties(n, b.blockId(), time, n, time + 3600, false,
        Math.max(0, n - libLag), Bytes.wrap(new byte[16])));
    b.setLastIrreversible(Math.max(0, n - libLag));
  }
}
