#!/usr/bin/env python3
"""Second recording (same format as record.py, into extra.json): published port ranges and
IPv6 bindings, filter errors of images / network ls / volume ls, --format on volume rows, and
inspect of objects in other states. Every object is named rnd-… and removed at the end."""
import json, subprocess, time, sys
sys.path.insert(0, ".")
from record import run  # noqa: E402  (record.py only records when run as a script)

setup = [
    "docker run -d --name rnd-ports -p 8090:8090 -p 8091:8091 -p 9000:80 -p 127.0.0.1:7000:7000/udp --expose 5000-5001 alpine sleep 1000",
    "docker run -d --name rnd-restart --restart on-failure:3 --memory 64m --cpus 1.5 -w /tmp -u nobody --hostname rnd-host -t -i --network host alpine sleep 1000",
    "docker volume create rnd-vol",
    "docker network create --internal --attachable --subnet 10.99.0.0/24 rnd-net2",
    "docker network create --subnet 10.98.0.0/24 --gateway 10.98.0.254 rnd-net3",
    "docker run -d --name rnd-stopped -v rnd-vol:/v nginx",
    "docker stop rnd-stopped",
]
cases = [
    "docker ps --filter name=rnd-ports --format '{{.Ports}}'",
    "docker inspect rnd-ports", "docker inspect rnd-restart", "docker inspect rnd-stopped",
    "docker network inspect rnd-net2 rnd-net3",
    "docker ps -a --filter name=rnd-stopped --format '{{.Status}}|{{.Ports}}|{{.Networks}}|{{.Mounts}}'",
    "docker ps --filter name=rnd-restart --format '{{.Ports}}|{{.Networks}}'",
    "docker images --filter dangling=x", "docker images --filter dangling=1 -q", "docker images --filter before=rnd-nosuch",
    "docker images -q --format '{{.Repository}}'", "docker images --format '{{.Foo}}' rnd-nosuch",
    "docker images --format 'table {{.Foo}}' rnd-nosuch", "docker images rnd-nosuch",
    "docker network ls --filter nosuch=1", "docker network ls --filter name=rnd-net --filter driver=bridge -q",
    "docker network ls -q --format '{{.Name}}'", "docker network ls --format '{{.Foo}}'",
    "docker volume ls --filter nosuch=1", "docker volume ls --filter dangling=x", "docker volume ls --filter name=rnd-vol",
    "docker volume ls --format '{{.Foo}}' --filter name=rnd-vol", "docker volume ls -q --format '{{.Name}}' --filter name=rnd-vol",
    "docker volume ls --format 'table {{.Foo}}' --filter name=rnd-nosuch", "docker volume ls --filter name=rnd-nosuch",
    "docker volume ls --format '{{.Foo' --filter name=rnd-nosuch",
    "docker ps --filter name=rnd-nosuch", "docker ps --filter name=rnd-nosuch --format 'table {{.Names}}'",
    "docker ps --format '{{.Foo' --filter name=rnd-nosuch", "docker ps --filter health=x", "docker ps --filter is-task=x",
    "docker ps -a --filter publish=8090-8091 --format '{{.Names}}'", "docker ps -a --filter publish=7000/udp --format '{{.Names}}'",
    "docker ps -a --filter expose=5000-5001/tcp --format '{{.Names}}'",
    "docker inspect -f '{{.Name}}' rnd-nosuch", "docker inspect -f '{{.Name' rnd-nosuch", "docker inspect --type nosuch rnd-ports",
    "docker inspect -f '{{.Foo}}' rnd-ports rnd-stopped",
    "docker image inspect -f '{{.Id}} {{.Created}}' $(docker images -q -a | sort -u)",
]
cleanup = [
    "docker rm -f -v rnd-ports rnd-restart rnd-stopped", "docker volume rm rnd-vol", "docker network rm rnd-net2 rnd-net3",
]
out = {"setup": [run(l) for l in setup]}
out["cases"] = [run(l) for l in cases]
out["cleanup"] = [run(l) for l in cleanup]
json.dump(out, open("extra.json", "w"), indent=1, ensure_ascii=False)
