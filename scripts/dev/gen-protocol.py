#!/usr/bin/env python3
"""Generates Graphyne's protocol records from spec/operations.json (bitshares-core's FC_REFLECT
field lists in wire order). Run once when the spec changes; the output is committed:

    python3 scripts/dev/gen-protocol.py ../shared/spec/operations.json

Every generated record component carries @Fc(name, type) with the exact fc type string, and the
codec (io.graphyne.protocol.codec.Codecs) is built from those annotations at run time.
"""
import json
import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
SRC = os.path.join(ROOT, "authority-core", "src", "main", "java", "io", "graphyne", "protocol")

# Types written by hand (richer behaviour than a plain record).
HANDWRITTEN = {
    "authority": "io.graphyne.protocol.types.Authority",
    "public_key_type": None, "address": None, "object_id_type": None, "vote_id_type": None,
    "pts_address": None, "transaction": None, "signed_transaction": None,
    "processed_transaction": None, "block_header": None, "signed_block_header": None,
    "signed_block": None, "precomputable_transaction": None,
}

JAVA_KEYWORDS = {"new", "class", "default", "package", "import", "public", "private", "static",
                 "final", "int", "long", "short", "byte", "char", "boolean", "double", "float",
                 "for", "if", "else", "do", "while", "switch", "case", "return", "this", "super",
                 "interface", "enum", "assert", "native", "throws", "throw", "try", "catch",
                 "const", "goto", "void", "volatile", "transient", "abstract", "strictfp",
                 "synchronized", "extends", "implements", "instanceof", "finally", "break",
                 "continue", "protected", "record", "var", "yield"}


def camel(s, upper):
    parts = [p for p in re.split(r"[_:]+", s) if p]
    out = "".join(p[:1].upper() + p[1:] for p in parts)
    if not upper:
        out = out[:1].lower() + out[1:]
    return out


def class_name(struct):
    s = struct.replace("fc::", "")
    s = s.replace("::fee_params_t", "_fee_params")
    return camel(s, True)


def component_name(field):
    n = camel(field, False)
    if n in JAVA_KEYWORDS or n in {"hashCode", "toString", "equals", "getClass", "tag"}:
        n = n + "_"
    return n


def split_args(s):
    depth, cur, out = 0, "", []
    for ch in s:
        if ch == "<":
            depth += 1
        elif ch == ">":
            depth -= 1
        if ch == "," and depth == 0:
            out.append(cur.strip())
            cur = ""
        else:
            cur += ch
    if cur.strip():
        out.append(cur.strip())
    return out


def main():
    spec = json.load(open(sys.argv[1]))
    aliases = spec["aliases"]
    variants = spec["static_variants"]
    types = spec["types"]
    id_types = spec["object_id_types"]
    op_structs = {op["struct"]: op for op in spec["operations"]}

    def resolve_alias(t):
        seen = 0
        while t in aliases and seen < 10:
            a = aliases[t]
            if t == "share_type":
                return "int64_t"
            if t == "std::shared_ptr<const fee_schedule>":
                return "fee_schedule"
            if a.startswith("bytes[") or a.startswith("fc::") or a.startswith("int64_t"):
                return a if not a.startswith("int64_t") else "int64_t"
            t = a
            seen += 1
        return t

    def java_type(t, boxed=False):
        t = t.strip()
        if t in ("vector<char>", "range_proof_type"):
            return "io.graphyne.protocol.Bytes"
        m = re.match(r"^(optional|vector|flat_set|set|extension)<(.*)>$", t)
        if m:
            kind, inner = m.group(1), m.group(2)
            if kind == "optional":
                return java_type(inner, True)
            if kind == "extension":
                return java_type(inner)
            return "java.util.List<" + java_type(inner, True) + ">"
        m = re.match(r"^(flat_map|map)<(.*)>$", t)
        if m:
            k, v = split_args(m.group(2))
            return "java.util.Map<" + java_type(k, True) + ", " + java_type(v, True) + ">"
        m = re.match(r"^pair<(.*)>$", t)
        if m:
            return "io.graphyne.protocol.Pair"
        if t == "std::shared_ptr<const fee_schedule>":
            return "io.graphyne.protocol.types.FeeSchedule"
        if t in ("vector<char>",):
            return "io.graphyne.protocol.Bytes"
        r = resolve_alias(t)
        if r != t:
            return java_type(r, boxed)
        prim = {
            "uint8_t": ("int", "Integer"), "int8_t": ("int", "Integer"),
            "uint16_t": ("int", "Integer"), "int16_t": ("int", "Integer"),
            "weight_type": ("int", "Integer"),
            "uint32_t": ("long", "Long"), "int32_t": ("int", "Integer"),
            "uint64_t": ("long", "Long"), "int64_t": ("long", "Long"),
            "unsigned_int": ("long", "Long"), "bool": ("boolean", "Boolean"),
        }
        if t in prim:
            return prim[t][1 if boxed else 0]
        if t == "string":
            return "String"
        if t.startswith("fc::") or t.startswith("bytes[") or t in ("signature_type",):
            return "io.graphyne.protocol.Bytes"
        if t == "time_point_sec":
            return "java.time.Instant"
        if t == "public_key_type":
            return "io.graphyne.protocol.PublicKey"
        if t == "address":
            return "io.graphyne.protocol.Address"
        if t == "vote_id_type":  # before the "_id_type" suffix rule: a vote id is not an object id
            return "io.graphyne.protocol.VoteId"
        if t == "object_id_type" or t in id_types or t.endswith("_id_type"):
            return "io.graphyne.protocol.ObjectId"
        if t == "operation":
            return "io.graphyne.protocol.Operation"
        if t in variants:
            return "io.graphyne.protocol.StaticVariant"
        if t in HANDWRITTEN and HANDWRITTEN[t]:
            return HANDWRITTEN[t]
        if t in types:
            return "io.graphyne.protocol.types." + class_name(t)
        if t in op_structs:
            return "io.graphyne.protocol.ops." + class_name(t)
        raise SystemExit("unknown type: " + t)

    header = ("// GENERATED by scripts/dev/gen-protocol.py from spec/operations.json (bitshares-core\n"
              "// FC_REFLECT field lists, wire order). Do not edit; change the generator and rerun.\n")

    def record(pkg, name, fields, doc, implements=None):
        comps = []
        for f in fields:
            jt = java_type(f["type"])
            comps.append('    @Fc(name = "%s", type = "%s") %s %s'
                         % (f["name"], f["type"].replace('"', '\\"'), jt, component_name(f["name"])))
        impl = (" implements " + implements) if implements else ""
        body = ",\n".join(comps)
        return (header + "package io.graphyne.protocol.%s;\n\n" % pkg
                + "import io.graphyne.protocol.Fc;\n\n"
                + "/** %s */\n" % doc
                + "public record %s(%s)%s {}\n" % (name, ("\n" + body) if body else "", impl))

    out_files = {}
    # Nested types.
    for tname, tdef in types.items():
        if tname in HANDWRITTEN:
            continue
        if tname == "op_wrapper":
            pass
        cname = class_name(tname)
        doc = "{@code %s} (%s)." % (tname, tdef.get("source", ""))
        out_files[os.path.join(SRC, "types", cname + ".java")] = record("types", cname, tdef["fields"], doc)
    # Operations.
    for op in spec["operations"]:
        cname = class_name(op["struct"])
        doc = "Operation %d {@code %s}%s (%s)." % (op["tag"], op["struct"], " (virtual)" if op["virtual"] else "", op["source"])
        out_files[os.path.join(SRC, "ops", cname + ".java")] = record("ops", cname, op["fields"], doc, "Operation")
        # ops need the Operation import
        p = os.path.join(SRC, "ops", cname + ".java")
        out_files[p] = out_files[p].replace("import io.graphyne.protocol.Fc;\n",
                                            "import io.graphyne.protocol.Fc;\nimport io.graphyne.protocol.Operation;\n")

    # Schema: variants, aliases, names -> classes, operations by tag.
    lines = [header, "package io.graphyne.protocol;\n\n",
             "import java.util.List;\nimport java.util.Map;\n\n",
             "/** The parts of spec/operations.json the codec needs at run time. */\n",
             "public final class Schema {\n  private Schema() {}\n\n"]
    lines.append("  /** Operation record classes by tag (0..%d). */\n" % (len(spec["operations"]) - 1))
    lines.append("  public static final List<Class<? extends Operation>> OPERATIONS = List.of(\n")
    lines.append(",\n".join("      io.graphyne.protocol.ops.%s.class" % class_name(op["struct"]) for op in spec["operations"]))
    lines.append(");\n\n")
    lines.append("  /** Operation names (bitshares-core's, without {@code _operation}) by tag. */\n")
    lines.append("  public static final List<String> OPERATION_NAMES = List.of(\n")
    lines.append(",\n".join('      "%s"' % op["name"] for op in spec["operations"]))
    lines.append(");\n\n")
    lines.append("  /** Virtual (chain-generated, never valid in a transaction) operation tags. */\n")
    lines.append("  public static final java.util.Set<Integer> VIRTUAL_OPERATIONS = java.util.Set.of(%s);\n\n"
                 % ", ".join(str(op["tag"]) for op in spec["operations"] if op["virtual"]))
    lines.append("  /** static_variant member type names, in tag order. */\n")
    lines.append("  public static final Map<String, List<String>> STATIC_VARIANTS = Map.ofEntries(\n")
    ents = []
    for vname, v in variants.items():
        ents.append('      Map.entry("%s", List.of(%s))' % (vname, ", ".join('"%s"' % m["type"] for m in v["members"])))
    lines.append(",\n".join(ents) + ");\n\n")
    lines.append("  /** Type aliases (typedefs). */\n")
    lines.append("  public static final Map<String, String> ALIASES = Map.ofEntries(\n")
    alias_entries = []
    for a in aliases:
        target = resolve_alias(a)
        if a == "extensions_type":
            target = "flat_set<future_extensions>"
        elif a == "extendable_operation_result":
            target = "extension<extendable_operation_result_dtl>"
        elif a == "restriction::variant_assert_argument_type":
            target = "pair<int64_t,vector<restriction>>"
        elif a == "range_proof_type":
            target = "vector<char>"
        alias_entries.append('      Map.entry("%s", "%s")' % (a, target))
    lines.append(",\n".join(alias_entries) + ");\n\n")
    lines.append("  /** Typed object ids: name -> {space, type}. */\n")
    lines.append("  public static final Map<String, int[]> OBJECT_ID_TYPES = Map.ofEntries(\n")
    lines.append(",\n".join('      Map.entry("%s", new int[] {%d, %d})' % (k, v["space"], v["type"]) for k, v in id_types.items()))
    lines.append(");\n\n")
    lines.append("  /** Struct type name -> record class. */\n")
    lines.append("  public static final Map<String, Class<? extends Record>> STRUCTS = Map.ofEntries(\n")
    sents = []
    for tname in types:
        if tname in HANDWRITTEN and not HANDWRITTEN[tname]:
            continue
        jt = HANDWRITTEN.get(tname) or ("io.graphyne.protocol.types." + class_name(tname))
        sents.append('      Map.entry("%s", %s.class)' % (tname, jt))
    for op in spec["operations"]:
        sents.append('      Map.entry("%s", io.graphyne.protocol.ops.%s.class)' % (op["struct"], class_name(op["struct"])))
    lines.append(",\n".join(sents) + ");\n}\n")
    out_files[os.path.join(SRC, "Schema.java")] = "".join(lines)

    for path, text in out_files.items():
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(text)
    print("wrote %d files" % len(out_files))


if __name__ == "__main__":
    main()
