package io.graphyne.p2p.transport;

import io.graphyne.p2p.crypto.StcpSecret;

/** User event fired once the STCP key exchange is done and the cipher codecs are installed. */
public record HandshakeCompleted(StcpSecret secret, byte[] ourEphemeralKey, byte[] peerEphemeralKey) {}
