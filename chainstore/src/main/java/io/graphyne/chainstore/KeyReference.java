package io.graphyne.chainstore;

import io.graphyne.protocol.ObjectId;

/** An account that references a key, and in which role. */
public record KeyReference(ObjectId account, KeyRole role) {}
