#!/usr/bin/env python3
"""Third recording (same format as record.py, into states.json): containers on the host and
none networks, with resource limits, a TTY, a user and a working directory, with a healthcheck,
and a created container connected to a user network before it started. Objects are named rnd-…
and removed at the end."""
import json, sys
sys.path.insert(0, ".")
from record import run  # noqa: E402

setup = [
    "docker network create rnd-sn",
    "docker run -d --name rnd-host --network host --restart on-failure:3 --memory 64m --cpus 1.5 -w /tmp -u root --hostname rnd-h -t -i alpine sleep 1000",
    "docker run -d --name rnd-none --network none -e B=2 --entrypoint sleep alpine 1000",
    "docker run -d --name rnd-hc --health-cmd true --health-interval 1s alpine sleep 1000",
    "docker create --name rnd-c2 --network rnd-sn -v /anon alpine",
    "docker network connect bridge rnd-c2",
    "docker run -d --rm --name rnd-rm --label x=1 nginx",
    "sleep 3",
]
cases = [
    "docker inspect rnd-host", "docker inspect rnd-none", "docker inspect rnd-hc", "docker inspect rnd-c2", "docker inspect rnd-rm",
    "docker network inspect host none rnd-sn",
    "docker ps -a --filter name=rnd- --format '{{.Names}}|{{.Ports}}|{{.Networks}}|{{.Status}}|{{.Command}}|{{.Mounts}}|{{.LocalVolumes}}'",
    "docker ps -a --filter network=host --format '{{.Names}}'", "docker ps -a --filter network=rnd-sn --format '{{.Names}}'",
    "docker ps -a --filter health=healthy --format '{{.Names}}'", "docker ps -a --filter health=none --filter name=rnd- --format '{{.Names}}'",
]
cleanup = [
    "docker rm -f -v rnd-host rnd-none rnd-hc rnd-c2 rnd-rm", "docker network rm rnd-sn",
]
out = {"setup": [run(l) for l in setup]}
out["cases"] = [run(l) for l in cases]
out["cleanup"] = [run(l) for l in cleanup]
json.dump(out, open("states.json", "w"), indent=1, ensure_ascii=False)
