#!/usr/bin/env python3
"""Records the docker 28.2.2 client's --format output into cases.json.

Run on a machine with a real engine:
  docker run -d --name tpl1 --label com.example.a='x<y&z' --label b=2 -e FOO=bar -p 8080:80 alpine sleep 3000
  docker run -d --name tpl2 --label "k=<a>&\"q\"\\<TAB>tab<NEWLINE>nl<U+0001><U+2028>é😀" alpine sleep 3000
  (the <…> stand for the raw characters)
In inspect-formats.txt a `⏎` stands for a newline inside the format.
  python3 record.py
Input objects are recorded too: container.json (`docker inspect tpl1`, first element),
psrow.json (`docker ps --filter name=tpl1 --format '{{json .}}'`), inspect-two.json
(`docker inspect tpl1 tpl2`), inspect-compact.json (`docker inspect --format json tpl1 tpl2`),
inspect-none.json (`docker inspect nonexistent_zz`, exit 1), psrow2.json (the tpl2 row).
Each case: the docker command run (argv), stdout, stderr and exit status.
`kind` says what the engine is fed: "inspect" (container.json, missing keys are errors,
as the client's raw-map fallback runs with missingkey=error), "ps" (psrow.json),
"ps2" (the rows of psrows-both.json, one JSON line each), "parse" (errors found before any
data is needed).
"""
import json, subprocess, os

def run(argv, env=None):
    p = subprocess.run(argv, capture_output=True, text=True, env=env)
    return {"argv": argv, "stdout": p.stdout, "stderr": p.stderr, "status": p.returncode}

inspect_formats = [l.replace("⏎", "\n") for l in open("inspect-formats.txt").read().split("\n") if l and not l.startswith("#")]
ps_formats = [l for l in open("ps-formats.txt").read().split("\n") if l and not l.startswith("#")]
ps2_formats = [l for l in open("ps2-formats.txt").read().split("\n") if l and not l.startswith("#")]
parse_formats = [l.replace("⏎", "\n") for l in open("parse-formats.txt").read().split("\n") if l and not l.startswith("#")]

raw = subprocess.run(["docker", "inspect", "tpl1"], capture_output=True, text=True).stdout
open("container.json", "w").write(raw)
row = subprocess.run(["docker", "ps", "--filter", "name=tpl1", "--format", "{{json .}}"], capture_output=True, text=True).stdout
open("psrow.json", "w").write(row)

raw2 = subprocess.run(["docker", "inspect", "tpl1", "tpl2"], capture_output=True, text=True).stdout
open("inspect-two.json", "w").write(raw2)
open("inspect-compact.json", "w").write(subprocess.run(["docker", "inspect", "--format", "json", "tpl1", "tpl2"], capture_output=True, text=True).stdout)
open("inspect-none.json", "w").write(subprocess.run(["docker", "inspect", "nonexistent_zz"], capture_output=True, text=True).stdout)
row2 = subprocess.run(["docker", "ps", "--filter", "name=tpl2", "--format", "{{json .}}"], capture_output=True, text=True).stdout
open("psrow2.json", "w").write(row2)

cases = []
for f in inspect_formats:
    c = run(["docker", "inspect", "-f", f, "tpl1"]); c["kind"] = "inspect"; c["format"] = f; cases.append(c)
for f in ps_formats:
    c = run(["docker", "ps", "--filter", "name=tpl1", "--format", f]); c["kind"] = "ps"; c["format"] = f; cases.append(c)
rows = subprocess.run(["docker", "ps", "--filter", "name=tpl", "--format", "{{json .}}"], capture_output=True, text=True).stdout
open("psrows-both.json", "w").write(rows)
for f in ps2_formats:
    c = run(["docker", "ps", "--filter", "name=tpl", "--format", f]); c["kind"] = "ps2"; c["format"] = f; cases.append(c)
env = dict(os.environ); env["DOCKER_HOST"] = "unix:///nonexistent"
for f in parse_formats:
    c = run(["docker", "ps", "--format", f], env); c["kind"] = "parse"; c["format"] = f; cases.append(c)
json.dump(cases, open("cases.json", "w"), indent=1, ensure_ascii=False)
print(len(cases), "cases")
