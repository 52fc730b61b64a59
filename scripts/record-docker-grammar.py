#!/usr/bin/env python3
"""Records the docker client's command-line grammar from the real client on this machine.

Usage: python3 scripts/record-docker-grammar.py [OUT_JSON]
       (default OUT_JSON: Sources/LabCore/Grammar/Data/docker-grammar.json)

The docker client runs with DOCKER_HOST=unix:///nonexistent (no daemon), HOME set to /root-like
temporary directory replaced by /root, no terminal, LANG=C. The script walks the command tree
from `docker --help`: every command's `--help` (stdout, verbatim), its usage line, aliases,
subcommands and flags (as the help lists them), then probes:
  * arity: the command with 0..5 dummy arguments; a stderr that says the command "requires" or
    "accepts no arguments" is an arity error, recorded verbatim (it does not depend on the count);
  * interspersed flags: `docker PATH x --zz-no-such-flag` says "unknown flag" only when flags are
    parsed after positionals;
  * hidden flags named in docker/cli v28.2.2 (cli/command/container/opts.go MarkHidden dns-opt,
    net, net-alias; container/update.go kernel-memory; container/stop.go and restart.go the
    deprecated --time/-t; stack/cmd.go --orchestrator): each is kept only if the client accepts it,
    and typed bool when it needs no value.
Nothing is written from memory: every text in the JSON is what the client printed.
"""
import json, os, re, subprocess, sys, tempfile

HOME = tempfile.mkdtemp()
ENV = {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": HOME, "DOCKER_HOST": "unix:///nonexistent", "LANG": "C"}


def docker(args):
    p = subprocess.run(["docker"] + args, env=ENV, stdin=subprocess.DEVNULL, capture_output=True, cwd=HOME)
    fix = lambda s: s.decode("utf-8", "replace").replace(HOME, "/root")
    return fix(p.stdout), fix(p.stderr), p.returncode


SECTION = re.compile(r"^([A-Z][A-Za-z ]*):$")
FLAG = re.compile(r"^  (?:-(\S), )?\s*--([A-Za-z0-9][A-Za-z0-9-]*)(?: ([a-zA-Z0-9][a-zA-Z0-9-]*))?(?:\s{2,}(.*))?$")


def sections(text):
    out, name = {}, None
    for line in text.split("\n"):
        m = SECTION.match(line)
        if m:
            name = m.group(1)
            out[name] = []
        elif line.startswith("Usage:"):
            out["Usage"] = [line[len("Usage:"):].strip()]
            name = None
        elif name is not None:
            if line.strip() == "" and out[name]:
                name = None
            elif line.strip() != "":
                out[name].append(line)
    return out


def parse_flags(lines):
    flags, cur = [], None
    for line in lines:
        m = FLAG.match(line)
        if m and not line.startswith("    " + " " * 10):
            short, long, typ, desc = m.groups()
            cur = {"long": long, "short": short or "", "type": typ or "bool", "desc": desc or ""}
            flags.append(cur)
        elif cur is not None:
            cur["desc"] += " " + line.strip()
    for f in flags:
        d = re.search(r'\(default (.*)\)$', f["desc"])
        f["default"] = d.group(1) if d else ""
        del f["desc"]
    return flags


HIDDEN = {  # docker/cli v28.2.2 sources named in the docstring
    "container run": ["dns-opt", "net", "net-alias", "gpus"],
    "container create": ["dns-opt", "net", "net-alias", "gpus", "use-api-socket"],
    "container update": ["kernel-memory"],
    "container stop": ["time"],
    "container restart": ["time"],
    "image ls": ["tree"],
    "volume create": ["name"],  # volume/create.go: flags.Lookup("name").Hidden = true
}
# stack/cmd.go: the deprecated persistent --orchestrator flag of `docker stack` and its subcommands
HIDDEN_UNDER = {"stack": ["orchestrator"]}


def probe_hidden(path, name):
    """(type, deprecation notice the client prints on stdout when the flag is used) or None."""
    flag = ("-" + name) if len(name) == 1 else ("--" + name)
    out, err, rc = docker(path + [flag])
    if "unknown flag" in err or "unknown shorthand" in err:
        return None
    if "flag needs an argument" not in err:
        return "bool", notice(out)
    out, err, rc = docker(path + [flag, "abc"])
    typ = "int" if "strconv.ParseInt" in err else "bytes" if "invalid size" in err else "string"
    if typ == "int":
        out, err, rc = docker(path + [flag, "1"])
    return typ, notice(out)


def notice(out):
    lines = [l for l in out.split("\n") if l.startswith("Flag --") and "deprecated" in l]
    return lines[0] + "\n" if lines else ""


ARITY = re.compile(r"requires (at least|at most|exactly|\d)|accepts no arguments|accepts \d+ arg\(s\), received \d+")
RECEIVED = re.compile(r"received \d+")


def record(path, commands, todo_parent=None):
    key = " ".join(path)
    if key in commands:
        return
    out, err, rc = docker(path + ["--help"])
    sec = sections(out)
    entry = {"path": path, "help": out, "usage": sec.get("Usage", [""])[0]}
    if err.startswith("DEPRECATED:"):  # the legacy-builder banner printed before build's output
        entry["banner"] = err[:err.index("\n\n") + 2]
    aliases = []
    for line in sec.get("Aliases", []):
        aliases += [a.strip() for a in line.split(",") if a.strip()]
    entry["aliases"] = aliases
    entry["canonical"] = aliases[0].split()[1:] if aliases else path
    flags = []
    for name, lines in sec.items():
        if name.endswith("Options") and (name != "Global Options" or key == ""):
            flags += parse_flags(lines)
    subs = []
    for name, lines in sec.items():
        if name.endswith("Commands"):
            for line in lines:
                m = re.match(r"^  (\S+)\*?\s", line)
                if m:
                    subs.append(m.group(1).rstrip("*"))
    entry["subcommands"] = subs
    canon = " ".join(entry["canonical"])
    hidden = HIDDEN.get(canon, []) + [h for p, hs in HIDDEN_UNDER.items() if canon == p or canon.startswith(p + " ") for h in hs]
    for h in hidden:
        probed = probe_hidden(path, h)
        if probed is None:
            continue
        typ, deprecation = probed
        if len(h) == 1:
            for f in flags:
                if f["long"] == "time":
                    f["short"] = h
            continue
        if not any(f["long"] == h for f in flags):
            flags.append({"long": h, "short": "", "type": typ, "default": "", "hidden": True, "deprecated": deprecation})
    entry["flags"] = flags
    commands[key] = entry
    if subs:
        # a group: a bare invocation prints help (recorded), args are unknown commands
        o, e, r = docker(path)
        entry["bare"] = {"stdout": o, "stderr": e, "status": r}
        # the usage line a group prints in its errors (its own Use line, not the help's)
        o, e, r = docker(path + ["zz-no-such-command"])
        m = re.search(r"\n\nUsage:  (.*)\n\nRun", e)
        if m:
            entry["errorUsage"] = m.group(1)
        for s in subs:
            record(path + [s], commands)
            child = commands[" ".join(path + [s])]
            # aliases of the child under this parent: "docker PARENT alias"
            prefix = "docker " + key + " " if key else "docker "
            names = set()
            for a in child["aliases"]:
                if a.startswith(prefix) and len(a[len(prefix):].split()) == 1:
                    names.add(a[len(prefix):])
            child["names"] = sorted(names | {s})
        return
    arity = {"min": None, "max": None, "below": None, "above": None}
    results = []
    for n in range(0, 6):
        o, e, r = docker(path + ["a%d" % i for i in range(1, n + 1)])
        if e.startswith("DEPRECATED:"):  # the legacy-builder banner before build's messages (kept apart)
            entry["banner"] = e[:e.index("\n\n") + 2]
            e = e[len(entry["banner"]):]
        bad = bool(ARITY.search(e.split("\n")[0])) and r == 1
        results.append((n, bad, e, r))
    ok = [n for n, bad, e, r in results if not bad]
    if ok:
        arity["min"], arity["max"] = min(ok), (max(ok) if max(ok) < 5 else -1)
    for n, bad, e, r in results:
        # cobra's own ExactArgs message names the count it received: keep it as {received}
        e = RECEIVED.sub("received {received}", e)
        if bad and (arity["min"] is None or n < arity["min"]) and arity["below"] is None:
            arity["below"] = e
        if bad and arity["min"] is not None and n > arity["min"] and arity["above"] is None:
            arity["above"] = e
    entry["arity"] = arity
    o, e, r = docker(path + ["a1", "a2", "--zz-no-such-flag"])
    entry["interspersed"] = "unknown flag: --zz-no-such-flag" in e


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out_path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "Sources", "LabCore", "Grammar", "Data", "docker-grammar.json")
    version, _, _ = docker(["--version"])
    commands = {}
    record([], commands)
    root = commands[""]
    data = {
        "source": {"client": version.strip(), "command": "python3 scripts/record-docker-grammar.py",
                   "environment": "DOCKER_HOST=unix:///nonexistent, no daemon, no terminal, HOME=/root"},
        "commands": commands,
    }
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump(data, f, indent=1, sort_keys=True)
        f.write("\n")
    print("%d commands -> %s" % (len(commands), out_path), file=sys.stderr)


if __name__ == "__main__":
    main()
