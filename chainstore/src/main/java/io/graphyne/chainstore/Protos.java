package io.graphyne.chainstore;

import io.graphyne.chainstore.proto.AccountPb;
import io.graphyne.chainstore.proto.AccountWeightPb;
import io.graphyne.chainstore.proto.AddressWeightPb;
import io.graphyne.chainstore.proto.AuthorityPb;
import io.graphyne.chainstore.proto.ChainParametersPb;
import io.graphyne.chainstore.proto.CustomAuthorityPb;
import io.graphyne.chainstore.proto.DynamicPropertiesPb;
import io.graphyne.chainstore.proto.GlobalPropertiesPb;
import io.graphyne.chainstore.proto.HeadPb;
import io.graphyne.chainstore.proto.KeyWeightPb;
import io.graphyne.chainstore.proto.ProposalPb;
import io.graphyne.chainstore.proto.WitnessPb;
import io.graphyne.chainstore.proto.WitnessSchedulePb;
import io.graphyne.protocol.Address;
import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.PublicKey;
import io.graphyne.protocol.types.Authority;
import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/** Conversions between the Java records and their protobuf form. Bad stored data -> CORRUPT. */
final class Protos {
  private Protos() {}

  static ByteString bs(byte[] b) {
    return ByteString.copyFrom(b);
  }

  static ByteString bs(Bytes b) {
    return ByteString.copyFrom(b.unsafeArray());
  }

  static Bytes bytes(ByteString b) {
    return Bytes.wrap(b.toByteArray());
  }

  static PublicKey key(ByteString b) {
    try {
      return PublicKey.wrap(b.toByteArray());
    } catch (IllegalArgumentException e) {
      throw corrupt("stored public key: " + e.getMessage());
    }
  }

  static ObjectId id(long number) {
    try {
      return ObjectId.fromNumber(number);
    } catch (IllegalArgumentException e) {
      throw corrupt("stored object id: " + e.getMessage());
    }
  }

  static ChainStoreException corrupt(String message) {
    return new ChainStoreException(ChainStoreException.Reason.CORRUPT, message);
  }

  static AuthorityPb toPb(Authority a) {
    AuthorityPb.Builder b = AuthorityPb.newBuilder().setWeightThreshold((int) a.weightThreshold());
    a.accountAuths().forEach((k, w) -> b.addAccountAuths(AccountWeightPb.newBuilder().setAccount(k.toNumber()).setWeight(w)));
    a.keyAuths().forEach((k, w) -> b.addKeyAuths(KeyWeightPb.newBuilder().setKey(bs(k.unsafeArray())).setWeight(w)));
    a.addressAuths().forEach((k, w) -> b.addAddressAuths(AddressWeightPb.newBuilder().setAddress(bs(k.toArray())).setWeight(w)));
    return b.build();
  }

  static Authority fromPb(AuthorityPb p) {
    Map<ObjectId, Integer> accounts = new LinkedHashMap<>();
    for (AccountWeightPb w : p.getAccountAuthsList()) {
      accounts.put(id(w.getAccount()), w.getWeight());
    }
    Map<PublicKey, Integer> keys = new LinkedHashMap<>();
    for (KeyWeightPb w : p.getKeyAuthsList()) {
      keys.put(key(w.getKey()), w.getWeight());
    }
    Map<Address, Integer> addresses = new LinkedHashMap<>();
    for (AddressWeightPb w : p.getAddressAuthsList()) {
      try {
        addresses.put(Address.wrap(w.getAddress().toByteArray()), w.getWeight());
      } catch (IllegalArgumentException e) {
        throw corrupt("stored address: " + e.getMessage());
      }
    }
    return new Authority(Integer.toUnsignedLong(p.getWeightThreshold()), accounts, keys, addresses);
  }

  static AccountPb toPb(AccountRecord a) {
    return AccountPb.newBuilder()
        .setId(a.id().toNumber())
        .setName(a.name())
        .setOwner(toPb(a.owner()))
        .setActive(toPb(a.active()))
        .setMemoKey(bs(a.memoKey().unsafeArray()))
        .setSpecialAuthorityFlags(a.specialAuthorityFlags())
        .build();
  }

  static AccountRecord fromPb(AccountPb p) {
    try {
      return new AccountRecord(
          id(p.getId()), p.getName(), fromPb(p.getOwner()), fromPb(p.getActive()), key(p.getMemoKey()),
          p.getSpecialAuthorityFlags());
    } catch (IllegalArgumentException | NullPointerException e) {
      throw corrupt("stored account: " + e.getMessage());
    }
  }

  static WitnessPb toPb(WitnessRecord w) {
    return WitnessPb.newBuilder()
        .setId(w.id().toNumber())
        .setWitnessAccount(w.witnessAccount().toNumber())
        .setSigningKey(bs(w.signingKey().unsafeArray()))
        .setLastConfirmedBlockNum(w.lastConfirmedBlockNum())
        .build();
  }

  static WitnessRecord fromPb(WitnessPb p) {
    return new WitnessRecord(
        id(p.getId()), id(p.getWitnessAccount()), key(p.getSigningKey()), p.getLastConfirmedBlockNum());
  }

  static ChainParametersPb toPb(ChainParameters c) {
    return ChainParametersPb.newBuilder()
        .setBlockInterval(c.blockInterval())
        .setMaintenanceInterval((int) c.maintenanceInterval())
        .setMaintenanceSkipSlots(c.maintenanceSkipSlots())
        .setMaximumTransactionSize((int) c.maximumTransactionSize())
        .setMaximumBlockSize((int) c.maximumBlockSize())
        .setMaximumTimeUntilExpiration((int) c.maximumTimeUntilExpiration())
        .setMaximumProposalLifetime((int) c.maximumProposalLifetime())
        .setCommitteeProposalReviewPeriod((int) c.committeeProposalReviewPeriod())
        .setMaximumAuthorityMembership(c.maximumAuthorityMembership())
        .setMaxAuthorityDepth(c.maxAuthorityDepth())
        .setRaw(bs(c.raw()))
        .build();
  }

  static ChainParameters fromPb(ChainParametersPb p) {
    return new ChainParameters(
        p.getBlockInterval(),
        Integer.toUnsignedLong(p.getMaintenanceInterval()),
        p.getMaintenanceSkipSlots(),
        Integer.toUnsignedLong(p.getMaximumTransactionSize()),
        Integer.toUnsignedLong(p.getMaximumBlockSize()),
        Integer.toUnsignedLong(p.getMaximumTimeUntilExpiration()),
        Integer.toUnsignedLong(p.getMaximumProposalLifetime()),
        Integer.toUnsignedLong(p.getCommitteeProposalReviewPeriod()),
        p.getMaximumAuthorityMembership(),
        p.getMaxAuthorityDepth(),
        bytes(p.getRaw()));
  }

  static GlobalPropertiesPb toPb(GlobalProperties g) {
    GlobalPropertiesPb.Builder b = GlobalPropertiesPb.newBuilder().setParameters(toPb(g.parameters()));
    g.pendingParameters().ifPresent(p -> b.setHasPendingParameters(true).setPendingParameters(toPb(p)));
    g.activeWitnesses().forEach(w -> b.addActiveWitnesses(w.toNumber()));
    return b.build();
  }

  static GlobalProperties fromPb(GlobalPropertiesPb p) {
    List<ObjectId> active = new ArrayList<>();
    p.getActiveWitnessesList().forEach(n -> active.add(id(n)));
    return new GlobalProperties(
        fromPb(p.getParameters()),
        p.getHasPendingParameters() ? Optional.of(fromPb(p.getPendingParameters())) : Optional.empty(),
        active);
  }

  static DynamicPropertiesPb toPb(DynamicProperties d) {
    return DynamicPropertiesPb.newBuilder()
        .setHeadBlockNumber(d.headBlockNumber())
        .setHeadBlockId(bs(d.headBlockId()))
        .setTime(d.time())
        .setCurrentAslot(d.currentAslot())
        .setNextMaintenanceTime(d.nextMaintenanceTime())
        .setMaintenanceFlag(d.maintenanceFlag())
        .setLastIrreversibleBlockNum(d.lastIrreversibleBlockNum())
        .setRecentSlotsFilled(bs(d.recentSlotsFilled()))
        .build();
  }

  static DynamicProperties fromPb(DynamicPropertiesPb p) {
    return new DynamicProperties(
        p.getHeadBlockNumber(),
        bytes(p.getHeadBlockId()),
        p.getTime(),
        p.getCurrentAslot(),
        p.getNextMaintenanceTime(),
        p.getMaintenanceFlag(),
        p.getLastIrreversibleBlockNum(),
        bytes(p.getRecentSlotsFilled()));
  }

  static WitnessSchedulePb toPb(WitnessSchedule s) {
    WitnessSchedulePb.Builder b = WitnessSchedulePb.newBuilder();
    s.currentShuffledWitnesses().forEach(w -> b.addCurrentShuffledWitnesses(w.toNumber()));
    return b.build();
  }

  static WitnessSchedule fromPb(WitnessSchedulePb p) {
    List<ObjectId> ids = new ArrayList<>();
    p.getCurrentShuffledWitnessesList().forEach(n -> ids.add(id(n)));
    return new WitnessSchedule(ids);
  }

  static ProposalPb toPb(ProposalRecord r) {
    ProposalPb.Builder b =
        ProposalPb.newBuilder()
            .setId(r.id().toNumber())
            .setProposer(r.proposer().toNumber())
            .setExpirationTime(r.expirationTime());
    r.reviewPeriodTime().ifPresent(t -> b.setHasReviewPeriodTime(true).setReviewPeriodTime(t));
    r.operations().forEach(op -> b.addOperations(bs(op)));
    r.requiredActiveApprovals().forEach(i -> b.addRequiredActiveApprovals(i.toNumber()));
    r.availableActiveApprovals().forEach(i -> b.addAvailableActiveApprovals(i.toNumber()));
    r.requiredOwnerApprovals().forEach(i -> b.addRequiredOwnerApprovals(i.toNumber()));
    r.availableOwnerApprovals().forEach(i -> b.addAvailableOwnerApprovals(i.toNumber()));
    r.availableKeyApprovals().forEach(k -> b.addAvailableKeyApprovals(bs(k.unsafeArray())));
    return b.build();
  }

  static ProposalRecord fromPb(ProposalPb p) {
    List<Bytes> ops = new ArrayList<>();
    p.getOperationsList().forEach(o -> ops.add(bytes(o)));
    SortedSet<PublicKey> keys = new TreeSet<>();
    p.getAvailableKeyApprovalsList().forEach(k -> keys.add(key(k)));
    return new ProposalRecord(
        id(p.getId()),
        id(p.getProposer()),
        p.getExpirationTime(),
        p.getHasReviewPeriodTime() ? Optional.of(p.getReviewPeriodTime()) : Optional.empty(),
        ops,
        ids(p.getRequiredActiveApprovalsList()),
        ids(p.getAvailableActiveApprovalsList()),
        ids(p.getRequiredOwnerApprovalsList()),
        ids(p.getAvailableOwnerApprovalsList()),
        keys);
  }

  private static SortedSet<ObjectId> ids(List<Long> numbers) {
    SortedSet<ObjectId> s = new TreeSet<>();
    numbers.forEach(n -> s.add(id(n)));
    return s;
  }

  static CustomAuthorityPb toPb(CustomAuthorityRecord c) {
    return CustomAuthorityPb.newBuilder()
        .setId(c.id().toNumber())
        .setAccount(c.account().toNumber())
        .setEnabled(c.enabled())
        .setValidFrom(c.validFrom())
        .setValidTo(c.validTo())
        .setOperationType(c.operationType())
        .setAuth(toPb(c.auth()))
        .setRestrictions(bs(c.restrictions()))
        .addAllRestrictionIds(c.restrictionIds())
        .setHasRestrictionIds(true)
        .setRestrictionCounter(c.restrictionCounter())
        .build();
  }

  static CustomAuthorityRecord fromPb(CustomAuthorityPb p) {
    if (!p.getHasRestrictionIds()) { // written before restriction ids were kept
      return new CustomAuthorityRecord(id(p.getId()), id(p.getAccount()), p.getEnabled(), p.getValidFrom(),
          p.getValidTo(), p.getOperationType(), fromPb(p.getAuth()), bytes(p.getRestrictions()));
    }
    return new CustomAuthorityRecord(
        id(p.getId()),
        id(p.getAccount()),
        p.getEnabled(),
        p.getValidFrom(),
        p.getValidTo(),
        p.getOperationType(),
        fromPb(p.getAuth()),
        bytes(p.getRestrictions()),
        p.getRestrictionIdsList(),
        p.getRestrictionCounter());
  }

  static HeadPb toPb(Head h) {
    return HeadPb.newBuilder()
        .setBlockNum(h.blockNum())
        .setBlockId(bs(h.blockId()))
        .setLastIrreversibleBlockNum(h.lastIrreversibleBlockNum())
        .build();
  }

  static Head fromPb(HeadPb p) {
    return new Head(p.getBlockNum(), bytes(p.getBlockId()), p.getLastIrreversibleBlockNum());
  }
}
