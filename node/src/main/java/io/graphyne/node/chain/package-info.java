/**
 * The validating core: chain controller, consensus rules, fork database, block producer.
 *
 * <h2>Wiring (what {@code graphyne run}, the devnet and {@code replay} do)</h2>
 *
 * <pre>{@code
 * Genesis genesis = Genesis.load(path);                        // chain id = sha256(file bytes)
 * ChainStore store = ChainStore.openRocksDb(dir, genesis.chainId(), RocksConfig.defaults(), StoreOptions.defaults());
 * if (!store.hasGenesisState()) genesis.initialize(store);      // block 0 state
 * ChainController chain = ChainController.open(store,
 *     ChainController.Options.defaults(preset.hardforks()).withClock(Clock.systemUTC()));   // clock enables B0
 * BlockPipeline pipeline = new BlockPipeline(chain, secp, BlockPipeline.Config.defaults(), verdict -> ...).start();
 * pipeline.submitBlock(rawBytes);                               // from p2p or a file; future -> BlockResult
 * pipeline.submitTransaction(signedTx);                         // mempool; future -> TxResult
 * if (pipeline.backPressure()) { ... stop fetching ... }
 * // producing node, on the state thread:
 * pipeline.runOnStateThread(() -> {
 *   long t = chain.slotTime(1); ObjectId w = chain.scheduledWitness(1);
 *   if (myWitnesses.containsKey(w)) {
 *     BlockProducer.Produced p = BlockProducer.produce(chain, w, myWitnesses.get(w), t, chain.mempool(), secp);
 *     chain.pushBlock(p.block());   // then broadcast p.block().raw()
 *   }
 * });
 * }</pre>
 *
 * <h2>Threads</h2>
 *
 * Exactly one thread mutates state: {@link io.graphyne.node.chain.ChainController#pushBlock},
 * {@code pushTransaction}, {@code popBlock}, {@code selectForBlock}, {@code mempool} and
 * {@link io.graphyne.node.chain.BlockProducer#produce} must run on it (with the pipeline: its
 * apply thread, reached through {@code runOnStateThread}). {@code head()}, {@code
 * slotTime}, {@code scheduledWitness}, {@code witness} and the property getters read committed
 * state and may be called from any thread.
 *
 * <h2>Mempool</h2>
 *
 * As bitshares-core's database: {@code pushTransaction} applies the transaction (T0-T7 and the
 * operations' state checks) in a pending state, the head plus every mempool transaction in order,
 * and admits it only if it applies; the mempool is bounded by {@code Options.mempoolLimit} and
 * {@code mempoolBytes} ({@code MEMPOOL_FULL}). After every pushed block or fork switch the pending
 * state is rebuilt on the new head from the transactions of popped blocks (oldest first) and then
 * the previous mempool, dropping those now included, expired or invalid. The node relays a peer's
 * transaction only after {@code pushTransaction} accepted it.
 *
 * <h2>Verdicts</h2>
 *
 * {@link io.graphyne.node.chain.BlockResult} and {@link io.graphyne.node.chain.TxResult} carry a
 * {@link io.graphyne.node.chain.Reason} (ACCEPTED, FORK_STORED, ALREADY_KNOWN, MALFORMED, or the
 * rule B0-B9 / T0-T9 that failed), the rules verified, and the {@link
 * io.graphyne.node.chain.Trust} items taken on trust (active witness set from genesis or the
 * {@link io.graphyne.node.chain.MaintenanceTrust} source; operation effects; proposal execution
 * outcome; vote-derived authorities; unevaluable custom-authority restrictions).
 */
package io.graphyne.node.chain;
