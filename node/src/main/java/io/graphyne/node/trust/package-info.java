/**
 * Trusted sources of the vote-derived state a light node cannot compute (spec/authority.md §6.8,
 * §7.3): {@link io.graphyne.node.trust.TrustedNodeTrust} asks bitshares-core full nodes over their
 * JSON-RPC HTTP API, bounded in time, bytes and JSON depth, with every failure a typed {@link
 * io.graphyne.node.trust.TrustedNodeException}. Snapshot files are read by {@link
 * io.graphyne.node.chain.SnapshotTrust}; maintenances no source covers are handled by the
 * controller (last known set, or learned from production).
 */
package io.graphyne.node.trust;
