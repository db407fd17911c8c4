package io.graphyne.chainstore;

import io.graphyne.protocol.Address;
import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.PublicKey;
import io.graphyne.protocol.codec.FcWriter;
import io.graphyne.protocol.types.Authority;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Map;

/**
 * SHA-256 over the authority-relevant state, in a fixed fc::raw-style encoding independent of the
 * engine and of protobuf:
 *
 * <pre>
 * "graphyne-state-v1"
 * head:      u64 block number, 20-byte block id
 * 'A' then per account (id order):   01 id(u64) name owner active memo_key(33) flags(u32), then 00
 * 'W' then per witness (id order):   01 id account signing_key(33), then 00
 * 'P' then per proposal (id order):  01 id proposer expiration review? ops approvals..., then 00
 * 'C' then per custom authority:     01 id account enabled from to op_type auth restrictions
 *                                    ids(varint count, u16 each) counter(u16), then 00
 * 'G' global properties: 01 parameters pending? active_witnesses, or 00 when absent
 * 'S' witness schedule:  01 witnesses, or 00
 * </pre>
 *
 * authority = u32 threshold, varint n, n x (u64 account, u16 weight), varint n, n x (key33, u16),
 * varint n, n x (address20, u16), all in the Authority's canonical order. Dynamic properties, LIB,
 * history and the recent-transaction index are not hashed.
 */
public final class StateHash {
  private static final byte[] DOMAIN = "graphyne-state-v1".getBytes(StandardCharsets.US_ASCII);

  private StateHash() {}

  public static Bytes compute(StateReader state) {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    FcWriter w = new FcWriter(256);
    md.update(DOMAIN);
    Head head = state.head();
    w.i64(head.blockNum()).bytes(head.blockId().unsafeArray());
    flush(md, w);

    md.update((byte) 'A');
    state.forEachAccount(
        a -> {
          w.u8(1).i64(a.id().toNumber()).string(a.name());
          authority(w, a.owner());
          authority(w, a.active());
          w.bytes(a.memoKey().unsafeArray()).u32(Integer.toUnsignedLong(a.specialAuthorityFlags()));
          flush(md, w);
          return true;
        });
    md.update((byte) 0);

    md.update((byte) 'W');
    state.forEachWitness(
        x -> {
          w.u8(1).i64(x.id().toNumber()).i64(x.witnessAccount().toNumber()).bytes(x.signingKey().unsafeArray());
          flush(md, w);
          return true;
        });
    md.update((byte) 0);

    md.update((byte) 'P');
    state.forEachProposal(
        p -> {
          w.u8(1).i64(p.id().toNumber()).i64(p.proposer().toNumber()).i64(p.expirationTime());
          w.bool(p.reviewPeriodTime().isPresent()).i64(p.reviewPeriodTime().orElse(0L));
          w.varint(p.operations().size());
          p.operations().forEach(op -> w.varBytes(op.unsafeArray()));
          ids(w, p.requiredActiveApprovals());
          ids(w, p.availableActiveApprovals());
          ids(w, p.requiredOwnerApprovals());
          ids(w, p.availableOwnerApprovals());
          w.varint(p.availableKeyApprovals().size());
          p.availableKeyApprovals().forEach(k -> w.bytes(k.unsafeArray()));
          flush(md, w);
          return true;
        });
    md.update((byte) 0);

    md.update((byte) 'C');
    state.forEachCustomAuthority(
        c -> {
          w.u8(1).i64(c.id().toNumber()).i64(c.account().toNumber()).bool(c.enabled());
          w.i64(c.validFrom()).i64(c.validTo()).u32(Integer.toUnsignedLong(c.operationType()));
          authority(w, c.auth());
          w.varBytes(c.restrictions().unsafeArray());
          w.varint(c.restrictionIds().size());
          c.restrictionIds().forEach(rid -> w.u16(rid));
          w.u16(c.restrictionCounter());
          flush(md, w);
          return true;
        });
    md.update((byte) 0);

    md.update((byte) 'G');
    state.globalProperties().ifPresentOrElse(
        g -> {
          w.u8(1);
          parameters(w, g.parameters());
          w.bool(g.pendingParameters().isPresent());
          g.pendingParameters().ifPresent(p -> parameters(w, p));
          ids(w, g.activeWitnesses());
        },
        () -> w.u8(0));
    md.update((byte) 'S');
    state.witnessSchedule().ifPresentOrElse(
        s -> {
          w.u8(1);
          ids(w, s.currentShuffledWitnesses());
        },
        () -> w.u8(0));
    flush(md, w);
    return Bytes.wrap(md.digest());
  }

  private static void flush(MessageDigest md, FcWriter w) {
    md.update(w.array(), 0, w.size());
    w.reset();
  }

  static void authority(FcWriter w, Authority a) {
    w.u32(a.weightThreshold());
    w.varint(a.accountAuths().size());
    for (Map.Entry<ObjectId, Integer> e : a.accountAuths().entrySet()) {
      w.i64(e.getKey().toNumber()).u16(e.getValue());
    }
    w.varint(a.keyAuths().size());
    for (Map.Entry<PublicKey, Integer> e : a.keyAuths().entrySet()) {
      w.bytes(e.getKey().unsafeArray()).u16(e.getValue());
    }
    w.varint(a.addressAuths().size());
    for (Map.Entry<Address, Integer> e : a.addressAuths().entrySet()) {
      w.bytes(e.getKey().toArray()).u16(e.getValue());
    }
  }

  private static void ids(FcWriter w, Collection<ObjectId> ids) {
    w.varint(ids.size());
    ids.forEach(i -> w.i64(i.toNumber()));
  }

  private static void parameters(FcWriter w, ChainParameters p) {
    w.u32(p.blockInterval())
        .u32(p.maintenanceInterval())
        .u32(p.maintenanceSkipSlots())
        .u32(p.maximumTransactionSize())
        .u32(p.maximumBlockSize())
        .u32(p.maximumTimeUntilExpiration())
        .u32(p.maximumProposalLifetime())
        .u32(p.committeeProposalReviewPeriod())
        .u32(p.maximumAuthorityMembership())
        .u32(p.maxAuthorityDepth())
        .varBytes(p.raw().unsafeArray());
  }
}
