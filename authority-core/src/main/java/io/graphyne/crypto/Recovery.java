package io.graphyne.crypto;

import io.graphyne.protocol.PublicKey;

/** The outcome of recovering a public key from a compact signature: a key or a typed reason. */
public sealed interface Recovery permits Recovery.Recovered, Recovery.Failed {

  boolean ok();

  /** The recovered key; throws if the recovery failed. */
  PublicKey key();

  /** The reason of a failure; null when a key was recovered. */
  RecoveryFailure failure();

  static Recovery of(PublicKey key) {
    return new Recovered(key);
  }

  static Recovery failed(RecoveryFailure reason) {
    return Failed.ALL[reason.ordinal()];
  }

  record Recovered(PublicKey key) implements Recovery {
    public Recovered {
      if (key == null) {
        throw new IllegalArgumentException("key");
      }
    }

    @Override
    public boolean ok() {
      return true;
    }

    @Override
    public RecoveryFailure failure() {
      return null;
    }
  }

  record Failed(RecoveryFailure reason) implements Recovery {
    private static final Failed[] ALL = init();

    private static Failed[] init() {
      RecoveryFailure[] values = RecoveryFailure.values();
      Failed[] out = new Failed[values.length];
      for (int i = 0; i < values.length; i++) {
        out[i] = new Failed(values[i]);
      }
      return out;
    }

    @Override
    public boolean ok() {
      return false;
    }

    @Override
    public PublicKey key() {
      throw new IllegalStateException("no key recovered: " + reason);
    }

    @Override
    public RecoveryFailure failure() {
      return reason;
    }
  }
}
