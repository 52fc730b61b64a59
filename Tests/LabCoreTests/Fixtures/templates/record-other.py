#!/usr/bin/env python3
"""Records how other docker 28.2.2 commands frame --format errors (prefix, exit status, the Go
type their rows have) into other-commands.json, for whoever wires those commands to GoTemplate.
Needs the containers of record.py (tpl1) and a running engine."""
import json, subprocess, os
cmds = [
    ["docker", "images", "--format", "{{.Foo}}"],
    ["docker", "images", "--format", "{{.Foo"],
    ["docker", "image", "ls", "--format", "table {{.Repository}}\\t{{.Tag}}\\t{{.Foo}}"],
    ["docker", "network", "ls", "--format", "{{.Foo}}"],
    ["docker", "network", "ls", "--format", "{{.Foo"],
    ["docker", "volume", "ls", "--format", "{{.Foo}}"],
    ["docker", "stats", "--no-stream", "--format", "{{.Foo}}", "tpl1"],
    ["docker", "history", "--format", "{{.Foo}}", "alpine"],
    ["docker", "version", "--format", "{{.Foo}}"],
    ["docker", "version", "--format", "{{.Foo"],
    ["docker", "info", "--format", "{{.Foo}}"],
    ["docker", "info", "--format", "{{.Foo"],
    ["docker", "network", "inspect", "-f", "{{.Foo}}", "bridge"],
    ["docker", "network", "inspect", "-f", "{{.Foo", "bridge"],
    ["docker", "image", "inspect", "-f", "{{.Foo}}", "alpine"],
    ["docker", "container", "inspect", "-f", "{{.Foo}}", "tpl1"],
    ["docker", "inspect", "-f", "{{.Foo}}", "tpl1", "nonexistent_zz"],
    ["docker", "inspect", "-f", "{{.Name}}", "tpl1", "nonexistent_zz"],
    ["docker", "context", "ls", "--format", "{{.Foo}}"],
    ["docker", "events", "--format", "{{.Foo}}", "--since", "1s", "--until", "1s"],
    ["docker", "ps", "--format", "{{.Foo}}"],
    ["docker", "ps", "-q", "--format", "{{.Foo}}"],
]
out = []
for argv in cmds:
    p = subprocess.run(argv, capture_output=True, text=True)
    out.append({"argv": argv, "stdout": p.stdout, "stderr": p.stderr, "status": p.returncode})
json.dump(out, open("other-commands.json", "w"), indent=1, ensure_ascii=False)
