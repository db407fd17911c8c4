package io.graphyne.authority;

import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.PublicKey;
import io.graphyne.protocol.types.Authority;

/** The authority-relevant part of an account object (memo key informational only). */
public record AccountAuthorities(
    ObjectId id, String name, Authority owner, Authority active, PublicKey memoKey) {}
