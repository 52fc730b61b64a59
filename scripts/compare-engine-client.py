#!/usr/bin/env python3
"""Runs docker scenarios (one command a line, `#` comments) twice: with the real docker client
against `lab engine` on a temporary socket, and with `lab sh -c` on a fresh session, and prints
for each scenario how many commands printed the same (stdout, stderr, exit status), after the
normalising EngineClientTests does (ages, times, `docker top` start times, column widths, the
Go-map orders of `docker info`'s runtimes and of one image's rows). Each client command is
stopped after --timeout seconds (a real `docker wait` or `docker events` may wait for ever).

    python3 scripts/compare-engine-client.py [--lab .build/debug/lab] [--show] SCENARIO.txt...
"""
import argparse, os, re, signal, subprocess, sys, tempfile, time

def normalise(text, command):
    s = re.sub(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z", "<TIME>", text)
    s = re.sub(r'"time":\d+,"timeNano":\d+', '"time":<T>,"timeNano":<T>', s)
    s = re.sub(r"(Less than a second|About a minute|About an hour|\d+ (seconds|minutes|hours|days|weeks|months|years)|1 second)", "<AGO>", s)
    if command.startswith("docker top"):
        s = re.sub(r"\b\d\d:\d\d\b", "<HH:MM>", s)
    lines = []
    for line in s.split("\n"):
        if line.startswith(" Runtimes: "):
            line = " Runtimes: " + " ".join(sorted(line[11:].split(" ")))
        lines.append(line)
    s = re.sub(r" {2,}", "  ", "\n".join(lines))
    if command.startswith("docker images") and "-q" not in command:
        rows = s.split("\n")
        out, group, key = [], [], None
        for row in rows:
            cells = row.split("  ")
            k = cells[2] if len(cells) > 2 else None
            if k is not None and k == key:
                group.append(row)
            else:
                out += sorted(group)
                group, key = [row], k
        s = "\n".join(out + sorted(group))
    return s

def run(argv, env, timeout):
    try:
        p = subprocess.run(argv, env=env, capture_output=True, timeout=timeout, stdin=subprocess.DEVNULL)
        return p.stdout.decode(errors="replace"), p.stderr.decode(errors="replace"), p.returncode
    except subprocess.TimeoutExpired as e:
        return (e.stdout or b"").decode(errors="replace"), (e.stderr or b"").decode(errors="replace"), "timeout"

def scenario(path, lab, timeout, show):
    commands = [l for l in open(path).read().split("\n") if l.strip() and not l.startswith("#")]
    tmp = tempfile.mkdtemp(prefix="lab-compare-")
    sock = os.path.join(tmp, "engine.sock")
    env = dict(os.environ, LAB_DB=os.path.join(tmp, "engine.sqlite"), DOCKER_CONFIG=os.path.join(tmp, "docker-config"))
    engine = subprocess.Popen([lab, "engine", "--socket", sock], env=env, stdout=subprocess.DEVNULL)
    for _ in range(300):
        if os.path.exists(sock): break
        time.sleep(0.02)
    env["DOCKER_HOST"] = "unix://" + sock
    real = [run(["bash", "-c", c], env, timeout) for c in commands]
    engine.send_signal(signal.SIGTERM)
    engine.wait()
    shenv = dict(os.environ, LAB_DB=os.path.join(tmp, "sh.sqlite"))
    sim = [run([lab, "sh", "-c", c], shenv, 60) for c in commands]
    same = 0
    for c, a, b in zip(commands, real, sim):
        if normalise(a[0], c) == normalise(b[0], c) and normalise(a[1], c) == normalise(b[1], c) and a[2] == b[2]:
            same += 1
        elif show:
            print(f"  differs: {c}\n    docker: {a!r}\n    lab sh: {b!r}")
    print(f"{os.path.basename(path)}: {same} of {len(commands)}")
    return same, len(commands)

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--lab", default=".build/debug/lab")
    ap.add_argument("--timeout", type=float, default=8)
    ap.add_argument("--show", action="store_true")
    ap.add_argument("scenarios", nargs="+")
    a = ap.parse_args()
    total = [0, 0]
    for path in a.scenarios:
        s, n = scenario(path, os.path.abspath(a.lab), a.timeout, a.show)
        total[0] += s; total[1] += n
    print(f"all: {total[0]} of {total[1]} ({100.0 * total[0] / max(total[1], 1):.1f}%)")

main()
