#!/usr/bin/env python3
"""Fourth recording (same format as record.py, into more.json): network dangling and scope
filters, several filters of one kind (OR) and of labels (AND), reference patterns with tags.
Objects are named rnd-… and removed at the end."""
import json, sys
sys.path.insert(0, ".")
from record import run  # noqa: E402

setup = [
    "docker network create rnd-used", "docker network create rnd-idle",
    "docker run -d --name rnd-a --network rnd-used --label a=1 --label b=2 alpine sleep 1000",
    "docker run -d --name rnd-b --label a=1 alpine sleep 1000",
    "docker create --name rnd-c --network rnd-idle alpine",
]
cases = [
    "docker network ls --filter dangling=true --filter name=rnd", "docker network ls --filter dangling=false --filter name=rnd",
    "docker network ls --filter dangling=true", "docker network ls --filter dangling=false", "docker network ls --filter dangling=x",
    "docker network ls --filter scope=local --filter name=rnd -q --no-trunc", "docker network ls --filter scope=swarm",
    "docker network ls --filter scope=nosuch",
    "docker ps -a --filter label=a --filter label=b --format '{{.Names}}'", "docker ps -a --filter label=a=1 --format '{{.Names}}'",
    "docker ps -a --filter name=rnd-a --filter name=rnd-c --format '{{.Names}}'",
    "docker images --filter reference='nginx:1*' --format '{{.Repository}}:{{.Tag}}'",
    "docker images --filter reference='*:latest' --filter reference='post*' --format '{{.Repository}}:{{.Tag}}'",
    "docker images --filter reference=library/nginx --format '{{.Repository}}:{{.Tag}}'",
    "docker images --filter reference=docker.io/library/nginx:latest --format '{{.Repository}}:{{.Tag}}'",
    "docker inspect --type network -f '{{.Name}} {{len .Containers}}' rnd-used rnd-idle",
]
cleanup = ["docker rm -f rnd-a rnd-b rnd-c", "docker network rm rnd-used rnd-idle"]
out = {"setup": [run(l) for l in setup]}
out["cases"] = [run(l) for l in cases]
out["cleanup"] = [run(l) for l in cleanup]
json.dump(out, open("more.json", "w"), indent=1, ensure_ascii=False)
