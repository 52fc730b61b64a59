#!/usr/bin/env python3
"""Records the real docker client's verdict on every docker line of the seed course notes.

Usage: python3 scripts/record-seed-verdicts.py [SEEDS_DIR] > Tests/LabCoreTests/Fixtures/seeds/seed-verdicts.json

Each docker line (a line, or an inline `code span`, that starts with `docker`, after an optional
`$ ` prompt or `sudo `; `\\` continuations joined) runs through the real `bash -c` in a fresh
empty directory with DOCKER_HOST=unix:///nonexistent and no standard input, so that the docker
28 client on this machine (no daemon) prints its own client-side verdict: a usage error, or the
"Cannot connect to the Docker daemon" line when it accepted the line. The temporary directory's
path is replaced by /root, the simulated machine's working directory.
"""
import json, os, re, subprocess, sys, tempfile

def docker_lines(text):
    lines = text.split("\n")
    out, i = [], 0
    while i < len(lines):
        raw = lines[i].strip()
        i += 1
        if raw.startswith("$ "):
            raw = raw[2:].lstrip()
        if raw.startswith("sudo "):
            raw = raw[5:].lstrip()
        if raw == "docker" or raw.startswith("docker "):
            cmd = raw
            while cmd.endswith("\\") and i < len(lines):
                cmd = cmd + "\n" + lines[i].strip()
                i += 1
            out.append(cmd)
            continue
        for span in re.findall(r"`([^`]+)`", raw):
            s = span.strip()
            if s.startswith("docker ") and "\n" not in s:
                out.append(s)
    return out

def main():
    seeds = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "shared", "seeds")
    seen, cases = set(), []
    for name in sorted(os.listdir(seeds)):
        if not name.endswith(".md"):
            continue
        with open(os.path.join(seeds, name), encoding="utf-8") as f:
            for line in docker_lines(f.read()):
                if line in seen:
                    continue
                seen.add(line)
                with tempfile.TemporaryDirectory() as tmp:
                    env = {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": tmp, "DOCKER_HOST": "unix:///nonexistent", "LANG": "C"}
                    p = subprocess.run(["bash", "-c", line], cwd=tmp, env=env, stdin=subprocess.DEVNULL,
                                       capture_output=True, timeout=20)
                    norm = lambda b: b.decode("utf-8", "replace").replace(tmp, "/root")
                    cases.append({"seed": name, "line": line, "stdout": norm(p.stdout), "stderr": norm(p.stderr), "status": p.returncode})
    json.dump({"recordedWith": "python3 scripts/record-seed-verdicts.py ../shared/seeds (docker client "
               + subprocess.run(["docker", "--version"], capture_output=True, text=True).stdout.strip()
               + ", GNU bash " + subprocess.run(["bash", "-c", "echo $BASH_VERSION"], capture_output=True, text=True).stdout.strip() + ")",
               "cases": cases}, sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write("\n")

if __name__ == "__main__":
    main()
