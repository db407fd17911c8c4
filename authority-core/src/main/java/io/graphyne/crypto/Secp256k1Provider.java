package io.graphyne.crypto;

import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the secp256k1 backend: native libsecp256k1 when its library loads, else BouncyCastle.
 * The system property {@value #PROPERTY} ({@code native} or {@code java}) forces one; forcing
 * {@code native} where it cannot load is an error. The choice is made once, lazily, and logged
 * once; the instances are immutable.
 */
public final class Secp256k1Provider {
  /** System property that forces a backend: {@code native}, {@code java} (or {@code auto}). */
  public static final String PROPERTY = "graphyne.secp256k1";

  private static final Logger LOG = LoggerFactory.getLogger(Secp256k1Provider.class);

  private Secp256k1Provider() {}

  private static final class JavaHolder {
    static final JavaSecp256k1 INSTANCE = new JavaSecp256k1();
  }

  private static final class NativeHolder {
    static final NativeSecp256k1Backend INSTANCE;
    static final Throwable ERROR;

    static {
      NativeSecp256k1Backend b = null;
      Throwable err = null;
      try {
        b = NativeSecp256k1Backend.load();
      } catch (Throwable t) {
        err = t;
      }
      INSTANCE = b;
      ERROR = err;
    }
  }

  private static final class SystemHolder {
    static final Secp256k1 INSTANCE = choose(System.getProperty(PROPERTY), true);
  }

  /** The pure-Java backend (always available). */
  public static Secp256k1 java() {
    return JavaHolder.INSTANCE;
  }

  /** The native backend, if its library loaded on this machine. */
  public static Optional<Secp256k1> nativeBackend() {
    return Optional.ofNullable(NativeHolder.INSTANCE);
  }

  /** Why the native backend did not load, if it did not. */
  public static Optional<Throwable> nativeLoadError() {
    return Optional.ofNullable(NativeHolder.ERROR);
  }

  /** The process-wide backend chosen from {@value #PROPERTY} on first use (logged once). */
  public static Secp256k1 system() {
    return SystemHolder.INSTANCE;
  }

  /**
   * A backend by preference: {@code "native"} (error if it cannot load), {@code "java"}, or
   * null / {@code "auto"} (native if it loads).
   */
  public static Secp256k1 select(String preference) {
    return choose(preference, false);
  }

  private static Secp256k1 choose(String preference, boolean log) {
    String p = preference == null ? "auto" : preference.strip().toLowerCase(Locale.ROOT);
    Secp256k1 chosen;
    switch (p) {
      case "java" -> chosen = java();
      case "native" -> {
        if (NativeHolder.INSTANCE == null) {
          throw new IllegalStateException(
              "secp256k1 backend 'native' was requested but libsecp256k1 did not load",
              NativeHolder.ERROR);
        }
        chosen = NativeHolder.INSTANCE;
      }
      case "", "auto" -> chosen = NativeHolder.INSTANCE != null ? NativeHolder.INSTANCE : java();
      default ->
          throw new IllegalArgumentException(
              PROPERTY + " must be native, java or auto, not '" + preference + "'");
    }
    if (log) {
      if (p.equals("java")) {
        LOG.info("secp256k1 backend: java (BouncyCastle), forced by {}=java", PROPERTY);
      } else if (chosen instanceof NativeSecp256k1Backend) {
        LOG.info("secp256k1 backend: native libsecp256k1 (JNI, secp256k1-kmp)");
      } else {
        LOG.warn(
            "secp256k1 backend: java (BouncyCastle); native libsecp256k1 did not load: {}",
            String.valueOf(NativeHolder.ERROR));
      }
    }
    return chosen;
  }
}
