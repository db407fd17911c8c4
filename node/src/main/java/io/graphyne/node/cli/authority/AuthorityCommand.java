package io.graphyne.node.cli.authority;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.graphyne.authority.AuthorityChecker;
import io.graphyne.authority.AuthorityView;
import io.graphyne.authority.CheckParams;
import io.graphyne.authority.Explain;
import io.graphyne.authority.Lint;
import io.graphyne.authority.MapAuthorityView;
import io.graphyne.authority.OpRequirement;
import io.graphyne.authority.RecordOpFields;
import io.graphyne.authority.TransactionAuthority;
import io.graphyne.authority.Verdict;
import io.graphyne.authority.WalletApis;
import io.graphyne.authority.WhoCanSign;
import io.graphyne.crypto.Secp256k1Provider;
import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.PublicKey;
import io.graphyne.protocol.SignedTransaction;
import io.graphyne.protocol.json.ProtocolJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SortedSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code graphyne authority ...}: verdicts, wallet signature helpers and authority analysis. */
@Command(
    name = "authority",
    mixinStandardHelpOptions = true,
    description = "Authority checks with bitshares-core's exact verdicts, signature helpers and analysis.",
    subcommands = {
      AuthorityCommand.Check.class,
      AuthorityCommand.Required.class,
      AuthorityCommand.Potential.class,
      AuthorityCommand.ExplainCmd.class,
      AuthorityCommand.WhoCanSignCmd.class,
      AuthorityCommand.LintCmd.class,
      AuthorityCommand.VerifyAccount.class
    })
public final class AuthorityCommand implements Runnable {
  static final JsonNodeFactory F = JsonNodeFactory.instance;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static void print(picocli.CommandLine.Model.CommandSpec spec, JsonNode n) {
    spec.commandLine().getOut().println(ProtocolJson.writePretty(n));
    spec.commandLine().getOut().flush();
  }

  /** A transaction loaded with its signers recovered. */
  record Loaded(SignedTransaction tx, List<PublicKey> signers, List<OpRequirement> ops) {}

  static Loaded load(CommonOptions o, Path txFile) throws Exception {
    SignedTransaction tx = o.readTx(txFile);
    TransactionAuthority.Signers s =
        TransactionAuthority.recoverSigners(tx, o.chainId(), Secp256k1Provider.system());
    if (!s.ok()) {
      throw new IllegalArgumentException(
          "signature " + s.failedIndex() + ": unable to reconstruct public key from signature (" + s.failure() + ")");
    }
    List<OpRequirement> ops = RecordOpFields.requirements(
        tx.transaction().operations(), o.rules().ignoreCustomOperationRequiredAuths());
    return new Loaded(tx, s.keys(), ops);
  }

  static ObjectId account(MapAuthorityView view, String nameOrId) {
    ObjectId id = view.resolve(nameOrId);
    if (id == null || view.get(id) == null) {
      throw new IllegalArgumentException("account '" + nameOrId + "' is not in the accounts file");
    }
    return id;
  }

  @Command(name = "check", mixinStandardHelpOptions = true,
      description = "bitshares-core's verify_authority verdict for a signed transaction.")
  static final class Check implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;
    @Mixin CommonOptions o;

    @Option(names = "--tx", required = true, paramLabel = "FILE", description = "signed transaction JSON")
    Path tx;

    @Override
    public Integer call() throws Exception {
      MapAuthorityView view = o.view();
      Loaded l = load(o, tx);
      Verdict v = AuthorityChecker.verify(l.ops(), l.signers(), view, o.params());
      ObjectNode out = F.objectNode();
      out.put("valid", v.valid());
      out.put("error", v.valid() ? null : v.error().jsonName());
      if (v.failedAccount() != null) {
        out.put("failed_account", v.failedAccount().toString());
      }
      out.set("signers", Explain.keys(l.signers(), o.prefix()));
      out.set("used", Explain.keys(v.used(), o.prefix()));
      out.set("unused", Explain.keys(v.unused(), o.prefix()));
      out.set("required_active", Explain.ids(v.requiredActive()));
      out.set("required_owner", Explain.ids(v.requiredOwner()));
      ArrayNode unknown = F.arrayNode();
      java.util.TreeSet<ObjectId> req = new java.util.TreeSet<>(v.requiredActive());
      req.addAll(v.requiredOwner());
      for (ObjectId id : req) {
        if (view.get(id) == null && !id.equals(ObjectId.account(4))) {
          unknown.add(id.toString());
        }
      }
      if (!unknown.isEmpty()) {
        out.set("accounts_not_in_file", unknown);
      }
      print(spec, out);
      return 0;
    }
  }

  @Command(name = "required", mixinStandardHelpOptions = true,
      description = "get_required_signatures: which of the given keys must sign (--minimize: minimize_required_signatures).")
  static final class Required implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;
    @Mixin CommonOptions o;

    @Option(names = "--tx", required = true, paramLabel = "FILE") Path tx;

    @Option(names = "--keys", required = true, split = ",", paramLabel = "K1,K2,...",
        description = "available public keys")
    List<String> keys;

    @Option(names = "--minimize", description = "drop keys the full check does not need")
    boolean minimize;

    @Override
    public Integer call() throws Exception {
      MapAuthorityView view = o.view();
      Loaded l = load(o, tx);
      LinkedHashSet<PublicKey> available = new LinkedHashSet<>();
      for (String k : keys) {
        if (!k.isBlank()) {
          available.add(PublicKey.parse(k.strip(), null));
        }
      }
      SortedSet<PublicKey> r = minimize
          ? WalletApis.minimizeRequiredSignatures(l.ops(), l.signers(), available, view, o.params())
          : WalletApis.requiredSignatures(l.ops(), l.signers(), available, view, o.params());
      ObjectNode out = F.objectNode();
      out.set("keys", Explain.keys(r, o.prefix()));
      out.put("minimized", minimize);
      print(spec, out);
      return 0;
    }
  }

  @Command(name = "potential", mixinStandardHelpOptions = true,
      description = "get_potential_signatures and get_potential_address_signatures.")
  static final class Potential implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;
    @Mixin CommonOptions o;

    @Option(names = "--tx", required = true, paramLabel = "FILE") Path tx;

    @Override
    public Integer call() throws Exception {
      MapAuthorityView view = o.view();
      Loaded l = load(o, tx);
      ObjectNode out = F.objectNode();
      out.set("keys", Explain.keys(WalletApis.potentialSignatures(l.ops(), l.signers(), view, o.params()), o.prefix()));
      ArrayNode addrs = F.arrayNode();
      for (var a : WalletApis.potentialAddressSignatures(l.ops(), l.signers(), view, o.params())) {
        addrs.add(a.toString(o.prefix()));
      }
      out.set("addresses", addrs);
      print(spec, out);
      return 0;
    }
  }

  @Command(name = "explain", mixinStandardHelpOptions = true,
      description = "The evaluation tree behind the verdict (JSON, or --text for people).")
  static final class ExplainCmd implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;
    @Mixin CommonOptions o;

    @Option(names = "--tx", required = true, paramLabel = "FILE") Path tx;

    @Option(names = "--text", description = "print a readable tree instead of JSON") boolean text;

    @Override
    public Integer call() throws Exception {
      MapAuthorityView view = o.view();
      Loaded l = load(o, tx);
      ObjectNode tree = Explain.explain(l.ops(), l.signers(), view, o.params(), o.prefix());
      if (text) {
        spec.commandLine().getOut().print(Explain.text(tree));
        spec.commandLine().getOut().flush();
      } else {
        print(spec, tree);
      }
      return 0;
    }
  }

  @Command(name = "who-can-sign", mixinStandardHelpOptions = true,
      description = "The minimal key sets that satisfy an account's active (or owner) authority.")
  static final class WhoCanSignCmd implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;
    @Mixin CommonOptions o;

    @Option(names = "--account", required = true, paramLabel = "NAME_OR_ID") String account;

    @Option(names = "--role", defaultValue = "active", paramLabel = "ROLE",
        description = "active or owner (default: ${DEFAULT-VALUE})")
    String role;

    @Option(names = "--max-sets", defaultValue = "1000", paramLabel = "N",
        description = "stop after this many sets and report truncation (default: ${DEFAULT-VALUE})")
    int maxSets;

    @Override
    public Integer call() throws Exception {
      MapAuthorityView view = o.view();
      ObjectId id = account(view, account);
      CheckParams p = o.params();
      WhoCanSign.Limits d = WhoCanSign.Limits.defaults();
      WhoCanSign.Result r = WhoCanSign.compute(view, id, AuthorityView.Role.parse(role), p,
          new WhoCanSign.Limits(Math.max(1, maxSets), d.maxUniverseForExhaustive(), d.maxCandidates()));
      ObjectNode out = F.objectNode();
      out.put("account", id.toString());
      if (view.name(id) != null) {
        out.put("name", view.name(id));
      }
      out.put("role", AuthorityView.Role.parse(role).jsonName());
      ArrayNode sets = F.arrayNode();
      for (SortedSet<PublicKey> s : r.sets()) {
        sets.add(Explain.keys(s, o.prefix()));
      }
      out.set("sets", sets);
      ObjectNode holders = F.objectNode();
      for (SortedSet<PublicKey> s : r.sets()) {
        for (PublicKey k : s) {
          ArrayNode h = F.arrayNode();
          view.holders(k).forEach(h::add);
          holders.set(k.toString(o.prefix()), h);
        }
      }
      out.set("key_holders", holders);
      out.put("truncated", r.truncated());
      out.put("exhaustive", r.exhaustive());
      print(spec, out);
      return 0;
    }
  }

  @Command(name = "lint", mixinStandardHelpOptions = true,
      description = "Lockouts, single-key control, depth-limit dead members, cycles, second-factor coverage.")
  static final class LintCmd implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;
    @Mixin CommonOptions o;

    @Option(names = "--account", paramLabel = "NAME_OR_ID", description = "lint one account (default: all)")
    String account;

    @Option(names = "--second-factor", paramLabel = "KEY_OR_ACCOUNT",
        description = "check that every minimal signer set includes this key or account")
    String secondFactor;

    @Override
    public Integer call() throws Exception {
      MapAuthorityView view = o.view();
      List<ObjectId> targets = new ArrayList<>();
      if (account != null) {
        targets.add(account(view, account));
      } else {
        view.accounts().forEach(a -> targets.add(a.id()));
      }
      Lint.SecondFactor f = secondFactor == null ? null : Lint.SecondFactor.parse(secondFactor, view);
      List<Lint.Finding> findings = Lint.lint(view, targets, o.params(), f, o.prefix());
      ObjectNode out = F.objectNode();
      out.put("accounts_checked", targets.size());
      ArrayNode arr = F.arrayNode();
      for (Lint.Finding x : findings) {
        ObjectNode n = F.objectNode();
        n.put("severity", x.severity().name().toLowerCase(java.util.Locale.ROOT));
        n.put("kind", x.kind().name().toLowerCase(java.util.Locale.ROOT));
        n.put("account", x.account() == null ? null : x.account().toString());
        if (x.account() != null && view.name(x.account()) != null) {
          n.put("name", view.name(x.account()));
        }
        n.put("role", x.role() == null ? null : x.role().jsonName());
        n.put("message", x.message());
        ArrayNode subj = F.arrayNode();
        x.subjects().forEach(subj::add);
        n.set("subjects", subj);
        arr.add(n);
      }
      out.set("findings", arr);
      print(spec, out);
      return 0;
    }
  }

  @Command(name = "verify-account", mixinStandardHelpOptions = true,
      description = "verify_account_authority: do these keys, all of them used, authorize a transfer from the account?")
  static final class VerifyAccount implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;
    @Mixin CommonOptions o;

    @Option(names = "--account", required = true, paramLabel = "NAME_OR_ID") String account;

    @Option(names = "--keys", required = true, split = ",", paramLabel = "K1,K2,...") List<String> keys;

    @Override
    public Integer call() throws Exception {
      MapAuthorityView view = o.view();
      ObjectId id = account(view, account);
      List<PublicKey> ks = new ArrayList<>();
      for (String k : keys) {
        if (!k.isBlank()) {
          ks.add(PublicKey.parse(k.strip(), null));
        }
      }
      ObjectNode out = F.objectNode();
      out.put("account", id.toString());
      out.put("result", WalletApis.verifyAccountAuthority(id, ks, view, o.maxDepth));
      print(spec, out);
      return 0;
    }
  }
}
